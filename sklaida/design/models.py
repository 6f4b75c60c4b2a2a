"""Design and visual communication (4.1–4.4): the brand kit, design requests with their
proofs, and projects that decorate or sign the Library's spaces."""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, RegexValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from sklaida.design import colours

HEX_COLOUR = RegexValidator(
    r"^#[0-9A-Fa-f]{6}$", _("Write the colour as # and six hexadecimal digits, e.g. #1F4E79.")
)


def kit_upload_to(instance: models.Model, filename: str) -> str:
    return f"design/kits/{instance.kit_id}/{filename}"


def proof_upload_to(instance: Proof, filename: str) -> str:
    return f"design/proofs/{instance.request_id}/{instance.number}-{filename}"


class BrandKit(models.Model):
    """One version of the Library's visual identity. Exactly one is current; the public
    site wears it, and older versions stay readable."""

    version = models.PositiveIntegerField(_("version"), unique=True)
    name = models.CharField(_("name"), max_length=150)
    usage_rules = models.TextField(
        _("usage rules"),
        blank=True,
        help_text=_(
            "How the logo, colours and fonts are used: clear space, sizes, what not to do."
        ),
    )
    is_current = models.BooleanField(_("current"), default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now, editable=False)
    made_current_at = models.DateTimeField(_("made current"), null=True, blank=True)

    class Meta:
        verbose_name = _("brand kit")
        verbose_name_plural = _("brand kits")
        ordering = ["-version"]
        constraints = [
            models.UniqueConstraint(
                fields=["is_current"],
                condition=Q(is_current=True),
                name="design_one_current_kit",
                violation_error_message=_("Only one brand kit can be current."),
            )
        ]

    def __str__(self) -> str:
        return _("%(name)s (version %(version)s)") % {"name": self.name, "version": self.version}

    def get_absolute_url(self) -> str:
        return reverse("design:kit_detail", args=[self.pk])

    def colour(self, role: str) -> KitColour | None:
        """The kit's colour with this role (the first one, in the kit's order)."""
        return next((colour for colour in self.colours.all() if colour.role == role), None)

    def font(self, role: str) -> KitFont | None:
        fonts = [font for font in self.fonts.all() if font.role in (role, KitFont.Role.BOTH)]
        regular = [font for font in fonts if font.style == KitFont.Style.REGULAR]
        return (regular or fonts or [None])[0]


class KitLogo(models.Model):
    class Background(models.TextChoices):
        LIGHT = "light", _("For light backgrounds")
        DARK = "dark", _("For dark backgrounds")

    kit = models.ForeignKey(
        BrandKit, verbose_name=_("brand kit"), on_delete=models.CASCADE, related_name="logos"
    )
    name = models.CharField(_("name"), max_length=150)
    background = models.CharField(
        _("variant"), max_length=5, choices=Background, default=Background.LIGHT
    )
    # Checked by content when uploaded (design.files): SVG (sanitised), PNG or PDF.
    file = models.FileField(_("file"), upload_to=kit_upload_to, max_length=255)
    media_type = models.CharField(_("file type"), max_length=40, editable=False)
    position = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("logo")
        verbose_name_plural = _("logos")
        ordering = ["kit", "position", "pk"]

    def __str__(self) -> str:
        return self.name

    @property
    def format_name(self) -> str:
        return {"image/svg+xml": "SVG", "image/png": "PNG", "application/pdf": "PDF"}.get(
            self.media_type, self.media_type
        )

    @property
    def is_picture(self) -> bool:
        """Whether a browser shows it in an <img> (PDF logos are downloaded)."""
        return self.media_type in ("image/svg+xml", "image/png")


