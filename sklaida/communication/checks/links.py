"""Links that do not work: addresses in the text against the stored results of link checks.

Checking a link means a request to another server, so it happens in a background job
(`sklaida.communication.tasks.check_links`); the inline check only reads what was found.

Anyone who edits a text chooses the addresses the server will request, so the check
connects only to public internet addresses: a host that resolves to a private, loopback,
link-local or otherwise reserved address (the library's intranet, the cloud's metadata
service, the server itself) is refused before any connection, after every redirect too,
and the connection goes to the very address that was vetted (no second DNS answer). The
refusal reads the same whether a port there is open or closed. `LINK_CHECK_ALLOWED_NETWORKS`
lets a library allow its own intranet on purpose.
"""

from __future__ import annotations

import http.client
import ipaddress
import socket
import urllib.error
import urllib.request
from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from sklaida.communication.checks.findings import LINKS, Finding, url_spans

TIMEOUT_SECONDS = 5
RECHECK_AFTER = timedelta(days=1)
USER_AGENT = "Sklaida link check (library communication department)"


def normalised(url: str) -> str:
    return url if url.lower().startswith(("http://", "https://")) else f"https://{url}"


def extract_urls(text: str) -> list[str]:
    """The web addresses in a text, each once, in order ("www." ones as https://)."""
    seen: dict[str, None] = {}
    for url, _start, _end in url_spans(text):
        seen.setdefault(normalised(url))
    return list(seen)


class AddressNotAllowed(OSError):
    """The host is not on the public internet; the check does not go there."""


def _allowed(address: str) -> bool:
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if any(ip in ipaddress.ip_network(net) for net in settings.LINK_CHECK_ALLOWED_NETWORKS):
        return True
    return ip.is_global and not ip.is_multicast


def _connect_to_public_address(
    address: tuple[str, int], timeout: float = TIMEOUT_SECONDS, source_address=None
) -> socket.socket:
    host, port = address
    try:
        found = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as error:
        raise OSError(_("the name %(host)s is not known") % {"host": host}) from error
    addresses = [info[4][0] for info in found]
    if not addresses or not all(_allowed(candidate) for candidate in addresses):
        raise AddressNotAllowed(_("not a public internet address; not checked"))
    return socket.create_connection((addresses[0], port), timeout, source_address)


class _PublicHTTPConnection(http.client.HTTPConnection):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._create_connection = _connect_to_public_address


class _PublicHTTPSConnection(http.client.HTTPSConnection):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._create_connection = _connect_to_public_address


class _PublicHTTPHandler(urllib.request.HTTPHandler):
    def http_open(self, req):
        return self.do_open(_PublicHTTPConnection, req)


class _PublicHTTPSHandler(urllib.request.HTTPSHandler):
    def https_open(self, req):
        return self.do_open(_PublicHTTPSConnection, req, context=self._context)


def _opener() -> urllib.request.OpenerDirector:
    """http and https only (a redirect to ftp: or file: goes nowhere), no proxy from the
    environment, every connection through the public-address check."""
    opener = urllib.request.OpenerDirector()
    for handler in (
        urllib.request.ProxyHandler({}),
        urllib.request.UnknownHandler(),
        urllib.request.HTTPDefaultErrorHandler(),
        urllib.request.HTTPRedirectHandler(),
        urllib.request.HTTPErrorProcessor(),
        _PublicHTTPHandler(),
        _PublicHTTPSHandler(),
    ):
        opener.add_handler(handler)
    return opener


def fetch_status(url: str) -> tuple[int | None, str]:
    """(HTTP status, error) of a HEAD request, retried as GET where HEAD is refused."""
    if not url.lower().startswith(("http://", "https://")):
        return None, "not a web address"
    last_error = ""
    for method in ("HEAD", "GET"):
        request = urllib.request.Request(  # noqa: S310 (only http and https, checked above)
            url, method=method, headers={"User-Agent": USER_AGENT}
        )
        try:
            with _opener().open(request, timeout=TIMEOUT_SECONDS) as response:
                return response.status, ""
        except urllib.error.HTTPError as error:
            if method == "HEAD" and error.code in (403, 405, 501):
                last_error = str(error)
                continue
            return error.code, str(error.reason)
        except (urllib.error.URLError, OSError, ValueError) as error:
            reason = getattr(error, "reason", error)
            return None, str(reason)[:500]
    return None, last_error


def check_url(url: str):
    """Request the address now and store the result (background jobs and tests only)."""
    from sklaida.communication.models import LinkCheck

    status, error = fetch_status(url)
    result, _created = LinkCheck.objects.update_or_create(
        url=url,
        defaults={
            "status_code": status,
            "ok": status is not None and status < 400,
            "error": error,
            "checked_at": timezone.now(),
        },
    )
    return result


def unchecked_urls(urls: list[str]) -> list[str]:
    """The addresses never checked or checked too long ago (to hand to the background job)."""
    from sklaida.communication.models import LinkCheck

    fresh = set(
        LinkCheck.objects.filter(
            url__in=urls, checked_at__gte=timezone.now() - RECHECK_AFTER
        ).values_list("url", flat=True)
    )
    return [url for url in urls if url not in fresh]


def check_links(text: str) -> list[Finding]:
    """A finding for each address whose last check failed (one query, no requests)."""
    from sklaida.communication.models import LinkCheck

    spans = [(normalised(url), start, end) for url, start, end in url_spans(text)]
    if not spans:
        return []
    broken = {
        check.url: check
        for check in LinkCheck.objects.filter(url__in={url for url, *_ in spans}, ok=False)
    }
    findings = []
    for url, start, end in spans:
        check = broken.get(url)
        if check is None:
            continue
        problem = (
            _("the server answered %(status)s") % {"status": check.status_code}
            if check.status_code
            else check.error or _("no answer")
        )
        findings.append(
            Finding(
                LINKS,
                _("The link did not work when checked on %(date)s (%(problem)s).")
                % {
                    "date": date_format(timezone.localtime(check.checked_at), "DATETIME_FORMAT"),
                    "problem": problem,
                },
                start,
                end,
                None,
            )
        )
    return findings
