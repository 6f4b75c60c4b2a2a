"""E-mails to one person at a time (notifications, confirmations, password resets), sent by
a background job that is handed only the id of an `OutgoingEmail` row.

Why a row and not the job's arguments: the job queue keeps each job's arguments and result
(the database queue until they are pruned, RQ for a while), and an e-mail's body holds a
name, an address, sometimes a sign-in link. The row lives only until the message leaves.

A run claims its row with one conditional UPDATE, so two runs (the first job and a retry)
never send the same message. A message that fails, or whose run died, is queued again by
`retry_outgoing_emails` (every ten minutes) up to MAX_ATTEMPTS times; after OUTBOX_KEEP_DAYS
it is deleted. A worker killed between the server's "accepted" and the row's deletion
would send that one message twice; nothing else can.
"""

from __future__ import annotations

import datetime
import logging
import smtplib

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from sklaida.core.models import OutgoingEmail

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 5
# A run that claimed a message this long ago and did not finish has died.
CLAIM_EXPIRES = datetime.timedelta(minutes=10)
# A message nobody claimed this long after it was queued lost its job (a queue emptied).
UNCLAIMED_AFTER = datetime.timedelta(minutes=30)


def queue_email(*, to: list[str], subject: str, body: str) -> OutgoingEmail:
    """Keep the message and send it in the background once the transaction commits."""
    from sklaida.core.tasks import send_outgoing_email

    message = OutgoingEmail.objects.create(to=to, subject=" ".join(subject.split()), body=body)
    transaction.on_commit(lambda: send_outgoing_email.enqueue(message_id=message.pk))
    return message


def _claim(message_id: int, now: datetime.datetime) -> bool:
    free = Q(claimed_at__isnull=True) | Q(claimed_at__lt=now - CLAIM_EXPIRES)
    return bool(OutgoingEmail.objects.filter(free, pk=message_id).update(claimed_at=now))


def send_outgoing_email(*, message_id: int) -> bool:
    """Send one kept message; True once it has left (and its row is gone)."""
    if not _claim(message_id, timezone.now()):
        return False  # sent already, expired, or another run is sending it
    message = OutgoingEmail.objects.get(pk=message_id)
    try:
        EmailMessage(subject=message.subject, body=message.body, to=message.to).send()
    except (smtplib.SMTPException, OSError) as error:
        # The server's words may quote the address: they stay on the row, not in the job.
        OutgoingEmail.objects.filter(pk=message.pk).update(
            claimed_at=None, attempts=message.attempts + 1, last_error=str(error)[:500]
        )
        logger.warning("E-mail %s was not sent (attempt %s)", message.pk, message.attempts + 1)
        return False
    message.delete()
    return True


def retry_outgoing_emails(*, now: datetime.datetime | None = None) -> int:
    """Queue again what failed or lost its run; delete what is too old to matter. Returns
    how many were queued."""
    from sklaida.core.tasks import send_outgoing_email as task

    now = now or timezone.now()
    OutgoingEmail.objects.filter(
        created_at__lt=now - datetime.timedelta(days=settings.OUTBOX_KEEP_DAYS)
    ).delete()
    again = list(
        OutgoingEmail.objects.filter(attempts__lt=MAX_ATTEMPTS)
        .filter(
            Q(claimed_at__isnull=True, attempts__gt=0)
            | Q(claimed_at__isnull=True, created_at__lt=now - UNCLAIMED_AFTER)
            | Q(claimed_at__lt=now - CLAIM_EXPIRES)
        )
        .order_by("pk")
        .values_list("pk", flat=True)[:1000]
    )
    for pk in again:
        task.enqueue(message_id=pk)
    return len(again)
