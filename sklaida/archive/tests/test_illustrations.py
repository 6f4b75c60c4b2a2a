"""The archive's photo as the picture of an event's and a news item's public page: staff
choose it on the event's or the item's page; only a public, consented photo may be chosen;
the public sees it as a rendition, with its description and credit."""

from __future__ import annotations

import io
import re
import uuid

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone
from PIL import Image

from sklaida.archive.models import Asset, Illustration
from sklaida.archive.selectors.illustrations import credit_line
from sklaida.archive.services.illustrations import choose_illustration
from sklaida.archive.tests.stored import stored_asset
from sklaida.communication.models import ContentItem
from sklaida.communication.tests.factories import ContentItemFactory
from sklaida.contacts.models import Person
from sklaida.events.models import Event
from sklaida.events.tests.factories import EventFactory

RIGHTS = "Kauno apskrities viešoji biblioteka"


@pytest.fixture(autouse=True)
def own_calendar(personas):
    """The public pages show only this test's events."""
    Event.objects.filter(is_public=True).update(is_public=False)


def photo(title: str = "Skaitymai kieme", **fields) -> Asset:
    fields = {
        "access": Asset.Access.PUBLIC,
        "consent": Asset.Consent.NOT_NEEDED,
        "creator_name": "Jonas Jonaitis",
        "rights_holder": RIGHTS,
        "width": 4000,
        "height": 3000,
        **fields,
    }
    return stored_asset(
        content=uuid.uuid4().bytes,
        name="skaitymai.jpg",
        renditions=("thumb", "preview", "web"),
        title=title,
        **fields,
    )


def text_of(url: str, client: Client | None = None) -> str:
    response = (client or Client()).get(url)
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def choose(client: Client, event: Event, asset: Asset, alt: str, *, field="asset") -> str:
    """Post the panel's form: an offered photo ("asset") or any by number ("asset_number")."""
    response = client.post(
        f"/archyvas/iliustracijos/event/{event.pk}/",
        {field: asset.pk, "alt_text": alt},
        follow=True,
    )
    return response.content.decode()


def test_staff_choose_an_events_public_photo_on_its_page_and_the_public_sees_it(client_as):
    event = EventFactory(title="Vasaros skaitymai kieme")
    asset = photo(event=event)
    specialist = client_as("specialiste")

    staff_page = text_of(f"/veikla/renginiai/{event.pk}/", specialist)
    assert "Viešo puslapio paveikslas" in staff_page
    # The event's public photo is offered.
    assert f'name="asset" value="{asset.pk}"' in staff_page

    after = choose(specialist, event, asset, "Skaitytojai po liepomis bibliotekos kieme")

    assert "Nuotrauka dabar rodoma viešame puslapyje." in after
    public_page = text_of(event.get_public_url())
    picture = f"/galerijos/vaizdai/{asset.pk}/preview/"
    assert re.search(
        rf'<img[^>]+src="{picture}"[^>]+alt="Skaitytojai po liepomis bibliotekos kieme"',
        public_page,
    )
    assert f"Nuotr. Jonas Jonaitis, © {RIGHTS}" in public_page
    assert b"".join(Client().get(picture).streaming_content) == b"preview of skaitymai.jpg"


def test_the_public_list_card_shows_the_small_picture_with_its_description(personas):
    event = EventFactory(title="Vasaros skaitymai kieme")
    asset = photo(event=event)
    choose_illustration(
        actor=personas["specialiste"], asset=asset, alt_text="Skaitytojai kieme", event=event
    )

    listing = text_of("/renginiai/")

    card = listing[listing.index('<li class="public-event') :]
    assert re.search(
        rf'<img[^>]+src="/galerijos/vaizdai/{asset.pk}/thumb/"[^>]+alt="Skaitytojai kieme"',
        card,
    )
    assert 'width="320" height="240"' in card
    assert f"Nuotr. Jonas Jonaitis, © {RIGHTS}" in card
    assert asset.original_name not in listing


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"access": Asset.Access.INTERNAL}, "Ši nuotrauka archyve nėra vieša."),
        (
            {"access": Asset.Access.INTERNAL, "consent": Asset.Consent.MISSING},
            "Šios nuotraukos negalima rodyti viešame puslapyje: "
            "Rodomų asmenų sutikimas neįformintas.",
        ),
    ],
)
def test_a_photo_that_is_not_public_is_refused_with_the_reason(client_as, fields, message):
    event = EventFactory()
    asset = photo(event=event, **fields)

    specialist = client_as("specialiste")
    staff_page = text_of(f"/veikla/renginiai/{event.pk}/", specialist)
    assert f'name="asset" value="{asset.pk}"' not in staff_page

    after = choose(specialist, event, asset, "Skaitytojai kieme", field="asset_number")

    assert message in after
    assert not Illustration.objects.filter(event=event).exists()
    assert "/galerijos/vaizdai/" not in text_of(event.get_public_url())


