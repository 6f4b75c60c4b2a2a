"""Damaged files: kept with "previews failed", found under "Damaged files" on the batch
page and in the archive list, and removable by staff, originals and all."""

from pathlib import Path

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.files.storage import storages
from django.core.files.uploadedfile import SimpleUploadedFile
from taggit.models import TaggedItem

from sklaida.archive.models import Asset, IngestBatch, IngestItem
from sklaida.archive.tests import media_files
from sklaida.archive.tests.factories import AssetFactory
from sklaida.archive.tests.stored import stored_asset
from sklaida.core.models import Comment
from sklaida.testing.queries import queries_to_render


@pytest.fixture
def uploaded(client_as, tmp_path, django_capture_on_commit_callbacks):
    """A batch with a good photo and a truncated one, sent through the no-script form,
    their previews made as the worker would."""
    client = client_as("specialiste")
    client.post("/archyvas/ikelti/", {"label": "Kortelė po avarijos"})
    batch = IngestBatch.objects.get(label="Kortelė po avarijos")
    good = media_files.picture(tmp_path / "IMG_0001.JPG").read_bytes()
    cut = media_files.truncated_jpeg(tmp_path / "IMG_0002.JPG").read_bytes()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            f"/archyvas/paketai/{batch.pk}/failai/",
            {
                "files": [
                    SimpleUploadedFile("IMG_0001.JPG", good, content_type="image/jpeg"),
                    SimpleUploadedFile("IMG_0002.JPG", cut, content_type="image/jpeg"),
                ]
            },
        )
    return client, batch


def test_a_truncated_jpeg_is_kept_and_listed_under_damaged_files(uploaded):
    client, batch = uploaded

    page = client.get(f"/archyvas/paketai/{batch.pk}/").content.decode()

    assert "2 failai pridėti" in page
    assert "nepavyko parengti 1 failo peržiūrų" in page
    assert "Pažeisti failai (1)" in page
    damaged = client.get(f"/archyvas/paketai/{batch.pk}/", {"damaged": "1"}).content.decode()
    assert "IMG_0002.JPG" in damaged
    assert "IMG_0001.JPG" not in damaged
    assert "tikriausiai pažeistas" in damaged
    assert f'hx-get="/archyvas/paketai/{batch.pk}/?damaged=1"' in damaged, "refresh keeps it"


def test_the_archive_list_offers_damaged_files_as_a_filter(uploaded):
    client, batch = uploaded
    cut = Asset.objects.get(original_name="IMG_0002.JPG")
    assert cut.rendition_status == Asset.Renditions.FAILED

    everything = client.get("/archyvas/")
    damaged = client.get("/archyvas/", {"damaged": "1"})

    groups = {group["name"]: group for group in everything.context["facets"]}
    [facet] = groups["damaged"]["values"]
    assert (facet["facet"].label, facet["facet"].count) == ("Pažeisti failai", 1)
    assert "damaged=1" in facet["url"]
    assert [asset.pk for asset in damaged.context["page"].object_list] == [cut.pk]
    page = damaged.content.decode()
    assert "Pašalinti pažymėtus pažeistus failus" in page
    assert "Pažeistas" in page


