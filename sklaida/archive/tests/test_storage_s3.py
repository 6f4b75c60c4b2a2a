"""The archive on S3-compatible object storage: a local S3 server (moto) in this process
stands in for the object store; nothing leaves the machine and no AWS account is used."""

from __future__ import annotations

import hashlib
import io
import os
import tracemalloc
import uuid
import zipfile

import boto3
import pytest
from botocore.config import Config
from moto.server import ThreadedMotoServer

from sklaida.archive import storage
from sklaida.archive.models import Asset, FixityAudit, archive_storage
from sklaida.archive.services import preservation
from sklaida.archive.tests.stored import stored_asset
from sklaida.archive.zipping import zip_response
from sklaida.testing.smtp import free_port

KEYS = {"aws_access_key_id": "sklaida-test", "aws_secret_access_key": "sklaida-test-secret"}


@pytest.fixture(scope="module")
def s3_endpoint():
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    yield f"http://{host}:{port}"
    server.stop()


@pytest.fixture
def bucket(s3_endpoint, settings, monkeypatch, tmp_path):
    """A fresh bucket that STORAGES["archive"] points at for this test."""
    # Whatever the machine has configured, boto must use only what the test gives it.
    for name in ("AWS_PROFILE", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("AWS_CONFIG_FILE", str(tmp_path / "no-aws-config"))
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", str(tmp_path / "no-aws-credentials"))
    monkeypatch.setenv("AWS_EC2_METADATA_DISABLED", "true")
    name = f"sklaida-{uuid.uuid4().hex[:12]}"
    client = boto3.client("s3", endpoint_url=s3_endpoint, region_name="us-east-1", **KEYS)
    client.create_bucket(Bucket=name)
    # A new STORAGES value makes Django drop the storages it built (setting_changed).
    settings.STORAGES = {
        **settings.STORAGES,
        "archive": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                "bucket_name": name,
                "endpoint_url": s3_endpoint,
                "access_key": KEYS["aws_access_key_id"],
                "secret_key": KEYS["aws_secret_access_key"],
                "region_name": "us-east-1",
                "default_acl": None,
                "file_overwrite": True,
            },
        },
    }
    assert type(archive_storage()).__name__ == "S3Storage"
    client.bucket_name = name
    return client


def object_bytes(bucket, key: str) -> bytes:
    return bucket.get_object(Bucket=bucket.bucket_name, Key=key)["Body"].read()


def test_put_stores_the_exact_bytes_as_an_object(bucket, tmp_path):
    content = "Žemaitijos kraštovaizdis ".encode() * 5000
    source = tmp_path / "kraštovaizdis.jpg"
    source.write_bytes(content)
    sha256 = hashlib.sha256(content).hexdigest()
    key = storage.original_key(sha256, ".jpg")

    assert storage.put(key, source) == key
    storage.put(key, source)  # the same content again: still one object under the same key

    assert object_bytes(bucket, key) == content
    listed = bucket.list_objects_v2(Bucket=bucket.bucket_name)["Contents"]
    assert [entry["Key"] for entry in listed] == [key]
    assert storage.stored_sha256(key) == sha256
    assert b"".join(storage.chunks(key)) == content


def test_the_fixity_audit_finds_changed_and_deleted_objects(bucket, personas):
    Asset.objects.all().delete()
    intact = stored_asset(content=b"sveika nuotrauka" * 100, name="sveika.jpg")
    changed = stored_asset(content=b"pakeista nuotrauka" * 100, name="pakeista.jpg")
    deleted = stored_asset(content="ištrinta nuotrauka".encode() * 100, name="ištrinta.jpg")
    assert object_bytes(bucket, intact.file.name) == b"sveika nuotrauka" * 100

    bucket.put_object(Bucket=bucket.bucket_name, Key=changed.file.name, Body=b"kita")
    bucket.delete_object(Bucket=bucket.bucket_name, Key=deleted.file.name)
    audit = preservation.run_fixity_audit()

    assert audit.status == "finished", audit.error
    assert audit.checked == 3
    assert sorted((problem["asset"], problem["problem"]) for problem in audit.problems) == sorted(
        [(changed.pk, "changed"), (deleted.pk, "missing")]
    )
    found = next(problem["found"] for problem in audit.problems if problem["asset"] == changed.pk)
    assert found == hashlib.sha256(b"kita").hexdigest()


