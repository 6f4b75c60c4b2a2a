"""Core's places of a person's data (see core.personal_data): the discussion of her contact
record and the e-mails still waiting to be sent to her."""

from __future__ import annotations

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from sklaida.core.addresses import mailbox_key
from sklaida.core.models import Attachment, Comment, OutgoingEmail, Task
from sklaida.core.personal_data import DataSubject, Erase, Place, attached_to_persons, register


def _queued_to(subject: DataSubject) -> QuerySet:
    """E-mails in the outbox to one of the subject's mailboxes. The outbox holds only what
    has not been sent yet (a few rows), so reading its addresses is cheap."""
    pks = [
        message.pk
        for message in OutgoingEmail.objects.only("pk", "to")
        if any(mailbox_key(address) in subject.mailboxes for address in message.to)
    ]
    return OutgoingEmail.objects.filter(pk__in=pks)


def register_places() -> None:
    # Comments and files on her contact record are about her: they go with her data.
    register(
        Place(
            key="core.comments",
            model=Comment,
            label=_("Comments on the contact record"),
            erase=Erase.DELETE,
            fields=("body",),
            rows=attached_to_persons(Comment),
            shown=("created_at", "author", "body"),
        )
    )
    register(
        Place(
            key="core.attachments",
            model=Attachment,
            label=_("Files attached to the contact record"),
            erase=Erase.DELETE,
            fields=("original_name", "file"),
            rows=attached_to_persons(Attachment),
            shown=("created_at", "original_name", "mime_type", "size"),
        )
    )
    # A task about her is the department's work; it stays, without her name.
    register(
        Place(
            key="core.tasks",
            model=Task,
            label=_("Tasks about the contact"),
            erase=Erase.REPLACE,
            fields=("title", "description"),
            rows=attached_to_persons(Task),
            shown=("title", "status", "due_date", "description"),
        )
    )
    register(
        Place(
            key="core.outbox",
            model=OutgoingEmail,
            label=_("E-mails waiting to be sent"),
            erase=Erase.DELETE,
            fields=("to", "subject", "body"),
            rows=_queued_to,
            listed=False,
        )
    )