def test_the_archive_photo_wins_over_the_uploaded_image_and_leaves_when_made_internal(
    personas,
):
    buffer = io.BytesIO()
    Image.new("RGB", (8, 6), "red").save(buffer, format="PNG")
    event = EventFactory(
        image=SimpleUploadedFile("plakatas.png", buffer.getvalue()), image_alt="Plakatas"
    )
    asset = photo()
    choose_illustration(
        actor=personas["specialiste"], asset=asset, alt_text="Skaitytojai kieme", event=event
    )

    page = text_of(event.get_public_url())
    assert 'alt="Skaitytojai kieme"' in page
    assert 'alt="Plakatas"' not in page

    Asset.objects.filter(pk=asset.pk).update(access=Asset.Access.INTERNAL)
    page = text_of(event.get_public_url())
    assert 'alt="Skaitytojai kieme"' not in page
    assert 'alt="Plakatas"' in page  # the uploaded image again
    assert Client().get(f"/galerijos/vaizdai/{asset.pk}/preview/").status_code == 404


def test_the_credit_line_names_the_creator_the_rights_holder_and_an_open_licence(personas):
    creator = Person.objects.create(first_name="Ona", last_name="Onaitė", legal_basis="contract")
    asset = photo(creator=creator, creator_name="", licence=Asset.Licence.CC_BY)

    assert credit_line(asset) == f"Nuotr. Ona Onaitė, © {RIGHTS}, CC BY 4.0"
    assert credit_line(photo(rights_holder="", creator_name="")) == ""


def test_a_news_item_gets_its_picture_on_its_page_and_the_public_news(client_as):
    event = EventFactory()
    asset = photo(event=event, title="Parodos atidarymas")
    item = ContentItemFactory(
        title="Atidaryta nauja paroda",
        status=ContentItem.Status.PUBLISHED,
        published_at=timezone.now(),
    )
    item.events.add(event)
    specialist = client_as("specialiste")

    staff_page = text_of(f"/komunikacija/turinys/{item.pk}/", specialist)
    assert "Viešo puslapio paveikslas" in staff_page
    assert f'name="asset" value="{asset.pk}"' in staff_page
    response = specialist.post(
        f"/archyvas/iliustracijos/item/{item.pk}/",
        {"asset_number": asset.pk, "alt_text": "Lankytojai apžiūri parodą"},
    )
    assert response.status_code == 302

    for url, rendition in (("/naujienos/", "thumb"), (f"/naujienos/{item.slug}/", "preview")):
        page = text_of(url)
        assert re.search(
            rf'<img[^>]+src="/galerijos/vaizdai/{asset.pk}/{rendition}/"[^>]+'
            r'alt="Lankytojai apžiūri parodą"',
            page,
        )
        assert f"Nuotr. Jonas Jonaitis, © {RIGHTS}" in page


def test_an_observer_sees_the_picture_but_cannot_choose_one(client_as, personas):
    event = EventFactory()
    asset = photo(event=event)
    choose_illustration(
        actor=personas["specialiste"], asset=asset, alt_text="Skaitytojai kieme", event=event
    )
    observer = client_as("stebetojas")

    page = text_of(f"/veikla/renginiai/{event.pk}/", observer)

    assert "Skaitytojai kieme" in page
    assert "/archyvas/iliustracijos/" not in page
    response = observer.post(f"/archyvas/iliustracijos/event/{event.pk}/salinti/")
    assert response.status_code == 403
    assert Illustration.objects.filter(event=event).exists()
