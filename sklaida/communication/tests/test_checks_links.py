import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from sklaida.communication import tasks
from sklaida.communication.checks import check_links, extract_urls
from sklaida.communication.models import LinkCheck


class Handler(BaseHTTPRequestHandler):
    requests: list[str]

    def _answer(self, body: bool) -> None:
        self.requests.append(self.path)
        if self.path.startswith("/nukreipti?"):
            self.send_response(302)
            self.send_header("Location", self.path.split("?", 1)[1])
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        self.send_response(200 if self.path == "/renginiai" else 404)
        self.send_header("Content-Length", "2")
        self.end_headers()
        if body:
            self.wfile.write(b"ok")

    def do_HEAD(self):
        self._answer(body=False)

    def do_GET(self):
        self._answer(body=True)

    def log_message(self, *args):
        pass


@contextmanager
def web_server(address: str) -> Iterator[tuple[str, list[str]]]:
    """A small web server on a loopback address, and the paths it was asked for."""
    requests: list[str] = []
    handler = type("RecordingHandler", (Handler,), {"requests": requests})
    httpd = ThreadingHTTPServer((address, 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://{address}:{httpd.server_address[1]}", requests
    finally:
        httpd.shutdown()
        httpd.server_close()


@pytest.fixture
def server(settings):
    """A site the check may reach: a loopback address stands in for the public internet."""
    settings.LINK_CHECK_ALLOWED_NETWORKS = ["127.0.0.1/32"]
    with web_server("127.0.0.1") as (url, _requests):
        yield url


def test_addresses_are_extracted_once_without_trailing_punctuation():
    text = "Žr. https://biblioteka.lt/renginiai. Ir www.biblioteka.lt, https://biblioteka.lt/renginiai!"
    assert extract_urls(text) == ["https://biblioteka.lt/renginiai", "https://www.biblioteka.lt"]


def test_the_background_job_stores_a_working_and_a_broken_link(db, server):
    working, broken = f"{server}/renginiai", f"{server}/nera"
    failed = tasks.check_links.enqueue(urls=[working, broken]).return_value
    assert failed == 1
    assert LinkCheck.objects.get(url=working).ok
    assert LinkCheck.objects.get(url=broken).status_code == 404
    assert not LinkCheck.objects.get(url=broken).ok


def test_the_inline_check_reports_the_stored_broken_link_only(db, server):
    working, broken = f"{server}/renginiai", f"{server}/nera"
    tasks.check_links.enqueue(urls=[working, broken])
    text = f"Programa: {working}. Registracija: {broken}."
    [finding] = check_links(text)
    assert text[finding.start : finding.end] == broken
    assert "404" in finding.message


def test_an_unreachable_server_is_stored_as_an_error(db, settings):
    settings.LINK_CHECK_ALLOWED_NETWORKS = ["127.0.0.1/32"]
    failed = tasks.check_links.enqueue(urls=["http://127.0.0.1:9/niekur"]).return_value
    assert failed == 1
    assert LinkCheck.objects.get().error


def test_the_check_never_requests_the_servers_own_or_the_intranets_addresses(db):
    with web_server("127.0.0.1") as (open_port, requests):
        addresses = [
            f"{open_port}/renginiai",
            "http://127.0.0.1:9/uzdarytas",
            "http://localhost/admin/",
            "http://169.254.169.254/latest/meta-data/",
            "http://10.0.0.5/",
            "http://[::1]/",
        ]
        tasks.check_links.enqueue(urls=addresses)

    assert requests == []
    checks = {check.url: check for check in LinkCheck.objects.all()}
    assert {check.error for check in checks.values()} == {"ne viešas interneto adresas; netikrinta"}
    assert not any(check.ok for check in checks.values())


def test_a_redirect_to_an_internal_address_is_not_followed(db, settings):
    settings.LINK_CHECK_ALLOWED_NETWORKS = ["127.0.0.1/32"]
    with (
        web_server("127.0.0.2") as (internal, internal_requests),
        web_server("127.0.0.1") as (public, public_requests),
    ):
        tasks.check_links.enqueue(urls=[f"{public}/nukreipti?{internal}/slapta"])

    assert public_requests == [f"/nukreipti?{internal}/slapta"]
    assert internal_requests == []
    assert LinkCheck.objects.get().error == "ne viešas interneto adresas; netikrinta"


def test_a_link_never_checked_is_not_reported_inline(db):
    assert check_links("Žr. https://biblioteka.lt/renginiai") == []
