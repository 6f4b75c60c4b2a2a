"""Events, exhibitions and their series (2.1), with attendance for the statistics."""

from __future__ import annotations

import hashlib
from datetime import date, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _

from sklaida.contacts.models import Organisation, Person
from sklaida.core.models import Library, Space
from sklaida.events.models.choices import AudienceGroup, EventType
from sklaida.events.models.plans import PlannedActivity


class Audience(models.Model):
    """A reporting audience group; rows are fixed (migration), names come from the choices."""

    code = models.CharField(_("audience"), max_length=20, choices=AudienceGroup, unique=True)

    class Meta:
        verbose_name = _("audience")
        verbose_name_plural = _("audiences")
        ordering = ["pk"]

    def __str__(self) -> str:
        return str(self.get_code_display())


class EventSeries(models.Model):
    """Recurring events (a weekly reading club) created together and editable together."""

    title = models.CharField(_("title"), max_length=250)
    rule = models.CharField(_("repeats"), max_length=200, blank=True, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("event series")
        verbose_name_plural = _("event series")

    def __str__(self) -> str:
        return self.title


class Event(models.Model):
    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        CONFIRMED = "confirmed", _("Confirmed")
        ANNOUNCED = "announced", _("Announced")
        HELD = "held", _("Held")
        REPORTED = "reported", _("Reported")
        CANCELLED = "cancelled", _("Cancelled")

    class Format(models.TextChoices):
        ON_SITE = "on_site", _("On site")
        ONLINE = "online", _("Online")
        HYBRID = "hybrid", _("Hybrid")

    class Registration(models.TextChoices):
        NONE = "none", _("No registration")
        OPEN = "open", _("Registration, confirmed at once")
        APPROVAL = "approval", _("Registration, confirmed by staff")

    # What the event is
    title = models.CharField(_("title"), max_length=250)
    title_en = models.CharField(_("title in English"), max_length=250, blank=True)
    slug = models.SlugField(_("web address"), max_length=120, unique=True)
    event_type = models.CharField(_("type"), max_length=20, choices=EventType, db_index=True)
    format = models.CharField(_("format"), max_length=8, choices=Format, default=Format.ON_SITE)
    audiences = models.ManyToManyField(
        Audience, verbose_name=_("audiences"), blank=True, related_name="events"
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status, default=Status.PLANNED, db_index=True
    )
    library = models.ForeignKey(
        Library,
        verbose_name=_("organising library"),
        on_delete=models.PROTECT,
        related_name="events",
    )
    planned_activity = models.ForeignKey(
        PlannedActivity,
        verbose_name=_("planned activity"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="events",
    )
    series = models.ForeignKey(
        EventSeries,
        verbose_name=_("series"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="events",
    )

    # When and where
    starts_at = models.DateTimeField(_("starts"), db_index=True)
    ends_at = models.DateTimeField(_("ends"))
    setup_minutes = models.PositiveSmallIntegerField(
        _("set-up, minutes"), default=0, help_text=_("Blocks the space before the start.")
    )
    teardown_minutes = models.PositiveSmallIntegerField(
        _("tear-down, minutes"), default=0, help_text=_("Blocks the space after the end.")
    )
    space = models.ForeignKey(
        Space,
        verbose_name=_("space"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="events",
    )
    venue = models.CharField(
        _("venue outside the library"),
        max_length=250,
        blank=True,
        help_text=_("Address, when the event is not in one of the library's spaces."),
    )
    online_url = models.URLField(_("online link"), blank=True)

    # Who
    responsible = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("responsible"),
        on_delete=models.PROTECT,
        related_name="events_responsible",
    )
    organisers = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("organisers"),
        blank=True,
        related_name="events_organised",
    )
    partners = models.ManyToManyField(
        Organisation, verbose_name=_("partners"), blank=True, related_name="events"
    )
    performers = models.ManyToManyField(
        Person,
        verbose_name=_("creators and performers"),
        blank=True,
        related_name="events_performed",
    )

    # Public texts
    is_public = models.BooleanField(
        _("shown in the public calendar"),
        default=True,
        help_text=_("Internal meetings and closed seminars stay off the public calendar."),
    )
    summary = models.CharField(_("short description"), max_length=300, blank=True)
    summary_en = models.CharField(_("short description in English"), max_length=300, blank=True)
    description = models.TextField(_("description"), blank=True)
    description_en = models.TextField(_("description in English"), blank=True)
    accessibility = models.TextField(
        _("accessibility information"),
        blank=True,
        help_text=_("Step-free access, hearing loop, sign language, seating …"),
    )
    accessibility_en = models.TextField(_("accessibility information in English"), blank=True)
    image = models.ImageField(_("image"), upload_to="events/%Y/", blank=True)
    image_alt = models.CharField(_("image description"), max_length=250, blank=True)
    price = models.DecimalField(
        _("price, EUR"),
        max_digits=8,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("Leave empty for a free event."),
    )
    announced_at = models.DateTimeField(_("announced"), null=True, blank=True, editable=False)

    # Registration
    registration = models.CharField(
        _("registration"), max_length=10, choices=Registration, default=Registration.NONE
    )
    capacity = models.PositiveIntegerField(
        _("seats"), null=True, blank=True, help_text=_("Empty: no limit.")
    )
    seats_confirmed = models.PositiveIntegerField(default=0, editable=False)
    max_seats_per_registration = models.PositiveSmallIntegerField(
        _("most seats in one sign-up"), default=4
    )
    waitlist_allows_smaller_first = models.BooleanField(
        _("a smaller sign-up may take seats before a larger waiting one"), default=False
    )
    registration_closes_at = models.DateTimeField(_("registration closes"), null=True, blank=True)
    consent_text = models.TextField(
        _("consent text"),
        blank=True,
        help_text=_("Why the data is collected, the photography notice and how long it is kept."),
    )
    consent_text_en = models.TextField(
        _("consent text in English"),
        blank=True,
        help_text=_("Shown on the English registration page; without it, a standard English text."),
    )
    retention_days = models.PositiveSmallIntegerField(
        _("keep registrants' data, days after the event"), default=30
    )
    reminder_hours = models.PositiveSmallIntegerField(
        _("send a reminder, hours before"), default=24
    )

    # Exhibitions
    curator = models.ForeignKey(
        Person,
        verbose_name=_("curator"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="exhibitions_curated",
    )
    opening_event = models.ForeignKey(
        "self",
        verbose_name=_("opening event"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="opens_exhibitions",
    )

    cancellation_reason = models.CharField(_("reason for cancelling"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    scope_library_field = "library"

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = ["starts_at", "pk"]
        indexes = [
            models.Index(fields=["is_public", "starts_at"]),
            # The public list shows what has not ended yet.
            models.Index(fields=["is_public", "ends_at"]),
            models.Index(fields=["library", "starts_at"]),
            models.Index(fields=["event_type", "starts_at"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")),
                name="events_event_ends_after_start",
                violation_error_message=_("An event must end after it starts."),
            ),
            # The last line of defence against overbooking; services never rely on it.
            models.CheckConstraint(
                condition=models.Q(capacity__isnull=True)
                | models.Q(seats_confirmed__lte=models.F("capacity")),
                name="events_event_never_overbooked",
                violation_error_message=_("More seats are confirmed than the event has."),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("events:detail", args=[self.pk])

    def get_public_url(self) -> str:
        return reverse("public:event_detail", kwargs={"slug": self.slug})

    @property
    def public_image_url(self) -> str:
        """The picture's public address; it changes with the file, so browsers may cache it."""
        if not self.image:
            return ""
        url = reverse("public:event_image", kwargs={"slug": self.slug})
        return f"{url}?v={hashlib.sha256(self.image.name.encode()).hexdigest()[:12]}"

    @property
    def blocked_from(self):
        return self.starts_at - timedelta(minutes=self.setup_minutes)

    @property
    def blocked_until(self):
        return self.ends_at + timedelta(minutes=self.teardown_minutes)

    @property
    def seats_left(self) -> int | None:
        if self.capacity is None:
            return None
        return max(self.capacity - self.seats_confirmed, 0)

    @property
    def is_exhibition(self) -> bool:
        return self.event_type == EventType.EXHIBITION

    @property
    def is_past(self) -> bool:
        return self.ends_at <= timezone.now()

    def localised(self, field: str) -> str:
        """The English text on English pages when there is one, else the Lithuanian."""
        if (get_language() or "").startswith("en"):
            return getattr(self, f"{field}_en") or getattr(self, field)
        return getattr(self, field)

    @property
    def public_title(self) -> str:
        return self.localised("title")

    @property
    def public_summary(self) -> str:
        return self.localised("summary")

    @property
    def public_description(self) -> str:
        return self.localised("description")

    @property
    def public_accessibility(self) -> str:
        return self.localised("accessibility")

    @property
    def public_consent_text(self) -> str:
        """What a registrant agrees to, in the page's language: on an English page the
        English text, or a standard English one rather than Lithuanian followed by an
        English "I agree"."""
        if not self.consent_text.strip():
            return ""
        if (get_language() or "").startswith("en"):
            return self.consent_text_en.strip() or gettext(
                "The library uses the data you give here only to manage your registration "
                "for this event and to tell you about changes to it. The data is deleted "
                "%(days)s days after the event."
            ) % {"days": self.retention_days}
        return self.consent_text

    def clean(self) -> None:
        errors = {}
        needs_link = self.format in (self.Format.ONLINE, self.Format.HYBRID)
        settled = self.status not in (self.Status.PLANNED, self.Status.CANCELLED)
        if needs_link and settled and not self.online_url:
            errors["online_url"] = _("An online event needs its link before it is confirmed.")
        if self.format == self.Format.ON_SITE and not (self.space_id or self.venue):
            errors["space"] = _("Choose a space or write the venue.")
        if self.registration != self.Registration.NONE and not self.consent_text.strip():
            errors["consent_text"] = _(
                "Registration collects personal data: say why, the photography notice and "
                "how long it is kept."
            )
        if self.image and not self.image_alt.strip():
            errors["image_alt"] = _("Describe the image for people who cannot see it.")
        if errors:
            raise ValidationError(errors)

    @property
    def date_for_tasks(self) -> date:
        """The day a task about this event is for, shown beside the task's title on lists
        (a "Poster" task of each of a series' evenings; see core `_task_row.html`)."""
        return timezone.localdate(self.starts_at)


class Exhibit(models.Model):
    """One work or item shown in an exhibition."""

    exhibition = models.ForeignKey(
        Event, verbose_name=_("exhibition"), on_delete=models.CASCADE, related_name="exhibits"
    )
    title = models.CharField(_("title"), max_length=250)
    author = models.CharField(_("author"), max_length=200, blank=True)
    year = models.CharField(_("year"), max_length=20, blank=True)
    lender = models.CharField(_("lent by"), max_length=200, blank=True)
    notes = models.CharField(_("notes"), max_length=300, blank=True)
    position = models.PositiveSmallIntegerField(_("number"), default=0)

    class Meta:
        verbose_name = _("exhibit")
        verbose_name_plural = _("exhibits")
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.title


class Attendance(models.Model):
    """Participants of an event for one audience group (or all, when not split)."""

    event = models.ForeignKey(
        Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="attendance"
    )
    audience = models.ForeignKey(
        Audience,
        verbose_name=_("audience"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        help_text=_("Empty: participants not split by audience."),
    )
    on_site = models.PositiveIntegerField(_("participants on site"), default=0)
    live_viewers = models.PositiveIntegerField(_("live stream viewers"), default=0)
    recording_views = models.PositiveIntegerField(
        _("recording views"),
        default=0,
        help_text=_("Views of the recording within the counting period after the event."),
    )

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")
        constraints = [
            models.UniqueConstraint(
                fields=["event", "audience"],
                condition=models.Q(audience__isnull=False),
                name="events_attendance_one_row_per_audience",
            ),
            models.UniqueConstraint(
                fields=["event"],
                condition=models.Q(audience__isnull=True),
                name="events_attendance_one_unsplit_row",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.event}: {self.audience or '—'}"

    @property
    def online(self) -> int:
        """Virtual participants as the national library statistics count them."""
        return self.live_viewers + self.recording_views


class VisitorCount(models.Model):
    """Visitors of an exhibition counted over a period (a day, a week)."""

    exhibition = models.ForeignKey(
        Event,
        verbose_name=_("exhibition"),
        on_delete=models.CASCADE,
        related_name="visitor_counts",
    )
    counted_on = models.DateField(_("date"))
    visitors = models.PositiveIntegerField(_("visitors"))

    class Meta:
        verbose_name = _("visitor count")
        verbose_name_plural = _("visitor counts")
        ordering = ["counted_on"]

    def __str__(self) -> str:
        return f"{self.exhibition}: {self.counted_on}"
