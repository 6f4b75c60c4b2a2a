"""Preservation: the fixity audit finds damaged and missing originals, and a collection
packs into a valid BagIt bag with checksums and Dublin Core metadata."""

from __future__ import annotations

import datetime
import zipfile
import zoneinfo
from pathlib import Path

import bagit
import pytest
from defusedxml import ElementTree
from django.core import mail

from sklaida.archive.models import (
    Asset,
    BagExport,
    Collection,
    CollectionItem,
    FixityAudit,
    archive_storage,
)
from sklaida.archive.services import preservation
from sklaida.archive.tests.stored import stored_asset
from sklaida.core.models import Task
from sklaida.core.scheduling import jobs_due_at, periodic_jobs

DC = "{http://purl.org/dc/elements/1.1/}"
VILNIUS = zoneinfo.ZoneInfo("Europe/Vilnius")


@pytest.fixture
def archive(personas):
    """An archive of three photos of our own (the demo's assets, if any, set aside)."""
    Asset.objects.all().delete()
    return [
        stored_asset(content=b"\xff\xd8 pirma nuotrauka " * 100, name="pirma.jpg"),
        stored_asset(content=b"\xff\xd8 antra nuotrauka " * 100, name="antra.jpg"),
        stored_asset(content=b"\xff\xd8 trecia nuotrauka " * 100, name="trecia.jpg"),
    ]


def stored_path(asset: Asset) -> Path:
    return Path(archive_storage().path(asset.file.name))


def test_a_clean_archive_passes_the_audit(archive):
    audit = preservation.run_fixity_audit()

    assert audit.status == FixityAudit.Status.FINISHED
    assert (audit.total, audit.checked) == (3, 3)
    assert audit.problems == []
    assert audit.finished_at is not None


def test_one_flipped_byte_is_reported_as_exactly_that_original_changed(archive):
    damaged = archive[1]
    path = stored_path(damaged)
    data = bytearray(path.read_bytes())
    data[10] ^= 0x01
    path.write_bytes(bytes(data))

    audit = preservation.run_fixity_audit(progress_every=1)

    assert audit.problems == [
        {
            "asset": damaged.pk,
            "name": "antra.jpg",
            "problem": "changed",
            "found": preservation.storage.sha256_of(path),
        }
    ]
    assert audit.checked == 3


def test_a_deleted_original_is_reported_missing(archive):
    stored_path(archive[0]).unlink()

    audit = preservation.run_fixity_audit()

    assert [(problem["asset"], problem["problem"]) for problem in audit.problems] == [
        (archive[0].pk, "missing")
    ]


def test_the_head_gets_a_task_and_an_email_when_originals_are_damaged(
    archive, personas, django_capture_on_commit_callbacks
):
    stored_path(archive[2]).unlink()

    with django_capture_on_commit_callbacks(execute=True):
        audit = preservation.run_fixity_audit()

    task = Task.objects.get(owner=personas["vadove"], created_by__isnull=True, title__contains="1")
    assert "trecia.jpg" in task.description
    assert f"/archyvas/saugojimas/{audit.pk}/" in task.description
    assert not Task.objects.filter(owner=personas["specialiste"], title=task.title).exists()
    assert any(personas["vadove"].email in message.to for message in mail.outbox)


def test_no_task_is_raised_for_a_clean_audit(archive, personas):
    before = Task.objects.count()

    preservation.run_fixity_audit()

    assert Task.objects.count() == before


def test_the_audit_is_scheduled_weekly_on_sunday_night():
    jobs = {job.name: job for job in periodic_jobs()}
    assert "archive-fixity-audit" in jobs
    monday_night = datetime.datetime(2026, 11, 30, 1, 30, tzinfo=VILNIUS)
    tuesday_night = datetime.datetime(2026, 12, 1, 1, 30, tzinfo=VILNIUS)
    assert "archive-fixity-audit" in [job.name for job in jobs_due_at(monday_night)]
    assert "archive-fixity-audit" not in [job.name for job in jobs_due_at(tuesday_night)]


