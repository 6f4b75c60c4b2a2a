"""Every change to collections: create and edit, add, remove and order assets, share links."""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from sklaida.archive.models import Asset, Collection, CollectionItem, ShareLink
from sklaida.archive.selectors.access import visible_assets
from sklaida.core.models import User
from sklaida.core.permissions import Capability, require_capability
from sklaida.events.models import Event

SHARE_LINK_DAYS = 30


def create_collection(
    *,
    actor: User,
    title: str,
    description: str = "",
    event: Event | None = None,
    is_public: bool = False,
) -> Collection:
    require_capability(actor, Capability.WORK_IN_DEPARTMENT)
    collection = Collection(
        title=title, description=description, event=event, is_public=is_public, created_by=actor
    )
    collection.full_clean()
    collection.save()
    return collection


def update_collection(
    *,
    actor: User,
    collection: Collection,
    title: str,
    description: str = "",
    event: Event | None = None,
    is_public: bool = False,
) -> Collection:
    require_capability(actor, Capability.WORK_IN_DEPARTMENT)
    collection.title = title
    collection.description = description
    collection.event = event
    collection.is_public = is_public
    collection.full_clean()
    collection.save()
    return collection


def add_to_collection(*, actor: User, collection: Collection, assets: Iterable[Asset]) -> int:
    """Append the assets the actor may see to the end of the collection, in the given
    order; those already in it stay where they are. Returns how many were added."""
    require_capability(actor, Capability.WORK_IN_DEPARTMENT)
    wanted = [asset.pk for asset in assets]
    allowed = set(
        visible_assets(actor, Asset.objects.filter(pk__in=wanted)).values_list("pk", flat=True)
    )
    with transaction.atomic():
        # Lock the collection so two people adding at once get distinct positions.
        Collection.objects.select_for_update().filter(pk=collection.pk).first()
        present = set(collection.items.values_list("asset_id", flat=True))
        last = collection.items.aggregate(last=Max("position"))["last"]
        position = -1 if last is None else last
        new_items = []
        for pk in dict.fromkeys(wanted):  # each once, first occurrence's order
            if pk in allowed and pk not in present:
                position += 1
                new_items.append(
                    CollectionItem(collection=collection, asset_id=pk, position=position)
                )
        CollectionItem.objects.bulk_create(new_items)
    return len(new_items)


def remove_from_collection(*, actor: User, collection: Collection, assets: Iterable[Asset]) -> int:
    """Take the assets out of the collection (the assets themselves stay in the archive)."""
    require_capability(actor, Capability.WORK_IN_DEPARTMENT)
    deleted, _by_model = collection.items.filter(asset__in=[asset.pk for asset in assets]).delete()
    return deleted


def move_in_collection(*, actor: User, collection: Collection, asset: Asset, offset: int) -> None:
    """Move an asset `offset` places later (negative: earlier), within the collection."""
    require_capability(actor, Capability.WORK_IN_DEPARTMENT)
    with transaction.atomic():
        items = list(collection.items.select_for_update().order_by("position", "pk"))
        index = next((i for i, item in enumerate(items) if item.asset_id == asset.pk), None)
        if index is None:
            raise ValidationError(_("The asset is not in this collection."))
        item = items.pop(index)
        items.insert(max(0, min(len(items), index + offset)), item)
        changed = []
        for position, each in enumerate(items):
            if each.position != position:
                each.position = position
                changed.append(each)
        CollectionItem.objects.bulk_update(changed, ["position"])


def create_share_link(
    *,
    actor: User,
    collection: Collection,
    note: str = "",
    expires_on: datetime.date | None = None,
) -> ShareLink:
    """A secret link to the collection's shareable assets, valid to the end of `expires_on`
    (default: in 30 days)."""
    require_capability(actor, Capability.WORK_IN_DEPARTMENT)
    today = timezone.localdate()
    expires_on = expires_on or today + datetime.timedelta(days=SHARE_LINK_DAYS)
    if expires_on < today:
        raise ValidationError({"expires_on": _("The link must be valid until today or later.")})
    # Valid through the whole last day, in the Library's time zone.
    end_of_day = datetime.datetime.combine(expires_on, datetime.time.max)
    link = ShareLink(
        collection=collection,
        note=note,
        expires_at=timezone.make_aware(end_of_day),
        created_by=actor,
    )
    link.full_clean()
    link.save()
    return link


def revoke_share_link(*, actor: User, link: ShareLink) -> ShareLink:
    """The link stops working at once; revoking it again changes nothing."""
    require_capability(actor, Capability.WORK_IN_DEPARTMENT)
    if link.revoked_at is None:
        link.revoked_at = timezone.now()
        link.save(update_fields=["revoked_at"])
    return link
