"""Ingest: originals stored once under their checksum, refused files named, metadata read,
the event found, look-alikes flagged, a broken file failing only itself."""

import datetime
import hashlib
import os
import random
import zoneinfo
from pathlib import Path

import pytest
from django.core.files.storage import storages
from django.utils import timezone

from sklaida.archive import storage
from sklaida.archive.demo import demo_photo
from sklaida.archive.models import Asset, IngestItem
from sklaida.archive.services import ingest
from sklaida.events.models import Event

VILNIUS = zoneinfo.ZoneInfo("Europe/Vilnius")
TAKEN = datetime.datetime(2026, 3, 14, 18, 20, tzinfo=VILNIUS)


@pytest.fixture
def ingest_path(django_capture_on_commit_callbacks):
    """`ingest.ingest_path`, then the renditions job it queues, as the worker would run it."""

    def ingested(path, **kwargs) -> IngestItem:
        with django_capture_on_commit_callbacks(execute=True):
            return ingest.ingest_path(path, **kwargs)

    return ingested


@pytest.fixture
def batch(personas):
    return ingest.start_batch(actor=personas["specialiste"], label="Vakaro nuotraukos")


def photo(folder: Path, name: str = "IMG_0001.JPG", *, taken=TAKEN, seed: int = 1, base=None):
    path = folder / name
    image = demo_photo(
        path,
        caption="Poezijos vakaras",
        taken=taken,
        rng=random.Random(seed),
        size=(640, 427),
        base=base,
    )
    return path, image


def test_an_original_is_stored_unchanged_under_its_checksum(batch, personas, tmp_path, ingest_path):
    path, _ = photo(tmp_path)
    expected = hashlib.sha256(path.read_bytes()).hexdigest()

    item = ingest_path(path, batch=batch, actor=personas["specialiste"])

    asset = item.asset
    assert item.outcome == IngestItem.Outcome.STORED
    assert asset.sha256 == expected
    assert asset.size == path.stat().st_size
    assert asset.file.name == f"archive/originals/{expected[:2]}/{expected[2:4]}/{expected}.jpg"
    stored = Path(storages["archive"].path(asset.file.name))
    assert stored.read_bytes() == path.read_bytes()
    assert asset.mime_type == "image/jpeg"
    assert asset.kind == Asset.Kind.IMAGE


def test_the_same_file_twice_is_linked_not_stored_again(batch, personas, tmp_path, ingest_path):
    path, _ = photo(tmp_path)
    first = ingest_path(path, batch=batch, actor=personas["specialiste"])
    copy = tmp_path / "kopija.jpg"
    copy.write_bytes(path.read_bytes())

    second = ingest_path(copy, batch=batch, actor=personas["specialiste"])

    assert second.outcome == IngestItem.Outcome.DUPLICATE
    assert second.asset == first.asset
    assert "jau yra archyve" in second.message
    assert Asset.objects.filter(sha256=first.asset.sha256).count() == 1
    originals = list(Path(storages["archive"].path("archive/originals")).rglob("*.jpg"))
    assert len(originals) == 1


def test_a_renamed_text_file_is_refused_and_the_batch_goes_on(
    batch, personas, tmp_path, ingest_path
):
    fake = tmp_path / "nuotrauka.jpg"
    fake.write_text("Tai ne nuotrauka, o užrašai.", encoding="utf-8")
    real, _ = photo(tmp_path)

    refused = ingest_path(fake, batch=batch, actor=personas["specialiste"])
    stored = ingest_path(real, batch=batch, actor=personas["specialiste"])

    assert refused.outcome == IngestItem.Outcome.REFUSED
    assert refused.asset is None
    assert "text/plain" in refused.message
    assert stored.outcome == IngestItem.Outcome.STORED
    assert not Asset.objects.filter(original_name="nuotrauka.jpg").exists()


def test_a_half_written_file_never_sits_under_a_stored_name(tmp_path):
    source = tmp_path / "big.bin"
    source.write_bytes(os.urandom(3 * 1024 * 1024))
    key = storage.original_key("ab" * 32, ".bin")

    class Interrupted(Exception):
        pass

    real_replace = os.replace

    def crash_before_rename(*args):
        raise Interrupted

    os.replace = crash_before_rename
    try:
        with pytest.raises(Interrupted):
            storage.put(key, source)
    finally:
        os.replace = real_replace

    target = Path(storages["archive"].path(key))
    assert not target.exists()
    assert list(target.parent.iterdir()) == []  # the partial file was cleaned away
    storage.put(key, source)
    assert target.read_bytes() == source.read_bytes()


