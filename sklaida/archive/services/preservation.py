"""Preservation of the originals: the fixity audit that re-hashes every stored original,
and BagIt export of a collection (originals, checksums and Dublin Core metadata)."""

from __future__ import annotations

import datetime
import hashlib
import logging
import shutil
import tempfile
import zipfile
from functools import partial
from pathlib import Path
from xml.etree import ElementTree

import bagit
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files import File
from django.db import transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import override

from sklaida.archive import storage
from sklaida.archive.models import Asset, BagExport, Collection, FixityAudit, archive_storage
from sklaida.archive.selectors.access import may_see_restricted
from sklaida.archive.zipping import safe_name
from sklaida.core import services as core_services
from sklaida.core.formatting import format_number
from sklaida.core.models import Library, User
from sklaida.core.notifications import absolute_url
from sklaida.core.permissions import Capability, Role, require_capability

logger = logging.getLogger(__name__)

MISSING = "missing"
CHANGED = "changed"
UNREADABLE = "unreadable"
# An audit still "running" after this long was left behind by a stopped worker (a big
# archive takes hours to re-read; the next weekly run must not be blocked for ever).
STALE_AUDIT = datetime.timedelta(days=3)
# How many problems the head's task lists; the audit's page lists them all.
PROBLEMS_IN_TASK = 20


# Fixity audit ---------------------------------------------------------------------------


def fixity_audit_running() -> FixityAudit | None:
    """An audit that is still going on (started recently and not finished)."""
    return FixityAudit.objects.filter(
        status=FixityAudit.Status.RUNNING, started_at__gte=timezone.now() - STALE_AUDIT
    ).first()


def start_fixity_audit(*, actor: User) -> FixityAudit:
    """Start an audit now, in the background, unless one is already running."""
    require_capability(actor, Capability.WORK_IN_DEPARTMENT)
    from sklaida.archive import tasks

    with transaction.atomic():
        if fixity_audit_running():
            raise ValidationError(_("A fixity audit is already running."))
        audit = FixityAudit.objects.create()
        transaction.on_commit(partial(tasks.run_fixity_audit.enqueue, audit_id=audit.pk))
    return audit


def _fixity_problem(asset: Asset) -> dict | None:
    """What is wrong with the stored original of `asset`, or None when it is intact."""
    problem = {"asset": asset.pk, "name": asset.original_name, "found": ""}
    try:
        found = storage.stored_sha256(asset.file.name)
    except FileNotFoundError:
        return {**problem, "problem": MISSING}
    except OSError as error:  # e.g. permissions on a folder: the bytes cannot be read
        return {**problem, "problem": UNREADABLE, "found": str(error)[:200]}
    if found != asset.sha256:
        return {**problem, "problem": CHANGED, "found": found}
    return None


def run_scheduled_fixity_audit() -> FixityAudit | None:
    """The weekly audit, unless one (started by hand) is still running."""
    if fixity_audit_running():
        logger.info("Fixity audit skipped: another one is still running")
        return None
    return run_fixity_audit()


def run_fixity_audit(*, audit: FixityAudit | None = None, progress_every: int = 100) -> FixityAudit:
    """Re-hash every stored original and compare it with the checksum taken at ingest.

    The counts and the problems found so far are saved every `progress_every` originals,
    so the audit's page shows progress. When problems are found, each head of department
    gets a task (and its e-mail). An error of the storage itself (unreachable object store)
    ends the audit as failed rather than reporting every original as missing.
    """
    audit = audit or FixityAudit.objects.create()
    assets = Asset.objects.only("pk", "file", "sha256", "original_name").order_by("pk")
    audit.total = assets.count()
    audit.save(update_fields=["total"])
    problems: list[dict] = []
    checked = 0
    try:
        for asset in assets.iterator(chunk_size=500):
            problem = _fixity_problem(asset)
            if problem:
                problems.append(problem)
            checked += 1
            if checked % progress_every == 0:
                FixityAudit.objects.filter(pk=audit.pk).update(checked=checked, problems=problems)
    except Exception as error:
        logger.exception("Fixity audit %s failed", audit.pk)
        audit.status = FixityAudit.Status.FAILED
        audit.error = str(error)[:500]
    else:
        audit.status = FixityAudit.Status.FINISHED
    audit.checked = checked
    audit.problems = problems
    audit.finished_at = timezone.now()
    audit.save(update_fields=["status", "error", "checked", "problems", "finished_at"])
    if problems:
        with transaction.atomic():
            _tell_heads(audit)
    return audit


