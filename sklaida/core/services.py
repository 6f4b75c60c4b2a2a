"""Every write on core data: tasks and their states, comments, attachments, heartbeats.

Each function runs in one transaction, leaves the audit history to django-auditlog's
signals (the actor comes from the request, or from `auditlog.context.set_actor` in jobs)
and sends e-mail only after the transaction commits.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sklaida.core import notifications
from sklaida.core.files import clean_filename
from sklaida.core.models import Attachment, Comment, Heartbeat, Library, Task, User
from sklaida.core.permissions import Capability, can_change, has_capability
from sklaida.core.validators import validate_attachment

Status = Task.Status

# Which status a task may move to from each status.
TASK_TRANSITIONS: dict[str, frozenset[str]] = {
    Status.OPEN: frozenset({Status.IN_PROGRESS, Status.DONE, Status.CANCELLED}),
    Status.IN_PROGRESS: frozenset({Status.OPEN, Status.DONE, Status.CANCELLED}),
    Status.DONE: frozenset({Status.OPEN}),
    Status.CANCELLED: frozenset({Status.OPEN}),
}


def library_of(target: models.Model | None) -> Library | None:
    """The library an object belongs to, when its model is library-scoped."""
    if target is None:
        return None
    if isinstance(target, Library):
        return target
    field = getattr(target, "scope_library_field", None)
    if not field or field == "pk":
        return None
    obj = target
    for name in field.split("__"):
        obj = getattr(obj, name, None)
        if obj is None:
            return None
    return obj


def create_task(
    *,
    actor: User | None,
    title: str,
    owner: User,
    due_date: datetime.date | None = None,
    description: str = "",
    target: models.Model | None = None,
    library: Library | None = None,
    tags: Iterable[str] = (),
) -> Task:
    """Create a task; its owner is told by e-mail unless they created it themselves.

    `actor` None means Sklaida itself raises the task (a reminder of an ending agreement …).
    """
    if actor is not None and not has_capability(actor, Capability.WORK_IN_DEPARTMENT):
        raise PermissionDenied
    with transaction.atomic():
        task = Task(
            title=title,
            description=description,
            owner=owner,
            created_by=actor,
            due_date=due_date,
            library=library or library_of(target),
        )
        if target is not None:
            task.target = target
        task.full_clean()
        task.save()
        if tags:
            task.tags.set(list(tags))
        if owner != actor:
            notifications.task_assigned(task=task)
    return task


def update_task(
    *,
    task: Task,
    actor: User,
    title: str,
    owner: User,
    due_date: datetime.date | None,
    description: str = "",
    library: Library | None = None,
    tags: Iterable[str] | None = None,
) -> Task:
    """Change a task's details; a new owner is told by e-mail."""
    if not can_change(actor, task):
        raise PermissionDenied
    previous_owner_id = task.owner_id
    with transaction.atomic():
        if due_date != task.due_date:
            task.reminded_on = None
        task.title = title
        task.description = description
        task.owner = owner
        task.due_date = due_date
        task.library = library
        task.full_clean()
        task.save()
        if tags is not None:
            task.tags.set(list(tags))
        if owner.pk != previous_owner_id and owner != actor:
            notifications.task_assigned(task=task)
    return task


def change_task_status(*, task: Task, actor: User, status: str) -> Task:
    """Move a task to another status, if `TASK_TRANSITIONS` allows it."""
    if not can_change(actor, task):
        raise PermissionDenied
    if status not in TASK_TRANSITIONS[task.status]:
        raise ValidationError(
            _("A task that is “%(current)s” cannot become “%(new)s”.")
            % {"current": task.get_status_display(), "new": Status(status).label},
            code="transition",
        )
    with transaction.atomic():
        task.status = status
        task.completed_at = timezone.now() if status == Status.DONE else None
        task.save(update_fields=["status", "completed_at", "updated_at"])
    return task


def add_comment(*, target: models.Model, author: User, body: str) -> Comment:
    """Leave a comment on an object; the owner of a task hears about it by e-mail."""
    if not can_change(author, target):
        raise PermissionDenied
    body = body.strip()
    if not body:
        raise ValidationError(_("Write a comment first."), code="empty")
    with transaction.atomic():
        comment = Comment(author=author, body=body)
        comment.target = target
        comment.full_clean()
        comment.save()
        owner = getattr(target, "owner", None)
        if isinstance(owner, User) and owner != author:
            notifications.comment_added(comment=comment, recipient=owner)
    return comment


