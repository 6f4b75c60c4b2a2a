"""Provision of events (2.3): reusable checklists and the items applied to an event."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from sklaida.core.models import Task
from sklaida.events.models.choices import EventType
from sklaida.events.models.events import Event


class ProvisionArea(models.TextChoices):
    TECHNICAL = "technical", _("Technical")
    VISUAL = "visual", _("Visual")
    INFORMATIONAL = "informational", _("Informational")


class ProvisionTemplate(models.Model):
    name = models.CharField(_("name"), max_length=150, unique=True)
    event_type = models.CharField(
        _("for event type"),
        max_length=20,
        choices=EventType,
        blank=True,
        help_text=_("Empty: offered for every type."),
    )
    description = models.TextField(_("description"), blank=True)

    class Meta:
        verbose_name = _("provision checklist")
        verbose_name_plural = _("provision checklists")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class ProvisionTemplateItem(models.Model):
    template = models.ForeignKey(
        ProvisionTemplate,
        verbose_name=_("checklist"),
        on_delete=models.CASCADE,
        related_name="items",
    )
    area = models.CharField(_("area"), max_length=14, choices=ProvisionArea)
    title = models.CharField(_("what"), max_length=200)
    days_before = models.SmallIntegerField(
        _("due, days before the event"),
        default=7,
        help_text=_("0 is the event day; a negative number is after the event."),
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("usual owner"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Empty: the event's responsible person."),
    )
    position = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("checklist item")
        verbose_name_plural = _("checklist items")
        ordering = ["area", "position", "pk"]

    def __str__(self) -> str:
        return self.title


class ProvisionItem(models.Model):
    """One thing to arrange for an event; its task carries owner, due date and status."""

    event = models.ForeignKey(
        Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="provision_items"
    )
    area = models.CharField(_("area"), max_length=14, choices=ProvisionArea)
    title = models.CharField(_("what"), max_length=200)
    days_before = models.SmallIntegerField(_("due, days before the event"), default=7)
    # The task is the item's owner, due date and status: deleting it removes the item.
    task = models.OneToOneField(
        Task, verbose_name=_("task"), on_delete=models.CASCADE, related_name="provision_item"
    )

    class Meta:
        verbose_name = _("provision item")
        verbose_name_plural = _("provision items")
        ordering = ["area", "task__due_date", "pk"]

    def __str__(self) -> str:
        return self.title
