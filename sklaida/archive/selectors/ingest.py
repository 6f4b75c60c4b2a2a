"""What became of the files of an upload batch, for its page and its htmx refresh."""

from __future__ import annotations

from sklaida.archive.models import Asset, IngestBatch, IngestItem


def is_damaged(item: IngestItem) -> bool:
    """A file that was added but whose previews failed: damaged or incomplete."""
    return (
        item.outcome == IngestItem.Outcome.STORED
        and item.asset.rendition_status == Asset.Renditions.FAILED
    )


def batch_results(batch: IngestBatch, *, damaged_only: bool = False) -> dict:
    """The batch's items (only the damaged ones when asked) and the counts of each result.

    One query whatever the number of files: the counts are taken from the same rows.
    """
    items = list(batch.items.select_related("asset").order_by("pk"))
    stored = [item for item in items if item.outcome == IngestItem.Outcome.STORED]
    outcomes = [item.outcome for item in items]
    counts = {
        "all": len(items),
        "stored": len(stored),
        "duplicate": outcomes.count(IngestItem.Outcome.DUPLICATE),
        "refused": outcomes.count(IngestItem.Outcome.REFUSED),
        "removed": outcomes.count(IngestItem.Outcome.REMOVED),
        "previews_pending": sum(
            1 for item in stored if item.asset.rendition_status == Asset.Renditions.PENDING
        ),
        "previews_failed": sum(1 for item in stored if is_damaged(item)),
    }
    return {
        "batch": batch,
        "items": [item for item in items if is_damaged(item)] if damaged_only else items,
        "counts": counts,
        "damaged_only": damaged_only,
    }
