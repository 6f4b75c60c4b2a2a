"""Collections: making them, adding and ordering assets, streamed ZIP downloads, who sees
restricted assets, and share links for people without an account."""

from __future__ import annotations

import datetime
import io
import os
import tracemalloc
import zipfile

import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.utils import timezone

from sklaida.archive.models import Asset, Collection, ShareLink
from sklaida.archive.selectors.access import shareable, visible_assets
from sklaida.archive.services import collections as services
from sklaida.archive.tests.stored import stored_asset
from sklaida.archive.zipping import safe_name, zip_response
from sklaida.testing.queries import queries_to_render

Consent = Asset.Consent
Access = Asset.Access


def photo(name: str, **fields) -> Asset:
    return stored_asset(content=f"JPEG {name} ".encode() * 50, name=name, **fields)


def zipped(response) -> zipfile.ZipFile:
    return zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))


def original_bytes(asset: Asset) -> bytes:
    with asset.file.storage.open(asset.file.name, "rb") as stored:
        return stored.read()


@pytest.fixture
def collection(personas):
    return services.create_collection(
        actor=personas["specialiste"], title="Vasaros skaitymai", description="Kiemo renginys."
    )


@pytest.fixture
def filled(collection, personas):
    """A collection with an internal, a public, a restricted and a consentless photo."""
    assets = {
        "internal": photo("kiemas.jpg", title="Kiemas", consent=Consent.NOT_NEEDED),
        "public": photo(
            "skaitytoja.jpg", title="Skaitytoja", access=Access.PUBLIC, consent=Consent.NOT_NEEDED
        ),
        "restricted": photo("vaikai.jpg", title="Vaikai", access=Access.RESTRICTED),
        "no_consent": photo("publika.jpg", title="Publika", consent=Consent.MISSING),
    }
    services.add_to_collection(
        actor=personas["vadove"], collection=collection, assets=list(assets.values())
    )
    return assets


# Services ------------------------------------------------------------------------------


def test_assets_are_appended_in_order_and_each_only_once(collection, personas):
    first, second, third = photo("a.jpg"), photo("b.jpg"), photo("c.jpg")

    added = services.add_to_collection(
        actor=personas["specialiste"], collection=collection, assets=[second, first, second]
    )
    again = services.add_to_collection(
        actor=personas["specialiste"], collection=collection, assets=[first, third]
    )

    assert (added, again) == (2, 1)
    assert [item.asset for item in collection.items.all()] == [second, first, third]


def test_a_specialist_cannot_add_a_restricted_asset_she_may_not_see(collection, personas):
    secret = photo("slapta.jpg", access=Access.RESTRICTED)

    added = services.add_to_collection(
        actor=personas["specialiste"], collection=collection, assets=[secret]
    )

    assert added == 0
    assert not collection.items.exists()


def test_a_viewer_may_not_change_collections(collection, personas):
    with pytest.raises(PermissionDenied):
        services.add_to_collection(
            actor=personas["stebetojas"], collection=collection, assets=[photo("x.jpg")]
        )
    with pytest.raises(PermissionDenied):
        services.create_collection(actor=personas["stebetojas"], title="Mano")


def test_moving_an_asset_reorders_the_collection(collection, personas):
    assets = [photo(f"{letter}.jpg") for letter in "abcd"]
    services.add_to_collection(actor=personas["vadove"], collection=collection, assets=assets)

    services.move_in_collection(
        actor=personas["vadove"], collection=collection, asset=assets[3], offset=-2
    )
    services.move_in_collection(
        actor=personas["vadove"], collection=collection, asset=assets[0], offset=-1
    )

    order = [item.asset.original_name for item in collection.items.all()]
    assert order == ["a.jpg", "d.jpg", "b.jpg", "c.jpg"]


def test_removing_takes_assets_out_of_the_collection_only(filled, collection, personas):
    removed = services.remove_from_collection(
        actor=personas["vadove"], collection=collection, assets=[filled["internal"]]
    )

    assert removed == 1
    assert filled["internal"] not in collection.assets.all()
    assert Asset.objects.filter(pk=filled["internal"].pk).exists()


def test_restricted_assets_are_seen_by_the_head_only(filled, personas):
    restricted = Asset.objects.filter(pk=filled["restricted"].pk)

    assert visible_assets(personas["vadove"], restricted).exists()
    assert not visible_assets(personas["specialiste"], restricted).exists()
    assert not visible_assets(personas["stebetojas"], restricted).exists()
    assert not visible_assets(personas["teritorija"], Asset.objects.all()).exists()


