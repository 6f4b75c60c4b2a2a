"""Describing and reviewing assets: metadata, rights and consent, access, selection; and
removing a damaged file."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from sklaida.archive.models import Asset, IngestItem, archive_storage
from sklaida.core import search
from sklaida.core.models import User
from sklaida.core.permissions import Capability, require_capability
from sklaida.core.services import delete_discussion

# Fields a describing form may change; everything else is read from the file.
DESCRIPTIVE_FIELDS = (
    "title",
    "description",
    "captured_at",
    "creator",
    "creator_name",
    "event",
    "place",
    "rights_holder",
    "licence",
    "access",
    "consent",
    "minors_present",
    "consent_document",
)


def _check_publication(asset: Asset) -> None:
    """Refuse to make public an asset whose people have not agreed."""
    if asset.access == Asset.Access.PUBLIC and asset.publication_blocker:
        raise ValidationError({"access": asset.publication_blocker})


def describe_asset(
    *,
    actor: User,
    asset: Asset,
    changes: dict,
    keywords: list[str] | None = None,
    people: Iterable | None = None,
) -> Asset:
    """Save what staff wrote about an asset. A public asset must have consent."""
    require_capability(actor, Capability.WORK_IN_DEPARTMENT)
    for name, value in changes.items():
        if name not in DESCRIPTIVE_FIELDS:
            raise ValueError(f"{name} is not a descriptive field")
        setattr(asset, name, value)
    _check_publication(asset)
    with transaction.atomic():
        asset.save()
        if keywords is not None:
            asset.keywords.set(keywords, clear=True)
        if people is not None:
            asset.people.set(people)
        search.index(asset)
    return asset


def review_asset(
    *, actor: User, asset: Asset, selection: str | None = None, rating: int | None = None
) -> Asset:
    """The selection step: select, reject or rate (0 clears the rating)."""
    require_capability(actor, Capability.WORK_IN_DEPARTMENT)
    fields = []
    if selection is not None:
        if selection not in Asset.Selection.values:
            raise ValidationError(_("Unknown selection state."))
        asset.selection = selection
        fields.append("selection")
    if rating is not None:
        if not 0 <= rating <= 5:
            raise ValidationError(_("A rating is from 1 to 5 stars."))
        asset.rating = rating
        fields.append("rating")
        if rating and asset.selection == Asset.Selection.UNREVIEWED:
            asset.selection = Asset.Selection.SELECTED  # rating a photo means keeping it
            fields.append("selection")
    if fields:
        asset.save(update_fields=[*fields, "updated_at"])
    return asset


@dataclass
class BulkResult:
    changed: list[Asset] = field(default_factory=list)
    refused: list[tuple[Asset, str]] = field(default_factory=list)


def bulk_describe(
    *,
    actor: User,
    assets: Iterable[Asset],
    changes: dict,
    add_keywords: list[str] | None = None,
    add_people: Iterable | None = None,
) -> BulkResult:
    """Apply the same changes to many assets. One that may not take them (a photo without
    consent cannot become public) is left as it was and named in the result."""
    require_capability(actor, Capability.WORK_IN_DEPARTMENT)
    result = BulkResult()
    add_people = list(add_people or [])
    for asset in assets:
        try:
            with transaction.atomic():
                describe_asset(actor=actor, asset=asset, changes=changes)
                if add_keywords:
                    asset.keywords.add(*add_keywords)
                if add_people:
                    asset.people.add(*add_people)
                if add_keywords or add_people:
                    search.index(asset)
        except ValidationError as refused:
            asset.refresh_from_db()
            result.refused.append((asset, " ".join(refused.messages)))
        else:
            result.changed.append(asset)
    return result


def regenerate_renditions(*, actor: User, assets: Iterable[Asset]) -> int:
    """Make the renditions again from the originals (after a settings change or a failure)."""
    require_capability(actor, Capability.WORK_IN_DEPARTMENT)
    from sklaida.archive import tasks

    count = 0
    for asset in assets:
        Asset.objects.filter(pk=asset.pk).update(
            rendition_status=Asset.Renditions.PENDING,
            rendition_started_at=None,
            rendition_attempts=0,
        )
        transaction.on_commit(lambda pk=asset.pk: tasks.make_renditions.enqueue(asset_id=pk))
        count += 1
    return count


def remove_damaged_assets(*, actor: User, assets: Iterable[Asset]) -> list[Asset]:
    """Remove from the archive the assets whose previews failed (a damaged or incomplete
    file): the row, its original, renditions and consent document, its comments and
    attachments. Any other asset is left as it is; the removed ones are returned.

    Only a file whose previews failed may go this way: the archive keeps its originals,
    and this is for cleaning up what never was a usable file. The batch it came in keeps
    a line saying it was removed; the audit history records who removed it.
    """
    require_capability(actor, Capability.WORK_IN_DEPARTMENT)
    removed = []
    with transaction.atomic():
        damaged = Asset.objects.select_for_update().filter(
            pk__in=[asset.pk for asset in assets], rendition_status=Asset.Renditions.FAILED
        )
        for asset in damaged.order_by("pk"):
            keys = [asset.file.name, *asset.renditions.values()]
            if asset.consent_document:
                keys.append(asset.consent_document.name)
            message = _("Removed from the archive as damaged. %(reason)s") % {
                "reason": asset.rendition_error
            }
            asset.ingest_items.update(
                outcome=IngestItem.Outcome.REMOVED, message=message.strip()[:500]
            )
            delete_discussion(target=asset)
            asset.delete()
            transaction.on_commit(lambda keys=keys: _delete_files(keys))
            removed.append(asset)
    return removed


def _delete_files(keys: list[str]) -> None:
    store = archive_storage()
    for key in keys:
        store.delete(key)
