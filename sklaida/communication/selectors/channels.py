"""Reads of the channels registry and campaigns."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, F, OuterRef, Prefetch, Q, QuerySet, Subquery, Sum

from sklaida.communication.models import AudienceSize, Campaign, Channel, ContentItem
from sklaida.core.models import User
from sklaida.core.permissions import visible_to
from sklaida.events.models import Attendance, Event

# Content that is out: counted as published in a campaign's outputs.
PUBLISHED = [ContentItem.Status.PUBLISHED, ContentItem.Status.ARCHIVED]


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


@dataclass(frozen=True)
class CampaignOutputs:
    """What a campaign has produced so far, counted from the records (two queries)."""

    items_published: int
    items_planned: int
    events_held: int
    events_planned: int
    participants_on_site: int
    participants_online: int


def campaign_outputs(campaign: Campaign) -> CampaignOutputs:
    items = campaign.content_items.aggregate(
        published=Count("pk", filter=Q(status__in=PUBLISHED)),
        planned=Count("pk", filter=~Q(status__in=PUBLISHED)),
    )
    done = [Event.Status.HELD, Event.Status.REPORTED]
    events = campaign.events.exclude(status=Event.Status.CANCELLED).aggregate(
        held=Count("pk", filter=Q(status__in=done)),
        planned=Count("pk", filter=~Q(status__in=done)),
    )
    attendance = Attendance.objects.filter(event__in=campaign.events.all()).aggregate(
        # Online as the events statistics count it: live viewers and recording views.
        on_site=Sum("on_site"),
        online=Sum(F("live_viewers") + F("recording_views")),
    )
    return CampaignOutputs(
        items_published=items["published"],
        items_planned=items["planned"],
        events_held=events["held"],
        events_planned=events["planned"],
        participants_on_site=attendance["on_site"] or 0,
        participants_online=attendance["online"] or 0,
    )