def test_camera_metadata_fills_the_description_and_finds_the_event(
    batch, personas, tmp_path, ingest_path
):
    event = Event.objects.filter(status=Event.Status.HELD).exclude(space=None).first()
    taken = event.starts_at + datetime.timedelta(minutes=30)
    path, _ = photo(tmp_path, taken=taken)

    asset = ingest_path(path, batch=batch, actor=personas["specialiste"]).asset

    assert asset.captured_at == taken
    assert asset.camera  # Make and Model from EXIF
    assert asset.creator_name == "Rūta Petraitytė"
    assert asset.rights_holder == "Šiaulių apskrities Povilo Višinskio viešoji biblioteka"
    assert asset.event == event
    assert (asset.width, asset.height) == (640, 427)


def test_a_photo_from_no_event_stays_unlinked(batch, personas, tmp_path, ingest_path):
    path, _ = photo(tmp_path, taken=datetime.datetime(2019, 1, 1, 3, 0, tzinfo=VILNIUS))

    asset = ingest_path(path, batch=batch, actor=personas["specialiste"]).asset

    assert asset.event is None


def test_renditions_are_made_and_a_burst_shot_is_flagged_as_a_look_alike(
    batch, personas, tmp_path, ingest_path
):
    first_path, image = photo(tmp_path, "IMG_1.JPG", seed=5)
    second_path, _ = photo(tmp_path, "IMG_2.JPG", seed=5, base=image)
    other_path, _ = photo(tmp_path, "IMG_3.JPG", seed=99)

    first = ingest_path(first_path, batch=batch, actor=personas["specialiste"]).asset
    second = ingest_path(second_path, batch=batch, actor=personas["specialiste"]).asset
    other = ingest_path(other_path, batch=batch, actor=personas["specialiste"]).asset

    for asset in (first, second, other):
        asset.refresh_from_db()
        assert asset.rendition_status == Asset.Renditions.READY
        assert set(asset.renditions) >= {"thumb", "preview"}
        thumb = Path(storages["archive"].path(asset.renditions["thumb"]))
        assert thumb.read_bytes()[:2] == b"\xff\xd8"
    assert second.near_duplicate_of == first
    assert other.near_duplicate_of is None