class KitColour(models.Model):
    class Role(models.TextChoices):
        PRIMARY = "primary", _("Primary (headings, buttons, links)")
        ACCENT = "accent", _("Accent")
        TEXT = "text", _("Text")
        BACKGROUND = "background", _("Background")
        OTHER = "other", _("Other")

    kit = models.ForeignKey(
        BrandKit, verbose_name=_("brand kit"), on_delete=models.CASCADE, related_name="colours"
    )
    name = models.CharField(_("name"), max_length=100)
    hex = models.CharField(_("HEX"), max_length=7, validators=[HEX_COLOUR])
    cmyk = models.CharField(
        _("CMYK"),
        max_length=40,
        blank=True,
        help_text=_("For print, as the printer gives it, e.g. 100, 60, 0, 40."),
    )
    pantone = models.CharField(_("Pantone"), max_length=40, blank=True)
    role = models.CharField(
        pgettext_lazy("brand colour", "role"), max_length=10, choices=Role, default=Role.OTHER
    )
    for_text = models.BooleanField(
        _("used for text"),
        default=False,
        help_text=_("Text colours must reach the WCAG AA contrast of 4.5:1 on white."),
    )
    position = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("colour")
        verbose_name_plural = _("colours")
        ordering = ["kit", "position", "pk"]

    def __str__(self) -> str:
        return f"{self.name} {self.hex.upper()}"

    @property
    def rgb(self) -> tuple[int, int, int]:
        return colours.rgb(self.hex)

    @property
    def contrast_on_white(self) -> float:
        return colours.contrast(self.hex, "#FFFFFF")

    @property
    def contrast_on_black(self) -> float:
        return colours.contrast(self.hex, "#000000")

    @property
    def carries_text(self) -> bool:
        """Text is set in this colour on the public site (primary colours are links)."""
        return self.for_text or self.role in (self.Role.PRIMARY, self.Role.TEXT)

    def clean(self) -> None:
        if self.hex and not HEX_COLOUR.regex.match(self.hex):
            return
        if self.hex:
            self.hex = self.hex.upper()
        if self.cmyk:
            try:
                self.cmyk = colours.normalise_cmyk(self.cmyk)
            except ValueError as error:
                raise ValidationError({"cmyk": str(error)}) from error
        if self.hex and self.carries_text:
            message = colours.text_contrast_problem(self.hex)
            if message:
                raise ValidationError({"hex": message})


