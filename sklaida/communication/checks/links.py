"""Links that do not work: addresses in the text against the stored results of link checks.

Checking a link means a request to another server, so it happens in a background job
(`sklaida.communication.tasks.check_links`); the inline check only reads what was found.
"""

from __future__ import annotations

import urllib.error
import urllib.request
from datetime import timedelta

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
            with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:  # noqa: S310
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
