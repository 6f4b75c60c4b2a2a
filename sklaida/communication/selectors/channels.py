"""Reads of the channels registry and campaigns."""

from __future__ import annotations

from django.db.models import Count, OuterRef, Prefetch, QuerySet, Subquery

from sklaida.communication.models import AudienceSize, Campaign, Channel, ContentItem
from sklaida.core.models import User
from sklaida.core.permissions import visible_to


def channel_list(*, user: User) -> QuerySet[Channel]:
    latest = AudienceSize.objects.filter(channel=OuterRef("pk")).order_by("-measured_on")
    return (
        visible_to(user, Channel.objects.all())
        .select_related("owner")
        .annotate(
            latest_size=Subquery(latest.values("size")[:1]),
            latest_measured_on=Subquery(latest.values("measured_on")[:1]),
        )
        .order_by("kind", "name")
    )


def channel_for(*, user: User, pk: int) -> Channel:
    return (
        visible_to(user, Channel.objects.all())
        .select_related("owner")
        .prefetch_related("administrators", "audience", "campaigns")
        .get(pk=pk)
    )


def campaign_list(*, user: User) -> QuerySet[Campaign]:
    return (
        visible_to(user, Campaign.objects.all())
        .select_related("owner")
        .annotate(item_count=Count("content_items", distinct=True))
        .order_by("-starts_on", "pk")
    )


def campaign_for(*, user: User, pk: int) -> Campaign:
    return (
        visible_to(user, Campaign.objects.all())
        .select_related("owner")
        .prefetch_related(
            "channels",
            "targets",
            "events",
            Prefetch(
                "content_items",
                queryset=ContentItem.objects.select_related("author").order_by("-created_at"),
            ),
        )
        .get(pk=pk)
    )