def test_staff_start_an_audit_and_follow_it_on_its_page(
    archive, client_as, django_capture_on_commit_callbacks
):
    stored_path(archive[0]).unlink()
    client = client_as("specialiste")

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/archyvas/saugojimas/tikrinti/")

    audit = FixityAudit.objects.get()
    assert response["Location"] == f"/archyvas/saugojimas/{audit.pk}/"
    page = client.get(response["Location"]).content.decode()
    assert "Patikrinta originalų: 3 iš 3." in page
    assert "pirma.jpg" in page
    listing = client.get("/archyvas/saugojimas/").content.decode()
    assert f"/archyvas/saugojimas/{audit.pk}/" in listing


def test_a_running_audit_page_polls_for_progress_and_a_second_start_is_refused(archive, client_as):
    running = FixityAudit.objects.create(total=3, checked=1)
    client = client_as("vadove")

    partial = client.get(f"/archyvas/saugojimas/{running.pk}/", headers={"HX-Request": "true"})
    refused = client.post("/archyvas/saugojimas/tikrinti/", follow=True)

    assert 'hx-trigger="every 3s"' in partial.content.decode()
    assert "<html" not in partial.content.decode()
    assert FixityAudit.objects.count() == 1
    assert refused.redirect_chain[-1][0] == "/archyvas/saugojimas/"


def test_problems_of_restricted_assets_show_no_name_to_a_specialist(archive, client_as):
    secret = stored_asset(
        content=b"slapta", name="slaptas-dokumentas.jpg", access=Asset.Access.RESTRICTED
    )
    stored_path(secret).unlink()
    audit = preservation.run_fixity_audit()

    specialist = client_as("specialiste").get(f"/archyvas/saugojimas/{audit.pk}/")
    head = client_as("vadove").get(f"/archyvas/saugojimas/{audit.pk}/")

    assert "slaptas-dokumentas.jpg" not in specialist.content.decode()
    assert f"#{secret.pk}" in specialist.content.decode()
    assert "slaptas-dokumentas.jpg" in head.content.decode()


# BagIt ----------------------------------------------------------------------------------


@pytest.fixture
def collection(archive, personas):
    first, second, third = archive
    first.title = "Šiaulių vasaros šventė"
    first.description = "Vaikų piešinių paroda kieme."
    first.place = "Šiauliai, Žuvininkų g."
    first.rights_holder = "Apskrities biblioteka"
    first.licence = Asset.Licence.CC_BY
    first.captured_at = datetime.datetime(2026, 6, 21, 14, 30, tzinfo=VILNIUS)
    first.save()
    first.keywords.add("vasara", "šventė")
    second.title = "Knygų mugė Žemaitijoje"
    second.save()
    third.title = "Ūkininkų turgus"
    third.access = Asset.Access.RESTRICTED
    third.save()
    collection = Collection.objects.create(title="Vasaros akimirkos", created_by=personas["vadove"])
    for position, asset in enumerate([second, first, third]):
        CollectionItem.objects.create(collection=collection, asset=asset, position=position)
    return collection


def unpacked_bag(export: BagExport, into: Path) -> Path:
    with archive_storage().open(export.file.name, "rb") as packed:
        zipfile.ZipFile(packed).extractall(into)
    (bag_folder,) = into.iterdir()
    return bag_folder


