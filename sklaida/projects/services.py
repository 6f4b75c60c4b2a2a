"""Projects from idea to closure: every write and every step of the lifecycle.

A project moves only along TRANSITIONS, one recorded step at a time, so the pipeline and
the funder's history can trust its dates: submitting sets the submission date and the
amount asked (the budget's funder share unless typed), a decision sets the decision date
and the amount granted. Funders, calls and their rules are reference data the department
keeps itself. Writes need department work rights; a territory library's specialist reads
her library's projects (5.4) but does not change them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Max, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from sklaida.core.files import clean_filename
from sklaida.core.models import User
from sklaida.core.permissions import Capability, has_capability
from sklaida.core.validators import validate_attachment
from sklaida.projects.models import (
    CostCap,
    Document,
    DocumentVersion,
    Funder,
    FundingCall,
    Partner,
    Project,
    StatusChange,
    TeamMember,
)

S = Project.Status

# Rejected applications may be prepared again for another call; an idea or an approved
# project the Library declines is closed.
TRANSITIONS: dict[str, frozenset[str]] = {
    S.IDEA: frozenset({S.PREPARING, S.CLOSED}),
    S.PREPARING: frozenset({S.IDEA, S.SUBMITTED, S.CLOSED}),
    S.SUBMITTED: frozenset({S.EVALUATION, S.APPROVED, S.REJECTED}),
    S.EVALUATION: frozenset({S.APPROVED, S.REJECTED}),
    S.APPROVED: frozenset({S.CONTRACT, S.CLOSED}),
    S.REJECTED: frozenset({S.PREPARING, S.CLOSED}),
    S.CONTRACT: frozenset({S.IMPLEMENTATION}),
    S.IMPLEMENTATION: frozenset({S.REPORTING}),
    S.REPORTING: frozenset({S.IMPLEMENTATION, S.CLOSED}),
    S.CLOSED: frozenset(),
}

# What other parts of the app do when a project changes (e.g. report deadlines follow the
# project's end date): functions (project, actor) called after each saved change.
_after_change: list[Callable[[Project, User], None]] = []


def on_project_change(function: Callable[[Project, User], None]) -> None:
    _after_change.append(function)


def may_work(user: User) -> bool:
    return has_capability(user, Capability.WORK_IN_DEPARTMENT)


def _require_work(user: User) -> None:
    if not may_work(user):
        raise PermissionDenied


def allowed_moves(user: User, project: Project) -> list[tuple[str, str]]:
    """The statuses `user` may move `project` to, as (value, label), in lifecycle order."""
    if not may_work(user):
        return []
    return [(value, label) for value, label in S.choices if value in TRANSITIONS[project.status]]


def _changed(project: Project, actor: User) -> None:
    for function in _after_change:
        function(project, actor)


def save_funder(*, actor: User, funder: Funder) -> Funder:
    _require_work(actor)
    funder.full_clean()
    funder.save()
    return funder


def save_call(
    *, actor: User, call: FundingCall, caps: Iterable[CostCap] = (), deleted_caps=()
) -> FundingCall:
    """Save a call with its cost caps; the projects applying to it follow its new terms."""
    _require_work(actor)
    with transaction.atomic():
        call.full_clean()
        call.save()
        for cap in deleted_caps:
            if cap.pk:
                cap.delete()
        for cap in caps:
            cap.call = call
            cap.full_clean()
            cap.save()
        projects = list(call.projects.exclude(status=S.CLOSED))
        for project in projects:
            _changed(project, actor)
    return call


def create_project(
    *, actor: User, project: Project, territory_libraries=None, plan_activities=None
) -> Project:
    _require_work(actor)
    with transaction.atomic():
        if project.call_id and not project.funder_id:
            project.funder = project.call.funder
        project.created_by = actor
        project.full_clean()
        project.save()
        if territory_libraries is not None:
            project.territory_libraries.set(territory_libraries)
        if plan_activities is not None:
            project.plan_activities.set(plan_activities)
        StatusChange.objects.create(
            project=project, from_status="", to_status=project.status, changed_by=actor
        )
        _changed(project, actor)
    return project


def update_project(
    *, actor: User, project: Project, territory_libraries=None, plan_activities=None
) -> Project:
    _require_work(actor)
    with transaction.atomic():
        if project.call_id:
            project.funder = project.call.funder
        project.full_clean()
        project.save()
        if territory_libraries is not None:
            project.territory_libraries.set(territory_libraries)
        if plan_activities is not None:
            project.plan_activities.set(plan_activities)
        _changed(project, actor)
    return project


def funder_share_of_budget(project: Project) -> Decimal:
    total = project.budget_lines.aggregate(total=Sum("funder_amount"))["total"]
    return total or Decimal("0.00")


def move_project(
    *,
    actor: User,
    project: Project,
    to_status: str,
    note: str = "",
    granted_amount: Decimal | None = None,
    contract_number: str = "",
) -> Project:
    """Move a project one step along its lifecycle, recording who and when.

    Submitting needs a budget or a typed request; an approval records the amount granted
    (the amount asked when none is given); a rejection records the decision date."""
    _require_work(actor)
    if to_status not in S.values:
        raise ValidationError(_("Unknown status."))
    with transaction.atomic():
        project = Project.objects.select_for_update().get(pk=project.pk)
        if to_status not in TRANSITIONS[project.status]:
            raise ValidationError(
                _("A project that is “%(current)s” cannot become “%(new)s”.")
                % {"current": project.get_status_display(), "new": S(to_status).label},
                code="transition",
            )
        today = timezone.localdate()
        if to_status == S.SUBMITTED:
            if project.requested_amount is None:
                asked = funder_share_of_budget(project)
                if not asked:
                    raise ValidationError(
                        _("Write the amount requested or draw up the budget before submitting.")
                    )
                project.requested_amount = asked
            project.submitted_on = project.submitted_on or today
        if to_status in (S.APPROVED, S.REJECTED):
            project.decided_on = today
        if to_status == S.APPROVED:
            project.granted_amount = (
                granted_amount if granted_amount is not None else project.requested_amount
            )
        if to_status == S.CONTRACT and contract_number:
            project.contract_number = contract_number
        StatusChange.objects.create(
            project=project,
            from_status=project.status,
            to_status=to_status,
            changed_by=actor,
            note=note,
        )
        project.status = to_status
        project.save()
        _changed(project, actor)
    return project


def add_partner(*, actor: User, partner: Partner) -> Partner:
    _require_work(actor)
    if Partner.objects.filter(
        project_id=partner.project_id, organisation_id=partner.organisation_id
    ).exists():
        raise ValidationError(_("This organisation is already a partner of the project."))
    partner.full_clean()
    partner.save()
    return partner


def remove_partner(*, actor: User, partner: Partner) -> None:
    _require_work(actor)
    partner.delete()


def add_team_member(*, actor: User, member: TeamMember) -> TeamMember:
    _require_work(actor)
    member.full_clean()
    member.save()
    return member


def remove_team_member(*, actor: User, member: TeamMember) -> None:
    _require_work(actor)
    member.delete()


def add_document_version(
    *,
    actor: User,
    uploaded: UploadedFile,
    project: Project | None = None,
    kind: str = Document.Kind.OTHER,
    title: str = "",
    document: Document | None = None,
    note: str = "",
) -> DocumentVersion:
    """File a new document, or a new version of `document`; the file is checked by its
    content and keeps its previous versions."""
    _require_work(actor)
    media_type = validate_attachment(uploaded)
    name = clean_filename(uploaded.name)
    with transaction.atomic():
        if document is None:
            document = Document(project=project, kind=kind, title=title or name)
            document.full_clean()
            document.save()
        else:
            document = Document.objects.select_for_update().get(pk=document.pk)
        number = (document.versions.aggregate(last=Max("number"))["last"] or 0) + 1
        version = DocumentVersion(
            document=document,
            number=number,
            original_name=name,
            media_type=media_type,
            size=uploaded.size,
            note=note,
            uploaded_by=actor,
        )
        version.file.save(name, uploaded, save=False)
        version.save()
    return version