class KitFont(models.Model):
    class Style(models.TextChoices):
        REGULAR = "regular", _("Regular")
        BOLD = "bold", _("Bold")
        ITALIC = "italic", _("Italic")
        BOLD_ITALIC = "bold_italic", _("Bold italic")

    class Role(models.TextChoices):
        HEADING = "heading", _("Headings")
        BODY = "body", _("Body text")
        BOTH = "both", _("Headings and body text")

    kit = models.ForeignKey(
        BrandKit, verbose_name=_("brand kit"), on_delete=models.CASCADE, related_name="fonts"
    )
    family = models.CharField(_("family"), max_length=100)
    style = models.CharField(_("style"), max_length=12, choices=Style, default=Style.REGULAR)
    role = models.CharField(_("used for"), max_length=8, choices=Role, default=Role.BOTH)
    # TrueType or OpenType (checked by content), so both the web and the poster engine use it.
    file = models.FileField(_("file"), upload_to=kit_upload_to, max_length=255)
    licence = models.CharField(
        _("licence"), max_length=150, help_text=_("e.g. SIL Open Font License 1.1")
    )
    licence_note = models.TextField(
        _("licence notes"),
        blank=True,
        help_text=_("What the licence allows: web, print, embedding in PDF; who bought it."),
    )

    class Meta:
        verbose_name = _("font")
        verbose_name_plural = _("fonts")
        ordering = ["kit", "family", "style"]
        constraints = [
            models.UniqueConstraint(
                fields=["kit", "family", "style"], name="design_font_style_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.family} {self.get_style_display()}"

    @property
    def css_weight(self) -> int:
        return 700 if self.style in (self.Style.BOLD, self.Style.BOLD_ITALIC) else 400

    @property
    def css_style(self) -> str:
        return "italic" if self.style in (self.Style.ITALIC, self.Style.BOLD_ITALIC) else "normal"


class KitTemplate(models.Model):
    """A layout of the kit that generated posters and social images follow."""

    kit = models.ForeignKey(
        BrandKit, verbose_name=_("brand kit"), on_delete=models.CASCADE, related_name="templates"
    )
    name = models.CharField(_("name"), max_length=150)
    layout = models.CharField(_("layout"), max_length=30)
    description = models.TextField(_("when to use it"), blank=True)
    position = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("template")
        verbose_name_plural = _("templates")
        ordering = ["kit", "position", "pk"]

    def __str__(self) -> str:
        return self.name


class DesignRequest(models.Model):
    """Work asked of the department's designer: a poster, a banner, a sign …"""

    class Product(models.TextChoices):
        POSTER = "poster", _("Poster")
        BANNER = "banner", _("Banner")
        INVITATION = "invitation", _("Invitation")
        SOCIAL_IMAGE = "social_image", _("Social media image")
        BOOKLET = "booklet", _("Booklet")
        LEAFLET = "leaflet", _("Leaflet")
        SIGNAGE = "signage", _("Signage")
        EXHIBITION_PANEL = "exhibition_panel", _("Exhibition panel")
        SPACE_DECORATION = "space_decoration", _("Space decoration")
        WEB_BANNER = "web_banner", _("Web banner")
        OTHER = "other", _("Other")

    class Status(models.TextChoices):
        REQUESTED = "requested", _("Requested")
        ACCEPTED = "accepted", _("Accepted")
        IN_PROGRESS = "in_progress", _("In progress")
        PROOF = "proof", _("Proof")
        CHANGES = "changes", _("Changes asked")
        APPROVED = "approved", pgettext_lazy("design request", "Approved")
        DELIVERED = "delivered", _("Delivered or printed")
        CANCELLED = "cancelled", _("Cancelled")

    class Priority(models.IntegerChoices):
        LOW = 1, _("Low")
        NORMAL = 2, _("Normal")
        HIGH = 3, _("High")
        URGENT = 4, _("Urgent")

    OPEN_STATUSES = (
        Status.REQUESTED,
        Status.ACCEPTED,
        Status.IN_PROGRESS,
        Status.PROOF,
        Status.CHANGES,
        Status.APPROVED,
    )

    title = models.CharField(_("title"), max_length=200)
    product = models.CharField(_("product"), max_length=20, choices=Product)
    brief = models.TextField(
        _("text and brief"), blank=True, help_text=_("The text to place and what it must say.")
    )
    quantity = models.PositiveIntegerField(_("quantity"), null=True, blank=True)
    print_notes = models.TextField(
        _("print notes"), blank=True, help_text=_("Paper, finish, printer, delivery.")
    )
    event = models.ForeignKey(
        "events.Event",
        verbose_name=_("event or exhibition"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="design_requests",
    )
    campaign = models.ForeignKey(
        "communication.Campaign",
        verbose_name=_("campaign"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="design_requests",
    )
    space = models.ForeignKey(
        "core.Space",
        verbose_name=_("space"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="design_requests",
    )
    space_project = models.ForeignKey(
        "design.SpaceProject",
        verbose_name=_("space project"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="requests",
    )
    # Set when the request was made for an event's provision item; delivering it closes
    # the item's task, and the deadline follows the event.
    provision_item = models.OneToOneField(
        "events.ProvisionItem",
        verbose_name=_("provision item"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="design_request",
    )
    deadline = models.DateField(_("deadline"), db_index=True)
    requester = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("requested by"),
        on_delete=models.PROTECT,
        related_name="design_requests_made",
    )
    designer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("designer"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="design_requests_assigned",
    )
    priority = models.PositiveSmallIntegerField(
        _("priority"), choices=Priority, default=Priority.NORMAL
    )
    status = models.CharField(_("status"), max_length=12, choices=Status, default=Status.REQUESTED)
    created_at = models.DateTimeField(_("created"), default=timezone.now, editable=False)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    delivered_at = models.DateTimeField(_("delivered"), null=True, blank=True)

    class Meta:
        verbose_name = _("design request")
        verbose_name_plural = _("design requests")
        ordering = ["deadline", "-priority", "pk"]
        indexes = [
            models.Index(fields=["status", "deadline"]),
            models.Index(fields=["designer", "status", "deadline"]),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("design:request_detail", args=[self.pk])

    @property
    def is_open(self) -> bool:
        return self.status in self.OPEN_STATUSES

    @property
    def is_late(self) -> bool:
        return self.is_open and self.deadline < timezone.localdate()


class RequestFormat(models.Model):
    """One size the product is wanted in: a paper size, custom millimetres or pixels."""

    class Paper(models.TextChoices):
        A0 = "A0", "A0 (841 × 1189 mm)"
        A1 = "A1", "A1 (594 × 841 mm)"
        A2 = "A2", "A2 (420 × 594 mm)"
        A3 = "A3", "A3 (297 × 420 mm)"
        A4 = "A4", "A4 (210 × 297 mm)"
        A5 = "A5", "A5 (148 × 210 mm)"
        A6 = "A6", "A6 (105 × 148 mm)"
        CUSTOM_MM = "mm", _("Custom size in millimetres")
        PIXELS = "px", _("Pixels (screens and social networks)")

    request = models.ForeignKey(
        DesignRequest, verbose_name=_("request"), on_delete=models.CASCADE, related_name="formats"
    )
    paper = models.CharField(_("format"), max_length=3, choices=Paper)
    width = models.PositiveIntegerField(_("width"), null=True, blank=True)
    height = models.PositiveIntegerField(_("height"), null=True, blank=True)
    bleed_mm = models.PositiveSmallIntegerField(
        _("bleed, mm"), default=3, validators=[MaxValueValidator(20)]
    )
    channel = models.ForeignKey(
        "communication.Channel",
        verbose_name=_("channel"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("format")
        verbose_name_plural = _("formats")
        ordering = ["request", "pk"]

    def __str__(self) -> str:
        if self.paper == self.Paper.PIXELS:
            return f"{self.width} × {self.height} px" + (
                f" ({self.channel})" if self.channel else ""
            )
        size = (
            self.paper if self.paper != self.Paper.CUSTOM_MM else f"{self.width} × {self.height} mm"
        )
        return _("%(size)s, bleed %(bleed)s mm") % {"size": size, "bleed": self.bleed_mm}

    def clean(self) -> None:
        custom = self.paper in (self.Paper.CUSTOM_MM, self.Paper.PIXELS)
        if custom and not (self.width and self.height):
            raise ValidationError(_("Give the width and height of a custom size."))
        if not custom:
            self.width = self.height = None
        if self.paper == self.Paper.PIXELS:
            self.bleed_mm = 0


class StatusChange(models.Model):
    """Who moved a request on the board, and when."""

    request = models.ForeignKey(
        DesignRequest, on_delete=models.CASCADE, related_name="status_changes"
    )
    from_status = models.CharField(max_length=12, choices=DesignRequest.Status)
    to_status = models.CharField(max_length=12, choices=DesignRequest.Status)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    changed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["changed_at", "pk"]

    def __str__(self) -> str:
        return f"{self.request}: {self.from_status} → {self.to_status}"


class Proof(models.Model):
    """One version of the design shown for approval; numbered from 1 per request."""

    request = models.ForeignKey(
        DesignRequest, verbose_name=_("request"), on_delete=models.CASCADE, related_name="proofs"
    )
    number = models.PositiveSmallIntegerField(_("version"))
    file = models.FileField(_("file"), upload_to=proof_upload_to, max_length=255)
    original_name = models.CharField(_("file name"), max_length=255)
    media_type = models.CharField(_("file type"), max_length=80)
    # A PNG of the first page, made when uploaded, for the side-by-side view.
    preview = models.FileField(max_length=255, blank=True, editable=False)
    note = models.TextField(_("what changed"), blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    uploaded_at = models.DateTimeField(_("uploaded"), default=timezone.now)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("approved by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    approved_at = models.DateTimeField(_("approved"), null=True, blank=True)
    # The approved file as kept in the media archive.
    asset = models.ForeignKey(
        "archive.Asset",
        verbose_name=_("in the archive"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="design_proofs",
    )

    class Meta:
        verbose_name = _("proof")
        verbose_name_plural = _("proofs")
        ordering = ["request", "number"]
        constraints = [
            models.UniqueConstraint(fields=["request", "number"], name="design_proof_number")
        ]

    def __str__(self) -> str:
        return _("Proof %(number)s") % {"number": self.number}


class ProofComment(models.Model):
    proof = models.ForeignKey(
        Proof, verbose_name=_("proof"), on_delete=models.CASCADE, related_name="comments"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("author"), on_delete=models.PROTECT
    )
    body = models.TextField(_("comment"))
    created_at = models.DateTimeField(_("written"), default=timezone.now)

    class Meta:
        verbose_name = _("comment on a proof")
        verbose_name_plural = _("comments on proofs")
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return self.body[:60]


class SpaceProject(models.Model):
    """Decorating or signing the Library's spaces (4.4)."""

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        IN_PROGRESS = "in_progress", _("Being made")
        INSTALLED = "installed", _("Installed")
        COMPLETED = "completed", _("Completed")

    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    library = models.ForeignKey(
        "core.Library",
        verbose_name=_("library"),
        on_delete=models.PROTECT,
        related_name="space_projects",
    )
    responsible = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("responsible"),
        on_delete=models.PROTECT,
        related_name="space_projects",
    )
    status = models.CharField(_("status"), max_length=12, choices=Status, default=Status.PLANNED)
    photos = models.ManyToManyField(
        "archive.Asset", verbose_name=_("photos of the result"), blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("space project")
        verbose_name_plural = _("space projects")
        ordering = ["-created_at", "pk"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("design:space_project_detail", args=[self.pk])

    @property
    def total_cost(self) -> Decimal:
        return sum((item.total_cost for item in self.items.all()), Decimal(0))


class SpaceItem(models.Model):
    """A sign, wall graphic, panel or decoration installed in a space."""

    class Kind(models.TextChoices):
        SIGN = "sign", _("Sign")
        WALL_GRAPHIC = "wall_graphic", _("Wall graphic")
        EXHIBITION_PANEL = "exhibition_panel", _("Exhibition panel")
        DECORATION = "decoration", _("Decoration")
        OTHER = "other", _("Other")

    project = models.ForeignKey(
        SpaceProject, verbose_name=_("project"), on_delete=models.CASCADE, related_name="items"
    )
    space = models.ForeignKey(
        "core.Space", verbose_name=_("space"), on_delete=models.PROTECT, related_name="design_items"
    )
    kind = models.CharField(_("kind"), max_length=16, choices=Kind)
    title = models.CharField(_("what"), max_length=200)
    width_mm = models.PositiveIntegerField(_("width, mm"), null=True, blank=True)
    height_mm = models.PositiveIntegerField(_("height, mm"), null=True, blank=True)
    material = models.CharField(_("material"), max_length=150, blank=True)
    quantity = models.PositiveIntegerField(_("quantity"), default=1)
    unit_cost = models.DecimalField(
        _("cost of one, EUR"), max_digits=10, decimal_places=2, null=True, blank=True
    )
    installed_on = models.DateField(_("installed"), null=True, blank=True)
    removed_on = models.DateField(_("removed"), null=True, blank=True)

    class Meta:
        verbose_name = _("space item")
        verbose_name_plural = _("space items")
        ordering = ["space", "installed_on", "pk"]
        indexes = [models.Index(fields=["space", "removed_on"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(removed_on__isnull=True)
                | Q(installed_on__isnull=True)
                | Q(removed_on__gte=models.F("installed_on")),
                name="design_item_removed_after_installed",
                violation_error_message=_("An item cannot be removed before it is installed."),
            )
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def total_cost(self) -> Decimal:
        return (self.unit_cost or Decimal(0)) * self.quantity

    @property
    def size(self) -> str:
        if self.width_mm and self.height_mm:
            return f"{self.width_mm} × {self.height_mm} mm"
        return ""

    def is_in_place_on(self, day) -> bool:
        return (
            self.installed_on is not None
            and self.installed_on <= day
            and (self.removed_on is None or self.removed_on >= day)
        )
