"""Helpers of the news, feed and widget tests: published news on an empty news list."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from sklaida.communication.models import ContentItem, PressMailing
from sklaida.communication.tests.factories import ContentItemFactory


@pytest.fixture
def no_news(personas):
    """The demo personas without the demo's content: each test shows only its own news."""
    PressMailing.objects.all().delete()  # they protect the press releases they sent
    ContentItem.objects.all().delete()
    return personas


def published(*, days_ago: float = 1, **fields) -> ContentItem:
    fields.setdefault("status", ContentItem.Status.PUBLISHED)
    return ContentItemFactory(
        published_at=timezone.now() - datetime.timedelta(days=days_ago), **fields
    )
