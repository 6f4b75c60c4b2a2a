"""Screens of the brand kit (4.1): its versions, and the logos, colours, fonts and
templates of each."""

from __future__ import annotations

import mimetypes

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from sklaida.core.files import clean_filename
from sklaida.core.permissions import Capability, has_capability
from sklaida.design import colours, kits
from sklaida.design.files import save_checked
from sklaida.design.forms import KIT_PARTS, KitForm
from sklaida.design.models import BrandKit

PART_TITLES = {
    "spalvos": _("Add a colour"),
    "logotipai": _("Add a logo"),
    "sriftai": _("Add a font"),
    "sablonai": _("Add a template"),
}


def _may_read(request: HttpRequest) -> None:
    if not has_capability(request.user, Capability.READ_DEPARTMENT):
        raise PermissionDenied


def _kit_or_404(pk: int) -> BrandKit:
    return get_object_or_404(
        BrandKit.objects.prefetch_related("logos", "colours", "fonts", "templates"), pk=pk
    )


def kit_list(request: HttpRequest) -> HttpResponse:
    _may_read(request)
    return render(
        request,
        "design/kit_list.html",
        {
            "kits": BrandKit.objects.select_related("created_by").order_by("-version"),
            "may_work": has_capability(request.user, Capability.WORK_IN_DEPARTMENT),
        },
    )


def kit_create(request: HttpRequest) -> HttpResponse:
    if not has_capability(request.user, Capability.WORK_IN_DEPARTMENT):
        raise PermissionDenied
    form = KitForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        kit = kits.new_version(
            actor=request.user,
            name=form.cleaned_data["name"],
            usage_rules=form.cleaned_data["usage_rules"],
        )
        messages.success(
            request,
            _("Version %(version)s has been created as a copy of the current kit.")
            % {"version": kit.version},
        )
        return redirect(kit)
    return render(
        request, "design/kit_form.html", {"form": form, "title": _("New version of the brand kit")}
    )


def kit_detail(request: HttpRequest, pk: int) -> HttpResponse:
    _may_read(request)
    kit = _kit_or_404(pk)
    return render(
        request,
        "design/kit_detail.html",
        {
            "kit": kit,
            "may_edit": kits.may_edit(request.user, kit),
            "may_make_current": kits.may_make_current(request.user, kit),
            "incomplete": kits.incomplete(kit) if not kit.is_current else [],
            "required_ratio": colours.ratio_text(colours.AA_TEXT, None),
            "aa_text": colours.AA_TEXT,
        },
    )


def kit_edit(request: HttpRequest, pk: int) -> HttpResponse:
    kit = _kit_or_404(pk)
    kits.check_editable(request.user, kit)
    form = KitForm(request.POST or None, instance=kit)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("The brand kit has been saved."))
        return redirect(kit)
    return render(
        request,
        "design/kit_form.html",
        {"form": form, "kit": kit, "title": _("Change the brand kit")},
    )


@require_POST
def kit_make_current(request: HttpRequest, pk: int) -> HttpResponse:
    kit = _kit_or_404(pk)
    try:
        kits.make_current(actor=request.user, kit=kit)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("Version %(version)s is now the Library's brand kit; the public site wears it.")
            % {"version": kit.version},
        )
    return redirect(kit)


def _part(part: str):
    if part not in KIT_PARTS:
        raise Http404
    return KIT_PARTS[part]


def kit_part_add(request: HttpRequest, pk: int, part: str) -> HttpResponse:
    kit = _kit_or_404(pk)
    kits.check_editable(request.user, kit)
    form_class, model = _part(part)
    form = form_class(request.POST or None, request.FILES or None, instance=model(kit=kit))
    if request.method == "POST" and form.is_valid():
        row = form.save(commit=False)
        try:
            # The form leaves out the kit, so it cannot see "this font style is there already".
            row.validate_constraints()
        except ValidationError as error:
            form.add_error(None, error)
            return render(
                request,
                "design/kit_form.html",
                {"form": form, "kit": kit, "title": PART_TITLES[part], "multipart": True},
            )
        checked = getattr(form, "checked", None)
        if checked is not None:
            save_checked(row.file, checked)
            if hasattr(row, "media_type"):
                row.media_type = checked.media_type
        row.save()
        messages.success(request, _("“%(name)s” has been added.") % {"name": row})
        return redirect(kit)
    return render(
        request,
        "design/kit_form.html",
        {"form": form, "kit": kit, "title": PART_TITLES[part], "multipart": True},
    )


@require_POST
def kit_part_delete(request: HttpRequest, pk: int, part: str, part_pk: int) -> HttpResponse:
    kit = _kit_or_404(pk)
    kits.check_editable(request.user, kit)
    model = _part(part)[1]
    row = get_object_or_404(model, kit=kit, pk=part_pk)
    row.delete()
    messages.success(request, _("“%(name)s” has been removed from the kit.") % {"name": row})
    return redirect(kit)


def kit_file(request: HttpRequest, pk: int, part: str, part_pk: int) -> FileResponse:
    """A logo or font file of the kit, for the staff (the public site has its own route)."""
    _may_read(request)
    if part not in ("logotipai", "sriftai"):
        raise Http404
    model = KIT_PARTS[part][1]
    row = get_object_or_404(model, kit_id=pk, pk=part_pk)
    name = clean_filename(row.file.name.rsplit("/", 1)[-1])
    media_type = getattr(row, "media_type", "") or mimetypes.guess_type(name)[0]
    inline = part == "logotipai" and row.is_picture
    try:
        opened = row.file.open("rb")
    except FileNotFoundError as missing:
        raise Http404 from missing
    response = FileResponse(
        opened,
        as_attachment=not inline,
        filename=name,
        content_type=media_type or "application/octet-stream",
    )
    if media_type == "image/svg+xml":
        # A logo is sanitised when uploaded; this keeps any script inert all the same.
        response["Content-Security-Policy"] = "default-src 'none'; style-src 'unsafe-inline'"
    return response
