"""Channels the Library speaks through (1.3) and campaigns that group content (1.2)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class Channel(models.Model):
    class Kind(models.TextChoices):
        WEBSITE = "website", _("Website")
        FACEBOOK = "facebook", _("Facebook")
        INSTAGRAM = "instagram", _("Instagram")
        YOUTUBE = "youtube", _("YouTube")
        TIKTOK = "tiktok", _("TikTok")
        NEWSLETTER = "newsletter", _("Newsletter")
        PRESS_LIST = "press_list", _("Press list")
        RADIO_TV = "radio_tv", _("Radio or TV")
        OTHER = "other", _("Other")

    name = models.CharField(_("name"), max_length=150, unique=True)
    kind = models.CharField(_("type"), max_length=12, choices=Kind)
    url = models.URLField(_("address"), blank=True)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("owner"),
        on_delete=models.PROTECT,
        related_name="channels_owned",
    )
    administrators = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("administrators"),
        blank=True,
        related_name="channels_administered",
    )
    text_limit = models.PositiveIntegerField(
        _("text limit, characters"), null=True, blank=True, help_text=_("Empty: no limit.")
    )
    image_sizes = models.CharField(
        _("image sizes"),
        max_length=200,
        blank=True,
        help_text=_("For example 1080×1080, 1200×630."),
    )
    access_note = models.CharField(
        _("where the access is kept"),
        max_length=200,
        blank=True,
        help_text=_("Never a password: say where it is kept, e.g. the Library's password manager."),
    )
    is_active = models.BooleanField(_("in use"), default=True)
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        verbose_name = _("channel")
        verbose_name_plural = _("channels")
        ordering = ["kind", "name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("communication:channel_detail", args=[self.pk])


class AudienceSize(models.Model):
    """A channel's audience (followers, subscribers) on a day: its size over time."""

    channel = models.ForeignKey(
        Channel, verbose_name=_("channel"), on_delete=models.CASCADE, related_name="audience"
    )
    measured_on = models.DateField(_("date"))
    size = models.PositiveIntegerField(_("audience size"))

    class Meta:
        verbose_name = _("audience size")
        verbose_name_plural = _("audience sizes")
        ordering = ["-measured_on"]
        constraints = [
            models.UniqueConstraint(
                fields=["channel", "measured_on"], name="communication_one_size_a_day"
            )
        ]

    def __str__(self) -> str:
        return f"{self.channel}: {self.size}"


class Campaign(models.Model):
    title = models.CharField(_("title"), max_length=200)
    goal = models.TextField(_("goal"))
    starts_on = models.DateField(_("from"))
    ends_on = models.DateField(_("until"))
    audience = models.CharField(_("audience"), max_length=250, blank=True)
    channels = models.ManyToManyField(
        Channel, verbose_name=_("channels"), blank=True, related_name="campaigns"
    )
    events = models.ManyToManyField(
        "events.Event", verbose_name=_("events"), blank=True, related_name="campaigns"
    )
    budget = models.DecimalField(
        _("budget, EUR"), max_digits=10, decimal_places=2, null=True, blank=True
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("responsible"),
        on_delete=models.PROTECT,
        related_name="campaigns",
    )

    class Meta:
        verbose_name = _("campaign")
        verbose_name_plural = _("campaigns")
        ordering = ["-starts_on"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")),
                name="communication_campaign_period",
                violation_error_message=_("A campaign must end after it starts."),
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("communication:campaign_detail", args=[self.pk])


class CampaignTarget(models.Model):
    """A KPI of a campaign: what it should reach (reach 20 000, sign-ups 300 …)."""

    campaign = models.ForeignKey(
        Campaign, verbose_name=_("campaign"), on_delete=models.CASCADE, related_name="targets"
    )
    indicator = models.CharField(_("indicator"), max_length=150)
    target = models.DecimalField(_("target"), max_digits=12, decimal_places=2)
    unit = models.CharField(_("unit"), max_length=40, blank=True)
    # Entered by staff from the platforms' figures until analytics (1.7) fills it in.
    achieved = models.DecimalField(
        _("reached so far"), max_digits=12, decimal_places=2, null=True, blank=True
    )

    class Meta:
        verbose_name = _("campaign target")
        verbose_name_plural = _("campaign targets")

    def __str__(self) -> str:
        return self.indicator

    @property
    def percent(self) -> int | None:
        """How much of the target is reached, in whole per cent (over 100 when exceeded)."""
        if self.achieved is None or not self.target:
            return None
        return round(100 * self.achieved / self.target)

    @property
    def bar_percent(self) -> int:
        return min(self.percent or 0, 100)
