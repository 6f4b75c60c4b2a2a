"""Exhibitions: the list of exhibits and the visitors counted."""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from sklaida.core.models import User
from sklaida.events.models import Event, Exhibit, VisitorCount
from sklaida.events.services.events import may_edit_events_of


def _require_exhibition_editor(actor: User, exhibition: Event) -> None:
    if not may_edit_events_of(actor, exhibition.library_id):
        raise PermissionDenied
    if not exhibition.is_exhibition:
        raise ValidationError(_("Only an exhibition has exhibits and visitor counts."))


def save_exhibits(
    *,
    actor: User,
    exhibition: Event,
    exhibits: Iterable[Exhibit],
    deleted: Iterable[Exhibit] = (),
) -> None:
    """Save changed and new exhibits and remove the deleted ones."""
    _require_exhibition_editor(actor, exhibition)
    with transaction.atomic():
        for exhibit in deleted:
            if exhibit.pk and exhibit.exhibition_id == exhibition.pk:
                exhibit.delete()
        for exhibit in exhibits:
            exhibit.exhibition = exhibition
            exhibit.full_clean()
            exhibit.save()


def record_visitors(
    *, actor: User, exhibition: Event, counted_on: datetime.date, visitors: int
) -> VisitorCount:
    """The visitors of one day; a second count for the same day replaces the first."""
    _require_exhibition_editor(actor, exhibition)
    if visitors < 0:
        raise ValidationError(_("The number of visitors cannot be negative."))
    first_day = timezone.localdate(exhibition.starts_at)
    last_day = timezone.localdate(exhibition.ends_at)
    if not first_day <= counted_on <= last_day:
        raise ValidationError(
            _("Count visitors on a day the exhibition is open (%(first)s – %(last)s).")
            % {"first": first_day.isoformat(), "last": last_day.isoformat()}
        )
    if counted_on > timezone.localdate():
        raise ValidationError(_("Visitors can be counted only for a day that has come."))
    with transaction.atomic():
        count = (
            VisitorCount.objects.select_for_update()
            .filter(exhibition=exhibition, counted_on=counted_on)
            .first()
        )
        if count is None:
            count = VisitorCount(exhibition=exhibition, counted_on=counted_on)
        count.visitors = visitors
        count.full_clean()
        count.save()
    return count
