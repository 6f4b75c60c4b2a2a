"""Fixtures every app's tests share: the demo personas and signed-in clients."""

from __future__ import annotations

import datetime
import gettext as gettext_module
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings as django_settings
from django.core.cache import cache
from django.core.management import call_command
from django.core.signals import setting_changed
from django.test import Client, override_settings
from django.test.testcases import LiveServerThread
from django.utils import translation
from pytest_django.live_server_helper import LiveServer

from sklaida.core import demo
from sklaida.core.models import User
from sklaida.settings import folder

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


@pytest.fixture(scope="session")
def demo_media(tmp_path_factory) -> Path:
    """Where the session's demo keeps its files (the brand kit's logos and fonts)."""
    return tmp_path_factory.mktemp("demo-media")


@pytest.fixture(autouse=True)
def test_settings(settings, tmp_path, demo_media) -> None:
    """Fast password hashing; uploaded files and the demo's mailbox in the test's own folder.

    The folder starts with the demo's files, linked rather than copied: the demo in the
    database names them, and a test may change or delete its own."""
    settings.PASSWORD_HASHERS = FAST_HASHERS
    shutil.copytree(demo_media, tmp_path / "media", copy_function=os.link)
    settings.MEDIA_ROOT = folder(tmp_path / "media")  # the type settings.py makes
    settings.DEMO_MAILBOX_DIR = folder(tmp_path / "mailbox")


@pytest.fixture(autouse=True)
def empty_cache() -> None:
    """Each test starts with an empty cache: one test's request counters (the limits on
    password-reset e-mails) must not refuse another test's requests."""
    cache.clear()


@pytest.fixture(autouse=True)
def default_language():
    """Each test starts in Lithuanian: a request under /en/ leaves English active in the thread."""
    translation.activate(django_settings.LANGUAGE_CODE)
    yield
    translation.deactivate()


FAST_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker, demo_media) -> None:
    """Load the demo data once into the fresh test database.

    Loading a year of events takes seconds; each test then runs inside a transaction that
    is rolled back, so it sees the demo as loaded. Transactional tests (live server, rush)
    empty the database afterwards, and `personas` loads the demo again for the next one.
    """
    with (
        django_db_blocker.unblock(),
        override_settings(PASSWORD_HASHERS=FAST_HASHERS, MEDIA_ROOT=folder(demo_media)),
    ):
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


def _application_alone(media_handler: Any) -> Any:
    """The live server's handler without Django's test-only file serving: the project's
    WSGI application, as gunicorn runs it."""
    return media_handler.application


@pytest.fixture(scope="session")
def live_server(request: pytest.FixtureRequest) -> Iterator[LiveServer]:
    """pytest-django's live server, serving what production serves and nothing more.

    Its usual handlers serve the media folder and the apps' static files themselves;
    production serves static files through WhiteNoise (hashed names from the manifest when
    STATIC_MANIFEST is on, as in CI's production run) and uploaded files only through
    views that check access, so the browser tests see exactly that. (Defined here, once:
    a session fixture star-imported by several conftests would start a server per folder.)
    """
    server = LiveServer("localhost", start=False)
    server.thread = LiveServerThread(
        "localhost",
        static_handler=_application_alone,
        connections_override=server.thread.connections_override,
    )
    server.thread.daemon = True
    server.start()
    yield server
    server.stop()
