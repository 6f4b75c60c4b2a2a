"""What the one search (core.search) finds an event by, and where a result leads."""

from __future__ import annotations

from django.db.models import QuerySet
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from sklaida.core import search
from sklaida.core.formatting import format_moment
from sklaida.events.models import Event

PUBLIC_KIND = "events.public"


def _public_text(event: Event) -> list[str]:
    """What the public event page shows."""
    return [
        event.summary,
        event.summary_en,
        event.description,
        event.venue,
        event.space.name if event.space_id else "",
    ]


def _text(event: Event) -> list[str]:
    parts = _public_text(event)
    if event.pk:
        parts.extend(str(person) for person in event.performers.all())
    return parts


def _visible_to_the_public(user, queryset: QuerySet[Event]) -> QuerySet[Event]:
    from sklaida.public.selectors import public_events

    return queryset & public_events()


def summary(event: Event) -> str:
    """ "2026 m. gruodžio 5 d. 18:00 · Konferencijų salė"."""
    when = format_moment(event.starts_at)
    place = event.space.name if event.space_id else event.venue
    return f"{when} · {place}" if place else when


def _prepare(queryset: QuerySet[Event]) -> QuerySet[Event]:
    return queryset.select_related("space", "library").prefetch_related("performers")


def register() -> None:
    search.register(
        search.Searchable(
            model=Event,
            label=_("Events"),
            title=lambda event: f"{event.title} {event.title_en}",
            text=_text,
            url=lambda event: event.get_absolute_url(),
            summary=summary,
            list_url="events:list",
            then=("-starts_at",),
            prepare=_prepare,
            m2m=("performers",),
            related=(
                search.Related(
                    "contacts.person",
                    lambda person: Event.objects.filter(performers=person),
                    ("first_name", "last_name"),
                ),
            ),
            order=10,
        )
    )
    # The public calendar's search: the words its pages show (performers are contacts,
    # whom the public pages do not name).
    search.register(
        search.Searchable(
            model=Event,
            name=PUBLIC_KIND,
            label=_("Events"),
            title=lambda event: f"{event.title} {event.title_en}",
            text=_public_text,
            url=lambda event: reverse("public:event_detail", kwargs={"slug": event.slug}),
            summary=summary,
            list_url="public:event_list",
            then=("starts_at",),
            visible=_visible_to_the_public,
            prepare=lambda queryset: queryset.select_related("space"),
        )
    )