def test_a_zip_streams_from_the_object_store(bucket, personas):
    assets = [
        stored_asset(content=f"objektas {n} ".encode() * 30000, name=f"objektas-{n}.jpg")
        for n in range(3)
    ]

    response = zip_response(assets, filename="iš S3.zip")

    assert response.streaming
    archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    assert archive.namelist() == [
        "0001-objektas-0.jpg",
        "0002-objektas-1.jpg",
        "0003-objektas-2.jpg",
    ]
    for number, asset in enumerate(assets, start=1):
        assert archive.read(f"{number:04d}-{asset.original_name}") == object_bytes(
            bucket, asset.file.name
        )


def test_a_bag_is_packed_from_and_stored_in_the_object_store(
    bucket, personas, django_capture_on_commit_callbacks
):
    from sklaida.archive.models import Collection, CollectionItem

    asset = stored_asset(content=b"bag from s3 " * 1000, name="maišas.jpg", title="Maišas")
    collection = Collection.objects.create(title="Iš debesies")
    CollectionItem.objects.create(collection=collection, asset=asset)

    with django_capture_on_commit_callbacks(execute=True):
        export = preservation.export_bag(collection=collection, actor=personas["vadove"])

    export.refresh_from_db()
    assert export.status == "finished", export.error
    packed = zipfile.ZipFile(io.BytesIO(object_bytes(bucket, export.file.name)))
    assert f"sklaida-collection-{collection.pk}/data/{asset.pk}-maišas.jpg" in packed.namelist()


def test_reading_a_large_object_holds_little_in_memory(bucket, tmp_path):
    source = tmp_path / "video.mp4"
    source.write_bytes(os.urandom(30 * 1024 * 1024))
    storage.put("archive/originals/video.mp4", source)

    tracemalloc.start()
    try:
        read = sum(len(chunk) for chunk in storage.chunks("archive/originals/video.mp4"))
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()

    assert read == 30 * 1024 * 1024
    # The moto server runs in this process and holds one copy of the object while it
    # answers; reading the whole object into memory on our side would double that.
    assert peak < 1.5 * 30 * 1024 * 1024, f"peak {peak / 1024 / 1024:.0f} MB"


def test_an_object_store_that_does_not_answer_fails_the_audit_and_its_page_says_what_to_do(
    bucket, personas, settings, client_as, django_capture_on_commit_callbacks
):
    Asset.objects.all().delete()
    stored_asset(content=b"nuotrauka" * 100, name="nuotrauka.jpg")
    # The same archive, but its object store has gone away: nothing listens there now.
    options = settings.STORAGES["archive"]["OPTIONS"]
    settings.STORAGES = {
        **settings.STORAGES,
        "archive": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                **options,
                "endpoint_url": f"http://127.0.0.1:{free_port()}",
                "client_config": Config(connect_timeout=1, retries={"max_attempts": 1}),
            },
        },
    }
    client = client_as("specialiste")

    with django_capture_on_commit_callbacks(execute=True):
        client.post("/archyvas/saugojimas/tikrinti/")

    audit = FixityAudit.objects.latest("pk")
    assert audit.status == FixityAudit.Status.FAILED
    assert audit.problems == [], "an unreachable store is not every original missing"
    polled = client.get(f"/archyvas/saugojimas/{audit.pk}/", headers={"HX-Request": "true"})
    text = polled.content.decode()
    assert "Patikra nutrūko:" in text and "127.0.0.1" in text
    assert "Patikrinkite, ar archyvo saugykla pasiekiama" in text
    assert "hx-trigger" not in text, "a failed audit is not polled"