def test_shareable_assets_mirror_what_may_be_public(personas):
    cases = [
        photo("1.jpg", consent=Consent.NOT_NEEDED),
        photo("2.jpg", consent=Consent.DOCUMENTED, consent_document="archive/consent/s.pdf"),
        photo("3.jpg", consent=Consent.DOCUMENTED),  # no signed document attached
        photo("4.jpg", consent=Consent.MISSING),
        photo("5.jpg", consent=Consent.REFUSED),
        photo("6.jpg", consent=Consent.NOT_NEEDED, minors_present=True),
        photo(
            "7.jpg",
            consent=Consent.DOCUMENTED,
            consent_document="archive/consent/m.pdf",
            minors_present=True,
        ),
        photo("8.jpg", consent=Consent.NOT_NEEDED, access=Access.RESTRICTED),
    ]
    ids = [asset.pk for asset in cases]

    found = set(shareable(Asset.objects.filter(pk__in=ids)).values_list("original_name", flat=True))

    assert found == {"1.jpg", "2.jpg", "7.jpg"}
    assert {asset.original_name for asset in cases if asset.may_be_public} - {"8.jpg"} == found


def test_a_share_link_is_valid_for_30_days_by_default_through_the_last_day(collection, personas):
    link = services.create_share_link(actor=personas["specialiste"], collection=collection)

    last_day = timezone.localdate() + datetime.timedelta(days=30)
    assert timezone.localtime(link.expires_at).date() == last_day
    assert timezone.localtime(link.expires_at + datetime.timedelta(seconds=1)).date() > last_day
    assert link.is_valid


def test_a_share_link_cannot_end_in_the_past(collection, personas):
    with pytest.raises(services.ValidationError):
        services.create_share_link(
            actor=personas["specialiste"],
            collection=collection,
            expires_on=timezone.localdate() - datetime.timedelta(days=1),
        )


# Pages -----------------------------------------------------------------------------------


def test_staff_create_a_collection_and_find_it_in_the_list(personas, client_as):
    client = client_as("specialiste")

    response = client.post(
        "/archyvas/rinkiniai/naujas/",
        {"title": "Rudens poezija", "description": "Skaitymai", "is_public": "on"},
    )

    collection = Collection.objects.get(title="Rudens poezija")
    assert response["Location"] == f"/archyvas/rinkiniai/{collection.pk}/"
    assert collection.is_public and collection.created_by == personas["specialiste"]
    assert "Rudens poezija" in client.get("/archyvas/rinkiniai/").content.decode()


def test_the_list_counts_only_the_assets_the_reader_may_see(filled, collection, client_as):
    head = client_as("vadove").get("/archyvas/rinkiniai/").content.decode()
    viewer = client_as("stebetojas").get("/archyvas/rinkiniai/").content.decode()

    row = f'href="/archyvas/rinkiniai/{collection.pk}/"'
    assert row in head and row in viewer
    assert '<td class="text-end">4</td>' in head
    assert '<td class="text-end">3</td>' in viewer


def test_the_collection_page_hides_restricted_assets_from_a_specialist(
    filled, collection, client_as
):
    specialist = client_as("specialiste").get(f"/archyvas/rinkiniai/{collection.pk}/")
    head = client_as("vadove").get(f"/archyvas/rinkiniai/{collection.pk}/")

    assert "Kiemas" in specialist.content.decode()
    assert "Vaikai" not in specialist.content.decode()
    assert "Vaikai" in head.content.decode()


def test_the_collection_page_offers_the_events_assets_to_add(collection, personas, client_as):
    from sklaida.events.tests.factories import EventFactory

    event = EventFactory(title="Poezijos vakaras kieme")
    collection.event = event
    collection.save()
    chosen = photo("renginys.jpg", title="Skaitovė scenoje", event=event)
    photo("kitas.jpg", title="Kito renginio nuotrauka")
    client = client_as("specialiste")

    page = client.get(f"/archyvas/rinkiniai/{collection.pk}/").content.decode()
    assert "Skaitovė scenoje" in page
    assert "Kito renginio nuotrauka" not in page

    client.post(f"/archyvas/rinkiniai/{collection.pk}/prideti/", {"assets": [chosen.pk]})
    assert list(collection.assets.all()) == [chosen]


