"""Logs never hold the tokens of personal links (registration, newsletter, share, reset)."""

from __future__ import annotations

import io
import logging
import secrets

from django.test import Client

from sklaida.core.logs import RedactSecrets, redact


def test_a_request_for_a_registration_link_is_logged_without_its_token(db):
    token = secrets.token_urlsafe(32)
    # The project's console handler (pytest adds its own capturing handler beside it).
    [console] = [
        handler
        for handler in logging.getLogger().handlers
        if any(isinstance(f, RedactSecrets) for f in handler.filters)
    ]
    written = io.StringIO()
    previous = console.setStream(written)
    try:
        response = Client().get(f"/registracija/{token}/atsaukti/")
    finally:
        console.setStream(previous)

    assert response.status_code == 404
    log = written.getvalue()
    assert "Not Found: /registracija/[token:" in log
    assert token not in log


def test_every_kind_of_personal_link_is_redacted_and_ordinary_addresses_are_kept():
    token = secrets.token_urlsafe(24)
    for address in (
        f"/registracija/{token}/",
        f"/en/registration/{token}/cancel/",
        f"/ekskursijos/{token}/",
        f"/naujienlaiskis/patvirtinti/{token}/",
        f"/en/newsletter/unsubscribe/{token}/",
        f"/archyvas/bendrinti/{token}/zip/",
        f"/slaptazodis/naujas/MTI/{token}/",
    ):
        assert token not in redact(f"GET {address} HTTP/1.1"), address
    for ordinary in ("/ekskursijos/uzsakymas/", "/renginiai/poezijos-vakaras-2026-12-03/"):
        assert redact(ordinary) == ordinary
