"""Which assets a person, a share link's visitor or the public may see: the one place of
these rules, so every list, ZIP, share page and gallery applies the same ones."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.contrib.auth.models import AnonymousUser
from django.db.models import Q, QuerySet

from sklaida.archive.models import Asset
from sklaida.core.permissions import Capability, has_capability

if TYPE_CHECKING:
    from sklaida.core.models import User


def may_see_restricted(user: User | AnonymousUser) -> bool:
    """Restricted assets (sensitive people, unsettled rights) are for the head only."""
    return has_capability(user, Capability.APPROVE)


def visible_assets(user: User | AnonymousUser, queryset: QuerySet[Asset]) -> QuerySet[Asset]:
    """The assets of `queryset` the user may see: the department sees internal and public
    ones, and restricted ones only with `may_see_restricted`; nobody else sees any."""
    if not has_capability(user, Capability.READ_DEPARTMENT):
        return queryset.none()
    if may_see_restricted(user):
        return queryset
    return queryset.exclude(access=Asset.Access.RESTRICTED)


def may_see_asset(user: User | AnonymousUser, asset: Asset) -> bool:
    """`visible_assets` for one asset already loaded (no query)."""
    if not has_capability(user, Capability.READ_DEPARTMENT):
        return False
    return asset.access != Asset.Access.RESTRICTED or may_see_restricted(user)


# The database form of `Asset.publication_blocker` being empty: consent documented with
# the signed document, or not needed; minors only with documented consent.
PUBLISHABLE = Q(consent=Asset.Consent.DOCUMENTED, consent_document__gt="") | Q(
    consent=Asset.Consent.NOT_NEEDED, minors_present=False
)


def shareable(queryset: QuerySet[Asset]) -> QuerySet[Asset]:
    """Assets that may leave the department through a share link: not restricted, and
    the people shown agreed to publication (`Asset.may_be_public`)."""
    return queryset.exclude(access=Asset.Access.RESTRICTED).filter(PUBLISHABLE)


def public_assets(queryset: QuerySet[Asset]) -> QuerySet[Asset]:
    """Assets anyone may see in a public gallery: access "public". The database already
    refuses a public asset without consent; the consent filter is checked again anyway,
    so a half-documented consent (no signed document) never reaches the public."""
    return shareable(queryset.filter(access=Asset.Access.PUBLIC))
