"""The design board in a real browser: a card moved by dragging and by the keyboard."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from sklaida.design.models import DesignRequest
from sklaida.design.tests.factories import DesignRequestFactory
from sklaida.testing.browser import assert_accessible


def column(page: Page, status: str):
    return page.locator(f'.design-column[data-status="{status}"]')


@pytest.fixture
def leaflet(personas) -> DesignRequest:
    return DesignRequestFactory(title="Vasaros skaitymų lankstinukas", requester=personas["vadove"])


def test_a_designer_drags_a_card_to_accepted(sign_in, page: Page, leaflet):
    sign_in("specialiste")
    page.goto("/dizainas/")
    card = column(page, "requested").locator(".design-card", has_text=leaflet.title)

    card.drag_to(column(page, "accepted"))

    expect(column(page, "accepted")).to_contain_text(leaflet.title)
    expect(column(page, "requested")).not_to_contain_text(leaflet.title)
    leaflet.refresh_from_db()
    assert leaflet.status == DesignRequest.Status.ACCEPTED


def test_a_move_the_server_refuses_is_explained_in_an_alert(sign_in, page: Page, personas):
    started = DesignRequestFactory(
        title="Parodos stendai",
        status=DesignRequest.Status.IN_PROGRESS,
        designer=personas["specialiste"],
    )
    sign_in("specialiste")
    page.goto("/dizainas/")
    card = column(page, "in_progress").locator(".design-card", has_text=started.title)

    # "Proof" is the next column, but there is no proof to show yet.
    card.drag_to(column(page, "proof"), target_position={"x": 30, "y": 12})

    expect(page.locator("#board-alert")).to_contain_text("Pirmiausia įkelkite maketą")
    expect(column(page, "in_progress")).to_contain_text(started.title)
    started.refresh_from_db()
    assert started.status == DesignRequest.Status.IN_PROGRESS


def test_a_card_moves_with_the_keyboard(sign_in, page: Page, leaflet):
    sign_in("specialiste")
    page.goto("/dizainas/")
    select = page.get_by_label(f"Perkelti „{leaflet.title}“ į")

    select.focus()
    select.select_option("accepted")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")

    expect(page.get_by_role("status").or_(page.locator(".alert-success"))).to_contain_text(
        "Priimta"
    )
    expect(column(page, "accepted")).to_contain_text(leaflet.title)
    assert_accessible(page)
