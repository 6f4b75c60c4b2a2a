"""Background jobs of the archive: thin wrappers that call its services."""

from __future__ import annotations

from django_tasks import task

from sklaida.archive.models import BagExport, FixityAudit


@task()
def run_fixity_audit(*, audit_id: int | None = None) -> int:
    """Re-hash every original (weekly, or when started by hand); returns the problems found."""
    # Imported here: the services import this module to enqueue.
    from sklaida.archive.services import preservation

    if audit_id is None:
        audit = preservation.run_scheduled_fixity_audit()
    else:
        audit = preservation.run_fixity_audit(audit=FixityAudit.objects.get(pk=audit_id))
    return len(audit.problems) if audit else 0


@task()
def build_bag(*, export_id: int) -> str:
    """Pack a collection as a BagIt bag; returns the export's status."""
    from sklaida.archive.services import preservation

    return preservation.build_bag(export=BagExport.objects.get(pk=export_id)).status


@task()
def make_renditions(*, asset_id: int) -> str:
    """Thumbnails, previews and web sizes (or poster, proxy, waveform) of one asset."""
    from sklaida.archive.services import ingest

    return ingest.make_renditions(asset_id=asset_id).rendition_status


@task()
def discard_abandoned_uploads() -> int:
    """Resumable uploads left unfinished for a week: their staging files are deleted."""
    from sklaida.archive.services import uploads

    return uploads.discard_abandoned_uploads()


@task()
def recover_stalled_renditions() -> int:
    """Hourly: renditions jobs whose worker died are tried once more, then marked failed."""
    from sklaida.archive.services import ingest

    again, failed = ingest.recover_stalled_renditions()
    return again + failed
