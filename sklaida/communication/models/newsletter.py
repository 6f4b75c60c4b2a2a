"""The newsletter (1.2): subscribers by double opt-in, issues and each recipient's delivery."""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from sklaida.communication.models.content import ContentItem
from sklaida.communication.models.sending import MessageAttempt, SendingJob
from sklaida.core.addresses import also_saved, mailbox_key


def new_token() -> str:
    return secrets.token_urlsafe(24)


class Subscriber(models.Model):
    """A person who asked for the newsletter. The IP address is deliberately not stored."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for confirmation")
        ACTIVE = "active", _("Subscribed")
        UNSUBSCRIBED = "unsubscribed", _("Unsubscribed")

    email = models.EmailField(_("e-mail"))
    # The address as a mailbox (core.addresses.mailbox_key), for a person's data export.
    mailbox = models.CharField(max_length=254, blank=True, editable=False, db_index=True)
    name = models.CharField(pgettext_lazy("person", "name"), max_length=150, blank=True)
    language = models.CharField(
        _("language"), max_length=5, choices=settings.LANGUAGES, default="lt"
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status, default=Status.PENDING, db_index=True
    )
    # Confirms and unsubscribes without signing in; renewed on every new sign-up.
    token = models.CharField(max_length=40, unique=True, default=new_token, editable=False)
    consent_text = models.TextField(_("consent given"))
    consented_at = models.DateTimeField(_("consent given on"))
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    unsubscribed_at = models.DateTimeField(_("unsubscribed"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("subscriber")
        verbose_name_plural = _("subscribers")
        ordering = ["email"]
        constraints = [
            models.UniqueConstraint(Lower("email"), name="communication_subscriber_email_ci")
        ]

    def __str__(self) -> str:
        return self.email

    def save(self, *args, **kwargs) -> None:
        self.mailbox = mailbox_key(self.email) if self.email else ""
        kwargs["update_fields"] = also_saved(kwargs.get("update_fields"), "email", "mailbox")
        super().save(*args, **kwargs)

    def get_confirm_url(self) -> str:
        return reverse("public:newsletter_confirm", kwargs={"token": self.token})

    def get_unsubscribe_url(self) -> str:
        return reverse("public:newsletter_unsubscribe", kwargs={"token": self.token})


class NewsletterIssue(SendingJob):
    intro = models.TextField(_("introduction"), blank=True)
    items = models.ManyToManyField(
        ContentItem, verbose_name=_("content items"), blank=True, related_name="newsletter_issues"
    )
    event_days = models.PositiveSmallIntegerField(
        _("upcoming events of the next days"),
        default=30,
        help_text=_("Public announced events starting within this many days are included."),
    )

    class Meta:
        verbose_name = _("newsletter issue")
        verbose_name_plural = _("newsletter issues")
        ordering = ["-created_at", "-pk"]

    def get_absolute_url(self) -> str:
        return reverse("communication:newsletter_detail", args=[self.pk])


class Delivery(MessageAttempt):
    """One issue to one subscriber."""

    issue = models.ForeignKey(
        NewsletterIssue,
        verbose_name=_("newsletter issue"),
        on_delete=models.CASCADE,
        related_name="deliveries",
    )
    subscriber = models.ForeignKey(
        Subscriber,
        verbose_name=_("subscriber"),
        on_delete=models.CASCADE,
        related_name="deliveries",
    )

    class Meta:
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["issue", "subscriber"], name="communication_delivery_once"
            )
        ]
        indexes = [models.Index(fields=["issue", "status"])]

    def __str__(self) -> str:
        return f"{self.issue} → {self.subscriber}"