def _tell_heads(audit: FixityAudit) -> None:
    """A task (with its e-mail) for each head of department: damage needs a decision."""
    heads = User.objects.filter(is_active=True, groups__name=Role.HEAD).distinct()
    page = absolute_url(reverse("archive:fixity_detail", args=[audit.pk]))
    for head in heads:
        with override(head.language or None):
            title = _(
                "The fixity audit of %(date)s found %(count)s damaged or missing originals"
            ) % {
                "date": date_format(timezone.localtime(audit.started_at), "DATE_FORMAT"),
                "count": format_number(len(audit.problems)),
            }
            labels = {
                MISSING: _("missing"),
                CHANGED: _("changed"),
                UNREADABLE: _("unreadable"),
            }
            lines = [
                f"#{problem['asset']} {problem['name']}: {labels[problem['problem']]}"
                for problem in audit.problems[:PROBLEMS_IN_TASK]
            ]
            description = "\n".join(
                [
                    _("Restore these originals from the backup, then run the audit again."),
                    "",
                    *lines,
                    "",
                    _("All problems: %(url)s") % {"url": page},
                ]
            )
        core_services.create_task(
            actor=None,
            title=title[:200],
            owner=head,
            due_date=timezone.localdate(),
            description=description,
        )


# BagIt export ---------------------------------------------------------------------------


class BagError(Exception):
    """An original could not be packed as it was ingested."""


def export_bag(*, collection: Collection, actor: User) -> BagExport:
    """Pack the collection as a BagIt bag in the background; returns the export to watch.

    A bag is for preservation, so it holds every asset of the collection, restricted ones
    included; only those who may see restricted assets may make or download it. While an
    export of the collection is still waiting or packing, that one is returned.
    """
    if not may_see_restricted(actor):
        raise PermissionDenied
    from sklaida.archive import tasks

    with transaction.atomic():
        active = collection.bag_exports.filter(
            status__in=[BagExport.Status.WAITING, BagExport.Status.RUNNING]
        ).first()
        if active:
            return active
        export = BagExport.objects.create(
            collection=collection, created_by=actor, total=collection.items.count()
        )
        transaction.on_commit(partial(tasks.build_bag.enqueue, export_id=export.pk))
    return export


def bag_member_name(asset: Asset) -> str:
    """The original's name inside the bag's `data/` folder."""
    return f"{asset.pk}-{safe_name(asset.original_name)}"


def _copy_original(asset: Asset, target: Path) -> None:
    """Copy the stored original to `target`, checking its bytes against its checksum: a
    damaged original must not enter a preservation package as if it were sound."""
    digest = hashlib.sha256()
    try:
        with target.open("wb") as output:
            for chunk in storage.chunks(asset.file.name):
                digest.update(chunk)
                output.write(chunk)
    except FileNotFoundError as missing:
        raise BagError(
            _("The original of “%(name)s” (#%(id)s) is missing.")
            % {"name": asset.original_name, "id": asset.pk}
        ) from missing
    if digest.hexdigest() != asset.sha256:
        raise BagError(
            _("The original of “%(name)s” (#%(id)s) does not match its checksum.")
            % {"name": asset.original_name, "id": asset.pk}
        )


DC = "http://purl.org/dc/elements/1.1/"
# DCMI Type Vocabulary terms for the kinds of asset.
DCMI_TYPES = {
    Asset.Kind.IMAGE: "StillImage",
    Asset.Kind.VIDEO: "MovingImage",
    Asset.Kind.AUDIO: "Sound",
    Asset.Kind.DOCUMENT: "Text",
}


def dublin_core(collection: Collection, assets: list[Asset]) -> bytes:
    """The assets' descriptions as Dublin Core elements, one `<record>` per original (its
    `file` attribute is its path in the bag), UTF-8 XML."""
    ElementTree.register_namespace("dc", DC)
    root = ElementTree.Element(
        "records",
        {"collection": collection.title, "identifier": f"sklaida:collection:{collection.pk}"},
    )

    def add(record: ElementTree.Element, name: str, value: object) -> None:
        if value not in (None, ""):
            ElementTree.SubElement(record, f"{{{DC}}}{name}").text = str(value)

    for asset in assets:
        record = ElementTree.SubElement(root, "record", {"file": f"data/{bag_member_name(asset)}"})
        add(record, "title", asset.title or asset.original_name)
        add(record, "creator", str(asset.creator) if asset.creator else asset.creator_name)
        add(record, "date", asset.captured_at and timezone.localtime(asset.captured_at).isoformat())
        add(record, "description", asset.description)
        for keyword in sorted(tag.name for tag in asset.keywords.all()):
            add(record, "subject", keyword)
        add(record, "type", DCMI_TYPES.get(asset.kind, ""))
        add(record, "format", asset.mime_type)
        add(record, "identifier", f"urn:sha256:{asset.sha256}")
        add(record, "identifier", f"sklaida:asset:{asset.pk}")
        add(record, "source", asset.original_name)
        add(record, "rights", asset.get_licence_display())
        add(record, "rights", asset.rights_holder)
        add(record, "coverage", asset.place)
        add(record, "relation", asset.event.title if asset.event else "")
    ElementTree.indent(root)
    return ElementTree.tostring(root, encoding="utf-8", xml_declaration=True)