def test_a_collection_packs_into_a_valid_bag_with_every_original(
    collection, archive, personas, tmp_path, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        export = preservation.export_bag(collection=collection, actor=personas["vadove"])

    export.refresh_from_db()
    assert export.status == BagExport.Status.FINISHED, export.error
    assert (export.done, export.total) == (3, 3)
    bag_folder = unpacked_bag(export, tmp_path / "unpacked")
    bag = bagit.Bag(str(bag_folder))
    bag.validate()
    manifest = (bag_folder / "manifest-sha256.txt").read_text()
    for asset in archive:  # the restricted one too: a preservation bag holds everything
        assert f"{asset.sha256}  data/{asset.pk}-{asset.original_name}" in manifest
        assert (bag_folder / "data" / f"{asset.pk}-{asset.original_name}").read_bytes() == (
            stored_path(asset).read_bytes()
        )
    assert bag.info["External-Description"] == "Vasaros akimirkos"
    assert "metadata/dublin_core.xml" in (bag_folder / "tagmanifest-sha256.txt").read_text()


def test_the_bag_describes_each_asset_in_dublin_core(
    collection, archive, personas, tmp_path, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        export = preservation.export_bag(collection=collection, actor=personas["vadove"])
    export.refresh_from_db()
    bag_folder = unpacked_bag(export, tmp_path / "unpacked")

    root = ElementTree.parse(bag_folder / "metadata" / "dublin_core.xml").getroot()
    records = root.findall("record")
    titles = [record.findtext(f"{DC}title") for record in records]
    assert titles == ["Knygų mugė Žemaitijoje", "Šiaulių vasaros šventė", "Ūkininkų turgus"]
    summer = records[1]
    assert summer.get("file") == f"data/{archive[0].pk}-pirma.jpg"
    assert summer.findtext(f"{DC}description") == "Vaikų piešinių paroda kieme."
    assert sorted(element.text for element in summer.findall(f"{DC}subject")) == [
        "vasara",
        "šventė",
    ]
    assert summer.findtext(f"{DC}date").startswith("2026-06-21T14:30")
    assert summer.findtext(f"{DC}type") == "StillImage"
    assert summer.findtext(f"{DC}format") == "image/jpeg"
    assert f"urn:sha256:{archive[0].sha256}" in [
        element.text for element in summer.findall(f"{DC}identifier")
    ]
    assert [element.text for element in summer.findall(f"{DC}rights")] == [
        "CC BY 4.0",
        "Apskrities biblioteka",
    ]
    assert summer.findtext(f"{DC}coverage") == "Šiauliai, Žuvininkų g."


def test_a_damaged_original_fails_the_bag_with_its_name_and_what_to_do(
    collection, archive, personas, client_as, django_capture_on_commit_callbacks
):
    path = stored_path(archive[1])
    path.write_bytes(path.read_bytes() + b"!")

    with django_capture_on_commit_callbacks(execute=True):
        export = preservation.export_bag(collection=collection, actor=personas["vadove"])

    export.refresh_from_db()
    assert export.status == BagExport.Status.FAILED
    assert "antra.jpg" in export.error
    assert not export.file
    polled = client_as("vadove").get(
        f"/archyvas/bagit/{export.pk}/", headers={"HX-Request": "true"}
    )
    text = polled.content.decode()
    assert "Paketo sukurti nepavyko:" in text and "antra.jpg" in text
    assert "Atkurkite sugadintą ar trūkstamą originalą iš atsarginės kopijos" in text
    assert "hx-trigger" not in text, "a failed export is not polled"


def test_only_the_head_may_export_a_bag(collection, personas):
    with pytest.raises(preservation.PermissionDenied):
        preservation.export_bag(collection=collection, actor=personas["specialiste"])


def test_the_head_exports_from_the_collection_page_and_downloads_the_bag(
    collection, client_as, tmp_path, django_capture_on_commit_callbacks
):
    client = client_as("vadove")

    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/archyvas/rinkiniai/{collection.pk}/bagit/")

    export = collection.bag_exports.get()
    page = client.get(f"/archyvas/rinkiniai/{collection.pk}/").content.decode()
    download_url = f"/archyvas/bagit/{export.pk}/atsisiusti/"
    assert download_url in page
    response = client.get(download_url)
    assert response["Content-Disposition"].startswith("attachment;")
    path = tmp_path / "bag.zip"
    path.write_bytes(b"".join(response.streaming_content))
    zipfile.ZipFile(path).extractall(tmp_path / "unpacked")
    bagit.Bag(str(next((tmp_path / "unpacked").iterdir()))).validate()


def test_the_bag_status_partial_polls_while_packing(collection, client_as):
    export = BagExport.objects.create(collection=collection, total=3, done=1)

    partial = client_as("vadove").get(
        f"/archyvas/bagit/{export.pk}/", headers={"HX-Request": "true"}
    )

    text = partial.content.decode()
    assert 'hx-trigger="every 2s"' in text
    assert "1 iš 3" in text


def test_the_weekly_audit_waits_while_one_started_by_hand_still_runs(archive):
    from sklaida.archive import tasks

    running = FixityAudit.objects.create(total=3, checked=1)

    tasks.run_fixity_audit.enqueue()
    assert list(FixityAudit.objects.all()) == [running]

    running.status = FixityAudit.Status.FINISHED
    running.save()
    tasks.run_fixity_audit.enqueue()
    assert FixityAudit.objects.count() == 2
    assert FixityAudit.objects.exclude(pk=running.pk).get().checked == 3