def test_a_file_that_breaks_its_decoder_fails_only_its_own_renditions(
    batch, personas, tmp_path, ingest_path
):
    good, _ = photo(tmp_path, "IMG_good.JPG", seed=3)
    broken_source, _ = photo(tmp_path, "IMG_broken.JPG", seed=4)
    data = broken_source.read_bytes()
    broken = tmp_path / "IMG_cut.JPG"
    broken.write_bytes(data[: len(data) // 3])  # the card was pulled out mid-write

    results = [
        ingest_path(path, batch=batch, actor=personas["specialiste"]) for path in (broken, good)
    ]

    states = {}
    for item in results:
        if item.asset:
            item.asset.refresh_from_db()
            states[item.original_name] = item.asset.rendition_status
        else:
            states[item.original_name] = item.outcome
    assert states["IMG_good.JPG"] == Asset.Renditions.READY
    assert states["IMG_cut.JPG"] in {Asset.Renditions.FAILED, IngestItem.Outcome.REFUSED}


def test_renditions_can_be_made_again_from_the_original(batch, personas, tmp_path, ingest_path):
    path, _ = photo(tmp_path)
    asset = ingest_path(path, batch=batch, actor=personas["specialiste"]).asset
    asset.refresh_from_db()
    thumb = Path(storages["archive"].path(asset.renditions["thumb"]))
    thumb.unlink()

    ingest.make_renditions(asset_id=asset.pk)

    assert thumb.exists()


def test_a_folder_import_reports_each_file(personas, tmp_path, capsys):
    from django.core.management import call_command

    card = tmp_path / "DCIM" / "100CANON"
    card.mkdir(parents=True)
    photo(card, "IMG_0001.JPG", seed=1)
    photo(card, "IMG_0002.JPG", seed=2)
    (card / "IMG_0003.JPG").write_bytes(b"PK\x03\x04 not a photo at all")

    call_command("import_folder", str(tmp_path / "DCIM"), user="specialiste", verbosity=1)

    output = capsys.readouterr()
    assert "2 added" in output.out
    assert "1 refused" in output.out
    assert "IMG_0003.JPG" in output.err
    assert Asset.objects.filter(original_name__in=["IMG_0001.JPG", "IMG_0002.JPG"]).count() == 2


def test_a_file_whose_job_lost_its_worker_is_tried_once_more_then_failed(
    batch, personas, tmp_path, ingest_path
):
    path, _ = photo(tmp_path)
    asset = ingest_path(path, batch=batch, actor=personas["specialiste"]).asset
    asset.refresh_from_db()
    assert asset.rendition_attempts == 1
    # The worker died in the middle of the job (a decoder crashed the process).
    started = timezone.now() - datetime.timedelta(hours=2)
    Asset.objects.filter(pk=asset.pk).update(
        rendition_status=Asset.Renditions.PENDING, rendition_started_at=started
    )
    queued = Asset.objects.create(
        file="archive/originals/x.jpg",
        sha256="0" * 64,
        size=1,
        mime_type="image/jpeg",
        kind=Asset.Kind.IMAGE,
        original_name="waiting.jpg",
    )

    assert ingest.recover_stalled_renditions() == (1, 0)
    asset.refresh_from_db()
    assert asset.rendition_status == Asset.Renditions.READY  # the second try succeeded
    assert asset.rendition_attempts == 2

    Asset.objects.filter(pk=asset.pk).update(
        rendition_status=Asset.Renditions.PENDING, rendition_started_at=started
    )
    assert ingest.recover_stalled_renditions() == (0, 1)
    asset.refresh_from_db()
    assert asset.rendition_status == Asset.Renditions.FAILED
    assert asset.rendition_error == "Failas sustabdė keitiklį – peržiūros nepadarytos."
    queued.refresh_from_db()
    assert queued.rendition_status == Asset.Renditions.PENDING  # still waiting its turn


def test_a_folder_import_skips_links_and_never_reads_outside_the_folder(personas, tmp_path, capsys):
    from django.core.management import call_command

    card = tmp_path / "DCIM"
    card.mkdir()
    photo(card, "IMG_0001.JPG", seed=1)
    elsewhere = tmp_path / "kita vieta"
    elsewhere.mkdir()
    secret, _ = photo(elsewhere, "asmeninis.jpg", seed=2)
    photo(elsewhere, "IMG_9999.JPG", seed=3)
    (card / "nuoroda.jpg").symlink_to(secret)
    (card / "aplankas").symlink_to(elsewhere, target_is_directory=True)
    (card / "dingusi.jpg").symlink_to(tmp_path / "nera.jpg")

    call_command("import_folder", str(card), user="specialiste", verbosity=1)

    output = capsys.readouterr()
    assert "1 added" in output.out
    skipped = "Simbolinė nuoroda praleista"
    for name in ("nuoroda.jpg", "aplankas", "dingusi.jpg"):
        assert f"{name}: {skipped}" in output.err
    outside = {hashlib.sha256(path.read_bytes()).hexdigest() for path in elsewhere.iterdir()}
    assert not Asset.objects.filter(sha256__in=outside).exists(), "nothing outside was read"
    assert Asset.objects.filter(original_name="IMG_0001.JPG").exists()


def test_the_batch_page_of_a_folder_import_names_the_skipped_links(personas, tmp_path, client_as):
    card = tmp_path / "DCIM"
    card.mkdir()
    photo(card, "IMG_0001.JPG")
    (card / "nuoroda.jpg").symlink_to("/etc/hostname")

    batch = ingest.ingest_folder(card, actor=personas["specialiste"], label="Kortelė")

    page = client_as("specialiste").get(f"/archyvas/paketai/{batch.pk}/").content.decode()
    assert "nuoroda.jpg" in page
    assert "Simbolinė nuoroda praleista" in page
    assert "1 failas pridėtas" in page


def test_odd_names_on_a_card_are_kept_clean(personas, tmp_path):
    card = tmp_path / "DCIM"
    card.mkdir()
    photo(card, "IMG\u202e_0001\n.JPG", seed=1)
    # A name written in Windows-1257 on another computer: not UTF-8 at all.
    windows_name = os.fsdecode(b"\xd0vent\xeb.jpg")
    photo(card, windows_name, seed=2)

    batch = ingest.ingest_folder(card, actor=personas["specialiste"], label="Kortelė")

    names = set(batch.items.values_list("original_name", flat=True))
    assert names == {"IMG_0001 .JPG", "\ufffdvent\ufffd.jpg"}
    assert list(batch.items.values_list("outcome", "message")) == [("stored", "")] * 2
