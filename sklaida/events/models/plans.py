"""Cultural activity plans (2.2): the year's plan, its quarters and planned activities."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from sklaida.contacts.models import Organisation
from sklaida.events.models.choices import EventType


class ActivityPlan(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        APPROVED = "approved", _("Approved")

    year = models.PositiveSmallIntegerField(_("year"), unique=True)
    title = models.CharField(_("title"), max_length=200)
    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.DRAFT)
    approved_on = models.DateField(_("approved on"), null=True, blank=True)
    notes = models.TextField(_("notes"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("cultural activity plan")
        verbose_name_plural = _("cultural activity plans")
        ordering = ["-year"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("events:plan_detail", args=[self.pk])


class PlannedActivity(models.Model):
    """One line of the plan; the events that realise it point back to it."""

    plan = models.ForeignKey(
        ActivityPlan, verbose_name=_("plan"), on_delete=models.CASCADE, related_name="activities"
    )
    title = models.CharField(_("title"), max_length=250)
    event_type = models.CharField(_("type"), max_length=20, choices=EventType)
    audiences = models.ManyToManyField(
        "events.Audience", verbose_name=_("audiences"), blank=True, related_name="+"
    )
    starts_on = models.DateField(_("planned from"))
    ends_on = models.DateField(_("planned until"))
    planned_count = models.PositiveSmallIntegerField(
        _("number of events"), default=1, help_text=_("How many events realise this activity.")
    )
    responsible = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("responsible"),
        on_delete=models.PROTECT,
        related_name="planned_activities",
    )
    partners = models.ManyToManyField(
        Organisation, verbose_name=_("partners"), blank=True, related_name="planned_activities"
    )
    budget = models.DecimalField(
        _("budget, EUR"), max_digits=10, decimal_places=2, null=True, blank=True
    )
    funding_source = models.CharField(_("funding source"), max_length=150, blank=True)
    description = models.TextField(_("description"), blank=True)
    is_cancelled = models.BooleanField(_("dropped from the plan"), default=False)

    class Meta:
        verbose_name = _("planned activity")
        verbose_name_plural = _("planned activities")
        ordering = ["starts_on", "title"]
        indexes = [models.Index(fields=["plan", "starts_on"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")),
                name="events_planned_activity_period",
                violation_error_message=_("The planned period must end after it starts."),
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("events:plan_detail", args=[self.plan_id]) + f"#veikla-{self.pk}"

    @property
    def quarter(self) -> int:
        """The quarter the activity starts in: the plan is published by quarters."""
        return (self.starts_on.month - 1) // 3 + 1

    def clean(self) -> None:
        if self.plan_id and self.starts_on and self.starts_on.year != self.plan.year:
            raise ValidationError({"starts_on": _("A planned activity starts in its plan's year.")})
