"""Core data every area shares: libraries, spaces, users, tasks, comments, attachments."""

from __future__ import annotations

import unicodedata
from uuid import uuid4

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from taggit.managers import TaggableManager

from sklaida.core.municipalities import MUNICIPALITY_CHOICES


class Library(models.Model):
    """The county library or one of the county's municipal (territory) libraries."""

    class Kind(models.TextChoices):
        COUNTY = "county", _("County library")
        TERRITORY = "territory", _("Territory library")

    name = models.CharField(_("name"), max_length=200, unique=True)
    short_name = models.CharField(_("short name"), max_length=80, blank=True)
    kind = models.CharField(_("kind"), max_length=16, choices=Kind, default=Kind.TERRITORY)
    municipality = models.CharField(_("municipality"), max_length=64, choices=MUNICIPALITY_CHOICES)
    address = models.CharField(_("address"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    website = models.URLField(_("website"), blank=True)
    is_active = models.BooleanField(_("active"), default=True)

    # Territory specialists see the rows whose library is their own (core.permissions).
    scope_library_field = "pk"

    class Meta:
        verbose_name = _("library")
        verbose_name_plural = _("libraries")
        ordering = ["kind", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["kind"],
                condition=models.Q(kind="county"),
                name="core_library_single_county_library",
                violation_error_message=_("There can be only one county library."),
            )
        ]

    def __str__(self) -> str:
        return self.short_name or self.name

    def get_absolute_url(self) -> str:
        return reverse("core:library_detail", args=[self.pk])


class SpaceEquipment(models.Model):
    """Fixed equipment or a facility of a space: projector, sound system, hearing loop …"""

    name = models.CharField(_("name"), max_length=100, unique=True)

    class Meta:
        verbose_name = _("space equipment")
        verbose_name_plural = _("space equipment")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Space(models.Model):
    """A room or area of a library where events, exhibitions and tours take place."""

    library = models.ForeignKey(
        Library, verbose_name=_("library"), on_delete=models.PROTECT, related_name="spaces"
    )
    name = models.CharField(_("name"), max_length=120)
    capacity = models.PositiveIntegerField(_("capacity"), help_text=_("Seated visitors."))
    floor = models.CharField(_("floor"), max_length=40, blank=True)
    equipment = models.ManyToManyField(
        SpaceEquipment, verbose_name=_("equipment"), blank=True, related_name="spaces"
    )
    step_free_access = models.BooleanField(_("step-free access"), default=False)
    description = models.TextField(_("description"), blank=True)
    is_active = models.BooleanField(_("active"), default=True)

    scope_library_field = "library"

    class Meta:
        verbose_name = _("space")
        verbose_name_plural = _("spaces")
        ordering = ["library", "name"]
        constraints = [
            models.UniqueConstraint(fields=["library", "name"], name="core_space_unique_name")
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("core:space_detail", args=[self.pk])


class User(AbstractUser):
    """A person who signs in: department staff, territory specialists, viewers, admins."""

    library = models.ForeignKey(
        Library,
        verbose_name=_("library"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="users",
        help_text=_("The library whose data a territory specialist may see."),
    )
    language = models.CharField(
        _("language"), max_length=8, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    # Kept by core.accounts whenever a confirmed second-factor device comes or goes, so the
    # middleware knows without a query on every request whether the session needs a code.
    two_factor_enabled = models.BooleanField(_("two-factor sign-in"), default=False, editable=False)

    class Meta(AbstractUser.Meta):
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["first_name", "last_name", "username"]
        constraints = [
            # A password reset mails every account of an address: one address, one account.
            models.UniqueConstraint(
                Lower("email"),
                condition=~models.Q(email=""),
                name="core_user_unique_email",
                violation_error_message=_("Another account already uses this e-mail address."),
            )
        ]

    def __str__(self) -> str:
        return self.get_full_name() or self.username

    def clean(self) -> None:
        super().clean()
        # Colleagues trust the name beside a comment or an approval: no two active users
        # may read the same.
        named = comparable_name(self.first_name, self.last_name)
        if self.is_active and named and self.namesakes().exists():
            raise ValidationError(
                {
                    "last_name": _(
                        "An active user already has this name. Add a middle initial "
                        "or another distinction, so colleagues can tell who wrote what."
                    )
                }
            )

    def namesakes(self) -> models.QuerySet[User]:
        """Other active users whose name reads the same (case and accents aside)."""
        key = comparable_name(self.first_name, self.last_name)
        # A library has dozens of accounts: compare them in Python, which folds accents
        # ("Ž" and "Z") the same way on SQLite and PostgreSQL.
        candidates = User.objects.filter(is_active=True).exclude(pk=self.pk)
        matching = [
            user.pk
            for user in candidates.only("first_name", "last_name")
            if comparable_name(user.first_name, user.last_name) == key
        ]
        return User.objects.filter(pk__in=matching)


def comparable_name(first_name: str, last_name: str) -> str:
    """A full name as a reader takes it in: case, accents and spacing do not count.

    "Rasa Petrauskienė" and "rasa  petrauskiene" are the same name to a colleague who
    reads a comment, so they may not belong to two active users.
    """
    full = f"{first_name} {last_name}".casefold()
    decomposed = unicodedata.normalize("NFKD", full)
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())


class AttachedToObject(models.Model):
    """Fields for a row that hangs on any other object (a task, comment or attachment)."""

    content_type = models.ForeignKey(
        ContentType, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    object_id = models.PositiveBigIntegerField(null=True, blank=True)
    target = GenericForeignKey("content_type", "object_id")

    class Meta:
        abstract = True


class Equipment(models.Model):
    """A movable item the department lends to events: a projector, microphones, a camera."""

    class Kind(models.TextChoices):
        SOUND = "sound", _("Sound")
        PROJECTION = "projection", _("Projection")
        MICROPHONE = "microphone", _("Microphones")
        STREAMING = "streaming", _("Streaming kit")
        CAMERA = "camera", _("Camera")
        LENS = "lens", _("Lens")
        LIGHTING = "lighting", _("Lighting")
        FURNITURE = "furniture", _("Furniture and stands")
        OTHER = "other", _("Other")

    class Condition(models.TextChoices):
        NEW = "new", _("New")
        GOOD = "good", _("Good")
        WORN = "worn", _("Worn")
        NEEDS_REPAIR = "repair", _("Needs repair")
        WRITTEN_OFF = "written_off", _("Written off")

    library = models.ForeignKey(
        Library, verbose_name=_("library"), on_delete=models.PROTECT, related_name="equipment"
    )
    name = models.CharField(_("name"), max_length=150)
    kind = models.CharField(_("type"), max_length=12, choices=Kind, default=Kind.OTHER)
    inventory_number = models.CharField(_("inventory number"), max_length=60, blank=True)
    location = models.CharField(_("kept in"), max_length=150, blank=True)
    is_active = models.BooleanField(_("in use"), default=True)
    condition = models.CharField(
        _("condition"), max_length=12, choices=Condition, default=Condition.GOOD
    )
    serial_number = models.CharField(_("serial number"), max_length=80, blank=True)
    purchase_date = models.DateField(_("purchased"), null=True, blank=True)
    value = models.DecimalField(
        _("value, EUR"), max_digits=10, decimal_places=2, null=True, blank=True
    )
    notes = models.TextField(_("notes"), blank=True)

    scope_library_field = "library"

    class Meta:
        verbose_name = _("equipment item")
        verbose_name_plural = _("equipment items")
        ordering = ["kind", "name"]

    def __str__(self) -> str:
        return self.name


class Booking(AttachedToObject):
    """A space or an equipment item reserved for a time, usually for an event or a tour.

    The booking is what conflict detection reads: an event's booking covers its set-up
    and tear-down time, which the public never sees.
    """

    space = models.ForeignKey(
        Space,
        verbose_name=_("space"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="bookings",
    )
    equipment = models.ForeignKey(
        Equipment,
        verbose_name=_("equipment item"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="bookings",
    )
    starts_at = models.DateTimeField(_("from"))
    ends_at = models.DateTimeField(_("until"))
    title = models.CharField(_("purpose"), max_length=250)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("booking")
        verbose_name_plural = _("bookings")
        ordering = ["starts_at"]
        indexes = [
            models.Index(fields=["space", "starts_at", "ends_at"]),
            models.Index(fields=["equipment", "starts_at", "ends_at"]),
            models.Index(fields=["content_type", "object_id"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")),
                name="core_booking_ends_after_start",
                violation_error_message=_("A booking must end after it starts."),
            ),
            models.CheckConstraint(
                condition=models.Q(space__isnull=False, equipment__isnull=True)
                | models.Q(space__isnull=True, equipment__isnull=False),
                name="core_booking_one_resource",
                violation_error_message=_("A booking reserves either a space or an item."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.space or self.equipment}: {self.title}"

    @property
    def resource(self) -> Space | Equipment:
        return self.space or self.equipment


class Task(AttachedToObject):
    """Something a person must do by a date, optionally about another object."""

    class Status(models.TextChoices):
        OPEN = "open", _("To do")
        IN_PROGRESS = "in_progress", _("In progress")
        DONE = "done", _("Done")
        CANCELLED = "cancelled", _("Cancelled")

    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    owner = models.ForeignKey(
        User, verbose_name=_("owner"), on_delete=models.PROTECT, related_name="tasks"
    )
    created_by = models.ForeignKey(
        User,
        verbose_name=_("created by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    library = models.ForeignKey(
        Library,
        verbose_name=_("library"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="tasks",
        help_text=_("Set when the task concerns one library's work."),
    )
    due_date = models.DateField(_("due date"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=16, choices=Status, default=Status.OPEN)
    completed_at = models.DateTimeField(_("completed at"), null=True, blank=True)
    reminded_on = models.DateField(_("last reminder"), null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    tags = TaggableManager(_("tags"), blank=True)

    scope_library_field = "library"
    scope_owner_field = "owner"

    OPEN_STATUSES = (Status.OPEN, Status.IN_PROGRESS)

    class Meta:
        verbose_name = _("task")
        verbose_name_plural = _("tasks")
        ordering = [models.F("due_date").asc(nulls_last=True), "pk"]
        indexes = [
            models.Index(fields=["owner", "status", "due_date"], name="core_task_owner_due"),
            models.Index(fields=["status", "due_date"], name="core_task_status_due"),
            models.Index(fields=["content_type", "object_id"], name="core_task_target"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("core:task_detail", args=[self.pk])

    @property
    def is_open(self) -> bool:
        return self.status in self.OPEN_STATUSES


class Comment(AttachedToObject):
    """A remark a colleague leaves on an object."""

    author = models.ForeignKey(
        User, verbose_name=_("author"), on_delete=models.PROTECT, related_name="comments"
    )
    body = models.TextField(_("comment"), max_length=5000)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["content_type", "object_id"], name="core_comment_target")]

    def __str__(self) -> str:
        return self.body[:60]


def attachment_upload_to(instance: Attachment, filename: str) -> str:
    # Stored under a random name: the original one is kept in the row, never trusted on disk.
    return f"attachments/{instance.created_at:%Y/%m}/{uuid4().hex}"


class Attachment(AttachedToObject):
    """A file attached to an object; its type is checked by content, not by name."""

    file = models.FileField(_("file"), upload_to=attachment_upload_to, max_length=255)
    original_name = models.CharField(_("file name"), max_length=255)
    size = models.PositiveBigIntegerField(_("size in bytes"))
    mime_type = models.CharField(_("file type"), max_length=120)
    uploaded_by = models.ForeignKey(
        User, verbose_name=_("uploaded by"), on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("uploaded at"), default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["created_at", "pk"]
        indexes = [
            models.Index(fields=["content_type", "object_id"], name="core_attachment_target")
        ]

    def __str__(self) -> str:
        return self.original_name

    def get_absolute_url(self) -> str:
        return reverse("core:attachment_download", args=[self.pk])


class Heartbeat(models.Model):
    """When a background process last proved it is alive (shown by /healthz)."""

    name = models.CharField(max_length=40, unique=True)
    beat_at = models.DateTimeField()

    class Meta:
        verbose_name = _("heartbeat")
        verbose_name_plural = _("heartbeats")

    def __str__(self) -> str:
        return self.name


class OutgoingEmail(models.Model):
    """One e-mail waiting for the background job that sends it.

    The job's queue keeps only this row's id, never the text: bodies hold personal data
    and sign-in links, and queues keep their results for days. The row is deleted once the
    message has left; one that keeps failing is deleted after OUTBOX_KEEP_DAYS.
    """

    to = models.JSONField(default=list)
    subject = models.CharField(max_length=300)
    body = models.TextField()
    created_at = models.DateTimeField(default=timezone.now)
    # Set by the run that is sending it, so two runs never send the same message.
    claimed_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.CharField(max_length=500, blank=True)

    class Meta:
        verbose_name = _("outgoing e-mail")
        verbose_name_plural = _("outgoing e-mails")
        indexes = [models.Index(fields=["created_at"], name="core_outbox_created")]

    def __str__(self) -> str:
        return self.subject


class SearchEntry(models.Model):
    """The search keys of one searchable object (core.search): its title's and the rest's.

    The keys are Lithuanian stems of folded words, computed in Python (core.search.words).
    PostgreSQL keeps a stored tsvector column `vector` over them with a GIN index;
    SQLite an FTS5 table `core_searchentry_fts` filled by triggers. Neither is a Django
    field: both are made by migration 0007 and repaired by core.search.engine.
    """

    kind = models.CharField(_("kind"), max_length=100)  # the model's label, "events.event"
    object_id = models.BigIntegerField(_("object"))
    title = models.TextField(_("title keys"), blank=True)
    body = models.TextField(_("text keys"), blank=True)

    class Meta:
        verbose_name = _("search entry")
        verbose_name_plural = _("search entries")
        constraints = [
            models.UniqueConstraint(fields=["kind", "object_id"], name="core_search_one_per_object")
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.object_id}"
