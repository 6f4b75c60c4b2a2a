"""What the newsletter and press mailings share: a job sent one message at a time, and each try."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


def stalled_after() -> datetime.timedelta:
    """How long a sending run may be silent before it counts as gone.

    A live run writes its heartbeat before every message and during every pause (a
    second or two apart), and one SMTP exchange is bounded by the connection's timeout;
    this much silence means its worker died, and the job is resumed (by the periodic
    `resume-stalled-sending` job, or from its page).
    """
    return datetime.timedelta(seconds=settings.SENDING_STALLED_AFTER_SECONDS)


class SendingJob(models.Model):
    """Something sent to many people in the background, with the counts its page polls."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SENDING = "sending", _("Sending")
        SENT = "sent", _("Sent")
        # The job stopped on an error it could not get past (no mail server, say); the
        # rows still waiting are sent when someone resumes it.
        FAILED = "failed", _("Stopped by an error")

    subject = models.CharField(_("subject"), max_length=200)
    status = models.CharField(
        _("status"), max_length=10, choices=Status, default=Status.DRAFT, db_index=True
    )
    total = models.PositiveIntegerField(pgettext_lazy("e-mail", "recipients"), default=0)
    sent = models.PositiveIntegerField(_("sent"), default=0)
    failed = models.PositiveIntegerField(_("failed"), default=0)
    started_at = models.DateTimeField(_("sending started"), null=True, blank=True)
    unknown = models.PositiveIntegerField(
        _("fate unknown"),
        default=0,
        help_text=_("Messages a worker was handing over when it died; never sent again."),
    )
    # Written by the sending run before every message; a run that stopped writing it has died.
    heartbeat_at = models.DateTimeField(_("last sign of the sending job"), null=True, blank=True)
    # The run that holds the job (empty: none; the next run may take it).
    claimed_by = models.CharField(max_length=32, blank=True, editable=False)
    # The queued run's id, so recovery can tell a run still waiting in the queue from a
    # run whose worker died.
    task_id = models.CharField(max_length=64, blank=True, editable=False)
    # Resumed automatically since the last message was sent; a job that keeps stopping
    # its worker is given up as failed rather than resumed for ever.
    auto_resumes = models.PositiveSmallIntegerField(default=0, editable=False)
    finished_at = models.DateTimeField(_("sending finished"), null=True, blank=True)
    error = models.TextField(_("why sending stopped"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return self.subject

    @property
    def is_stalled(self) -> bool:
        """Sending, but its job has not been heard from for a while (the worker stopped)."""
        if self.status != self.Status.SENDING:
            return False
        last_sign = self.heartbeat_at or self.started_at
        return last_sign is not None and last_sign < timezone.now() - stalled_after()

    @property
    def stalled_minutes(self) -> int:
        return max(1, round(stalled_after().total_seconds() / 60))

    @property
    def done(self) -> int:
        return self.sent + self.failed + self.unknown

    @property
    def progress_percent(self) -> int:
        return round(100 * self.done / self.total) if self.total else 0


class MessageAttempt(models.Model):
    """One message to one recipient: whether it left, how many tries, the server's last word."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        # Marked before the message is handed to the mail server and changed as soon as
        # the server answers; a row left so was in flight when its worker died.
        SENDING = "sending", _("Being handed over")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")
        RETRYING = "retrying", _("Retrying")
        # Was in flight when its worker died: perhaps delivered, so never sent again.
        UNKNOWN = "unknown", _("Fate unknown")

    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.QUEUED)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.CharField(_("error"), max_length=500, blank=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)

    class Meta:
        abstract = True
