"""The archive's screens: the searchable list, an asset's page, the selection screen."""

import json

from django.utils import timezone

from sklaida.archive.models import Asset
from sklaida.archive.tests.factories import AssetFactory
from sklaida.events.models import Event
from sklaida.testing.queries import queries_to_render


def test_the_list_finds_by_inflected_words_and_shows_facets(client_as):
    AssetFactory(title="Biblioteka naktį", kind=Asset.Kind.IMAGE)
    AssetFactory(title="Kiemo koncertas", kind=Asset.Kind.VIDEO)

    response = client_as("stebetojas").get("/archyvas/", {"q": "bibliotekoje"})

    page = response.content.decode()
    assert "Biblioteka naktį" in page
    assert "Kiemo koncertas" not in page
    kinds = {group["name"]: group for group in response.context["facets"]}["kind"]
    assert [(value["facet"].value, value["facet"].count) for value in kinds["values"]] == [
        ("image", 1)
    ]


def test_the_list_makes_the_same_queries_for_few_and_many_assets(client_as):
    client = client_as("specialiste")
    event = Event.objects.first()
    AssetFactory.create_batch(3, event=event, keywords=["vakaras"])
    few = queries_to_render(client, "/archyvas/")
    AssetFactory.create_batch(30, event=event, keywords=["vakaras"])
    assert queries_to_render(client, "/archyvas/") == few


def test_an_assets_page_shows_what_the_file_says(client_as):
    asset = AssetFactory(
        title="Poezijos vakaras",
        camera="Canon EOS R6",
        width=6000,
        height=4000,
        creator_name="Rūta Petraitytė",
        keywords=["poezija"],
    )

    page = client_as("stebetojas").get(f"/archyvas/{asset.pk}/").content.decode()

    assert "Canon EOS R6" in page
    assert "6\xa0000 × 4\xa0000 px" in page
    assert "Rūta Petraitytė" in page
    assert "poezija" in page
    assert asset.sha256 in page


def test_restricted_assets_are_hidden_from_staff_who_did_not_upload_them(client_as, personas):
    asset = AssetFactory(access=Asset.Access.RESTRICTED, title="Vidaus dokumentas")

    assert client_as("specialiste").get(f"/archyvas/{asset.pk}/").status_code == 404
    assert "Vidaus dokumentas" in client_as("vadove").get(f"/archyvas/{asset.pk}/").content.decode()


def test_the_selection_screen_reviews_a_batch_by_keyboard_actions(client_as, personas):
    event = Event.objects.filter(status=Event.Status.HELD).first()
    first, second = AssetFactory.create_batch(2, event=event)
    client = client_as("specialiste")

    page = client.get("/archyvas/atranka/", {"event": event.pk}).content.decode()
    assert 'aria-keyshortcuts="S"' in page
    assert f'data-pk="{second.pk}"' in page

    answer = client.post(
        f"/archyvas/{first.pk}/atranka/", {"selection": "selected"}, HTTP_ACCEPT="application/json"
    )
    rated = client.post(
        f"/archyvas/{second.pk}/atranka/", {"rating": "4"}, HTTP_ACCEPT="application/json"
    )

    assert json.loads(answer.content)["selection"] == "selected"
    assert json.loads(rated.content) == {
        "selection": "selected",
        "selection_label": Asset.Selection.SELECTED.label,
        "rating": 4,
    }
    second.refresh_from_db()
    assert (second.selection, second.rating) == ("selected", 4)
    counts = client.get("/archyvas/atranka/", {"event": event.pk}).context["counts"]
    assert counts["selected"] == 2


def test_a_viewer_may_look_but_not_select(client_as):
    asset = AssetFactory()

    response = client_as("stebetojas").post(
        f"/archyvas/{asset.pk}/atranka/", {"selection": "rejected"}
    )

    assert response.status_code == 403
    asset.refresh_from_db()
    assert asset.selection == Asset.Selection.UNREVIEWED


def test_look_alikes_are_compared_side_by_side(client_as):
    original = AssetFactory(title="Pirmas kadras")
    burst = AssetFactory(title="Antras kadras", near_duplicate_of=original)

    page = client_as("specialiste").get(f"/archyvas/{burst.pk}/palyginti/").content.decode()

    assert page.index("Pirmas kadras") < page.index("Antras kadras")
    assert page.count('name="selection" value="rejected"') == 2


def test_ticked_files_go_into_a_chosen_collection(client_as, personas):
    from sklaida.archive.models import Collection

    first, second = AssetFactory.create_batch(2)
    collection = Collection.objects.create(title="Metų akimirkos", created_by=personas["vadove"])

    response = client_as("specialiste").post(
        "/archyvas/i-rinkini/",
        {"collection": collection.pk, "assets": [first.pk, second.pk]},
        follow=True,
    )

    assert response.redirect_chain[-1][0] == f"/archyvas/rinkiniai/{collection.pk}/"
    assert list(collection.assets.order_by("pk")) == [first, second]


def test_the_archive_tabs_lead_to_a_selection_start_with_recent_events_and_uploads(
    client_as, personas
):
    held = Event.objects.filter(status=Event.Status.HELD, starts_at__lte=timezone.now())
    event = held.order_by("-starts_at").first()
    AssetFactory.create_batch(2, event=event)
    AssetFactory(event=event, selection=Asset.Selection.SELECTED)
    AssetFactory(event=event, access=Asset.Access.RESTRICTED)
    client = client_as("specialiste")

    archive = client.get("/archyvas/").content.decode()
    assert 'href="/archyvas/atranka/">Peržiūrėti ir atrinkti</a>' in archive
    response = client.get("/archyvas/atranka/")

    page = response.content.decode()
    row = next(e for e in response.context["events"] if e.pk == event.pk)
    # The specialist does not see the restricted photo, nor is it counted for her.
    assert (row.photo_count, row.unreviewed_count) == (3, 2)
    assert f'href="/archyvas/atranka/?event={event.pk}"' in page
    assert 'aria-current="page' in page.split("Peržiūrėti ir atrinkti</a>")[0].rsplit("<li", 1)[1]


def test_the_selection_start_makes_the_same_queries_for_few_and_many_events(client_as, personas):
    client = client_as("specialiste")
    events = Event.objects.filter(starts_at__lte=timezone.now()).order_by("-starts_at")
    AssetFactory(event=events[0])
    few = queries_to_render(client, "/archyvas/atranka/")
    for event in events[1:6]:
        AssetFactory(event=event)
    assert queries_to_render(client, "/archyvas/atranka/") == few
