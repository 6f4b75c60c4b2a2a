"""Public galleries: public collections show only their public, consented assets, and
the pictures of any other asset are not served."""

from __future__ import annotations

import uuid

import pytest
from django.test import Client

from sklaida.archive.models import Asset, Collection, CollectionItem
from sklaida.archive.tests.stored import stored_asset
from sklaida.testing.queries import queries_to_render

Access = Asset.Access
Consent = Asset.Consent


@pytest.fixture(autouse=True)
def no_collections(personas):
    """Each test shows only its own galleries (the demo's, if any, set aside)."""
    Collection.objects.all().delete()


def photo(title: str, **fields) -> Asset:
    fields = {"consent": Consent.NOT_NEEDED, **fields}
    return stored_asset(
        content=uuid.uuid4().bytes,
        name=f"{title.lower().replace(' ', '-')}.jpg",
        title=title,
        **fields,
    )


def gallery(title: str, assets: list[Asset], *, is_public: bool = True) -> Collection:
    collection = Collection.objects.create(title=title, is_public=is_public)
    for position, asset in enumerate(assets):
        CollectionItem.objects.create(collection=collection, asset=asset, position=position)
    return collection


def text_of(url: str) -> str:
    response = Client().get(url)
    assert response.status_code == 200, response.status_code
    return response.content.decode()


@pytest.fixture
def summer():
    """A public collection of a public, an internal and a restricted photo."""
    assets = {
        "public": photo("Skaitytoja kieme", access=Access.PUBLIC, description="Vasaros vakaras"),
        "internal": photo("Komandos pasitarimas"),
        "restricted": photo("Vaikų dirbtuvės", access=Access.RESTRICTED, minors_present=True),
    }
    return gallery("Vasaros skaitymai", list(assets.values())), assets


def test_the_gallery_shows_only_public_assets(summer):
    collection, assets = summer

    text = text_of(f"/galerijos/{collection.pk}/")

    assert "Vasaros skaitymai" in text
    assert 'alt="Skaitytoja kieme"' in text
    assert f"/galerijos/vaizdai/{assets['public'].pk}/web/" in text
    for hidden in ("internal", "restricted"):
        assert assets[hidden].title not in text
        assert assets[hidden].original_name not in text
        assert f"/galerijos/vaizdai/{assets[hidden].pk}/" not in text


def test_no_file_name_reaches_the_gallery_page(summer):
    collection, assets = summer

    text = text_of(f"/galerijos/{collection.pk}/")

    assert assets["public"].original_name not in text
    assert assets["public"].sha256 not in text


def test_a_public_assets_picture_is_served(summer):
    _collection, assets = summer

    response = Client().get(f"/galerijos/vaizdai/{assets['public'].pk}/web/")

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"web of skaitytoja-kieme.jpg"
    assert response["Cache-Control"].startswith("public")


@pytest.mark.parametrize("which", ["internal", "restricted"])
def test_pictures_of_non_public_assets_are_not_found(summer, which):
    _collection, assets = summer

    for name in ("web", "thumb"):
        response = Client().get(f"/galerijos/vaizdai/{assets[which].pk}/{name}/")
        assert response.status_code == 404


def test_a_public_asset_without_the_signed_consent_is_not_shown(personas):
    half = photo("Šokėjos", access=Access.PUBLIC, consent=Consent.DOCUMENTED)  # no document
    fine = photo("Skaitovas", access=Access.PUBLIC)
    collection = gallery("Šokių vakaras", [half, fine])

    text = text_of(f"/galerijos/{collection.pk}/")

    assert "Skaitovas" in text and "Šokėjos" not in text
    assert Client().get(f"/galerijos/vaizdai/{half.pk}/web/").status_code == 404


def test_the_list_shows_public_collections_with_something_to_show(summer):
    collection, _assets = summer
    private = gallery("Vidinis rinkinys", [photo("Vidinė", access=Access.PUBLIC)], is_public=False)
    empty = gallery("Tik vidinės nuotraukos", [photo("Susirinkimas")])

    text = text_of("/galerijos/")

    assert f"/galerijos/{collection.pk}/" in text and "Vasaros skaitymai" in text
    assert "1 picture" in text or "1 nuotrauka" in text
    assert "Vidinis rinkinys" not in text and "Tik vidinės nuotraukos" not in text
    assert Client().get(f"/galerijos/{private.pk}/").status_code == 404
    assert Client().get(f"/galerijos/{empty.pk}/").status_code == 404


def test_the_english_gallery_pages_use_english_paths(summer):
    collection, assets = summer

    listing = text_of("/en/galleries/")
    page = text_of(f"/en/galleries/{collection.pk}/")

    assert f"/en/galleries/{collection.pk}/" in listing
    assert f"/en/galleries/pictures/{assets['public'].pk}/web/" in page
    assert Client().get(f"/en/galleries/pictures/{assets['internal'].pk}/web/").status_code == 404


def test_an_untitled_picture_gets_its_description_or_a_numbered_alt_text(personas):
    described = photo("", access=Access.PUBLIC, description="Žiūrovai salėje")
    bare = photo("", access=Access.PUBLIC)
    collection = gallery("Koncertas", [described, bare])

    text = text_of(f"/galerijos/{collection.pk}/")

    assert 'alt="Žiūrovai salėje"' in text
    assert 'alt="Koncertas, nuotrauka Nr. 2"' in text


@pytest.mark.usefixtures("theme_read")
def test_the_gallery_page_makes_a_fixed_number_of_queries(summer):
    collection, _assets = summer
    few = queries_to_render(Client(), f"/galerijos/{collection.pk}/")

    for number in range(10):
        CollectionItem.objects.create(
            collection=collection,
            asset=photo(f"Nuotrauka {number}", access=Access.PUBLIC),
            position=10 + number,
        )

    assert queries_to_render(Client(), f"/galerijos/{collection.pk}/") == few


@pytest.mark.usefixtures("theme_read")
def test_the_gallery_list_makes_a_fixed_number_of_queries(summer):
    few = queries_to_render(Client(), "/galerijos/")

    for number in range(5):
        gallery(f"Galerija {number}", [photo(f"Viršelis {number}", access=Access.PUBLIC)])

    assert queries_to_render(Client(), "/galerijos/") == few
