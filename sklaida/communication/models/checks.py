"""Editorial checks (1.6): the staff dictionary and the results of link checks."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _


class AcceptedWord(models.Model):
    """A word the spelling check accepts: names, places, terms the dictionary lacks.

    With a model word, every form of the model's paradigm is accepted for it: "Višinskis"
    declined like "Jonaitis" accepts "Višinskio", "Višinskiui" … (see checks.dictionaries).
    """

    word = models.CharField(_("word"), max_length=100)
    model_word = models.CharField(
        _("declines like"),
        max_length=100,
        blank=True,
        help_text=_("A dictionary word with the same endings; empty: only this form."),
    )
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("added by"),
    )
    added_at = models.DateTimeField(_("added at"), auto_now_add=True)

    class Meta:
        verbose_name = _("accepted word")
        verbose_name_plural = _("accepted words")
        ordering = [Lower("word")]
        constraints = [
            models.UniqueConstraint(Lower("word"), name="accepted_word_unique_ci"),
        ]

    def __str__(self) -> str:
        return self.word


class LinkCheck(models.Model):
    """The last check of a web address found in a text."""

    url = models.URLField(_("address"), max_length=2000, unique=True)
    status_code = models.PositiveSmallIntegerField(_("status code"), null=True, blank=True)
    ok = models.BooleanField(_("works"), default=False)
    checked_at = models.DateTimeField(_("checked at"))
    error = models.CharField(_("error"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("link check")
        verbose_name_plural = _("link checks")

    def __str__(self) -> str:
        return self.url
