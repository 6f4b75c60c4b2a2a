"""Public sign-ups for events: questions, registrations, the waiting list."""

from __future__ import annotations

import secrets

from django.db import models
from django.urls import reverse
from django.utils.translation import get_language, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from sklaida.core.addresses import also_saved, mailbox_key
from sklaida.events.models.events import Event


def new_token() -> str:
    return secrets.token_urlsafe(24)


class RegistrationQuestion(models.Model):
    """A question the event's form asks besides name and contacts."""

    class Kind(models.TextChoices):
        TEXT = "text", _("Short answer")
        LONG_TEXT = "long_text", _("Longer answer")
        CHOICE = "choice", _("One of the options")
        CHECKBOX = "checkbox", _("Yes / no")

    event = models.ForeignKey(
        Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="questions"
    )
    label = models.CharField(_("question"), max_length=250)
    label_en = models.CharField(_("question in English"), max_length=250, blank=True)
    kind = models.CharField(_("answer type"), max_length=10, choices=Kind, default=Kind.TEXT)
    options = models.TextField(
        _("options"), blank=True, help_text=_("One option per line, for “One of the options”.")
    )
    is_required = models.BooleanField(_("required"), default=False)
    position = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("registration question")
        verbose_name_plural = _("registration questions")
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.label

    @property
    def public_label(self) -> str:
        if (get_language() or "").startswith("en") and self.label_en:
            return self.label_en
        return self.label

    @property
    def option_list(self) -> list[str]:
        return [line.strip() for line in self.options.splitlines() if line.strip()]


class Registration(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Awaiting approval")
        CONFIRMED = "confirmed", _("Confirmed")
        WAITLISTED = "waitlisted", _("On the waiting list")
        CANCELLED = "cancelled", _("Cancelled")
        DECLINED = "declined", _("Declined")

    event = models.ForeignKey(
        Event, verbose_name=_("event"), on_delete=models.PROTECT, related_name="registrations"
    )
    status = models.CharField(_("status"), max_length=10, choices=Status, db_index=True)
    seats = models.PositiveSmallIntegerField(_("seats"), default=1)
    name = models.CharField(pgettext_lazy("person", "name"), max_length=200)
    email = models.EmailField(_("e-mail"))
    # The address as a mailbox (core.addresses.mailbox_key): the duplicate check and a
    # person's data export find sign-ups by it.
    mailbox = models.CharField(max_length=254, blank=True, editable=False, db_index=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    answers = models.JSONField(_("answers"), default=dict, blank=True)
    language = models.CharField(_("language"), max_length=8, default="lt")
    token = models.CharField(max_length=40, unique=True, default=new_token, editable=False)
    consent_text = models.TextField(_("consent given to"), blank=True, editable=False)
    created_at = models.DateTimeField(_("signed up"), auto_now_add=True, db_index=True)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)
    checked_in_at = models.DateTimeField(_("checked in"), null=True, blank=True)
    reminded_at = models.DateTimeField(_("reminded"), null=True, blank=True, editable=False)
    anonymised_at = models.DateTimeField(_("anonymised"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        # The waiting list is served in this order: first come, first served.
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["event", "status", "created_at"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(seats__gte=1), name="events_registration_at_least_one_seat"
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.seats})"

    def save(self, *args, **kwargs) -> None:
        self.mailbox = mailbox_key(self.email) if self.email else ""
        kwargs["update_fields"] = also_saved(kwargs.get("update_fields"), "email", "mailbox")
        super().save(*args, **kwargs)

    def get_cancel_url(self) -> str:
        return reverse("public:registration_cancel", kwargs={"token": self.token})

    @property
    def holds_seats(self) -> bool:
        return self.status == self.Status.CONFIRMED