def test_remove_and_move_buttons_change_the_collection(filled, collection, client_as):
    client = client_as("specialiste")
    url = f"/archyvas/rinkiniai/{collection.pk}/"

    client.post(url + "perkelti/", {"earlier": filled["no_consent"].pk})
    client.post(url + "isimti/", {"assets": [filled["public"].pk]})

    names = [item.asset.original_name for item in collection.items.all()]
    assert names == ["kiemas.jpg", "publika.jpg", "vaikai.jpg"]


def test_the_collection_page_makes_a_fixed_number_of_queries(
    filled, collection, personas, client_as
):
    client = client_as("vadove")
    services.create_share_link(actor=personas["vadove"], collection=collection)
    url = f"/archyvas/rinkiniai/{collection.pk}/"
    few = queries_to_render(client, url)

    services.add_to_collection(
        actor=personas["vadove"],
        collection=collection,
        assets=[photo(f"daugiau-{number}.jpg") for number in range(10)],
    )
    services.create_share_link(actor=personas["vadove"], collection=collection, note="Spaudai")

    assert queries_to_render(client, url) == few


def test_the_collection_list_makes_a_fixed_number_of_queries(filled, personas, client_as):
    client = client_as("specialiste")
    few = queries_to_render(client, "/archyvas/rinkiniai/")

    for number in range(5):
        extra = services.create_collection(actor=personas["vadove"], title=f"Rinkinys {number}")
        services.add_to_collection(
            actor=personas["vadove"], collection=extra, assets=[photo(f"r{number}.jpg")]
        )

    assert queries_to_render(client, "/archyvas/rinkiniai/") == few


# ZIP -------------------------------------------------------------------------------------


def test_the_collection_zip_holds_the_originals_the_reader_may_see(filled, collection, client_as):
    response = client_as("specialiste").get(f"/archyvas/rinkiniai/{collection.pk}/zip/")

    assert response.streaming
    assert response["Content-Type"] == "application/zip"
    archive = zipped(response)
    assert archive.namelist() == ["0001-kiemas.jpg", "0002-skaitytoja.jpg", "0003-publika.jpg"]
    assert archive.read("0001-kiemas.jpg") == original_bytes(filled["internal"])
    assert archive.testzip() is None


def test_the_zip_has_a_lithuanian_file_name_and_its_length(filled, collection, client_as):
    collection.title = "Šventė: Žalgirio g./kiemas"
    collection.save()

    response = client_as("vadove").get(f"/archyvas/rinkiniai/{collection.pk}/zip/")

    disposition = response["Content-Disposition"]
    assert disposition.startswith("attachment; filename*=utf-8''")
    assert "%C5%A0vent%C4%97" in disposition  # Šventė
    assert "/" not in disposition.split("''", 1)[1]
    body = b"".join(response.streaming_content)
    assert int(response["Content-Length"]) == len(body)


def test_chosen_assets_download_as_a_zip_in_the_chosen_order(filled, client_as):
    ids = [filled["public"].pk, filled["restricted"].pk, filled["internal"].pk]
    query = ",".join(str(pk) for pk in ids)

    specialist = zipped(client_as("specialiste").get(f"/archyvas/zip/?assets={query}"))
    head = zipped(client_as("vadove").get(f"/archyvas/zip/?assets={query}"))

    assert specialist.namelist() == ["0001-skaitytoja.jpg", "0002-kiemas.jpg"]
    assert head.namelist() == ["0001-skaitytoja.jpg", "0002-vaikai.jpg", "0003-kiemas.jpg"]
    assert head.read("0002-vaikai.jpg") == original_bytes(filled["restricted"])


def test_a_zip_without_assets_chosen_explains_itself(client_as):
    response = client_as("specialiste").get("/archyvas/zip/?assets=")

    assert response.status_code == 400
    assert "<h1" in response.content.decode()


def test_names_inside_the_zip_are_safe_and_unique(personas):
    assets = [
        photo("..\\..\\Windows\\sąrašas.jpg"),
        photo("a/b/sąrašas.jpg"),
        photo('kas? "kur" <kada>.jpg'),
    ]

    names = zipped(zip_response(assets, filename="x.zip")).namelist()

    assert names == ["0001-sąrašas.jpg", "0002-sąrašas.jpg", "0003-kas_ _kur_ _kada_.jpg"]
    assert safe_name("...") == "failas"
    assert len(safe_name("ž" * 400 + ".jpeg")) <= 150


