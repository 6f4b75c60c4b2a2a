"""Screens of projects: the list, a project's overview with its lifecycle, partners and
team, and its documents with their versions."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import QuerySet
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from sklaida.core.permissions import Capability, can_view, has_capability
from sklaida.core.spreadsheets import as_xlsx
from sklaida.core.views import discussion_context, paginated
from sklaida.projects import selectors, services
from sklaida.projects.forms import (
    DocumentForm,
    MoveForm,
    PartnerForm,
    ProjectFilterForm,
    ProjectForm,
    TeamMemberForm,
    VersionForm,
)
from sklaida.projects.models import DocumentVersion, Partner, Project, TeamMember

PER_PAGE = 50
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def project_or_404(request: HttpRequest, pk: int, *, for_work: bool = False) -> Project:
    """The project if the user may see it (and change it, `for_work`); 404 or 403 else.
    Every page of a project starts here."""
    project = get_object_or_404(
        Project.objects.select_related("funder", "call__funder", "manager", "library"), pk=pk
    )
    if not can_view(request.user, project):
        raise PermissionDenied
    if for_work and not services.may_work(request.user):
        raise PermissionDenied
    return project


def may_read_projects(request: HttpRequest) -> None:
    """The department, and territory specialists for their library's projects (5.4)."""
    if not (
        has_capability(request.user, Capability.READ_DEPARTMENT)
        or has_capability(request.user, Capability.WORK_FOR_OWN_LIBRARY)
    ):
        raise PermissionDenied


def _filtered(request: HttpRequest) -> tuple[ProjectFilterForm, QuerySet[Project]]:
    form = ProjectFilterForm(request.GET or None)
    data = form.cleaned_data if form.is_valid() else {}
    criteria = selectors.ProjectFilter(
        q=data.get("q") or "",
        status=data.get("status") or "",
        funder=data["funder"].pk if data.get("funder") else None,
        role=data.get("role") or "",
    )
    return form, selectors.project_list(request.user, criteria)


def project_list(request: HttpRequest) -> HttpResponse:
    may_read_projects(request)
    form, projects = _filtered(request)
    return render(
        request,
        "projects/project_list.html",
        {
            "form": form,
            "may_work": services.may_work(request.user),
            **paginated(request, projects, per_page=PER_PAGE),
        },
    )


def project_export(request: HttpRequest) -> HttpResponse:
    """The list as filtered, as a spreadsheet (formulas neutralised by core.spreadsheets)."""
    may_read_projects(request)
    _form, projects = _filtered(request)
    rows = [
        [
            _("Project"),
            _("Funder"),
            _("Funding call"),
            _("Status"),
            _("Our role"),
            _("Library"),
            _("Project manager"),
            _("Starts"),
            _("Ends"),
            _("Requested, EUR"),
            _("Granted, EUR"),
        ]
    ]
    rows.extend(
        [
            project.title,
            project.funder.name if project.funder else "",
            project.call.title if project.call else "",
            project.get_status_display(),
            project.get_role_display(),
            project.library.name,
            project.manager.get_full_name() or project.manager.username,
            project.starts_on,
            project.ends_on,
            project.requested_amount,
            project.granted_amount,
        ]
        for project in projects.iterator(chunk_size=500)
    )
    response = HttpResponse(as_xlsx(rows, title=_("Projects")), content_type=XLSX)
    response["Content-Disposition"] = (
        f'attachment; filename="projektai-{timezone.localdate():%Y-%m-%d}.xlsx"'
    )
    return response


def _save_project(request: HttpRequest, project: Project, *, title: str) -> HttpResponse:
    form = ProjectForm(request.POST or None, instance=project)
    if request.method == "POST" and form.is_valid():
        saved = form.save(commit=False)
        links = {
            "territory_libraries": form.cleaned_data["territory_libraries"],
            "plan_activities": form.cleaned_data["plan_activities"],
        }
        try:
            if saved.pk:
                services.update_project(actor=request.user, project=saved, **links)
            else:
                services.create_project(actor=request.user, project=saved, **links)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The project has been saved."))
            return redirect(saved)
    return render(
        request,
        "projects/project_form.html",
        {"form": form, "title": title, "project": project if project.pk else None},
    )


def project_create(request: HttpRequest) -> HttpResponse:
    if not services.may_work(request.user):
        raise PermissionDenied
    project = Project(manager=request.user)
    if request.method == "GET" and request.GET.get("kvietimas", "").isdigit():
        project.call_id = int(request.GET["kvietimas"])
    return _save_project(request, project, title=_("New project"))


def project_edit(request: HttpRequest, pk: int) -> HttpResponse:
    project = project_or_404(request, pk, for_work=True)
    return _save_project(request, project, title=_("Edit the project"))


