"""Space projects (4.4): creating and changing a project, its items, and filing photos of
the result in the media archive.

Only the department's workers (head, specialists) change space projects; every function
checks that itself, so a view or a script that forgets cannot slip past. The audit history
records each saved row (django-auditlog). A project's status moves only along
`TRANSITIONS`: the work goes forward, and one step back when a plan changes.

Photos go through the archive's one ingest path (`start_batch` + `ingest_path`), so a
photo of a finished wall is hashed, checked by its content and described like any other;
a file the archive refuses keeps its message for the person who sent it, and a file the
archive already holds is linked to the project rather than stored twice.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.translation import gettext as _

from sklaida.core.models import Library, User
from sklaida.core.permissions import Capability, has_capability, require_capability
from sklaida.design.models import SpaceItem, SpaceProject

S = SpaceProject.Status

# Which status may follow which; a small project may go from planned straight to installed.
TRANSITIONS: dict[str, frozenset[str]] = {
    S.PLANNED: frozenset({S.IN_PROGRESS, S.INSTALLED}),
    S.IN_PROGRESS: frozenset({S.PLANNED, S.INSTALLED}),
    S.INSTALLED: frozenset({S.IN_PROGRESS, S.COMPLETED}),
    S.COMPLETED: frozenset({S.INSTALLED}),
}

PROJECT_FIELDS = ("title", "description", "library", "responsible")
ITEM_FIELDS = (
    "space",
    "kind",
    "title",
    "width_mm",
    "height_mm",
    "material",
    "quantity",
    "unit_cost",
    "installed_on",
    "removed_on",
)


def may_change_spaces(user: User) -> bool:
    return has_capability(user, Capability.WORK_IN_DEPARTMENT)


def statuses_from(status: str) -> list[str]:
    """The statuses a project in `status` may be given: its own first, then the moves."""
    return [status, *(choice for choice in S.values if choice in TRANSITIONS[status])]


@transaction.atomic
def create_project(
    *,
    actor: User,
    title: str,
    library: Library,
    responsible: User,
    description: str = "",
) -> SpaceProject:
    require_capability(actor, Capability.WORK_IN_DEPARTMENT)
    project = SpaceProject(
        title=title,
        library=library,
        responsible=responsible,
        description=description,
        status=S.PLANNED,
    )
    project.full_clean()
    project.save()
    return project


@transaction.atomic
def update_project(
    *, actor: User, project: SpaceProject, status: str | None = None, **fields
) -> SpaceProject:
    """Change a project's texts, library or responsible person, and move its status."""
    require_capability(actor, Capability.WORK_IN_DEPARTMENT)
    unknown = set(fields) - set(PROJECT_FIELDS)
    if unknown:
        raise TypeError(f"not a project field: {', '.join(sorted(unknown))}")
    for name, value in fields.items():
        setattr(project, name, value)
    if status is not None and status != project.status:
        if status not in TRANSITIONS[project.status]:
            raise ValidationError(
                _("A project that is “%(current)s” cannot become “%(new)s”.")
                % {"current": project.get_status_display(), "new": S(status).label}
            )
        project.status = status
    project.full_clean()
    project.save()
    return project


@transaction.atomic
def add_item(*, actor: User, project: SpaceProject, **fields) -> SpaceItem:
    """A sign, wall graphic, panel or decoration the project puts in one of the spaces."""
    require_capability(actor, Capability.WORK_IN_DEPARTMENT)
    unknown = set(fields) - set(ITEM_FIELDS)
    if unknown:
        raise TypeError(f"not an item field: {', '.join(sorted(unknown))}")
    item = SpaceItem(project=project, **fields)
    item.full_clean()
    item.save()
    return item


@transaction.atomic
def update_item(*, actor: User, item: SpaceItem, **fields) -> SpaceItem:
    """Change an item: its size, cost, or the dates it was installed and taken down."""
    require_capability(actor, Capability.WORK_IN_DEPARTMENT)
    unknown = set(fields) - set(ITEM_FIELDS)
    if unknown:
        raise TypeError(f"not an item field: {', '.join(sorted(unknown))}")
    for name, value in fields.items():
        setattr(item, name, value)
    item.full_clean()
    item.save()
    return item


@dataclass(frozen=True)
class FiledPhoto:
    """What became of one file sent as a photo of the result."""

    name: str
    filed: bool  # stored now or already in the archive; linked to the project
    message: str  # the archive's words: why it was refused, or that it was there already


def file_photos(
    *, actor: User, project: SpaceProject, files: Iterable[UploadedFile]
) -> list[FiledPhoto]:
    """Keep photos of the finished work in the media archive and link them to the project.

    One ingest batch per upload, labelled with the project; each file is ingested on its
    own, so a refused file does not stop the others."""
    from sklaida.archive.services import ingest

    require_capability(actor, Capability.WORK_IN_DEPARTMENT)
    batch = ingest.start_batch(
        actor=actor, label=_("Photos of the space project “%(title)s”") % {"title": project}
    )
    results = []
    for uploaded in files:
        path = ingest.copy_upload_to_staging(uploaded, settings.ARCHIVE_UPLOAD_STAGING)
        try:
            item = ingest.ingest_path(path, batch=batch, actor=actor, original_name=uploaded.name)
        finally:
            path.unlink(missing_ok=True)
        if item.asset_id is not None:
            project.photos.add(item.asset_id)
        filed = item.asset_id is not None
        results.append(FiledPhoto(name=item.original_name, filed=filed, message=item.message))
    return results
