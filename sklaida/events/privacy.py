"""Events' places of a person's data (see core.personal_data): sign-ups and tour requests
under her address, and the events she performed at or curated."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from sklaida.core.personal_data import Erase, Place, register
from sklaida.events.models import Event, Exhibit, Registration, TourBooking
from sklaida.events.services import registration, tours

# Texts of an event that may name its performers or curator (the web address too).
EVENT_TEXTS = (
    "title",
    "title_en",
    "slug",
    "summary",
    "summary_en",
    "description",
    "description_en",
    "image_alt",
)


def register_places() -> None:
    # Seats, statuses and times stay for the event's counts, as the retention job keeps them.
    register(
        Place(
            key="events.registrations",
            model=Registration,
            label=_("Event registrations"),
            erase=Erase.BLANK,
            fields=registration.PERSONAL_FIELDS,
            mailbox="mailbox",
            stamp="anonymised_at",
            shown=(
                "event",
                "status",
                "seats",
                "name",
                "email",
                "phone",
                "answers",
                "consent_text",
                "created_at",
                "confirmed_at",
                "cancelled_at",
                "checked_in_at",
            ),
        )
    )
    register(
        Place(
            key="events.tours",
            model=TourBooking,
            label=_("Tour requests"),
            erase=Erase.BLANK,
            fields=tours.PERSONAL_FIELDS,
            mailbox="contact_mailbox",
            stamp="anonymised_at",
            shown=(
                "status",
                "group_type",
                "institution",
                "group_size",
                "preferred_at",
                "starts_at",
                "contact_name",
                "contact_email",
                "contact_phone",
                "notes",
                "created_at",
            ),
        )
    )
    # The department's message to the group may greet her by name.
    register(
        Place(
            key="events.tour_messages",
            model=TourBooking,
            label=_("Tour requests"),
            erase=Erase.REPLACE,
            fields=("message",),
            mailbox="contact_mailbox",
            listed=False,
        )
    )
    register(
        Place(
            key="events.performed",
            model=Event,
            label=_("Events as a creator or performer"),
            erase=Erase.REPLACE,
            fields=EVENT_TEXTS,
            person=("performers",),
            shown=("title", "starts_at", "event_type", "status"),
        )
    )
    register(
        Place(
            key="events.curated",
            model=Event,
            label=_("Exhibitions as the curator"),
            erase=Erase.REPLACE,
            fields=EVENT_TEXTS,
            person=("curator",),
            shown=("title", "starts_at", "ends_at", "status"),
        )
    )
    register(
        Place(
            key="events.exhibits",
            model=Exhibit,
            label=_("Exhibits"),
            erase=Erase.REPLACE,
            fields=("title", "author", "lender", "notes"),
            person=("exhibition__curator", "exhibition__performers"),
            listed=False,
        )
    )
