"""The communication demo: loaded with the rest, once, and visible where the public looks."""

from __future__ import annotations

from django.test import Client

from sklaida.communication.models import (
    AudienceSize,
    Campaign,
    Channel,
    ChannelVariant,
    ContentItem,
    NewsletterIssue,
    PressMailing,
    PressRecipient,
)
from sklaida.core import demo


def counts() -> dict[str, int]:
    return {
        model.__name__: model.objects.count()
        for model in (
            Channel,
            AudienceSize,
            Campaign,
            ContentItem,
            ChannelVariant,
            PressMailing,
            PressRecipient,
        )
    }


def test_the_demo_loads_twice_without_duplicates(personas):
    first = counts()
    demo.load_demo()

    assert counts() == first
    assert first["Channel"] == 8
    assert first["AudienceSize"] == 8 * 12
    assert first["Campaign"] == 2
    assert set(ContentItem.objects.values_list("status", flat=True)) >= {
        "idea",
        "draft",
        "published",
    }


def test_the_public_news_list_shows_the_published_demo_news(personas):
    text = Client().get("/naujienos/").content.decode()

    assert "Bibliotekoje – nauja Šiaulių fotografų paroda" in text
    assert "Sausio mėnesio renginių programa" not in text  # still being edited
    assert "Plakatų serija" not in text  # an idea


def test_the_demo_press_releases_reached_the_media_and_show_on_their_contact_pages(
    personas, client_as
):
    assert PressMailing.objects.filter(status=PressMailing.Status.SENT).count() == 2
    recipient = PressRecipient.objects.select_related("person", "mailing").first()

    page = client_as("specialiste").get(f"/kontaktai/asmenys/{recipient.person_id}/")

    assert recipient.mailing.subject in page.content.decode()
    assert "Pranešimas spaudai" in page.content.decode()


def test_the_demo_has_a_draft_newsletter_issue_ready_for_its_readers(personas, client_as):
    issue = NewsletterIssue.objects.get(subject="Bibliotekos naujienos")

    page = client_as("specialiste").get(issue.get_absolute_url()).content.decode()

    assert issue.status == NewsletterIssue.Status.DRAFT
    assert issue.items.exists()
    assert "Siųsti 4 prenumeratoriams" in page
