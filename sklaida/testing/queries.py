"""Counting the database queries a page makes (pages must not grow with their rows)."""

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext


def queries_to_render(client: Client, url: str, params: dict | None = None) -> int:
    """How many queries one GET of `url` makes; fails unless the page renders (200)."""
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, params or {})
    assert response.status_code == 200, response.status_code
    return len(captured)
