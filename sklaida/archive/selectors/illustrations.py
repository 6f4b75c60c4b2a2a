"""Reading the pictures of public pages: whether an illustration may be shown to the
public now, its credit line, and the photos staff may choose from.

An illustration is checked again each time a page shows it, not only when chosen: an
asset made internal later, or whose consent was withdrawn, disappears from the public
pages at once, and the page shows no picture rather than a broken one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import Case, IntegerField, Prefetch, QuerySet, Value, When
from django.utils.translation import gettext as _

from sklaida.archive.models import Asset, Illustration
from sklaida.archive.renditions_serving import display_rendition
from sklaida.archive.selectors.access import public_assets, visible_assets

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from sklaida.core.models import User

# What each place a picture appears in takes, best first: a card needs a small picture,
# a page a larger one; never the original.
RENDITIONS_FOR = {"card": ("thumb", "preview", "web"), "page": ("preview", "web", "thumb")}
RENDITION_SIDES = {"thumb": 320, "preview": 1024, "web": 2048}
# How many of an event's photos the choosing form offers as thumbnails.
CANDIDATES = 24
# What the public pages read of the illustration's asset.
RELATED = ("asset", "asset__creator")


def illustration_prefetch() -> Prefetch:
    """For a list of events or content items: each one's illustration with its asset and
    creator, in one query whatever the number of rows."""
    return Prefetch("illustration", queryset=Illustration.objects.select_related(*RELATED))


def shown_publicly(asset: Asset) -> bool:
    """Whether the public may see the asset now (`access.public_assets` for one loaded
    asset, no query): public, consented, a photo with a rendition to show."""
    return (
        asset.access == Asset.Access.PUBLIC
        and asset.may_be_public
        and asset.kind == Asset.Kind.IMAGE
        and bool(display_rendition(asset))
    )


def rendition_for(asset: Asset, place: str) -> str:
    """The name of the rendition to show in `place` ("card" or "page"), or ""."""
    renditions = asset.renditions or {}
    return next((name for name in RENDITIONS_FOR[place] if name in renditions), "")


def rendition_size(asset: Asset, name: str) -> tuple[int, int] | None:
    """The rendition's width and height (the original's shrunk to the rendition's side),
    for the <img> to keep its room while it loads; None when the original's is unknown."""
    if not (asset.width and asset.height) or name not in RENDITION_SIDES:
        return None
    scale = min(1.0, RENDITION_SIDES[name] / max(asset.width, asset.height))
    return max(1, round(asset.width * scale)), max(1, round(asset.height * scale))


def public_illustration(obj) -> Illustration | None:
    """The illustration of an event or content item the public may see, or None. Reads
    only what `illustration_prefetch` or a select_related of RELATED loaded."""
    try:
        illustration = obj.illustration
    except Illustration.DoesNotExist:
        return None
    if illustration is None or not shown_publicly(illustration.asset):
        return None
    return illustration


def creator_name(asset: Asset) -> str:
    """Who took the photo: the archive's person, else the name the file gave."""
    person = asset.creator
    if person is not None and not person.anonymised_at:
        return str(person)
    return asset.creator_name.strip()


def credit_line(asset: Asset) -> str:
    """ "Nuotr. Jonas Jonaitis, © Kauno apskrities viešoji biblioteka, CC BY 4.0": whatever
    of the author, the rights holder and an open licence is known."""
    parts = []
    creator = creator_name(asset)
    if creator:
        parts.append(_("Photo: %(name)s") % {"name": creator})
    if asset.rights_holder.strip():
        parts.append(f"© {asset.rights_holder.strip()}")
    if asset.licence not in (Asset.Licence.ALL_RIGHTS_RESERVED, Asset.Licence.INTERNAL_USE):
        parts.append(str(asset.get_licence_display()))
    return ", ".join(parts)


def illustration_of(obj) -> Illustration | None:
    """The staff's view: the object's illustration, public or not (one query)."""
    field = "event" if obj._meta.label_lower == "events.event" else "content_item"
    return Illustration.objects.select_related(*RELATED).filter(**{field: obj}).first()


def candidates(*, user: User | AnonymousUser, events: QuerySet | list) -> list[Asset]:
    """The public photos of these events staff may choose from, selected and best rated
    first."""
    assets = visible_assets(user, public_assets(Asset.objects.filter(event__in=events)))
    assets = assets.filter(kind=Asset.Kind.IMAGE, rendition_status=Asset.Renditions.READY)
    picked_first = Case(
        When(selection=Asset.Selection.SELECTED, then=Value(0)),
        When(selection=Asset.Selection.UNREVIEWED, then=Value(1)),
        default=Value(2),
        output_field=IntegerField(),
    )
    return list(assets.order_by(picked_first, "-rating", "captured_at", "pk")[:CANDIDATES])
