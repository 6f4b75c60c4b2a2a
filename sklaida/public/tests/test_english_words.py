"""English public pages in English: the consent, Lithuanian fallbacks marked, weekdays."""

from __future__ import annotations

import datetime
import re

from django.test import Client

from sklaida.events.models import Event
from sklaida.events.tests.factories import EventFactory, at

SATURDAY = datetime.date(2027, 6, 12)
LITHUANIAN_CONSENT = "Duomenis tvarkome registracijai administruoti."


def registration_page(event: Event, *, english: bool) -> str:
    url = (
        f"/en/events/{event.slug}/registration/"
        if english
        else f"/renginiai/{event.slug}/registracija/"
    )
    response = Client().get(url)
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def consent_shown(page: str) -> str:
    return re.search(r'<div class="mb-2" id="consent-text">(.*?)</div>', page, re.S).group(1)


def test_the_english_registration_asks_consent_to_an_english_text(personas):
    event = EventFactory(
        registration=Event.Registration.OPEN,
        capacity=20,
        consent_text=LITHUANIAN_CONSENT,
        consent_text_en="We process your data to run the registration.",
    )

    assert "We process your data to run the registration." in consent_shown(
        registration_page(event, english=True)
    )
    assert LITHUANIAN_CONSENT in consent_shown(registration_page(event, english=False))


def test_without_an_english_consent_the_english_page_shows_a_standard_english_text(personas):
    event = EventFactory(
        registration=Event.Registration.OPEN,
        capacity=20,
        consent_text=LITHUANIAN_CONSENT,
        retention_days=30,
    )

    consent = consent_shown(registration_page(event, english=True))

    assert "Duomenis" not in consent
    assert "only to manage your registration for this event" in consent
    assert "deleted 30 days after the event" in consent


def test_lithuanian_texts_on_an_english_page_say_they_are_lithuanian(personas):
    untranslated = EventFactory(title="Poezijos vakaras", summary="Eilės ir muzika.")
    translated = EventFactory(title="Kino vakaras", title_en="Film evening")

    untranslated_page = Client().get(f"/en/events/{untranslated.slug}/").content.decode()
    translated_page = Client().get(f"/en/events/{translated.slug}/").content.decode()
    lithuanian_page = Client().get(f"/renginiai/{untranslated.slug}/").content.decode()

    assert '<h1 lang="lt">Poezijos vakaras</h1>' in untranslated_page
    assert '<p class="lead" lang="lt">Eilės ir muzika.</p>' in untranslated_page
    assert "<h1>Film evening</h1>" in translated_page
    assert "<h1>Poezijos vakaras</h1>" in lithuanian_page


def test_english_weekdays_are_capitalised_lithuanian_ones_are_not(personas):
    event = EventFactory(starts_at=at(SATURDAY, 18), ends_at=at(SATURDAY, 20))

    english = Client().get(f"/en/events/{event.slug}/").content.decode()
    lithuanian = Client().get(f"/renginiai/{event.slug}/").content.decode()

    assert ", Saturday, " in english
    assert "saturday" not in english
    assert ", šeštadienis, " in lithuanian
