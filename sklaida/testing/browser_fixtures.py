"""Fixtures of the browser tests: Debian's Chromium, a live server, signed-in personas.

Every app's `tests/browser/conftest.py` takes them with a star import.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from sklaida.core.demo import DEMO_PASSWORD
from sklaida.core.models import User

CHROMIUM = "/usr/bin/chromium"
# Long enough for a slow CI machine, short enough that a wrong selector fails quickly.
TIMEOUT_MS = 10_000


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every test in this folder is a browser test, and the browser tests run last.

    Once Playwright has started, its asyncio loop stays registered as running in pytest's
    thread until the session ends; a later test using asyncio or `async_to_sync` would
    find it there and fail.
    """
    browser_tests = [
        item for item in items if item.path.parent.name == "browser" and "tests" in item.path.parts
    ]
    for item in browser_tests:
        item.add_marker(pytest.mark.browser)
    in_browser = set(browser_tests)
    items[:] = [item for item in items if item not in in_browser] + browser_tests


@pytest.fixture(scope="session", autouse=True)
def django_allows_playwright_loop() -> Iterator[None]:
    """Let Django touch the database while Playwright's event loop is set in this thread.

    Playwright's sync API keeps an asyncio loop registered as running in the main thread
    from its start to the end of the session, and Django refuses database access from
    what looks like async code; there is no async code here, only that loop.
    """
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    yield
    if previous is None:
        del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]
    else:
        os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    """Debian's Chromium, headless, quiet: no browser is ever downloaded."""
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "headless": True,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-background-networking",
        ],
    }


@pytest.fixture(scope="session")
def base_url(live_server) -> str:
    """Pages open on the live server: `page.goto("/prisijungti/")`.

    (This also replaces pytest-playwright's own `base_url`, which pytest 9 warns about.)
    """
    return live_server.url


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args: dict[str, Any]) -> dict[str, Any]:
    """A browser set up as our users' are: Lithuanian, in Vilnius.

    Reduced motion switches off Bootstrap's colour transitions, so axe never measures the
    contrast of a button halfway between two colours.
    """
    return {
        **browser_context_args,
        "locale": "lt-LT",
        "timezone_id": "Europe/Vilnius",
        "reduced_motion": "reduce",
    }


@pytest.fixture
def personas(transactional_db, personas: dict[str, User]) -> dict[str, User]:
    """The demo data and personas, committed, so that the live server sees them."""
    return personas


@pytest.fixture(autouse=True)
def site_url_of_the_live_server(settings, base_url) -> None:
    """Absolute addresses Sklaida writes (the kit's logo in a newsletter shown on a staff
    page, links in e-mails) point at the server the browser talks to, as in production."""
    settings.SITE_URL = base_url


@pytest.fixture(autouse=True)
def quick_hands(settings) -> None:
    """A browser fills the public forms faster than the robot check allows a person to."""
    settings.PUBLIC_FORM_MIN_SECONDS = 0


@pytest.fixture
def page(page: Page) -> Iterator[Page]:
    """A fresh tab that waits at most TIMEOUT_MS for what a test expects, and fails the test
    if anything on its pages broke the Content-Security-Policy (an inline script or handler,
    a style element, a resource from elsewhere): Chromium reports each refusal as a console
    error."""
    page.set_default_timeout(TIMEOUT_MS)
    expect.set_options(timeout=TIMEOUT_MS)
    refused: list[str] = []
    page.on(
        "console",
        lambda message: (
            refused.append(message.text)
            if message.type == "error" and "Content Security Policy" in message.text
            else None
        ),
    )
    yield page
    assert not refused, "The page broke its Content-Security-Policy:\n" + "\n".join(refused)


@pytest.fixture
def sign_in(page: Page, personas) -> Callable[[str], Page]:
    """`sign_in("specialiste")` signs that persona in through the real login form."""

    def signed_in(username: str) -> Page:
        page.goto("/prisijungti/")
        page.get_by_label("Naudotojo vardas").fill(username)
        page.get_by_label("Slaptažodis").fill(DEMO_PASSWORD)
        page.get_by_role("button", name="Prisijungti").click()
        expect(page.get_by_role("button", name="Prisijungti")).to_have_count(0)
        return page

    return signed_in
