import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from sklaida.communication import tasks
from sklaida.communication.checks import check_links, extract_urls
from sklaida.communication.models import LinkCheck


class Handler(BaseHTTPRequestHandler):
    def _answer(self, body: bool) -> None:
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


@pytest.fixture
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


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


def test_an_unreachable_server_is_stored_as_an_error(db):
    failed = tasks.check_links.enqueue(urls=["http://127.0.0.1:9/niekur"]).return_value
    assert failed == 1
    assert LinkCheck.objects.get().error


def test_a_link_never_checked_is_not_reported_inline(db):
    assert check_links("Žr. https://biblioteka.lt/renginiai") == []
