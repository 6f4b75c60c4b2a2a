"""Press mailings (1.2, 1.5): an approved press release e-mailed to a contact list, one by one."""

from __future__ import annotations

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from sklaida.communication.models.content import ContentItem
from sklaida.communication.models.sending import MessageAttempt, SendingJob
from sklaida.core.addresses import also_saved, mailbox_key


class PressMailing(SendingJob):
    item = models.ForeignKey(
        ContentItem,
        verbose_name=_("press release"),
        on_delete=models.PROTECT,
        related_name="press_mailings",
    )
    # The recipients are copied when sending starts, so a list deleted later loses nothing.
    contact_list = models.ForeignKey(
        "contacts.ContactList",
        verbose_name=_("contact list"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    message = models.TextField(_("covering message"), blank=True)
    attachments = models.ManyToManyField(
        "core.Attachment", verbose_name=_("attachments"), blank=True, related_name="+"
    )
    skipped = models.PositiveIntegerField(
        _("skipped"),
        default=0,
        help_text=_("Persons on the list left out: no e-mail address, or one already used."),
    )

    # The message as it left, kept when sending starts: the release may be edited later.
    sent_text = models.TextField(_("text as sent"), blank=True)
    sent_html = models.TextField(_("HTML as sent"), blank=True)

    class Meta:
        verbose_name = _("press mailing")
        verbose_name_plural = _("press mailings")
        ordering = ["-created_at", "-pk"]

    def get_absolute_url(self) -> str:
        return reverse("communication:press_detail", args=[self.pk])


class PressRecipient(MessageAttempt):
    """One person's copy of a mailing, with their name and address as they were when it left."""

    mailing = models.ForeignKey(
        PressMailing,
        verbose_name=_("press mailing"),
        on_delete=models.CASCADE,
        related_name="recipients",
    )
    person = models.ForeignKey(
        "contacts.Person",
        verbose_name=_("person"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="press_deliveries",
    )
    name = models.CharField(_("full name"), max_length=201, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    # The address as a mailbox (core.addresses.mailbox_key), for a person's data export.
    mailbox = models.CharField(max_length=254, blank=True, editable=False, db_index=True)

    class Meta:
        verbose_name = _("press mailing recipient")
        verbose_name_plural = _("press mailing recipients")
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["mailing", "person"], name="communication_press_recipient_once"
            )
        ]
        indexes = [models.Index(fields=["mailing", "status"])]

    def __str__(self) -> str:
        return f"{self.mailing} → {self.email}"

    def save(self, *args, **kwargs) -> None:
        self.mailbox = mailbox_key(self.email) if self.email else ""
        kwargs["update_fields"] = also_saved(kwargs.get("update_fields"), "email", "mailbox")
        super().save(*args, **kwargs)
