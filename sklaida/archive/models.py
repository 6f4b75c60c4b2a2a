"""Media archive: assets and their renditions, ingest batches, collections, share links,
broadcasts, preservation audits and bag exports, equipment proposals."""

from __future__ import annotations

import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import Storage, storages
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from taggit.managers import TaggableManager


def archive_storage() -> Storage:
    """Where originals and renditions live: STORAGES["archive"] (a folder or S3)."""
    return storages["archive"]


class Asset(models.Model):
    """One original file (photo, video, audio or document), never modified, and what is
    known about it. One asset per content: the SHA-256 is unique."""

    class Kind(models.TextChoices):
        IMAGE = "image", _("Photo")
        VIDEO = "video", _("Video")
        AUDIO = "audio", _("Audio")
        DOCUMENT = "document", _("Document")

    class Access(models.TextChoices):
        PUBLIC = "public", _("Public")
        INTERNAL = "internal", _("Internal")
        RESTRICTED = "restricted", _("Restricted")

    class Consent(models.TextChoices):
        MISSING = "missing", _("Not yet documented")
        DOCUMENTED = "documented", _("Documented consent")
        REFUSED = "refused", _("Refused")
        NOT_NEEDED = "not_needed", _("Not needed (no identifiable people)")

    class Licence(models.TextChoices):
        CC_BY = "cc-by-4.0", _("CC BY 4.0")
        CC_BY_SA = "cc-by-sa-4.0", _("CC BY-SA 4.0")
        CC_BY_NC = "cc-by-nc-4.0", _("CC BY-NC 4.0")
        CC0 = "cc0-1.0", _("CC0 1.0 (public domain)")
        ALL_RIGHTS_RESERVED = "all-rights-reserved", _("All rights reserved")
        INTERNAL_USE = "internal-use", _("Internal use only")

    class Selection(models.TextChoices):
        UNREVIEWED = "unreviewed", _("Not reviewed")
        SELECTED = "selected", _("Selected")
        REJECTED = "rejected", _("Rejected")

    class Renditions(models.TextChoices):
        PENDING = "pending", _("Being prepared")
        READY = "ready", _("Ready")
        FAILED = "failed", _("Failed")

    # The original, stored under a name made from its checksum (see archive.storage).
    file = models.FileField(
        _("original file"), storage=archive_storage, max_length=255, editable=False
    )
    sha256 = models.CharField(_("SHA-256"), max_length=64, unique=True, editable=False)
    size = models.PositiveBigIntegerField(_("size in bytes"), editable=False)
    mime_type = models.CharField(_("file type"), max_length=120, editable=False)
    kind = models.CharField(_("type"), max_length=10, choices=Kind, db_index=True)
    original_name = models.CharField(_("file name"), max_length=255)

    # Technical metadata read from the file (EXIF/IPTC/XMP, ffprobe).
    width = models.PositiveIntegerField(_("width"), null=True, blank=True)
    height = models.PositiveIntegerField(_("height"), null=True, blank=True)
    duration = models.FloatField(_("duration in seconds"), null=True, blank=True)
    codecs = models.CharField(_("codecs"), max_length=120, blank=True)
    camera = models.CharField(_("camera"), max_length=150, blank=True)
    lens = models.CharField(_("lens"), max_length=150, blank=True)
    orientation = models.PositiveSmallIntegerField(_("EXIF orientation"), default=1)
    latitude = models.DecimalField(
        _("latitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    longitude = models.DecimalField(
        _("longitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    technical = models.JSONField(_("technical metadata"), default=dict, blank=True)
    # 64-bit difference hash of the picture, as 16 hex digits, for near-duplicates.
    perceptual_hash = models.CharField(max_length=16, blank=True, editable=False)
    near_duplicate_of = models.ForeignKey(
        "self",
        verbose_name=_("looks like"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="near_duplicates",
    )

    # Descriptive metadata.
    title = models.CharField(_("title"), max_length=250, blank=True)
    description = models.TextField(_("description"), blank=True)
    captured_at = models.DateTimeField(_("date taken"), null=True, blank=True, db_index=True)
    creator = models.ForeignKey(
        "contacts.Person",
        verbose_name=_("creator"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="created_assets",
    )
    creator_name = models.CharField(_("creator as named in the file"), max_length=150, blank=True)
    event = models.ForeignKey(
        "events.Event",
        verbose_name=_("event"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="assets",
    )
    people = models.ManyToManyField(
        "contacts.Person", verbose_name=_("people shown"), blank=True, related_name="shown_in"
    )
    keywords = TaggableManager(_("keywords"), blank=True)
    place = models.CharField(_("place"), max_length=200, blank=True)

    # Rights, consent and access.
    rights_holder = models.CharField(_("rights holder"), max_length=200, blank=True)
    licence = models.CharField(
        _("licence"), max_length=24, choices=Licence, default=Licence.INTERNAL_USE
    )
    access = models.CharField(
        _("access level"), max_length=10, choices=Access, default=Access.INTERNAL, db_index=True
    )
    consent = models.CharField(
        _("consent of people shown"), max_length=12, choices=Consent, default=Consent.MISSING
    )
    minors_present = models.BooleanField(_("minors shown"), default=False)
    consent_document = models.FileField(
        _("consent document"),
        storage=archive_storage,
        upload_to="archive/consent/%Y/",
        max_length=255,
        blank=True,
    )

    # Selection (3.1 "selects").
    selection = models.CharField(
        _("selection"),
        max_length=10,
        choices=Selection,
        default=Selection.UNREVIEWED,
        db_index=True,
    )
    rating = models.PositiveSmallIntegerField(_("rating"), default=0)

    # Renditions: name → storage key of the file made from the original.
    renditions = models.JSONField(default=dict, blank=True, editable=False)
    rendition_status = models.CharField(
        _("previews"), max_length=8, choices=Renditions, default=Renditions.PENDING
    )
    rendition_error = models.CharField(max_length=500, blank=True, editable=False)
    # Set when a renditions job starts: a job whose worker died (a decoder that crashed the
    # process) leaves it behind while the status stays pending (see recover_stalled_renditions).
    rendition_started_at = models.DateTimeField(null=True, blank=True, editable=False)
    rendition_attempts = models.PositiveSmallIntegerField(default=0, editable=False)

    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("added"), default=timezone.now, editable=False)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("asset")
        verbose_name_plural = _("assets")
        ordering = ["captured_at", "pk"]
        indexes = [
            models.Index(fields=["event", "captured_at"]),
            models.Index(fields=["event", "selection"]),
            models.Index(fields=["-created_at"]),
            # Also "archive_asset_newest_first" (captured_at DESC NULLS LAST, id DESC), the
            # list's own order, made by migration 0005: SQLite cannot declare NULLS LAST.
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(access="public") | Q(consent__in=["documented", "not_needed"]),
                name="archive_asset_public_needs_consent",
                violation_error_message=_(
                    "An asset can be public only when the consent of the people shown is "
                    "documented or not needed."
                ),
            ),
            models.CheckConstraint(
                condition=Q(rating__lte=5), name="archive_asset_rating_at_most_five"
            ),
        ]

    def __str__(self) -> str:
        return self.title or self.original_name

    def get_absolute_url(self) -> str:
        return reverse("archive:detail", args=[self.pk])

    def rendition_url(self, name: str) -> str:
        return reverse("archive:rendition", args=[self.pk, name]) if name in self.renditions else ""

    @property
    def thumbnail_url(self) -> str:
        return self.rendition_url("thumb")

    @property
    def preview_url(self) -> str:
        return self.rendition_url("preview") or self.rendition_url("poster")

    @property
    def publication_blocker(self) -> str:
        """Why this asset may not be public, or "" when it may."""
        if self.consent == self.Consent.REFUSED:
            return _("The people shown refused consent.")
        if self.consent == self.Consent.MISSING:
            return _("The consent of the people shown is not documented.")
        if self.consent == self.Consent.DOCUMENTED and not self.consent_document:
            return _("Attach the signed consent document.")
        if self.minors_present and self.consent != self.Consent.DOCUMENTED:
            return _("Minors are shown: their parents' consent must be documented.")
        return ""

    @property
    def may_be_public(self) -> bool:
        return not self.publication_blocker

    def clean(self) -> None:
        if self.access == self.Access.PUBLIC and self.publication_blocker:
            raise ValidationError({"access": self.publication_blocker})


class IngestBatch(models.Model):
    """Files brought in together: one upload session or one imported folder."""

    class Source(models.TextChoices):
        UPLOAD = "upload", _("Upload")
        FOLDER = "folder", _("Folder import")

    source = models.CharField(_("source"), max_length=8, choices=Source, default=Source.UPLOAD)
    event = models.ForeignKey(
        "events.Event",
        verbose_name=_("event"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="ingest_batches",
    )
    label = models.CharField(_("description"), max_length=250, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("started"), default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("ingest batch")
        verbose_name_plural = _("ingest batches")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.label or str(self.created_at)


class IngestItem(models.Model):
    """What became of one file of a batch."""

    class Outcome(models.TextChoices):
        STORED = "stored", _("Added")
        DUPLICATE = "duplicate", _("Already in the archive")
        REFUSED = "refused", _("Not accepted")
        REMOVED = "removed", _("Removed later")

    batch = models.ForeignKey(
        IngestBatch, verbose_name=_("batch"), on_delete=models.CASCADE, related_name="items"
    )
    original_name = models.CharField(_("file name"), max_length=255)
    outcome = models.CharField(_("result"), max_length=10, choices=Outcome)
    message = models.CharField(_("message"), max_length=500, blank=True)
    # Kept when its asset is removed (a damaged file), so the batch still says so.
    asset = models.ForeignKey(
        Asset,
        verbose_name=_("asset"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="ingest_items",
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("ingested file")
        verbose_name_plural = _("ingested files")
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.original_name


class Upload(models.Model):
    """A resumable upload in progress (tus protocol): bytes received so far are kept in a
    staging file until the last one arrives, then the file is ingested."""

    key = models.CharField(max_length=32, unique=True, editable=False)
    batch = models.ForeignKey(
        IngestBatch, on_delete=models.CASCADE, related_name="uploads", editable=False
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", editable=False
    )
    filename = models.CharField(max_length=255)
    length = models.PositiveBigIntegerField()
    offset = models.PositiveBigIntegerField(default=0)
    item = models.OneToOneField(
        IngestItem, on_delete=models.SET_NULL, null=True, blank=True, related_name="upload"
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("upload")
        verbose_name_plural = _("uploads")

    def __str__(self) -> str:
        return self.filename


class Collection(models.Model):
    """An album of assets, for an event or a theme; a public one is a gallery."""

    title = models.CharField(_("title"), max_length=250)
    description = models.TextField(_("description"), blank=True)
    event = models.ForeignKey(
        "events.Event",
        verbose_name=_("event"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="collections",
    )
    is_public = models.BooleanField(
        _("public gallery"),
        default=False,
        help_text=_("The gallery shows only the public assets of the collection."),
    )
    assets = models.ManyToManyField(
        Asset, verbose_name=_("assets"), through="CollectionItem", related_name="collections"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("collection")
        verbose_name_plural = _("collections")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.title


class CollectionItem(models.Model):
    collection = models.ForeignKey(Collection, on_delete=models.CASCADE, related_name="items")
    asset = models.ForeignKey(Asset, on_delete=models.CASCADE, related_name="collection_items")
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["collection", "asset"], name="archive_collection_asset_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.collection}: {self.asset}"


def new_share_token() -> str:
    return secrets.token_urlsafe(24)


class ShareLink(models.Model):
    """A secret address that lets someone without an account see and download a
    collection until a date."""

    collection = models.ForeignKey(
        Collection,
        verbose_name=_("collection"),
        on_delete=models.CASCADE,
        related_name="share_links",
    )
    token = models.CharField(max_length=40, unique=True, default=new_share_token, editable=False)
    note = models.CharField(_("for whom"), max_length=200, blank=True)
    expires_at = models.DateTimeField(_("valid until"))
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("share link")
        verbose_name_plural = _("share links")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.collection}: {self.note or self.token[:6]}"

    @property
    def is_valid(self) -> bool:
        return self.revoked_at is None and self.expires_at > timezone.now()


class Broadcast(models.Model):
    """A live stream of an event (3.1); its viewers count as the event's online
    participants."""

    class Platform(models.TextChoices):
        FACEBOOK = "facebook", _("Facebook")
        YOUTUBE = "youtube", _("YouTube")
        WEBSITE = "website", _("Library website")
        ZOOM = "zoom", _("Zoom")
        OTHER = "other", _("Other")

    event = models.ForeignKey(
        "events.Event",
        verbose_name=_("event"),
        on_delete=models.CASCADE,
        related_name="broadcasts",
    )
    platform = models.CharField(_("platform"), max_length=10, choices=Platform)
    url = models.URLField(_("address"), max_length=500)
    starts_at = models.DateTimeField(_("started"))
    ends_at = models.DateTimeField(_("ended"), null=True, blank=True)
    peak_viewers = models.PositiveIntegerField(_("most viewers at once"), default=0)
    total_viewers = models.PositiveIntegerField(_("viewers in total"), default=0)
    recording = models.ForeignKey(
        Asset,
        verbose_name=_("recording"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="broadcasts",
    )
    notes = models.CharField(_("notes"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("live broadcast")
        verbose_name_plural = _("live broadcasts")
        ordering = ["-starts_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__isnull=True) | Q(ends_at__gt=models.F("starts_at")),
                name="archive_broadcast_ends_after_start",
                violation_error_message=_("A broadcast must end after it starts."),
            ),
            models.CheckConstraint(
                condition=Q(peak_viewers__lte=models.F("total_viewers")),
                name="archive_broadcast_peak_within_total",
                violation_error_message=_(
                    "The most viewers at once cannot exceed the viewers in total."
                ),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.event}: {self.get_platform_display()}"


class FixityAudit(models.Model):
    """One pass over the stored originals, re-hashing each and comparing to its record."""

    class Status(models.TextChoices):
        RUNNING = "running", _("Running")
        FINISHED = "finished", _("Finished")
        FAILED = "failed", _("Failed")

    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.RUNNING)
    started_at = models.DateTimeField(_("started"), default=timezone.now)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    total = models.PositiveIntegerField(_("originals to check"), default=0)
    checked = models.PositiveIntegerField(_("originals checked"), default=0)
    # [{"asset": id, "name": …, "problem": "missing" | "changed", "found": sha256 | ""}]
    problems = models.JSONField(_("problems found"), default=list, blank=True)
    error = models.CharField(max_length=500, blank=True)

    class Meta:
        verbose_name = _("fixity audit")
        verbose_name_plural = _("fixity audits")
        ordering = ["-started_at"]

    def __str__(self) -> str:
        return str(self.started_at)


class BagExport(models.Model):
    """A collection packed as a BagIt bag (originals, checksums, Dublin Core) for transfer
    to a preservation repository."""

    class Status(models.TextChoices):
        WAITING = "waiting", _("Waiting")
        RUNNING = "running", _("Packing")
        FINISHED = "finished", _("Ready")
        FAILED = "failed", _("Failed")

    collection = models.ForeignKey(
        Collection,
        verbose_name=_("collection"),
        on_delete=models.CASCADE,
        related_name="bag_exports",
    )
    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.WAITING)
    done = models.PositiveIntegerField(default=0)
    total = models.PositiveIntegerField(default=0)
    file = models.FileField(
        _("bag"), storage=archive_storage, upload_to="archive/bags/", max_length=255, blank=True
    )
    error = models.CharField(max_length=500, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(_("requested"), default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("BagIt export")
        verbose_name_plural = _("BagIt exports")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.collection} ({self.created_at:%Y-%m-%d})"


class Proposal(models.Model):
    """A proposal to improve the department's equipment or work (3.3), which may become a
    procurement request once approved."""

    class Kind(models.TextChoices):
        EQUIPMENT = "equipment", _("New or better equipment")
        INNOVATION = "innovation", _("Innovation")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")
        TO_PROCUREMENT = "procurement", _("Passed to procurement")

    title = models.CharField(_("title"), max_length=250)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind, default=Kind.EQUIPMENT)
    justification = models.TextField(_("justification"))
    estimated_cost = models.DecimalField(
        _("estimated cost, EUR"), max_digits=10, decimal_places=2, null=True, blank=True
    )
    replaces = models.ForeignKey(
        "core.Equipment",
        verbose_name=_("replaces"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="replacement_proposals",
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status, default=Status.DRAFT, db_index=True
    )
    decision_note = models.CharField(_("decision"), max_length=500, blank=True)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("proposed by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("improvement proposal")
        verbose_name_plural = _("improvement proposals")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.title


class Illustration(models.Model):
    """The archive's photo chosen as the picture of an event's or a news item's public
    page. The archive points at events and content items (they never import the archive);
    exactly one of the two is set, and each has at most one picture."""

    asset = models.ForeignKey(
        Asset, verbose_name=_("photo"), on_delete=models.CASCADE, related_name="illustrations"
    )
    event = models.OneToOneField(
        "events.Event",
        verbose_name=_("event"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="illustration",
    )
    content_item = models.OneToOneField(
        "communication.ContentItem",
        verbose_name=_("content item"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="illustration",
    )
    alt_text = models.CharField(
        _("image description"),
        max_length=250,
        help_text=_("What the photo shows, for people who cannot see it."),
    )
    chosen_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("chosen by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    chosen_at = models.DateTimeField(_("chosen"), default=timezone.now)

    class Meta:
        verbose_name = _("picture of a public page")
        verbose_name_plural = _("pictures of public pages")
        constraints = [
            models.CheckConstraint(
                condition=Q(event__isnull=False, content_item__isnull=True)
                | Q(event__isnull=True, content_item__isnull=False),
                name="archive_illustration_one_target",
            )
        ]

    def __str__(self) -> str:
        return f"{self.event or self.content_item}: {self.asset}"
