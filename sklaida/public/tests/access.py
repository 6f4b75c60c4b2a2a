"""Who may use each public URL (checked by core/tests/test_access_matrix.py)."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from sklaida.events.models import Event
from sklaida.events.tests.factories import EventFactory, RegistrationFactory, TourBookingFactory
from sklaida.testing.access import EVERYONE, Rule


def _public_event(data: dict) -> dict:
    """A fresh announced public event of the county library."""
    return {"slug": EventFactory().slug}


def _public_event_with_image(data: dict) -> dict:
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4)).save(buffer, format="PNG")
    return {"slug": EventFactory(image=SimpleUploadedFile("a.png", buffer.getvalue())).slug}


def _open_event(data: dict) -> dict:
    return {"slug": EventFactory(registration=Event.Registration.OPEN, capacity=30).slug}


def _registration(data: dict) -> dict:
    return {"token": RegistrationFactory(event__registration=Event.Registration.OPEN).token}


EXPECTED_ACCESS: dict[str, Rule] = {
    "public:event_list": Rule(EVERYONE),
    "public:feed": Rule(EVERYONE),
    "public:event_month": Rule(EVERYONE, kwargs=lambda data: {"year": 2026, "month": 11}),
    "public:event_detail": Rule(EVERYONE, kwargs=_public_event),
    "public:event_ical": Rule(EVERYONE, kwargs=_public_event),
    "public:event_image": Rule(EVERYONE, kwargs=_public_event_with_image),
    "public:tour_request": Rule(EVERYONE),
    "public:tour_request_thanks": Rule(EVERYONE),
    "public:tour_answer": Rule(EVERYONE, kwargs=lambda data: {"token": TourBookingFactory().token}),
    "public:register": Rule(EVERYONE, kwargs=_open_event),
    "public:registration_sent": Rule(EVERYONE, kwargs=_open_event),
    "public:registration_status": Rule(EVERYONE, kwargs=_registration),
    "public:registration_cancel": Rule(EVERYONE, kwargs=_registration),
}


def _subscriber(data: dict) -> dict:
    """A fresh confirmed subscriber (unsubscribing changes it)."""
    from sklaida.communication.tests.factories import SubscriberFactory

    return {"token": SubscriberFactory().token}


def _published_news(data: dict) -> dict:
    from django.utils import timezone

    from sklaida.communication.models import ContentItem
    from sklaida.communication.tests.factories import ContentItemFactory

    item = ContentItemFactory(status=ContentItem.Status.PUBLISHED, published_at=timezone.now())
    return {"slug": item.slug}


EXPECTED_ACCESS.update(
    {
        "public:newsletter_subscribe": Rule(EVERYONE),
        "public:newsletter_confirm": Rule(EVERYONE, kwargs=_subscriber),
        "public:newsletter_unsubscribe": Rule(EVERYONE, kwargs=_subscriber),
        "public:news_list": Rule(EVERYONE),
        "public:news_detail": Rule(EVERYONE, kwargs=_published_news),
        "public:news_rss": Rule(EVERYONE),
        "public:news_atom": Rule(EVERYONE),
        "public:widget_events_json": Rule(EVERYONE),
        "public:widget_events_html": Rule(EVERYONE),
    }
)


def _public_asset():
    import uuid

    from sklaida.archive.models import Asset
    from sklaida.archive.tests.stored import stored_asset

    return stored_asset(
        content=uuid.uuid4().bytes,
        name="skaitymai.jpg",
        access=Asset.Access.PUBLIC,
        consent=Asset.Consent.NOT_NEEDED,
    )


def _public_gallery(data: dict) -> dict:
    from sklaida.archive.models import Collection, CollectionItem

    gallery = Collection.objects.create(title="Vasaros skaitymai", is_public=True)
    CollectionItem.objects.create(collection=gallery, asset=_public_asset())
    return {"pk": gallery.pk}


EXPECTED_ACCESS.update(
    {
        "public:gallery_list": Rule(EVERYONE),
        "public:gallery_detail": Rule(EVERYONE, kwargs=_public_gallery),
        "public:gallery_image": Rule(
            EVERYONE, kwargs=lambda data: {"pk": _public_asset().pk, "name": "web"}
        ),
    }
)


def _kit_logo(data: dict) -> dict:
    from sklaida.public.tests.kits import kit

    logo = kit().logos.get()
    return {
        "version": logo.kit.version,
        "kind": "logo",
        "pk": logo.pk,
        "name": logo.file.name.rsplit("/", 1)[-1],
    }


EXPECTED_ACCESS.update(
    {
        "public:theme_css": Rule(EVERYONE),
        "public:theme_file": Rule(EVERYONE, kwargs=_kit_logo),
    }
)
