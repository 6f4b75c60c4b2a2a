"""Background jobs of the archive: thin wrappers that call services."""

from __future__ import annotations

from django_tasks import task


@task()
def make_renditions(*, asset_id: int) -> str:
    """Thumbnails, previews and web sizes (or poster, proxy, waveform) of one asset."""
    from sklaida.archive.services import ingest

    return ingest.make_renditions(asset_id=asset_id).rendition_status
