"""Screens of collections: list, page, edit, adding and ordering assets, ZIP and BagIt
downloads, share links and the page a share link opens."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from sklaida.archive import storage
from sklaida.archive.collection_forms import CollectionForm, ShareLinkForm, asset_ids
from sklaida.archive.models import Asset, BagExport, Collection, ShareLink, archive_storage
from sklaida.archive.renditions_serving import display_rendition, rendition_response
from sklaida.archive.selectors import collections as selectors
from sklaida.archive.selectors.access import may_see_restricted, visible_assets
from sklaida.archive.services import collections as services
from sklaida.archive.services import preservation
from sklaida.archive.zipping import zip_response
from sklaida.core.formatting import format_number
from sklaida.core.notifications import absolute_url
from sklaida.core.permissions import (
    Capability,
    department_read_required,
    department_work_required,
    has_capability,
)
from sklaida.core.views import paginated

PER_PAGE = 30
ASSETS_PER_PAGE = 60


def _require_bag_access(request: HttpRequest) -> None:
    # A bag holds restricted assets too (see services.preservation.export_bag).
    if not may_see_restricted(request.user):
        raise PermissionDenied


def _collection_or_404(request: HttpRequest, pk: int) -> Collection:
    try:
        return selectors.collection_for(user=request.user, pk=pk)
    except Collection.DoesNotExist:
        raise Http404 from None


def _posted_assets(request: HttpRequest) -> list[Asset]:
    return list(Asset.objects.filter(pk__in=asset_ids(request.POST.getlist("assets"))))


@department_read_required
def collection_list(request: HttpRequest) -> HttpResponse:
    collections = selectors.collection_list(user=request.user)
    return render(
        request,
        "archive/collections/list.html",
        paginated(request, collections, per_page=PER_PAGE),
    )


@department_work_required
def collection_form(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    """Create a collection, or edit one (`pk`)."""
    collection = _collection_or_404(request, pk) if pk else None
    form = CollectionForm(request.POST or None, instance=collection)
    if request.method == "POST" and form.is_valid():
        fields = {name: form.cleaned_data[name] for name in CollectionForm.Meta.fields}
        if collection:
            services.update_collection(actor=request.user, collection=collection, **fields)
            messages.success(request, _("The collection has been saved."))
        else:
            collection = services.create_collection(actor=request.user, **fields)
            messages.success(request, _("The collection has been created."))
        return redirect("archive:collection_detail", pk=collection.pk)
    return render(
        request,
        "archive/collections/form.html",
        {
            "form": form,
            "collection": collection,
            "title": _("Edit the collection") if collection else _("New collection"),
        },
    )


def _with_addresses(links) -> list[ShareLink]:
    """Share links with `url`, the absolute address to send (SITE_URL, not the request's host)."""
    links = list(links)
    for link in links:
        link.url = absolute_url(reverse("archive:shared_collection", args=[link.token]))
    return links


@department_read_required
def collection_detail(request: HttpRequest, pk: int) -> HttpResponse:
    collection = _collection_or_404(request, pk)
    may_work = has_capability(request.user, Capability.WORK_IN_DEPARTMENT)
    may_bag = may_see_restricted(request.user)
    assets = selectors.collection_assets(user=request.user, collection=collection)
    return render(
        request,
        "archive/collections/detail.html",
        {
            "collection": collection,
            **paginated(request, assets, per_page=ASSETS_PER_PAGE),
            "may_work": may_work,
            "may_bag": may_bag,
            "candidates": (
                selectors.event_candidates(user=request.user, collection=collection)
                if may_work
                else []
            ),
            "share_links": _with_addresses(selectors.share_links_of(collection))
            if may_work
            else [],
            "share_form": ShareLinkForm() if may_work else None,
            "bag_export": selectors.latest_bag_export(collection) if may_bag else None,
        },
    )


@require_POST
@department_work_required
def collection_add(request: HttpRequest, pk: int) -> HttpResponse:
    """Add the posted `assets` (ids) to the collection; other screens post here too."""
    collection = _collection_or_404(request, pk)
    added = services.add_to_collection(
        actor=request.user, collection=collection, assets=_posted_assets(request)
    )
    if added:
        messages.success(
            request,
            ngettext("%(count)s asset has been added.", "%(count)s assets have been added.", added)
            % {"count": format_number(added)},
        )
    else:
        messages.info(request, _("Nothing was added: choose assets not yet in the collection."))
    return redirect("archive:collection_detail", pk=collection.pk)


@require_POST
@department_work_required
def collection_remove(request: HttpRequest, pk: int) -> HttpResponse:
    collection = _collection_or_404(request, pk)
    removed = services.remove_from_collection(
        actor=request.user, collection=collection, assets=_posted_assets(request)
    )
    messages.success(
        request,
        ngettext(
            "%(count)s asset has been taken out of the collection.",
            "%(count)s assets have been taken out of the collection.",
            removed,
        )
        % {"count": format_number(removed)},
    )
    return redirect("archive:collection_detail", pk=collection.pk)


@require_POST
@department_work_required
def collection_move(request: HttpRequest, pk: int) -> HttpResponse:
    """Move one asset a place earlier (the `earlier` button) or later (`later`)."""
    collection = _collection_or_404(request, pk)
    offset = -1 if "earlier" in request.POST else 1
    ids = asset_ids([request.POST.get("earlier") or request.POST.get("later") or ""])
    asset = Asset.objects.filter(pk__in=ids).first()
    if asset is None:
        messages.error(request, _("Choose the asset to move."))
        return redirect("archive:collection_detail", pk=collection.pk)
    try:
        services.move_in_collection(
            actor=request.user, collection=collection, asset=asset, offset=offset
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect(
        reverse("archive:collection_detail", args=[collection.pk]) + f"#asset-{asset.pk}"
    )


@department_read_required
def collection_zip(request: HttpRequest, pk: int) -> HttpResponse:
    """The originals of the collection that the user may see, as one streamed ZIP."""
    collection = _collection_or_404(request, pk)
    assets = selectors.collection_assets(user=request.user, collection=collection)
    return zip_response(
        assets.only("pk", "file", "size", "original_name"), filename=f"{collection.title}.zip"
    )


@department_read_required
def assets_zip(request: HttpRequest) -> HttpResponse:
    """`?assets=1,2,3`: the chosen originals that the user may see, as one streamed ZIP."""
    ids = asset_ids(request.GET.getlist("assets"))
    if not ids:
        return render(request, "archive/collections/no_assets.html", status=400)
    order = {pk: index for index, pk in enumerate(ids)}
    assets = visible_assets(request.user, Asset.objects.filter(pk__in=ids)).only(
        "pk", "file", "size", "original_name"
    )
    chosen = sorted(assets, key=lambda asset: order[asset.pk])
    filename = f"sklaida-{timezone.localdate():%Y-%m-%d}.zip"
    return zip_response(chosen, filename=filename)


# BagIt ----------------------------------------------------------------------------------


@require_POST
def bag_export_create(request: HttpRequest, pk: int) -> HttpResponse:
    _require_bag_access(request)
    collection = _collection_or_404(request, pk)
    preservation.export_bag(collection=collection, actor=request.user)
    messages.success(request, _("The bag is being packed; this page shows when it is ready."))
    return redirect(reverse("archive:collection_detail", args=[collection.pk]) + "#bagit")


def _bag_export_or_404(request: HttpRequest, pk: int) -> BagExport:
    _require_bag_access(request)
    try:
        return BagExport.objects.select_related("collection").get(pk=pk)
    except BagExport.DoesNotExist:
        raise Http404 from None


def bag_export_status(request: HttpRequest, pk: int) -> HttpResponse:
    """The export's progress: the partial the collection page polls, or a page of its own."""
    export = _bag_export_or_404(request, pk)
    template = (
        "archive/collections/_bag_status.html"
        if request.htmx
        else "archive/collections/bag_export.html"
    )
    return render(request, template, {"bag_export": export})


def bag_export_download(request: HttpRequest, pk: int) -> HttpResponse:
    """The packed bag, streamed from the archive's storage (bags run to gigabytes)."""
    export = _bag_export_or_404(request, pk)
    key = export.file.name
    if export.status != BagExport.Status.FINISHED or not key or not archive_storage().exists(key):
        raise Http404
    response = StreamingHttpResponse(storage.chunks(key), content_type="application/zip")
    response["Content-Length"] = str(archive_storage().size(key))
    response["Content-Disposition"] = content_disposition_header(
        as_attachment=True, filename=preservation.bag_download_name(export)
    )
    response["Cache-Control"] = "private, no-store"
    return response


# Share links ----------------------------------------------------------------------------


@require_POST
@department_work_required
def share_link_create(request: HttpRequest, pk: int) -> HttpResponse:
    collection = _collection_or_404(request, pk)
    form = ShareLinkForm(request.POST)
    if form.is_valid():
        try:
            services.create_share_link(
                actor=request.user,
                collection=collection,
                note=form.cleaned_data["note"],
                expires_on=form.cleaned_data["expires_on"],
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The share link has been created; copy it below."))
    else:
        messages.error(request, _("No link was created: give the date it is valid until."))
    return redirect(reverse("archive:collection_detail", args=[collection.pk]) + "#share-links")


@require_POST
@department_work_required
def share_link_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        link = ShareLink.objects.select_related("collection").get(pk=pk)
    except ShareLink.DoesNotExist:
        raise Http404 from None
    services.revoke_share_link(actor=request.user, link=link)
    messages.success(request, _("The share link has been revoked: it no longer opens."))
    return redirect(
        reverse("archive:collection_detail", args=[link.collection_id]) + "#share-links"
    )


def _valid_link_or_gone(request: HttpRequest, token: str) -> ShareLink | HttpResponse:
    try:
        link = selectors.share_link(token=token)
    except ShareLink.DoesNotExist:
        raise Http404 from None
    if not link.is_valid:
        response = render(
            request, "archive/collections/share_gone.html", {"link": link}, status=410
        )
        response["X-Robots-Tag"] = "noindex"
        return response
    return link


@login_not_required
def shared_collection(request: HttpRequest, token: str) -> HttpResponse:
    """The page a share link opens, for people without an account."""
    link = _valid_link_or_gone(request, token)
    if isinstance(link, HttpResponse):
        return link
    assets = selectors.shared_assets(link).only(
        "pk", "title", "description", "renditions", "original_name", "size"
    )
    context = paginated(request, assets, per_page=ASSETS_PER_PAGE)
    pictures = [(asset, display_rendition(asset)) for asset in context["page"].object_list]
    response = render(
        request,
        "archive/collections/shared.html",
        {"link": link, "collection": link.collection, "pictures": pictures, **context},
    )
    # The address is the key: keep it out of search engines and other sites' logs.
    response["X-Robots-Tag"] = "noindex"
    response["Referrer-Policy"] = "no-referrer"
    return response


@login_not_required
def shared_zip(request: HttpRequest, token: str) -> HttpResponse:
    link = _valid_link_or_gone(request, token)
    if isinstance(link, HttpResponse):
        return link
    assets = selectors.shared_assets(link).only("pk", "file", "size", "original_name")
    return zip_response(assets, filename=f"{link.collection.title}.zip")


@login_not_required
def shared_rendition(request: HttpRequest, token: str, asset: int, name: str) -> HttpResponse:
    """A picture on the share page: only of the link's shareable assets."""
    link = _valid_link_or_gone(request, token)
    if isinstance(link, HttpResponse):
        return link
    found = selectors.shared_assets(link).filter(pk=asset).only("pk", "renditions").first()
    if found is None:
        raise Http404
    return rendition_response(found, name, cache_control="private, max-age=3600")
