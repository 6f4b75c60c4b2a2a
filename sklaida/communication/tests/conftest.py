"""Fixtures of the communication tests."""

from __future__ import annotations

import pytest

from sklaida.communication.models import Subscriber


@pytest.fixture
def only_test_subscribers(personas) -> None:
    """The demo's newsletter readers gone, so an issue reaches only the test's own."""
    Subscriber.objects.all().delete()
