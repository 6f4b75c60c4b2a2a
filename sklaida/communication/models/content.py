"""Content items (1.2): texts the Library publishes, their versions and per-channel variants."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from sklaida.communication.models.channels import Campaign, Channel


class ContentItem(models.Model):
    class Kind(models.TextChoices):
        PRESS_RELEASE = "press_release", _("Press release")
        ARTICLE = "article", _("Article")
        NEWS = "news", _("News")
        NEWSLETTER_ISSUE = "newsletter_issue", _("Newsletter issue")
        SOCIAL_POST = "social_post", _("Social media post")
        INFORMATIONAL = "informational", _("Informational text")
        CAMPAIGN_MATERIAL = "campaign_material", _("Campaign material")

    class Status(models.TextChoices):
        IDEA = "idea", _("Idea")
        DRAFT = "draft", _("Draft")
        EDITING = "editing", _("Editing")
        APPROVED = "approved", _("Approved")
        SCHEDULED = "scheduled", _("Scheduled")
        PUBLISHED = "published", _("Published")
        ARCHIVED = "archived", _("Archived")

    kind = models.CharField(_("type"), max_length=20, choices=Kind, db_index=True)
    title = models.CharField(_("title"), max_length=250)
    slug = models.SlugField(_("web address"), max_length=120, unique=True)
    summary = models.CharField(_("lead"), max_length=400, blank=True)
    body = models.TextField(_("text"), blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status, default=Status.IDEA, db_index=True
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        on_delete=models.PROTECT,
        related_name="content_authored",
    )
    editor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("editor"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="content_edited",
    )
    approver = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("approver"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="content_to_approve",
        help_text=_("Empty: the head of the department approves."),
    )
    campaign = models.ForeignKey(
        Campaign,
        verbose_name=_("campaign"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="content_items",
    )
    events = models.ManyToManyField(
        "events.Event", verbose_name=_("events"), blank=True, related_name="content_items"
    )
    publish_at = models.DateTimeField(_("publish on"), null=True, blank=True, db_index=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True, db_index=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("content item")
        verbose_name_plural = _("content items")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["kind", "status", "published_at"])]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("communication:item_detail", args=[self.pk])


class ContentVersion(models.Model):
    """Every saved text of an item, so any two can be compared."""

    item = models.ForeignKey(
        ContentItem,
        verbose_name=_("content item"),
        on_delete=models.CASCADE,
        related_name="versions",
    )
    number = models.PositiveIntegerField(_("version"))
    title = models.CharField(_("title"), max_length=250)
    summary = models.CharField(_("lead"), max_length=400, blank=True)
    body = models.TextField(_("text"), blank=True)
    saved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("saved by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    saved_at = models.DateTimeField(_("saved"), auto_now_add=True)

    class Meta:
        verbose_name = _("version")
        verbose_name_plural = _("versions")
        ordering = ["-number"]
        constraints = [
            models.UniqueConstraint(fields=["item", "number"], name="communication_version_number")
        ]

    def __str__(self) -> str:
        return f"{self.item} v{self.number}"


class StatusChange(models.Model):
    """Who moved an item along its workflow, and when."""

    item = models.ForeignKey(ContentItem, on_delete=models.CASCADE, related_name="status_changes")
    from_status = models.CharField(max_length=10, choices=ContentItem.Status)
    to_status = models.CharField(max_length=10, choices=ContentItem.Status)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    changed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("status change")
        verbose_name_plural = _("status changes")
        ordering = ["changed_at"]

    def __str__(self) -> str:
        return f"{self.item}: {self.from_status} → {self.to_status}"


class ChannelVariant(models.Model):
    """The item's own text for one channel, with its time and, once out, its address."""

    item = models.ForeignKey(
        ContentItem,
        verbose_name=_("content item"),
        on_delete=models.CASCADE,
        related_name="variants",
    )
    channel = models.ForeignKey(
        Channel, verbose_name=_("channel"), on_delete=models.PROTECT, related_name="variants"
    )
    text = models.TextField(_("text"), blank=True)
    image = models.ForeignKey(
        "core.Attachment",
        verbose_name=_("image"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    image_alt = models.CharField(_("image description"), max_length=300, blank=True)
    planned_at = models.DateTimeField(
        _("planned publication"), null=True, blank=True, db_index=True
    )
    published_url = models.URLField(_("published at the address"), blank=True)

    class Meta:
        verbose_name = _("channel variant")
        verbose_name_plural = _("channel variants")
        constraints = [
            models.UniqueConstraint(fields=["item", "channel"], name="communication_one_variant")
        ]

    def __str__(self) -> str:
        return f"{self.item} · {self.channel}"
