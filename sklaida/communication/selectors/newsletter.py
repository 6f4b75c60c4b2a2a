"""Reads for the newsletter: issues, their content, deliveries and subscriber counts."""

from __future__ import annotations

import datetime

from django.db.models import Count, Q, QuerySet

from sklaida.communication.models import ContentItem, Delivery, NewsletterIssue, Subscriber
from sklaida.events.models import Event


def issue_list() -> QuerySet[NewsletterIssue]:
    return NewsletterIssue.objects.select_related("created_by").order_by("-created_at", "-pk")


def issue(pk: int) -> NewsletterIssue:
    return NewsletterIssue.objects.select_related("created_by").get(pk=pk)


def items_of(issue: NewsletterIssue) -> list[ContentItem]:
    return list(issue.items.order_by("-published_at", "title"))


def upcoming_events(*, days: int, now: datetime.datetime) -> list[Event]:
    """Public announced events that start within `days` from `now`."""
    return list(
        Event.objects.filter(
            is_public=True,
            announced_at__isnull=False,
            status=Event.Status.ANNOUNCED,
            starts_at__gte=now,
            starts_at__lt=now + datetime.timedelta(days=days),
        )
        .select_related("space")
        .order_by("starts_at", "pk")
    )


def deliveries_of(issue: NewsletterIssue) -> QuerySet[Delivery]:
    return issue.deliveries.select_related("subscriber").order_by("pk")


def subscriber_counts() -> dict[str, int]:
    return Subscriber.objects.aggregate(
        **{status.value: Count("pk", filter=Q(status=status.value)) for status in Subscriber.Status}
    )


def subscriber_by_token(token: str) -> Subscriber:
    return Subscriber.objects.get(token=token)
