"""Asset screens: the searchable archive, an asset's page and form, its files, bulk edits."""

from __future__ import annotations

from pathlib import Path

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from sklaida.archive import media
from sklaida.archive.collection_forms import asset_ids
from sklaida.archive.forms import AssetFilterForm, AssetForm, BulkEditForm
from sklaida.archive.models import Asset, Collection, archive_storage
from sklaida.archive.renditions_serving import rendition_response
from sklaida.archive.selectors.access import visible_assets
from sklaida.archive.selectors.search import (
    FACET_LIMIT,
    AssetCriteria,
    asset_facets,
    asset_search,
)
from sklaida.archive.services import assets as services
from sklaida.core.files import clean_filename
from sklaida.core.formatting import format_number
from sklaida.core.permissions import (
    department_read_required,
    department_work_required,
)
from sklaida.core.views import discussion_context, paginated, safe_next

PER_PAGE = 48
FACET_PARAMETERS = ("kind", "year", "event", "creator", "access", "selection", "damaged")


def asset_or_404(request: HttpRequest, pk: int) -> Asset:
    queryset = visible_assets(request.user, Asset.objects.select_related("event", "creator"))
    return get_object_or_404(queryset, pk=pk)


def chosen_assets(request: HttpRequest) -> list[Asset]:
    """The assets ticked on a list (`assets` = ids), as far as the user may see them."""
    source = request.POST if request.method == "POST" else request.GET
    ids = asset_ids(source.getlist("assets"))
    queryset = visible_assets(request.user, Asset.objects.filter(pk__in=ids))
    return list(queryset.select_related("event").order_by("captured_at", "pk"))


@department_read_required
def asset_list(request: HttpRequest) -> HttpResponse:
    form = AssetFilterForm(request.GET or None)
    data = form.cleaned_data if form.is_valid() else {}
    criteria = AssetCriteria(
        text=data.get("q") or "",
        kind=data.get("kind") or "",
        year=data.get("year"),
        event=data.get("event"),
        creator=data.get("creator"),
        person=data.get("person"),
        access=data.get("access") or "",
        selection=data.get("selection") or "",
        damaged=bool(data.get("damaged")),
    )
    assets = asset_search(user=request.user, criteria=criteria)
    facets = asset_facets(queryset=assets)
    return render(
        request,
        "archive/asset_list.html",
        {
            "form": form,
            "facets": _facet_links(request, facets) if facets is not None else None,
            "facet_limit": FACET_LIMIT,
            "criteria": criteria,
            "collections": list(Collection.objects.order_by("-created_at")[:100]),
            **paginated(request, assets, per_page=PER_PAGE),
        },
    )


def _facet_links(request: HttpRequest, facets: dict) -> list[dict]:
    """Each facet value with the address that adds it to (or removes it from) the search."""
    titles = {
        "kind": _("Type"),
        "year": _("Year"),
        "event": _("Event"),
        "creator": _("Creator"),
        "access": _("Access"),
        "selection": _("Selection"),
        "damaged": _("Condition"),
    }
    groups = []
    for name in FACET_PARAMETERS:
        values = []
        for facet in facets.get(name, []):
            query = request.GET.copy()
            query.pop("page", None)
            active = query.get(name) == str(facet.value)
            if active:
                query.pop(name)
            else:
                query[name] = str(facet.value)
            values.append({"facet": facet, "active": active, "url": f"?{query.urlencode()}"})
        if values:
            groups.append({"name": name, "title": titles[name], "values": values})
    return groups


@department_read_required
def asset_detail(request: HttpRequest, pk: int) -> HttpResponse:
    asset = asset_or_404(request, pk)
    extension = Path(asset.file.name).suffix
    shows_nothing = (
        asset.kind == Asset.Kind.DOCUMENT
        and asset.rendition_status == Asset.Renditions.READY
        and not asset.preview_url
    )
    return render(
        request,
        "archive/asset_detail.html",
        {
            "asset": asset,
            "format_name": media.format_name(extension),
            # Not a failure: the format (an IDML package) carries no preview picture.
            "no_preview_note": media.no_preview_note(extension) if shows_nothing else "",
            "people": list(asset.people.all()),
            "keywords": list(asset.keywords.all()),
            "look_alikes": list(visible_assets(request.user, asset.near_duplicates.all())[:6]),
            "collections": list(asset.collections.all()),
            **discussion_context(request, asset),
        },
    )


