"""A contact's history entries from events: what they performed in, partnered or curated."""

from __future__ import annotations

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from sklaida.contacts.history import Contact, HistoryItem
from sklaida.contacts.models import Person
from sklaida.events.models import Event


def events_of(contact: Contact) -> list[HistoryItem]:
    if isinstance(contact, Person):
        links = Q(performers=contact) | Q(curator=contact)
        role = _("Creator or performer")
    else:
        links = Q(partners=contact)
        role = _("Partner")
    events = Event.objects.filter(links).distinct().order_by("-starts_at")[:100]
    return [
        HistoryItem(
            date=timezone.localdate(event.starts_at),
            kind=event.get_event_type_display(),
            title=event.title,
            url=event.get_absolute_url(),
            detail=f"{role}; {event.get_status_display().lower()}",
        )
        for event in events
    ]
