"""Who may use the URLs of collections, share links, ZIP, BagIt and preservation."""

import datetime
import uuid

from django.core.files.base import ContentFile
from django.utils import timezone

from sklaida.testing.access import DEPARTMENT, DEPARTMENT_WORKERS, EVERYONE, Rule

HEAD = frozenset({"vadove"})


def _asset(**fields):
    from sklaida.archive.models import Asset
    from sklaida.archive.tests.stored import stored_asset

    fields = {"consent": Asset.Consent.NOT_NEEDED, **fields}
    return stored_asset(content=uuid.uuid4().bytes, name="nuotrauka.jpg", **fields)


def _collection(data: dict):
    from sklaida.archive.models import Collection, CollectionItem

    collection = Collection.objects.create(title="Šventės akimirkos", created_by=data["vadove"])
    CollectionItem.objects.create(collection=collection, asset=_asset(), position=0)
    return collection


def _on_collection(data: dict) -> dict:
    return {"pk": _collection(data).pk}


def _share_link(data: dict):
    from sklaida.archive.models import ShareLink

    return ShareLink.objects.create(
        collection=_collection(data),
        expires_at=timezone.now() + datetime.timedelta(days=3),
        created_by=data["vadove"],
    )


def _shared_rendition(data: dict) -> dict:
    link = _share_link(data)
    asset = link.collection.assets.get()
    return {"token": link.token, "asset": asset.pk, "name": "thumb"}


def _bag_export(data: dict, **fields) -> dict:
    from sklaida.archive.models import BagExport

    export = BagExport.objects.create(collection=_collection(data), **fields)
    return {"pk": export.pk}


def _finished_bag(data: dict) -> dict:
    from sklaida.archive.models import BagExport, archive_storage

    key = archive_storage().save("archive/bags/prieigos-testas.zip", ContentFile(b"PK\x05\x06"))
    return _bag_export(data, status=BagExport.Status.FINISHED, file=key)


def _audit(data: dict) -> dict:
    from sklaida.archive.models import FixityAudit

    return {"pk": FixityAudit.objects.create(status=FixityAudit.Status.FINISHED).pk}


COLLECTION_ACCESS: dict[str, Rule] = {
    "archive:collection_list": Rule(DEPARTMENT),
    "archive:collection_create": Rule(DEPARTMENT_WORKERS),
    "archive:collection_detail": Rule(DEPARTMENT, kwargs=_on_collection),
    "archive:collection_edit": Rule(DEPARTMENT_WORKERS, kwargs=_on_collection),
    "archive:collection_add": Rule(
        DEPARTMENT_WORKERS,
        method="POST",
        kwargs=_on_collection,
        data=lambda data: {"assets": [_asset().pk]},
    ),
    "archive:collection_remove": Rule(DEPARTMENT_WORKERS, method="POST", kwargs=_on_collection),
    "archive:collection_move": Rule(DEPARTMENT_WORKERS, method="POST", kwargs=_on_collection),
    "archive:collection_zip": Rule(DEPARTMENT, kwargs=_on_collection),
    "archive:assets_zip": Rule(DEPARTMENT, query="assets=1,2"),
    "archive:bag_export_create": Rule(HEAD, method="POST", kwargs=_on_collection),
    "archive:bag_export_status": Rule(HEAD, kwargs=_bag_export),
    "archive:bag_export_download": Rule(HEAD, kwargs=_finished_bag),
    "archive:share_link_create": Rule(
        DEPARTMENT_WORKERS,
        method="POST",
        kwargs=_on_collection,
        data=lambda data: {"note": "Laikraštis", "expires_on": "2099-01-31"},
    ),
    "archive:share_link_revoke": Rule(
        DEPARTMENT_WORKERS, method="POST", kwargs=lambda data: {"pk": _share_link(data).pk}
    ),
    "archive:shared_collection": Rule(
        EVERYONE, kwargs=lambda data: {"token": _share_link(data).token}
    ),
    "archive:shared_zip": Rule(EVERYONE, kwargs=lambda data: {"token": _share_link(data).token}),
    "archive:shared_rendition": Rule(EVERYONE, kwargs=_shared_rendition),
    "archive:fixity_list": Rule(DEPARTMENT),
    "archive:fixity_start": Rule(DEPARTMENT_WORKERS, method="POST"),
    "archive:fixity_detail": Rule(DEPARTMENT, kwargs=_audit),
}
