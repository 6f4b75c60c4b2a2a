"""iCalendar (RFC 5545) files of public events: the subscription feeds and one event's file."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from urllib.parse import urlsplit

import icalendar
from django.conf import settings
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext as _

from sklaida.events.models import Event
from sklaida.public.structured_data import (
    absolute,
    online_link_is_public,
    place_address,
    place_name,
)

PRODID = "-//Sklaida//Library events//LT"
TZID = "Europe/Vilnius"
# SEQUENCE counts revisions; seconds of the last change since this moment always grow
# with each saved change and fit the 32-bit integer calendars expect until 2088.
SEQUENCE_EPOCH = datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC)


def _vilnius_timezone() -> icalendar.Timezone:
    """Europe/Vilnius by the EU rules in force since 2003, as calendar services publish it."""
    zone = icalendar.Timezone()
    zone.add("tzid", TZID)
    zone.add("x-lic-location", TZID)
    summer = icalendar.TimezoneDaylight()
    summer.add("tzname", "EEST")
    summer.add("tzoffsetfrom", datetime.timedelta(hours=2))
    summer.add("tzoffsetto", datetime.timedelta(hours=3))
    summer.add("dtstart", datetime.datetime(1970, 3, 29, 3, 0))  # noqa: DTZ001 - local time
    summer.add("rrule", {"freq": "yearly", "bymonth": 3, "byday": "-1su"})
    winter = icalendar.TimezoneStandard()
    winter.add("tzname", "EET")
    winter.add("tzoffsetfrom", datetime.timedelta(hours=3))
    winter.add("tzoffsetto", datetime.timedelta(hours=2))
    winter.add("dtstart", datetime.datetime(1970, 10, 25, 4, 0))  # noqa: DTZ001 - local time
    winter.add("rrule", {"freq": "yearly", "bymonth": 10, "byday": "-1su"})
    zone.add_component(summer)
    zone.add_component(winter)
    return zone


def _site_host() -> str:
    return urlsplit(settings.SITE_URL).hostname or "sklaida"


def event_uid(event: Event) -> str:
    """Stable across edits, languages and feeds, so calendars update rather than duplicate."""
    return f"event-{event.pk}@{_site_host()}"


def _location(event: Event) -> str:
    parts = []
    if event.format in (Event.Format.ON_SITE, Event.Format.HYBRID):
        name, address = place_name(event), place_address(event)
        parts.append(name if not address or address == name else f"{name}, {address}")
    if event.format in (Event.Format.ONLINE, Event.Format.HYBRID):
        parts.append(event.online_url if online_link_is_public(event) else _("Online"))
    return " · ".join(parts)


def _description(event: Event, page_url: str) -> str:
    paragraphs = [
        event.public_summary,
        strip_tags(event.public_description),
        page_url,
    ]
    if event.status == Event.Status.CANCELLED:
        paragraphs.insert(0, _("Cancelled.") + " " + event.cancellation_reason)
    return "\n\n".join(paragraph.strip() for paragraph in paragraphs if paragraph.strip())


def _vevent(event: Event, *, stamp: datetime.datetime) -> icalendar.Event:
    page_url = absolute(event.get_public_url())
    item = icalendar.Event()
    item.add("uid", event_uid(event))
    item.add("dtstamp", stamp)
    item.add("dtstart", timezone.localtime(event.starts_at))
    item.add("dtend", timezone.localtime(event.ends_at))
    item.add("summary", event.public_title)
    item.add("description", _description(event, page_url))
    item.add("location", _location(event))
    item.add("url", page_url)
    item.add(
        "status",
        "CANCELLED" if event.status == Event.Status.CANCELLED else "CONFIRMED",
    )
    item.add("sequence", max(int((event.updated_at - SEQUENCE_EPOCH).total_seconds()), 0))
    item.add("last-modified", event.updated_at.astimezone(datetime.UTC))
    return item


def calendar_file(events: Iterable[Event], *, name: str) -> bytes:
    """An iCalendar file with `events` (texts in the active language)."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    # An X- property has no known type, so icalendar would write it raw and a line break
    # in the name (an event's title) would break the file; as TEXT it is escaped.
    calendar.add("x-wr-calname", icalendar.vText(name))
    calendar.add("x-wr-timezone", TZID)
    calendar.add_component(_vilnius_timezone())
    stamp = timezone.now().astimezone(datetime.UTC).replace(microsecond=0)
    for event in events:
        calendar.add_component(_vevent(event, stamp=stamp))
    return calendar.to_ical()