def add_attachment(*, target: models.Model, uploaded_by: User, file: UploadedFile) -> Attachment:
    """Store a file on an object after checking its size and content."""
    if not can_change(uploaded_by, target):
        raise PermissionDenied
    mime_type = validate_attachment(file)
    with transaction.atomic():
        attachment = Attachment(
            original_name=clean_filename(file.name),
            size=file.size,
            mime_type=mime_type,
            uploaded_by=uploaded_by,
        )
        attachment.target = target
        attachment.file.save(file.name, file, save=False)
        attachment.save()
    return attachment


def delete_attachment(*, attachment: Attachment, actor: User) -> None:
    """Remove an attachment and, once the deletion commits, its file.

    The uploader may remove their own file; others need to be able to change its object.
    """
    if actor.pk != attachment.uploaded_by_id and not can_change(actor, attachment.target):
        raise PermissionDenied
    storage, name = attachment.file.storage, attachment.file.name
    with transaction.atomic():
        attachment.delete()
        transaction.on_commit(lambda: storage.delete(name))


def delete_discussion(*, target: models.Model) -> None:
    """Remove the comments and attachments of an object that is being deleted, and the
    attachments' files once the deletion commits. The caller has checked permission."""
    content_type = ContentType.objects.get_for_model(target)
    on_target = {"content_type": content_type, "object_id": target.pk}
    attachments = list(Attachment.objects.filter(**on_target))
    Comment.objects.filter(**on_target).delete()
    for attachment in attachments:
        storage, name = attachment.file.storage, attachment.file.name
        attachment.delete()
        transaction.on_commit(lambda storage=storage, name=name: storage.delete(name))


def send_due_task_reminders(*, today: datetime.date) -> int:
    """E-mail each owner one digest of their open tasks due by tomorrow or overdue.

    A task is included at most once a day, so a second run on the same day sends nothing.
    Returns the number of e-mails queued.
    """
    due = (
        Task.objects.filter(
            status__in=Task.OPEN_STATUSES,
            due_date__lte=today + datetime.timedelta(days=1),
            owner__is_active=True,
        )
        .exclude(reminded_on=today)
        .exclude(owner__email="")
        .select_related("owner")
        .order_by("owner_id", "due_date", "pk")
    )
    by_owner: dict[User, list[Task]] = defaultdict(list)
    for task in due:
        by_owner[task.owner].append(task)
    with transaction.atomic():
        for owner, tasks in by_owner.items():
            notifications.tasks_due(recipient=owner, tasks=tasks, today=today)
        Task.objects.filter(pk__in=[t.pk for tasks in by_owner.values() for t in tasks]).update(
            reminded_on=today
        )
    return len(by_owner)


def record_heartbeat(*, name: str) -> Heartbeat:
    """Note that the background process `name` is alive now."""
    heartbeat, _created = Heartbeat.objects.update_or_create(
        name=name, defaults={"beat_at": timezone.now()}
    )
    return heartbeat


def erase_from_audit_history(
    *, model: type[models.Model], pks: Iterable[object], fields: Iterable[str], label: str
) -> None:
    """Keep what changed in these rows' audit history, not who they were (data retention).

    The personal `fields` become "***", the entry's name becomes `label` and the stored
    snapshot and network address are dropped.
    """
    from auditlog.models import LogEntry
    from django.contrib.contenttypes.models import ContentType

    personal = set(fields)
    entries = LogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(model),
        object_pk__in=[str(pk) for pk in pks],
    )
    for entry in entries:
        entry.changes = {
            field: ["***", "***"] if field in personal else values
            for field, values in (entry.changes or {}).items()
        }
        entry.changes_text = ""
        entry.object_repr = label
        entry.serialized_data = None
        entry.remote_addr = None
        entry.remote_port = None
        entry.save(
            update_fields=[
                "changes",
                "changes_text",
                "object_repr",
                "serialized_data",
                "remote_addr",
                "remote_port",
            ]
        )
