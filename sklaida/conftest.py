"""Fixtures every app's tests share: the demo personas and signed-in clients."""

from __future__ import annotations

import datetime
import gettext as gettext_module

import pytest
from django.conf import settings as django_settings
from django.core.cache import cache
from django.core.management import call_command
from django.core.signals import setting_changed
from django.test import Client, override_settings
from django.utils import translation

from sklaida.core import demo
from sklaida.core.models import User

# A fixed day for tests that hand `today=` to the code themselves. The demo data is loaded
# relative to the real today, as `make run` loads it, so tests hold on any day.
TODAY = datetime.date(2026, 11, 25)


@pytest.fixture(scope="session", autouse=True)
def compiled_messages() -> None:
    """Tests read the Lithuanian catalogues, so compile them once per run.

    Django read the catalogues while it started, before this ran; announcing the change
    of LOCALE_PATHS makes it drop what it cached and read the fresh ones. Python's gettext
    keeps its own cache of .mo files by path, which would still hold a stale catalogue.
    """
    call_command("compilemessages", ignore=[".venv", "node_modules"], verbosity=0)
    gettext_module._translations.clear()
    setting_changed.send(
        sender=django_settings.__class__,
        setting="LOCALE_PATHS",
        value=django_settings.LOCALE_PATHS,
        enter=False,
    )


@pytest.fixture(autouse=True)
def test_settings(settings, tmp_path) -> None:
    """Fast password hashing, and uploaded files in a folder of the test's own."""
    settings.PASSWORD_HASHERS = FAST_HASHERS
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def empty_cache() -> None:
    """Each test starts with an empty cache: no request counts of an earlier test's forms."""
    cache.clear()


@pytest.fixture(autouse=True)
def default_language():
    """Each test starts in Lithuanian: a request under /en/ leaves English active in the thread."""
    translation.activate(django_settings.LANGUAGE_CODE)
    yield
    translation.deactivate()


FAST_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker) -> None:
    """Load the demo data once into the fresh test database.

    Loading a year of events takes seconds; each test then runs inside a transaction that
    is rolled back, so it sees the demo as loaded. Transactional tests (live server, rush)
    empty the database afterwards, and `personas` loads the demo again for the next one.
    """
    with django_db_blocker.unblock(), override_settings(PASSWORD_HASHERS=FAST_HASHERS):
        demo.load_demo()


@pytest.fixture
def personas(db) -> dict[str, User]:
    """The demo data with its five personas (vadove, specialiste, teritorija, stebetojas, admin)."""
    return demo.load_demo()  # finds what the session loaded; completes an emptied one


@pytest.fixture
def client_as(personas):
    """`client_as("vadove")` gives a test client signed in as that persona."""

    def signed_in(username: str) -> Client:
        client = Client()
        client.force_login(personas[username])
        return client

    return signed_in