def _zip_folder(folder: Path, target: Path, *, top: str) -> None:
    """ZIP `folder` into the file `target` under the folder name `top`, file by file from
    disk (nothing is held in memory); originals stored as they are, text compressed."""
    with zipfile.ZipFile(target, "w", allowZip64=True) as archive:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                relative = path.relative_to(folder)
                in_payload = relative.parts[0] == "data"
                archive.write(
                    path,
                    f"{top}/{relative.as_posix()}",
                    compress_type=zipfile.ZIP_STORED if in_payload else zipfile.ZIP_DEFLATED,
                )


def _bag_info(collection: Collection, export: BagExport) -> dict[str, str]:
    county = Library.objects.filter(kind=Library.Kind.COUNTY).only("name").first()
    info = {
        "Source-Organization": county.name if county else "Sklaida",
        "External-Identifier": f"sklaida:collection:{collection.pk}",
        "External-Description": collection.title,
        "Bag-Software-Agent": "Sklaida (bagit-python)",
        "Internal-Sender-Identifier": f"sklaida:bag-export:{export.pk}",
    }
    if export.created_by:
        info["Contact-Name"] = export.created_by.get_full_name() or export.created_by.username
    return info


def build_bag(*, export: BagExport) -> BagExport:
    """Pack the export's collection: copy each original into `data/` (checking it), write
    `metadata/dublin_core.xml` as a tag file, make the bag with SHA-256 manifests, ZIP it
    to a temporary file and store that in the archive's storage."""
    collection = export.collection
    # Restricted assets are included on purpose: a preservation package holds everything
    # (only the head may export and download it, see `export_bag`).
    assets = list(
        Asset.objects.filter(collection_items__collection=collection)
        .select_related("event", "creator")
        .prefetch_related("keywords")
        .order_by("collection_items__position", "collection_items__pk")
    )
    export.status = BagExport.Status.RUNNING
    export.total = len(assets)
    export.done = 0
    export.save(update_fields=["status", "total", "done"])
    work = Path(tempfile.mkdtemp(prefix="bag-"))
    try:
        bag_folder = work / f"sklaida-collection-{collection.pk}"
        bag_folder.mkdir()
        for asset in assets:
            _copy_original(asset, bag_folder / bag_member_name(asset))
            BagExport.objects.filter(pk=export.pk).update(done=F("done") + 1)
        # make_bag moves everything in the folder into data/ and writes the manifests.
        bag = bagit.make_bag(
            str(bag_folder), bag_info=_bag_info(collection, export), checksums=["sha256"]
        )
        metadata = bag_folder / "metadata"
        metadata.mkdir()
        (metadata / "dublin_core.xml").write_bytes(dublin_core(collection, assets))
        bag.save()  # the tag manifest now covers metadata/ too
        packed = work / "bag.zip"
        _zip_folder(bag_folder, packed, top=bag_folder.name)
        with packed.open("rb") as handle:
            key = archive_storage().save(
                f"archive/bags/sklaida-collection-{collection.pk}-{export.pk}.zip",
                File(handle),
            )
    except Exception as error:
        logger.exception("BagIt export %s failed", export.pk)
        export.refresh_from_db(fields=["done"])
        export.status = BagExport.Status.FAILED
        export.error = str(error)[:500]
        export.save(update_fields=["status", "error"])
        return export
    finally:
        shutil.rmtree(work, ignore_errors=True)
    export.refresh_from_db(fields=["done"])
    export.file.name = key
    export.status = BagExport.Status.FINISHED
    export.save(update_fields=["file", "status"])
    return export


def bag_download_name(export: BagExport) -> str:
    name = f"{export.collection.title} BagIt {timezone.localtime(export.created_at):%Y-%m-%d}.zip"
    return safe_name(name, strip_folders=False)