def test_streaming_a_100_mb_zip_holds_little_in_memory(personas):
    size = 5 * 1024 * 1024
    assets = [stored_asset(content=os.urandom(size), name=f"didelis-{n}.jpg") for n in range(20)]

    response = zip_response(assets, filename="didelis.zip")
    streamed = 0
    tracemalloc.start()
    try:
        for chunk in response.streaming_content:
            streamed += len(chunk)
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()

    assert streamed > 20 * size
    assert peak < 20 * 1024 * 1024, f"peak {peak / 1024 / 1024:.1f} MB"


# Share links ----------------------------------------------------------------------------


def link_for(collection: Collection, personas, **fields) -> ShareLink:
    return ShareLink.objects.create(
        collection=collection,
        expires_at=fields.pop("expires_at", timezone.now() + datetime.timedelta(days=5)),
        created_by=personas["vadove"],
        **fields,
    )


def test_a_share_link_shows_only_shareable_assets_to_anyone(filled, collection, personas):
    link = link_for(collection, personas)

    response = Client().get(f"/archyvas/bendrinti/{link.token}/")

    text = response.content.decode()
    assert response.status_code == 200
    assert "Vasaros skaitymai" in text
    assert "Kiemas" in text and "Skaitytoja" in text
    assert "Vaikai" not in text and "vaikai.jpg" not in text  # restricted
    assert "Publika" not in text and "publika.jpg" not in text  # no consent
    assert response["X-Robots-Tag"] == "noindex"


def test_the_share_page_shows_pictures_of_its_assets_only(filled, collection, personas):
    link = link_for(collection, personas)
    visitor = Client()
    base = f"/archyvas/bendrinti/{link.token}"

    picture = visitor.get(f"{base}/{filled['internal'].pk}/web/")
    refused = visitor.get(f"{base}/{filled['no_consent'].pk}/web/")
    elsewhere = visitor.get(f"{base}/{photo('svetimas.jpg', consent=Consent.NOT_NEEDED).pk}/web/")

    assert f"{base}/{filled['internal'].pk}/web/" in visitor.get(f"{base}/").content.decode()
    assert b"".join(picture.streaming_content) == b"web of kiemas.jpg"
    assert picture["Content-Type"] == "image/jpeg"
    assert refused.status_code == 404
    assert elsewhere.status_code == 404


def test_the_share_zip_holds_only_shareable_originals(filled, collection, personas):
    link = link_for(collection, personas)

    archive = zipped(Client().get(f"/archyvas/bendrinti/{link.token}/zip/"))

    assert archive.namelist() == ["0001-kiemas.jpg", "0002-skaitytoja.jpg"]
    assert archive.read("0002-skaitytoja.jpg") == original_bytes(filled["public"])


@pytest.mark.parametrize("suffix", ["", "zip/", "{asset}/web/"])
def test_an_expired_link_is_gone(filled, collection, personas, suffix):
    link = link_for(collection, personas, expires_at=timezone.now() - datetime.timedelta(hours=1))

    response = Client().get(
        f"/archyvas/bendrinti/{link.token}/" + suffix.format(asset=filled["internal"].pk)
    )

    assert response.status_code == 410
    assert "Nuoroda nebeveikia" in response.content.decode()


def test_a_revoked_link_is_gone_at_once(filled, collection, personas, client_as):
    link = link_for(collection, personas)
    client_as("specialiste").post(f"/archyvas/nuorodos/{link.pk}/atsaukti/")

    response = Client().get(f"/archyvas/bendrinti/{link.token}/")

    assert response.status_code == 410
    assert "Biblioteka šią nuorodą atšaukė." in response.content.decode()


def test_an_unknown_token_is_not_found(personas):
    assert Client().get("/archyvas/bendrinti/nera-tokios-nuorodos/").status_code == 404


def test_staff_create_a_link_and_see_its_state_on_the_collection_page(
    collection, personas, client_as
):
    client = client_as("specialiste")
    until = timezone.localdate() + datetime.timedelta(days=7)
    client.post(
        f"/archyvas/rinkiniai/{collection.pk}/nuorodos/",
        {"note": "Šiaulių kraštas", "expires_on": until.isoformat()},
    )
    link = collection.share_links.get()
    link_for(collection, personas, note="Senas", expires_at=timezone.now() - datetime.timedelta(1))

    page = client.get(f"/archyvas/rinkiniai/{collection.pk}/").content.decode()

    assert link.note == "Šiaulių kraštas"
    assert f"http://testserver/archyvas/bendrinti/{link.token}/" in page
    assert "Senas" in page
    assert ">nebegalioja<" in page
