"""What search engines and social networks read from an event page: JSON-LD and Open Graph."""

from __future__ import annotations

import json
from decimal import Decimal

from django.conf import settings
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import Truncator
from django.utils.translation import get_language

from sklaida.events.models import Event
from sklaida.public.pictures import event_picture

SCHEMA = "https://schema.org/"
ATTENDANCE_MODES = {
    Event.Format.ON_SITE: "OfflineEventAttendanceMode",
    Event.Format.ONLINE: "OnlineEventAttendanceMode",
    Event.Format.HYBRID: "MixedEventAttendanceMode",
}
OG_LOCALES = {"lt": "lt_LT", "en": "en_GB"}
# Characters that could end the <script> element or start markup inside it.
_SCRIPT_ESCAPES = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026"}


def absolute(url: str) -> str:
    """A site path made absolute with SITE_URL; an already absolute URL (S3) stays."""
    if url.startswith(("http://", "https://")):
        return url
    return settings.SITE_URL.rstrip("/") + url


def online_link_is_public(event: Event) -> bool:
    """The stream link is printed for events anyone may join; registrants get it otherwise."""
    return bool(event.online_url) and event.registration == Event.Registration.NONE


def place_name(event: Event) -> str:
    if event.venue:
        return event.venue
    if event.space_id:
        return f"{event.space.name}, {event.library.name}"
    return event.library.name


def place_address(event: Event) -> str:
    if event.venue:
        return event.venue
    return event.library.address


def _price(event: Event) -> int | float:
    price = event.price or Decimal(0)
    return int(price) if price == price.to_integral_value() else float(price)


def _locations(event: Event, page_url: str) -> list[dict]:
    locations = []
    if event.format in (Event.Format.ON_SITE, Event.Format.HYBRID):
        locations.append(
            {
                "@type": "Place",
                "name": place_name(event),
                "address": {
                    "@type": "PostalAddress",
                    "streetAddress": place_address(event),
                    "addressCountry": "LT",
                },
            }
        )
    if event.format in (Event.Format.ONLINE, Event.Format.HYBRID):
        url = event.online_url if online_link_is_public(event) else page_url
        locations.append({"@type": "VirtualLocation", "url": url})
    return locations


def event_json_ld(event: Event, *, page_url: str) -> dict:
    """schema.org Event of a public event, in the page's language."""
    sold_out = event.capacity is not None and event.seats_left == 0
    locations = _locations(event, page_url)
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.public_title,
        "startDate": timezone.localtime(event.starts_at).isoformat(),
        "endDate": timezone.localtime(event.ends_at).isoformat(),
        "eventStatus": SCHEMA
        + ("EventCancelled" if event.status == Event.Status.CANCELLED else "EventScheduled"),
        "eventAttendanceMode": SCHEMA + ATTENDANCE_MODES[event.format],
        "location": locations[0] if len(locations) == 1 else locations,
        "organizer": {
            "@type": "Organization",
            "name": event.library.name,
            "url": event.library.website or absolute("/"),
        },
        "offers": {
            "@type": "Offer",
            "price": _price(event),
            "priceCurrency": "EUR",
            "availability": SCHEMA + ("SoldOut" if sold_out else "InStock"),
            "url": page_url,
        },
        "description": strip_tags(event.public_summary or event.public_description),
        "inLanguage": get_language(),
        "url": page_url,
    }
    picture = event_picture(event, "page")
    if picture:
        data["image"] = [absolute(picture.url)]
    return data


def script_json(data: dict) -> SafeString:
    """JSON safe to place inside <script>: no character in it can close or open a tag."""
    return mark_safe(json.dumps(data, ensure_ascii=False).translate(_SCRIPT_ESCAPES))  # noqa: S308


def open_graph(event: Event, *, page_url: str) -> dict[str, str]:
    """Open Graph properties of an event page (the template escapes the values)."""
    description = event.public_summary or Truncator(strip_tags(event.public_description)).chars(200)
    language = (get_language() or "lt")[:2]
    tags = {
        "og:title": event.public_title,
        "og:description": description,
        "og:type": "website",
        "og:url": page_url,
        "og:locale": OG_LOCALES.get(language, "lt_LT"),
        "og:locale:alternate": OG_LOCALES["en" if language == "lt" else "lt"],
    }
    picture = event_picture(event, "page")
    if picture:
        tags["og:image"] = absolute(picture.url)
        tags["og:image:alt"] = picture.alt
    return tags
