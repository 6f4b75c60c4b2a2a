"""Which assets a person may see, and which may leave the department."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from sklaida.archive.models import Asset
from sklaida.core.permissions import Capability, has_capability, visible_to


def visible_assets(user, queryset: QuerySet[Asset]) -> QuerySet[Asset]:
    """Department roles see public and internal assets; restricted ones only the head and
    whoever uploaded them."""
    queryset = visible_to(user, queryset)
    if not has_capability(user, Capability.APPROVE):
        queryset = queryset.filter(~Q(access=Asset.Access.RESTRICTED) | Q(uploaded_by=user.pk))
    return queryset


def shareable(queryset: QuerySet[Asset]) -> QuerySet[Asset]:
    """Assets that may be shown outside the department: not restricted, and the people
    shown have agreed (or no one identifiable is shown)."""
    return queryset.exclude(access=Asset.Access.RESTRICTED).filter(
        (Q(consent=Asset.Consent.DOCUMENTED) & ~Q(consent_document=""))
        | Q(consent=Asset.Consent.NOT_NEEDED, minors_present=False)
    )
