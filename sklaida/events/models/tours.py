"""Guided tours of the Library (2.4): requests from the public form and their scheduling."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from sklaida.core.addresses import also_saved, mailbox_key
from sklaida.core.models import Library, Space
from sklaida.events.models.registration import new_token

# The request form promises the group's contact data is kept this long after the tour.
RETENTION_DAYS = 365


class TourBooking(models.Model):
    class Status(models.TextChoices):
        REQUESTED = "requested", _("Requested")
        PROPOSED = "proposed", _("Another time proposed")
        CONFIRMED = "confirmed", _("Confirmed")
        HELD = "held", _("Held")
        CANCELLED = "cancelled", _("Cancelled")

    class GroupType(models.TextChoices):
        KINDERGARTEN = "kindergarten", _("Kindergarten group")
        SCHOOL_CLASS = "school_class", _("School class")
        STUDENTS = "students", _("Students")
        SENIORS = "seniors", _("Seniors")
        PROFESSIONALS = "professionals", _("Specialists or colleagues")
        TOURISTS = "tourists", _("Tourists")
        OTHER = "other", _("Other group")

    class Language(models.TextChoices):
        LITHUANIAN = "lt", _("Lithuanian")
        ENGLISH = "en", _("English")
        OTHER = "other", _("Other (write in the notes)")

    status = models.CharField(
        _("status"), max_length=10, choices=Status, default=Status.REQUESTED, db_index=True
    )
    library = models.ForeignKey(
        Library, verbose_name=_("library"), on_delete=models.PROTECT, related_name="tours"
    )
    # The request, as the group sent it
    group_type = models.CharField(_("group"), max_length=14, choices=GroupType)
    institution = models.CharField(_("institution"), max_length=250, blank=True)
    group_size = models.PositiveSmallIntegerField(_("group size"))
    age = models.CharField(_("age of participants"), max_length=60, blank=True)
    language = models.CharField(
        _("language of the tour"), max_length=6, choices=Language, default=Language.LITHUANIAN
    )
    topic = models.CharField(_("topic or interest"), max_length=300, blank=True)
    preferred_at = models.DateTimeField(_("preferred time"))
    alternative_at = models.DateTimeField(_("another suitable time"), null=True, blank=True)
    contact_name = models.CharField(_("contact person"), max_length=200)
    contact_email = models.EmailField(_("e-mail"))
    # The address as a mailbox (core.addresses.mailbox_key), for a person's data export.
    contact_mailbox = models.CharField(max_length=254, blank=True, editable=False, db_index=True)
    contact_phone = models.CharField(_("phone"), max_length=40, blank=True)
    notes = models.TextField(_("notes"), blank=True)
    request_language = models.CharField(max_length=8, default="lt", editable=False)
    token = models.CharField(max_length=40, unique=True, default=new_token, editable=False)

    # The department's answer
    starts_at = models.DateTimeField(_("starts"), null=True, blank=True, db_index=True)
    ends_at = models.DateTimeField(_("ends"), null=True, blank=True)
    guide = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("guide"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="tours_guided",
    )
    space = models.ForeignKey(
        Space,
        verbose_name=_("meeting place"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="tours",
    )
    message = models.TextField(_("message to the group"), blank=True)
    participants = models.PositiveSmallIntegerField(_("participants"), null=True, blank=True)
    reminded_at = models.DateTimeField(null=True, blank=True, editable=False)
    anonymised_at = models.DateTimeField(_("anonymised"), null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("requested"), auto_now_add=True)

    scope_library_field = "library"

    class Meta:
        verbose_name = _("tour")
        verbose_name_plural = _("tours")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.get_group_type_display()}: {self.institution or self.contact_name}"

    def save(self, *args, **kwargs) -> None:
        self.contact_mailbox = mailbox_key(self.contact_email) if self.contact_email else ""
        kwargs["update_fields"] = also_saved(
            kwargs.get("update_fields"), "contact_email", "contact_mailbox"
        )
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("events:tour_detail", args=[self.pk])
