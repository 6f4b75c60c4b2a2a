"""The production configuration, served as production serves it: gunicorn, DEBUG off, hashed
static files from `collectstatic`, uploaded files only through views, an access log
without the tokens of personal links."""

from __future__ import annotations

import re
import secrets
import socket
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings

from sklaida.testing.processes import (
    production_environment,
    run,
    url_of_test_database,
    wait_for,
)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str) -> tuple[int, dict[str, str], bytes]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 - our own server
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def serving(url: str) -> bool:
    try:
        return fetch(url)[0] == 200
    except OSError:
        return False


@pytest.mark.django_db(transaction=True)
def test_gunicorn_with_debug_off_serves_pages_and_hashed_static_files_but_no_media_folder(
    personas, tmp_path
):
    port = free_port()
    environment = production_environment(
        STATIC_ROOT=str(tmp_path / "static"),
        MEDIA_ROOT=str(tmp_path / "media"),
        DATABASE_URL=url_of_test_database(),
        ALLOWED_HOSTS="127.0.0.1",
        # Plain HTTP on the loopback; TLS is the proxy's in production.
        SECURE_SSL_REDIRECT="0",
        SESSION_COOKIE_SECURE="0",
    )
    collected = run("manage.py", "collectstatic", "--no-input", environment=environment)
    assert collected.returncode == 0, collected.stderr
    (tmp_path / "media" / "archive" / "consent").mkdir(parents=True)
    (tmp_path / "media" / "archive" / "consent" / "sutikimas.pdf").write_bytes(b"%PDF-1.4")
    gunicorn = Path(sys.executable).with_name("gunicorn")
    server = subprocess.Popen(  # noqa: S603 - gunicorn from our virtual environment
        [str(gunicorn), "sklaida.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", "1"],
        cwd=settings.BASE_DIR,
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    token = secrets.token_urlsafe(32)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for(lambda: serving(f"{base}/healthz"), seconds=30, what="gunicorn to answer")

        status, _headers, body = fetch(f"{base}/prisijungti/")
        assert status == 200
        page = body.decode()
        assert "Prisijungti" in page
        stylesheet = re.search(r'href="(/static/vendor/bootstrap/bootstrap\.min\.\w+\.css)"', page)
        assert stylesheet, "the page links the hashed stylesheet from the manifest"
        status, headers, css = fetch(base + stylesheet[1])
        assert status == 200 and b".btn" in css
        assert "immutable" in headers["Cache-Control"]

        status, _headers, body = fetch(f"{base}/renginiai/")
        assert status == 200 and "Renginiai" in body.decode()
        assert fetch(f"{base}/media/archive/consent/sutikimas.pdf")[0] == 404
        assert fetch(f"{base}/registracija/{token}/")[0] == 404
    finally:
        server.terminate()
        access_log, errors = server.communicate(timeout=20)
    assert "Traceback" not in errors, errors
    # The access log has every request, and no token of a personal link.
    assert '"GET /prisijungti/ HTTP/1.1" 200' in access_log
    assert '"GET /registracija/[token:' in access_log
    assert token not in access_log + errors
