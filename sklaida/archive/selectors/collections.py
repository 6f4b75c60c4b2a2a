"""Reading collections: the staff's lists and pages, share links, and the public galleries."""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser
from django.db.models import (
    Case,
    CharField,
    Count,
    Exists,
    IntegerField,
    JSONField,
    OuterRef,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.utils import timezone

from sklaida.archive.models import Asset, BagExport, Collection, FixityAudit, ShareLink
from sklaida.archive.selectors.access import public_assets, shareable, visible_assets
from sklaida.core.models import User
from sklaida.core.permissions import Capability, has_capability

# How many of the event's assets the collection page offers to add at once.
EVENT_CANDIDATES = 60


def assets_of(collection: Collection | int) -> QuerySet[Asset]:
    """The collection's assets in their order (the order_by reuses the filter's join)."""
    return Asset.objects.filter(collection_items__collection=collection).order_by(
        "collection_items__position", "collection_items__pk"
    )


def _in_collection(outer: str = "pk") -> QuerySet[Asset]:
    return assets_of(OuterRef(outer))


def _count(assets: QuerySet[Asset]) -> Subquery:
    counted = (
        assets.order_by()
        .values("collection_items__collection")
        .annotate(count=Count("pk"))
        .values("count")
    )
    return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))


def collection_list(*, user: User | AnonymousUser) -> QuerySet[Collection]:
    """Collections with the number of assets the user may see and the first of them."""
    if not has_capability(user, Capability.READ_DEPARTMENT):
        return Collection.objects.none()
    visible = visible_assets(user, _in_collection())
    return (
        Collection.objects.select_related("event")
        .annotate(
            asset_count=_count(visible),
            cover_id=Subquery(visible.values("pk")[:1]),
            cover_renditions=Subquery(visible.values("renditions")[:1], output_field=JSONField()),
        )
        .order_by("-created_at", "-pk")
    )


def collection_for(*, user: User | AnonymousUser, pk: int) -> Collection:
    """One collection for its page; raises Collection.DoesNotExist when not visible."""
    if not has_capability(user, Capability.READ_DEPARTMENT):
        raise Collection.DoesNotExist
    return Collection.objects.select_related("event", "created_by").get(pk=pk)


def collection_assets(*, user: User | AnonymousUser, collection: Collection) -> QuerySet[Asset]:
    """The assets of the collection the user may see, in the collection's order."""
    return visible_assets(user, assets_of(collection))


def event_candidates(*, user: User | AnonymousUser, collection: Collection) -> list[Asset]:
    """The event's assets not yet in the collection, best first, for adding by ticking."""
    if not collection.event_id:
        return []
    assets = visible_assets(user, Asset.objects.filter(event_id=collection.event_id)).exclude(
        collection_items__collection=collection
    )
    order = Case(
        When(selection=Asset.Selection.SELECTED, then=0),
        When(selection=Asset.Selection.UNREVIEWED, then=1),
        default=2,
    )
    return list(assets.order_by(order, "-rating", "captured_at", "pk")[:EVENT_CANDIDATES])


def with_share_state(links: QuerySet[ShareLink]) -> QuerySet[ShareLink]:
    """Share links with `state`: "valid", "expired" or "revoked"."""
    return links.annotate(
        state=Case(
            When(revoked_at__isnull=False, then=Value("revoked")),
            When(expires_at__lte=timezone.now(), then=Value("expired")),
            default=Value("valid"),
            output_field=CharField(),
        )
    )


def share_links_of(collection: Collection) -> QuerySet[ShareLink]:
    return with_share_state(collection.share_links.select_related("created_by")).order_by(
        "-created_at", "-pk"
    )


def share_link(*, token: str) -> ShareLink:
    """The link of a token, valid or not; raises ShareLink.DoesNotExist."""
    return ShareLink.objects.select_related("collection").get(token=token)


def shared_assets(link: ShareLink) -> QuerySet[Asset]:
    """What a share link shows: the collection's assets that may leave the department."""
    return shareable(assets_of(link.collection_id))


def latest_bag_export(collection: Collection) -> BagExport | None:
    return collection.bag_exports.order_by("-created_at", "-pk").first()


def fixity_audits() -> QuerySet[FixityAudit]:
    return FixityAudit.objects.order_by("-started_at", "-pk")


def visible_problem_ids(*, user: User | AnonymousUser, audit: FixityAudit) -> set[int]:
    """Which of the audit's damaged assets the user may see by name."""
    ids = [problem["asset"] for problem in audit.problems]
    return set(visible_assets(user, Asset.objects.filter(pk__in=ids)).values_list("pk", flat=True))


# Public galleries -----------------------------------------------------------------------


def public_galleries() -> QuerySet[Collection]:
    """Public collections that show at least one public asset, with that count and the
    first public asset (the cover), newest first."""
    public = public_assets(_in_collection())
    return (
        Collection.objects.filter(is_public=True)
        .filter(Exists(public))
        .annotate(
            public_count=_count(public),
            cover_id=Subquery(public.values("pk")[:1]),
            cover_renditions=Subquery(public.values("renditions")[:1], output_field=JSONField()),
        )
        .order_by("-created_at", "-pk")
    )


def public_gallery(*, pk: int) -> Collection:
    """A gallery for its page; raises Collection.DoesNotExist unless it shows something."""
    return public_galleries().get(pk=pk)


def gallery_assets(collection: Collection) -> QuerySet[Asset]:
    """The public assets of a gallery, in the collection's order, without what the public
    page must not carry (technical metadata, file names)."""
    return public_assets(assets_of(collection)).only(
        "pk", "title", "description", "renditions", "width", "height", "kind", "captured_at"
    )


def public_asset(*, pk: int) -> Asset:
    """An asset the public may see; raises Asset.DoesNotExist for any other."""
    return public_assets(Asset.objects.filter(pk=pk)).only("pk", "renditions").get()