def project_detail(request: HttpRequest, pk: int) -> HttpResponse:
    project_or_404(request, pk)
    project = selectors.project_for_page(pk).get()
    may_work = services.may_work(request.user)
    return render(
        request,
        "projects/project_detail.html",
        {
            "project": project,
            "tab": "overview",
            "may_work": may_work,
            "moves": services.allowed_moves(request.user, project),
            "move_form": MoveForm(),
            "partner_form": PartnerForm() if may_work else None,
            "member_form": TeamMemberForm() if may_work else None,
            **discussion_context(request, project),
        },
    )


@require_POST
def project_move(request: HttpRequest, pk: int) -> HttpResponse:
    project = project_or_404(request, pk, for_work=True)
    form = MoveForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose the new status."))
        return redirect(project)
    try:
        services.move_project(
            actor=request.user,
            project=project,
            to_status=form.cleaned_data["status"],
            note=form.cleaned_data["note"],
            granted_amount=form.cleaned_data["granted_amount"],
            contract_number=form.cleaned_data["contract_number"],
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("The project is now “%(status)s”.")
            % {"status": Project.Status(form.cleaned_data["status"]).label},
        )
    return redirect(project)


@require_POST
def partner_add(request: HttpRequest, pk: int) -> HttpResponse:
    project = project_or_404(request, pk, for_work=True)
    form = PartnerForm(request.POST, instance=Partner(project=project))
    if form.is_valid():
        try:
            services.add_partner(actor=request.user, partner=form.save(commit=False))
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The partner has been added."))
    else:
        messages.error(request, _("Choose the partner organisation."))
    return redirect(project)


@require_POST
def partner_remove(request: HttpRequest, pk: int, partner_pk: int) -> HttpResponse:
    project = project_or_404(request, pk, for_work=True)
    partner = get_object_or_404(Partner, pk=partner_pk, project=project)
    services.remove_partner(actor=request.user, partner=partner)
    messages.success(request, _("The partner has been removed."))
    return redirect(project)


@require_POST
def member_add(request: HttpRequest, pk: int) -> HttpResponse:
    project = project_or_404(request, pk, for_work=True)
    form = TeamMemberForm(request.POST, instance=TeamMember(project=project))
    if form.is_valid():
        try:
            services.add_team_member(actor=request.user, member=form.save(commit=False))
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The team member has been added."))
    else:
        messages.error(request, _("Choose a colleague or write the person's name, and the role."))
    return redirect(project)


@require_POST
def member_remove(request: HttpRequest, pk: int, member_pk: int) -> HttpResponse:
    project = project_or_404(request, pk, for_work=True)
    member = get_object_or_404(TeamMember, pk=member_pk, project=project)
    services.remove_team_member(actor=request.user, member=member)
    messages.success(request, _("The team member has been removed."))
    return redirect(project)


def documents(request: HttpRequest, pk: int) -> HttpResponse:
    project = project_or_404(request, pk)
    may_work = services.may_work(request.user)
    form = DocumentForm(request.POST or None, request.FILES or None) if may_work else None
    if request.method == "POST":
        if form is None:
            raise PermissionDenied
        if form.is_valid():
            try:
                services.add_document_version(
                    actor=request.user,
                    project=project,
                    uploaded=form.cleaned_data["file"],
                    kind=form.cleaned_data["kind"],
                    title=form.cleaned_data["title"],
                    note=form.cleaned_data["note"],
                )
            except ValidationError as error:
                form.add_error("file", error)
            else:
                messages.success(request, _("The document has been filed."))
                return redirect("projects:documents", pk=project.pk)
    return render(
        request,
        "projects/documents.html",
        {
            "project": project,
            "tab": "documents",
            "may_work": may_work,
            "form": form,
            "version_form": VersionForm() if may_work else None,
            "documents": selectors.documents_of(project),
        },
    )


@require_POST
def document_version_add(request: HttpRequest, pk: int, document_pk: int) -> HttpResponse:
    project = project_or_404(request, pk, for_work=True)
    document = get_object_or_404(project.documents, pk=document_pk)
    form = VersionForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            version = services.add_document_version(
                actor=request.user,
                document=document,
                uploaded=form.cleaned_data["file"],
                note=form.cleaned_data["note"],
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request,
                _("Version %(number)s of “%(title)s” has been filed.")
                % {"number": version.number, "title": document.title},
            )
    else:
        messages.error(request, _("Choose the file of the new version."))
    return redirect("projects:documents", pk=project.pk)


def document_download(request: HttpRequest, pk: int, version_pk: int) -> FileResponse:
    project = project_or_404(request, pk)
    version = get_object_or_404(
        DocumentVersion.objects.select_related("document"),
        pk=version_pk,
        document__project=project,
    )
    try:
        handle = version.file.open("rb")
    except FileNotFoundError as missing:
        raise Http404 from missing
    return FileResponse(
        handle, as_attachment=True, filename=version.original_name, content_type=version.media_type
    )