@department_work_required
def asset_edit(request: HttpRequest, pk: int) -> HttpResponse:
    asset = asset_or_404(request, pk)
    form = AssetForm(request.POST or None, request.FILES or None, instance=asset)
    if request.method == "POST" and form.is_valid():
        changes = {
            name: value
            for name, value in form.cleaned_data.items()
            if name in services.DESCRIPTIVE_FIELDS
        }
        if changes.get("consent_document") is None:
            changes.pop("consent_document", None)
        elif changes["consent_document"] is False:  # "clear" ticked
            changes["consent_document"] = ""
        try:
            services.describe_asset(
                actor=request.user,
                asset=asset,
                changes=changes,
                keywords=list(form.cleaned_data["keywords"]),
                people=form.cleaned_data["people"],
            )
        except ValidationError as refused:
            form.add_error(None, refused)
        else:
            messages.success(request, _("The description is saved."))
            return redirect("archive:detail", pk=asset.pk)
    return render(request, "archive/asset_form.html", {"asset": asset, "form": form})


@department_read_required
def rendition(request: HttpRequest, pk: int, name: str) -> FileResponse:
    """A thumbnail, preview, web size, poster, proxy or waveform, for staff."""
    asset = asset_or_404(request, pk)
    # The same address shows the same picture until the renditions are made again.
    return rendition_response(asset, name, cache_control="private, max-age=3600")


@department_read_required
def original(request: HttpRequest, pk: int) -> FileResponse:
    asset = asset_or_404(request, pk)
    try:
        handle = archive_storage().open(asset.file.name, "rb")
    except FileNotFoundError as missing:
        raise Http404 from missing
    # Named for what it holds: a PDF that came as "programa.jpg" downloads as "programa.pdf".
    name = media.download_name(clean_filename(asset.original_name), Path(asset.file.name).suffix)
    return FileResponse(handle, as_attachment=True, filename=name, content_type=asset.mime_type)


@require_POST
@department_work_required
def regenerate(request: HttpRequest) -> HttpResponse:
    assets = chosen_assets(request)
    count = services.regenerate_renditions(actor=request.user, assets=assets)
    messages.info(
        request,
        ngettext(
            "Previews of %(count)s file are being made again.",
            "Previews of %(count)s files are being made again.",
            count,
        )
        % {"count": format_number(count)},
    )
    return redirect(safe_next(request) or reverse("archive:list"))


@require_POST
@department_work_required
def remove_damaged(request: HttpRequest) -> HttpResponse:
    """Remove the ticked files whose previews failed; any other ticked file stays."""
    assets = chosen_assets(request)
    removed = services.remove_damaged_assets(actor=request.user, assets=assets)
    if removed:
        messages.success(
            request,
            ngettext(
                "%(count)d damaged file was removed from the archive.",
                "%(count)d damaged files were removed from the archive.",
                len(removed),
            )
            % {"count": len(removed)},
        )
    if kept := len(assets) - len(removed):
        messages.warning(
            request,
            ngettext(
                "%(count)d file was kept: only files whose previews failed can be removed.",
                "%(count)d files were kept: only files whose previews failed can be removed.",
                kept,
            )
            % {"count": kept},
        )
    return redirect(safe_next(request) or f"{reverse('archive:list')}?damaged=1")


@department_work_required
def bulk_edit(request: HttpRequest) -> HttpResponse:
    assets = chosen_assets(request)
    if not assets:
        messages.warning(request, _("Tick the files to change first."))
        return redirect(safe_next(request) or reverse("archive:list"))
    form = BulkEditForm(request.POST if "apply" in request.POST else None)
    if form.is_valid():
        result = services.bulk_describe(
            actor=request.user,
            assets=assets,
            changes=form.changes(),
            add_keywords=form.keywords(),
            add_people=form.cleaned_data["add_people"],
        )
        if form.cleaned_data["selection"]:
            for asset in result.changed:
                services.review_asset(
                    actor=request.user, asset=asset, selection=form.cleaned_data["selection"]
                )
        messages.success(
            request,
            ngettext("%(count)s file changed.", "%(count)s files changed.", len(result.changed))
            % {"count": format_number(len(result.changed))},
        )
        for asset, reason in result.refused:
            messages.error(request, f"{asset}: {reason}")
        return redirect(safe_next(request) or reverse("archive:list"))
    return render(
        request,
        "archive/bulk_edit.html",
        {"form": form, "assets": assets, "next": safe_next(request) or ""},
    )


@require_POST
@department_work_required
def add_chosen_to_collection(request: HttpRequest) -> HttpResponse:
    """The list's "add to collection": the same POST goes on to the chosen collection."""
    collection = get_object_or_404(Collection, pk=request.POST.get("collection") or 0)
    # 307 keeps the method and the ticked assets.
    return HttpResponseRedirect(reverse("archive:collection_add", args=[collection.pk]), status=307)
