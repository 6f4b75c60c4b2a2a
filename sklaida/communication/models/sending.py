"""What the newsletter and press mailings share: a job sent one message at a time, and each try."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

# A live job writes its heartbeat every batch (seconds apart); this long a silence means
# it is gone, and the job may be resumed without two jobs sending side by side.
STALLED_AFTER = datetime.timedelta(minutes=10)


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
    # Written by the sending job after every batch; a job that stopped writing it has died.
    heartbeat_at = models.DateTimeField(_("last sign of the sending job"), null=True, blank=True)
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
        return last_sign is not None and last_sign < timezone.now() - STALLED_AFTER

    @property
    def done(self) -> int:
        return self.sent + self.failed

    @property
    def progress_percent(self) -> int:
        return round(100 * self.done / self.total) if self.total else 0


class MessageAttempt(models.Model):
    """One message to one recipient: whether it left, how many tries, the server's last word."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")
        RETRYING = "retrying", _("Retrying")

    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.QUEUED)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.CharField(_("error"), max_length=500, blank=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)

    class Meta:
        abstract = True
