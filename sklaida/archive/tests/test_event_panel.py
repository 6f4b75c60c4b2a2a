"""An event's page shows its photos and broadcasts from the archive."""

from sklaida.archive.models import Asset, Broadcast
from sklaida.archive.tests.factories import AssetFactory
from sklaida.events.models import Event


def test_an_events_page_shows_its_selected_photos_first_and_its_broadcasts(client_as):
    event = Event.objects.filter(status=Event.Status.REPORTED).first()
    AssetFactory(event=event, title="Atmestas kadras", selection=Asset.Selection.REJECTED)
    AssetFactory(
        event=event, title="Geriausias kadras", selection=Asset.Selection.SELECTED, rating=5
    )
    Broadcast.objects.create(
        event=event,
        platform=Broadcast.Platform.YOUTUBE,
        url="https://www.youtube.com/watch?v=vakaras",
        starts_at=event.starts_at,
        total_viewers=57,
    )

    page = client_as("specialiste").get(f"/veikla/renginiai/{event.pk}/").content.decode()

    assert page.index("Geriausias kadras") < page.index("Atmestas kadras")
    assert "Visi 2 renginio failai" in page
    assert "57 žiūrovai" in page
    assert f"/archyvas/ikelti/?event={event.pk}" in page


def test_a_territory_specialist_sees_no_archive_on_her_librarys_event(client_as, personas):
    event = Event.objects.filter(library=personas["teritorija"].library).first()
    AssetFactory(event=event, title="Vidinė nuotrauka")

    page = client_as("teritorija").get(f"/veikla/renginiai/{event.pk}/").content.decode()

    assert "Vidinė nuotrauka" not in page
    assert "/archyvas/" not in page
