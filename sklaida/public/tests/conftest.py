"""Fixtures of the public pages' tests."""

from __future__ import annotations

import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def empty_page_cache():
    """Each test renders its own pages: none is served from another test's cache."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def personas(personas):
    """The demo personas on an empty public calendar: each test shows only its own events."""
    from sklaida.events.models import Event, Registration

    Registration.objects.all().delete()
    Event.objects.all().delete()
    return personas


@pytest.fixture
def theme_read(db):
    """The brand kit is read once and then kept in the cache until it changes
    (design/theme.py). A test that counts a page's queries reads it first, so that its
    first page does not pay for the read and the counts compare the pages themselves."""
    from sklaida.design.theme import current_theme

    current_theme()