def test_staff_remove_a_damaged_file_with_its_original_and_previews(
    uploaded, personas, django_capture_on_commit_callbacks
):
    client, batch = uploaded
    cut = Asset.objects.get(original_name="IMG_0002.JPG")
    good = Asset.objects.get(original_name="IMG_0001.JPG")
    cut.keywords.add("avarija")
    Comment.objects.create(
        content_type=ContentType.objects.get_for_model(Asset),
        object_id=cut.pk,
        author=personas["vadove"],
        body="Šio failo neatkursime.",
    )
    original = Path(storages["archive"].path(cut.file.name))
    previews = [Path(storages["archive"].path(key)) for key in cut.renditions.values()]
    assert original.exists()
    detail = client.get(f"/archyvas/{cut.pk}/").content.decode()
    assert "Pašalinti pažeistą failą" in detail
    assert "Pašalinti pažeistą failą" not in client.get(f"/archyvas/{good.pk}/").content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/archyvas/pasalinti-pazeistus/", {"assets": [cut.pk, good.pk]}, follow=True
        )

    page = response.content.decode()
    assert "Iš archyvo pašalintas 1 pažeistas failas." in page
    assert "1 failas paliktas: pašalinti galima tik failus" in page
    assert not Asset.objects.filter(pk=cut.pk).exists()
    assert Asset.objects.filter(pk=good.pk).exists()
    assert not original.exists()
    assert not any(preview.exists() for preview in previews)
    assert not TaggedItem.objects.filter(object_id=cut.pk, content_type__model="asset").exists()
    assert not Comment.objects.filter(object_id=cut.pk, content_type__model="asset").exists()
    item = batch.items.get(original_name="IMG_0002.JPG")
    assert (item.outcome, item.asset) == (IngestItem.Outcome.REMOVED, None)
    batch_page = client.get(f"/archyvas/paketai/{batch.pk}/").content.decode()
    assert "Vėliau pašalinta" in batch_page
    assert "Pašalinta iš archyvo kaip pažeistas failas." in batch_page
    assert "1 vėliau pašalintas" in batch_page


def test_a_file_with_previews_is_never_removed_this_way(client_as):
    asset = stored_asset(content=b"nuotrauka", name="IMG_0003.JPG")

    response = client_as("vadove").post(
        "/archyvas/pasalinti-pazeistus/", {"assets": [asset.pk]}, follow=True
    )

    assert "1 failas paliktas" in response.content.decode()
    assert storages["archive"].exists(asset.file.name)
    assert Asset.objects.filter(pk=asset.pk).exists()


def test_a_viewer_sees_damaged_files_but_cannot_remove_them(client_as):
    asset = stored_asset(
        content=b"sugadinta", name="IMG_0004.JPG", rendition_status=Asset.Renditions.FAILED
    )
    viewer = client_as("stebetojas")

    assert "Pašalinti pažeistą failą" not in viewer.get(f"/archyvas/{asset.pk}/").content.decode()
    assert viewer.post("/archyvas/pasalinti-pazeistus/", {"assets": [asset.pk]}).status_code == 403
    assert Asset.objects.filter(pk=asset.pk).exists()


def _batch_with(count: int, batch: IngestBatch) -> None:
    for _ in range(count):
        for status in (Asset.Renditions.READY, Asset.Renditions.FAILED):
            asset = AssetFactory(rendition_status=status)
            IngestItem.objects.create(
                batch=batch, original_name=asset.original_name, outcome="stored", asset=asset
            )
        IngestItem.objects.create(batch=batch, original_name="tuscias.jpg", outcome="refused")


def test_the_batch_page_and_its_damaged_filter_make_the_same_queries_for_few_and_many(
    client_as,
):
    client = client_as("specialiste")
    batch = IngestBatch.objects.create(label="Daug failų")
    url = f"/archyvas/paketai/{batch.pk}/"
    _batch_with(2, batch)
    few = queries_to_render(client, url), queries_to_render(client, url, {"damaged": "1"})
    _batch_with(20, batch)

    assert (queries_to_render(client, url), queries_to_render(client, url, {"damaged": "1"})) == few


def test_the_list_of_damaged_files_makes_the_same_queries_for_few_and_many(client_as):
    client = client_as("specialiste")
    AssetFactory.create_batch(3, rendition_status=Asset.Renditions.FAILED)
    few = queries_to_render(client, "/archyvas/", {"damaged": "1"})
    AssetFactory.create_batch(30, rendition_status=Asset.Renditions.FAILED)

    assert queries_to_render(client, "/archyvas/", {"damaged": "1"}) == few
