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
