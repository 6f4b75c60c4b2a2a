"""Forwarding headers are believed only from the configured proxies."""

from __future__ import annotations

import json

from django.http import HttpResponse
from django.test import RequestFactory

from sklaida.core.proxies import TrustedProxyMiddleware, client_address
from sklaida.core.tests.test_settings import production_environment, run

PRINT_PROXY_SETTINGS = """
import json, os
import django
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sklaida.settings")
django.setup()
from django.conf import settings
print(json.dumps({
    "trusted": settings.TRUSTED_PROXIES,
    "ssl_header": settings.SECURE_PROXY_SSL_HEADER,
    "first_middleware": settings.MIDDLEWARE[0],
}))
"""


def request_from(remote: str, forwarded_for: str = "", proto: str = ""):
    headers = {}
    if forwarded_for:
        headers["X-Forwarded-For"] = forwarded_for
    if proto:
        headers["X-Forwarded-Proto"] = proto
    return RequestFactory().get("/", REMOTE_ADDR=remote, headers=headers)


def test_without_trusted_proxies_the_client_is_the_connecting_address(settings):
    settings.TRUSTED_PROXIES = []

    request = request_from("203.0.113.7", forwarded_for="198.51.100.1")

    assert client_address(request) == "203.0.113.7"


def test_behind_a_trusted_proxy_the_client_is_the_last_address_it_did_not_add_itself(settings):
    settings.TRUSTED_PROXIES = ["10.0.0.0/24", "10.0.1.5"]

    # The client claims 1.2.3.4; the outer proxy (10.0.1.5) saw 198.51.100.1.
    request = request_from("10.0.0.2", forwarded_for="1.2.3.4, 198.51.100.1, 10.0.1.5")

    assert client_address(request) == "198.51.100.1"


def test_an_ipv6_client_is_counted_by_its_64_bit_network(settings):
    settings.TRUSTED_PROXIES = []

    first = client_address(request_from("2001:db8:1:2::10"))
    second = client_address(request_from("2001:db8:1:2:ffff::1"))

    assert first == second == "2001:db8:1:2::/64"


def test_the_middleware_drops_forwarding_headers_a_stranger_sent(settings):
    settings.TRUSTED_PROXIES = ["10.0.0.2"]
    seen = {}

    def view(request):
        seen.update(request.META)
        return HttpResponse()

    middleware = TrustedProxyMiddleware(view)
    middleware(request_from("203.0.113.7", forwarded_for="1.2.3.4", proto="https"))
    assert "HTTP_X_FORWARDED_FOR" not in seen
    assert "HTTP_X_FORWARDED_PROTO" not in seen

    middleware(request_from("10.0.0.2", forwarded_for="198.51.100.1", proto="https"))
    assert seen["HTTP_X_FORWARDED_FOR"] == "198.51.100.1"
    assert seen["HTTP_X_FORWARDED_PROTO"] == "https"


def test_a_forged_https_header_does_not_make_a_plain_request_secure(client, settings, db):
    settings.TRUSTED_PROXIES = ["10.0.0.2"]
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    settings.SECURE_SSL_REDIRECT = True

    forged = client.get("/healthz", headers={"X-Forwarded-Proto": "https"})
    proxied = client.get("/healthz", headers={"X-Forwarded-Proto": "https"}, REMOTE_ADDR="10.0.0.2")

    assert forged.status_code == 301
    assert forged["Location"].startswith("https://")
    assert proxied.status_code == 200


def proxy_settings_under(**variables: str) -> dict:
    finished = run("-c", PRINT_PROXY_SETTINGS, environment=production_environment(**variables))
    assert finished.returncode == 0, finished.stderr
    return json.loads(finished.stdout.splitlines()[-1])


def test_the_proxy_header_is_configured_only_with_trusted_proxies():
    alone = proxy_settings_under()
    behind = proxy_settings_under(TRUSTED_PROXIES="10.0.0.2,192.168.5.0/24")
    wrong = run(
        "-c", PRINT_PROXY_SETTINGS, environment=production_environment(TRUSTED_PROXIES="nginx")
    )

    assert alone["trusted"] == [] and alone["ssl_header"] is None
    assert alone["first_middleware"] == "sklaida.core.proxies.TrustedProxyMiddleware"
    assert behind["trusted"] == ["10.0.0.2", "192.168.5.0/24"]
    assert behind["ssl_header"] == ["HTTP_X_FORWARDED_PROTO", "https"]
    assert wrong.returncode != 0
    assert "TRUSTED_PROXIES: 'nginx' is not an IP address or network" in wrong.stderr
