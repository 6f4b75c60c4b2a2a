"""Methodical help: consultations the department gives to library specialists (1.4, 2.6, 5.4)."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from sklaida.contacts.models import Person
from sklaida.core.models import Library, Task


class Consultation(models.Model):
    class Status(models.TextChoices):
        REQUESTED = "requested", _("Requested")
        SCHEDULED = "scheduled", _("Scheduled")
        DONE = "done", _("Given")
        CANCELLED = "cancelled", _("Cancelled")

    class Topic(models.TextChoices):
        PUBLIC_RELATIONS = "public_relations", _("Public relations")
        SOCIAL_MEDIA = "social_media", _("Social media")
        EVENTS = "events", _("Events")
        CULTURAL_MANAGEMENT = "cultural_management", _("Cultural management")
        PROJECTS = "projects", _("Projects")
        OTHER = "other", _("Other")

    class Form(models.TextChoices):
        INDIVIDUAL = "individual", _("Individual")
        GROUP = "group", _("Group")
        ONLINE = "online", _("Online")
        SEMINAR = "seminar", _("Seminar")

    status = models.CharField(
        _("status"), max_length=10, choices=Status, default=Status.REQUESTED, db_index=True
    )
    library = models.ForeignKey(
        Library,
        verbose_name=_("recipient library"),
        on_delete=models.PROTECT,
        related_name="consultations",
    )
    recipient_unit = models.CharField(
        _("department or unit"),
        max_length=150,
        blank=True,
        help_text=_("For the county library: which department asked."),
    )
    recipient_names = models.CharField(
        _("recipients"),
        max_length=300,
        blank=True,
        help_text=_("Names of the specialists who got the help, if they are not in contacts."),
    )
    persons = models.ManyToManyField(
        Person, verbose_name=_("recipients from contacts"), related_name="consultations", blank=True
    )
    topic = models.CharField(_("topic area"), max_length=20, choices=Topic, db_index=True)
    form = models.CharField(_("form"), max_length=12, choices=Form, default=Form.INDIVIDUAL)
    question = models.TextField(_("question"))
    preferred_date = models.DateField(_("preferred date"), null=True, blank=True)
    date = models.DateField(_("date"), null=True, blank=True, db_index=True)
    duration_hours = models.DecimalField(
        _("duration, hours"), max_digits=5, decimal_places=2, null=True, blank=True
    )
    consultants = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("consultants"),
        related_name="consultations_given",
        blank=True,
    )
    advice = models.TextField(_("advice given"), blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("requested by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="consultations_requested",
    )
    follow_up_task = models.OneToOneField(
        Task,
        verbose_name=_("follow-up task"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    # Territory specialists see their own library's consultations (core.permissions).
    scope_library_field = "library"

    class Meta:
        verbose_name = _("consultation")
        verbose_name_plural = _("consultations")
        ordering = [models.F("date").desc(nulls_first=True), "-pk"]
        indexes = [models.Index(fields=["library", "date"]), models.Index(fields=["date", "topic"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(duration_hours__isnull=True) | models.Q(duration_hours__gt=0),
                name="consultations_positive_duration",
                violation_error_message=_("The duration must be more than zero hours."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_topic_display()}: {self.library}"

    def get_absolute_url(self) -> str:
        return reverse("consultations:detail", args=[self.pk])

    def clean(self) -> None:
        if self.status == self.Status.DONE:
            missing = {
                name: _("Fill this in for a consultation that has been given.")
                for name in ("date", "duration_hours", "advice")
                if not getattr(self, name)
            }
            if missing:
                raise ValidationError(missing)
        if self.status == self.Status.SCHEDULED and not self.date:
            raise ValidationError({"date": _("Choose the date of the consultation.")})

    @property
    def date_for_tasks(self) -> datetime.date | None:
        """The day it is held (or asked for), shown beside its tasks' titles on lists."""
        return self.date or self.preferred_date
