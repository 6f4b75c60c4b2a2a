"""Screens of the space projects (4.4): the list, a project with its items and photos, the
forms. The department reads them; the head and the specialists change them."""

from __future__ import annotations

from decimal import Decimal

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, pgettext

from sklaida.archive.selectors.access import visible_assets
from sklaida.core.formatting import format_number
from sklaida.core.permissions import department_read_required, department_work_required
from sklaida.core.views import discussion_context, paginated
from sklaida.design import selectors_spaces as selectors
from sklaida.design import services_spaces as services
from sklaida.design.forms_spaces import ItemForm, PhotosForm, ProjectFilterForm, ProjectForm
from sklaida.design.models import SpaceItem, SpaceProject

PER_PAGE = 50


def _project_or_404(request: HttpRequest, pk: int) -> SpaceProject:
    try:
        return selectors.project_for(user=request.user, pk=pk)
    except SpaceProject.DoesNotExist as missing:
        raise Http404 from missing


@department_read_required
def project_list(request: HttpRequest) -> HttpResponse:
    form = ProjectFilterForm(request.GET or None)
    criteria = form.cleaned_data if form.is_valid() else {}
    projects = selectors.project_list(
        user=request.user,
        library=criteria.get("library"),
        status=criteria.get("status") or "",
        space=criteria.get("space"),
    )
    context = paginated(request, projects, per_page=PER_PAGE)
    rows = [
        (project, selectors.spaces_of_project(project)) for project in context["page"].object_list
    ]
    return render(
        request,
        "design/space_project_list.html",
        {
            "form": form,
            **context,
            "rows": rows,
            "may_change": services.may_change_spaces(request.user),
        },
    )


@department_read_required
def project_detail(request: HttpRequest, pk: int) -> HttpResponse:
    project = _project_or_404(request, pk)
    groups = selectors.items_by_space(project)
    photos = visible_assets(request.user, project.photos.all()).order_by("captured_at", "pk")
    return render(
        request,
        "design/space_project_detail.html",
        {
            "project": project,
            "groups": groups,
            "total_cost": sum((group.cost for group in groups), Decimal(0)),
            "item_count": sum(len(group.items) for group in groups),
            "photos": list(photos),
            "may_change": services.may_change_spaces(request.user),
            **discussion_context(request, project),
        },
    )


@department_work_required
def project_create(request: HttpRequest) -> HttpResponse:
    form = ProjectForm(
        request.POST or None,
        initial={"responsible": request.user, "library": request.user.library_id},
    )
    if request.method == "POST" and form.is_valid():
        project = services.create_project(
            actor=request.user,
            **{name: form.cleaned_data[name] for name in services.PROJECT_FIELDS},
        )
        messages.success(request, _("The space project has been created. Add its items."))
        return redirect(project)
    return render(
        request,
        "design/space_project_form.html",
        {"form": form, "title": _("New space project")},
    )


@department_work_required
def project_edit(request: HttpRequest, pk: int) -> HttpResponse:
    project = _project_or_404(request, pk)
    form = ProjectForm(request.POST or None, instance=project)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.update_project(
                actor=request.user,
                project=SpaceProject.objects.get(pk=project.pk),
                status=data["status"],
                **{name: data[name] for name in services.PROJECT_FIELDS},
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The space project has been saved."))
            return redirect(project)
    return render(
        request,
        "design/space_project_form.html",
        {
            "form": form,
            "project": project,
            "title": _("Edit the space project"),
        },
    )


def _item_form_page(request: HttpRequest, project: SpaceProject, item: SpaceItem | None):
    form = ItemForm(
        request.POST or None,
        instance=item or SpaceItem(project=project),
        initial=None if item else {"space": request.GET.get("space")},
    )
    if request.method == "POST" and form.is_valid():
        fields = {name: form.cleaned_data[name] for name in services.ITEM_FIELDS}
        try:
            if item is None:
                services.add_item(actor=request.user, project=project, **fields)
                messages.success(request, _("The item has been added."))
            else:
                services.update_item(
                    actor=request.user, item=SpaceItem.objects.get(pk=item.pk), **fields
                )
                messages.success(request, pgettext("space project", "The item has been saved."))
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return redirect(project.get_absolute_url() + "#items")
    return render(
        request,
        "design/space_item_form.html",
        {
            "form": form,
            "project": project,
            "item": item,
            "title": _("Edit the item") if item else _("New item"),
        },
    )


@department_work_required
def item_create(request: HttpRequest, pk: int) -> HttpResponse:
    return _item_form_page(request, _project_or_404(request, pk), None)


@department_work_required
def item_edit(request: HttpRequest, pk: int, item_pk: int) -> HttpResponse:
    project = _project_or_404(request, pk)
    item = project.items.filter(pk=item_pk).first()
    if item is None:
        raise Http404
    return _item_form_page(request, project, item)


@department_work_required
def photos_upload(request: HttpRequest, pk: int) -> HttpResponse:
    """Photos of the result, filed in the media archive; refused files are named with the
    archive's reason."""
    project = _project_or_404(request, pk)
    form = PhotosForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        results = services.file_photos(
            actor=request.user, project=project, files=form.cleaned_data["photos"]
        )
        filed = [result for result in results if result.filed]
        if filed:
            messages.success(
                request,
                ngettext(
                    "%(count)s photo has been filed in the media archive.",
                    "%(count)s photos have been filed in the media archive.",
                    len(filed),
                )
                % {"count": format_number(len(filed))},
            )
        for result in results:
            if not result.filed:
                messages.error(
                    request,
                    _("“%(name)s” was not filed: %(reason)s")
                    % {"name": result.name, "reason": result.message},
                )
        return redirect(project.get_absolute_url() + "#photos")
    return render(
        request,
        "design/space_project_photos.html",
        {
            "form": form,
            "project": project,
        },
    )
