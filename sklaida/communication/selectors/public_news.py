"""The public's reads of communication: which content items the website shows as news.

News, articles and press releases are the texts written for anyone to read on the
Library's website (a press release is public by nature: journalists and readers alike
may find it there). Social posts, newsletter issues, informational texts and campaign
material live on their own channels and are not listed as news.
"""

from __future__ import annotations

import datetime

from django.db.models import QuerySet

from sklaida.communication.models import ContentItem

PUBLIC_KINDS = (
    ContentItem.Kind.NEWS,
    ContentItem.Kind.ARTICLE,
    ContentItem.Kind.PRESS_RELEASE,
)
# How many items a feed carries.
FEED_LIMIT = 20


LIST_FIELDS = ("kind", "title", "slug", "summary", "published_at", "updated_at")


def _public(now: datetime.datetime) -> QuerySet[ContentItem]:
    return ContentItem.objects.filter(
        kind__in=PUBLIC_KINDS,
        status=ContentItem.Status.PUBLISHED,
        published_at__isnull=False,
        published_at__lte=now,
    )


def published_news(*, now: datetime.datetime) -> QuerySet[ContentItem]:
    """Published news, newest first; an item published for later stays hidden until then."""
    return _public(now).only(*LIST_FIELDS).order_by("-published_at", "-pk")


def news_item(*, slug: str, now: datetime.datetime) -> ContentItem:
    """One published news item with its text; ContentItem.DoesNotExist otherwise."""
    return _public(now).only(*LIST_FIELDS, "body").get(slug=slug)


def feed_news(*, now: datetime.datetime) -> list[ContentItem]:
    """The FEED_LIMIT newest published items, with their text (a feed carries it)."""
    return list(
        _public(now).only(*LIST_FIELDS, "body").order_by("-published_at", "-pk")[:FEED_LIMIT]
    )
