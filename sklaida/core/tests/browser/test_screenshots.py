"""The pictures of the staff pages in docs/screenshots/, taken from the demo as a phone and a
laptop show them (README links them). `SKLAIDA_SCREENSHOTS=1` writes them there; otherwise
they go to a temporary folder, and the test only checks what they show."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import timezone
from playwright.sync_api import Page, expect

from sklaida.events.models import ActivityPlan, Event

SCREENS = {"375": {"width": 375, "height": 812}, "1366": {"width": 1366, "height": 768}}


def pages_to_show() -> dict[str, tuple[str, str]]:
    """name → (address, the page's main heading)."""
    now = timezone.now()
    event = Event.objects.filter(is_public=True, starts_at__gte=now).order_by("starts_at").first()
    plan = ActivityPlan.objects.get(year=timezone.localdate(now).year)
    return {
        "mano-darbai": ("/", "Mano darbai"),
        "veiklos-planas": (plan.get_absolute_url(), str(plan.year)),
        "kalendorius-menuo": ("/veikla/kalendorius/?view=month", "Kalendorius"),
        "renginys": (event.get_absolute_url(), event.title),
    }


@pytest.fixture
def folder(tmp_path) -> Path:
    if os.environ.get("SKLAIDA_SCREENSHOTS"):
        return Path(settings.BASE_DIR) / "docs" / "screenshots"
    return tmp_path


def test_screenshots_of_the_main_staff_pages_on_a_phone_and_a_laptop(sign_in, folder: Path):
    page: Page = sign_in("vadove")
    for name, (url, heading) in pages_to_show().items():
        for width, size in SCREENS.items():
            page.set_viewport_size(size)
            page.goto(url)
            if heading:
                expect(page.get_by_role("heading", level=1)).to_contain_text(heading)
            path = folder / f"{name}-{width}.png"
            page.screenshot(path=path)
            assert path.stat().st_size > 10_000
