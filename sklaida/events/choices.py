"""Choosing an event in a form: each choice says when and where, so nineteen lectures of one
series are nineteen distinguishable lines ("… — 2026 m. gruodžio 5 d. 18:00, Salė")."""

from __future__ import annotations

from django import forms
from django.db.models import QuerySet

from sklaida.core.formatting import format_moment
from sklaida.events.models import Event


def event_choice_label(event: Event) -> str:
    place = event.space.name if event.space_id else event.venue
    when = format_moment(event.starts_at)
    return f"{event.title} — {when}, {place}" if place else f"{event.title} — {when}"


class _WithPlace:
    """Reads each event's space with it (one query for the whole list)."""

    def _set_queryset(self, queryset: QuerySet | None) -> None:
        super()._set_queryset(None if queryset is None else queryset.select_related("space"))

    def label_from_instance(self, event: Event) -> str:
        return event_choice_label(event)


class EventChoiceField(_WithPlace, forms.ModelChoiceField):
    queryset = property(forms.ModelChoiceField._get_queryset, _WithPlace._set_queryset)


class EventMultipleChoiceField(_WithPlace, forms.ModelMultipleChoiceField):
    queryset = property(forms.ModelChoiceField._get_queryset, _WithPlace._set_queryset)
