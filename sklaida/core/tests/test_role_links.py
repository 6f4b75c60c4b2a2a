"""Every link and form a role is shown works for that role: nothing on a page answers 403.

The access matrix (test_access_matrix.py) says who may use each URL; this test says the
pages agree with it. For each demo role it walks the staff pages breadth-first from the
dashboard, as a person clicking through would, and requests every link (`a[href]`) and
every form's action (`form[action]`, `button[formaction]`) it finds:

- a link or a GET form must answer 2xx/3xx (a redirect to the sign-in page is a refusal);
- a POST form is sent empty inside a transaction that is rolled back, so nothing it would
  change persists; it must not be refused or fail (403, 404, 405, 5xx) — a form that
  comes back with its errors is the form working. The few forms an empty POST cannot
  exercise (`CHECKED_BY_RULE`) are checked against their rule in the access matrix.

The walk is bounded to stay fast: at most `CHECKS_PER_NAME` addresses of one URL name are
requested (one event's page shows what every event's page shows), and a page reached
through a filter (a query string other than a page number) is checked but not read for
more links. The Django admin and the public pages are checked as link targets, not walked.
The demo lacks a few states whose buttons are worth seeing (`states_the_demo_lacks`).
"""

from __future__ import annotations

from collections import Counter, deque
from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import parse_qsl, urljoin, urlsplit

import pytest
from django.conf import settings
from django.db import transaction
from django.test import Client
from django.urls import Resolver404, resolve, reverse

from sklaida.archive.models import Broadcast
from sklaida.archive.tests.access_collections import _collection
from sklaida.core.tests.test_access_matrix import DECLARED
from sklaida.events.models import Attendance, Audience
from sklaida.testing.access import close_streamed_file, outcome

ROLES = ("vadove", "specialiste", "teritorija", "stebetojas")
CHECKS_PER_NAME = 4
# Addresses that are not a role's to exercise: signing out ends the walk, the language
# switch is everyone's, static and uploaded files have no permission of their own.
SKIPPED_NAMES = {"logout", "admin:logout", "set_language"}
SKIPPED_PREFIXES = (settings.STATIC_URL, settings.MEDIA_URL)
NOT_WALKED_NAMESPACES = {"admin", "public"}
# Forms an empty POST cannot exercise; the role must be one their access rule allows.
CHECKED_BY_RULE = {
    # It forwards to the collection the form names; with none named there is none (404).
    "archive:add_to_collection",
}


@dataclass(frozen=True)
class Target:
    method: str
    url: str
    form: bool = False  # a form's action: sent without the fields a person would fill in


class LinkCollector(HTMLParser):
    """The link and form targets of one page, as the browser would send them."""

    def __init__(self, page_url: str) -> None:
        super().__init__()
        self.page_url = page_url
        self.targets: list[Target] = []
        self._form_methods: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {name: value or "" for name, value in attrs}
        if tag == "a" and "href" in attributes:
            self._add("GET", attributes["href"], form=False)
        elif tag == "form":
            method = attributes.get("method", "get").upper()
            self._form_methods.append(method)
            self._add(method, attributes.get("action") or self.page_url, form=True)
        elif tag in {"button", "input"} and "formaction" in attributes:
            method = attributes.get("formmethod", "").upper() or (
                self._form_methods[-1] if self._form_methods else "GET"
            )
            self._add(method, attributes["formaction"], form=True)

    def handle_endtag(self, tag: str) -> None:
        if tag == "form" and self._form_methods:
            self._form_methods.pop()

    def _add(self, method: str, href: str, *, form: bool) -> None:
        if href.startswith(("#", "mailto:", "tel:", "javascript:")):
            return
        parts = urlsplit(urljoin(self.page_url, href))
        if parts.scheme not in {"", "http"} or parts.netloc not in {"", "testserver"}:
            return
        url = parts.path + (f"?{parts.query}" if parts.query else "")
        self.targets.append(Target(method if method == "POST" else "GET", url, form))


def url_name(url: str) -> str | None:
    try:
        return resolve(urlsplit(url).path).view_name
    except Resolver404:
        return None


def walkable(url: str) -> bool:
    """Pages whose links the walk follows: staff pages, read without filters."""
    name = url_name(url) or ""
    query = dict(parse_qsl(urlsplit(url).query))
    return name.split(":")[0] not in NOT_WALKED_NAMESPACES and set(query) <= {"page"}


def request(client: Client, target: Target):
    if target.method == "POST":
        with transaction.atomic():
            response = client.post(target.url, {})
            transaction.set_rollback(True)
    else:
        response = client.get(target.url)
    close_streamed_file(response)
    return response


def refused(target: Target, response) -> str | None:
    """Why the response is not what the role's link or form promised, or None.

    A link must lead somewhere; a form sent empty may answer with its errors (400 for a
    choice left out), but not refuse the role or fail."""
    result = outcome(response)
    if result != "allowed":
        return f"{result} ({response.status_code})"
    if not target.form and response.status_code >= 400:
        return f"error {response.status_code}"
    return None


def links_of(response, url: str) -> list[Target]:
    if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
        return []
    collector = LinkCollector(url)
    collector.feed(response.content.decode())
    return collector.targets


def crawl(client: Client, role: str) -> tuple[list[str], int]:
    """Broken links and forms a role is shown, and how many requests told so."""
    start = reverse("core:dashboard")
    queue: deque[tuple[Target, str]] = deque([(Target("GET", start), start)])
    checked: set[Target] = set()
    checks_per_name: Counter[tuple[str, str | None]] = Counter()
    broken: list[str] = []
    while queue:
        target, seen_on = queue.popleft()
        path = urlsplit(target.url).path
        name = url_name(target.url)
        if (
            target in checked
            or name in SKIPPED_NAMES
            or path.startswith(SKIPPED_PREFIXES)
            or checks_per_name[target.method, name] >= CHECKS_PER_NAME
        ):
            continue
        checked.add(target)
        checks_per_name[target.method, name] += 1
        if name in CHECKED_BY_RULE:
            if role not in DECLARED[name].allowed:
                broken.append(f"{role}: on {seen_on} {target.method} {target.url} → not allowed")
            continue
        response = request(client, target)
        problem = refused(target, response)
        if problem:
            broken.append(f"{role}: on {seen_on} {target.method} {target.url} → {problem}")
            continue
        if response.status_code in (301, 302, 303) and target.method == "GET":
            location = urlsplit(urljoin(target.url, response["Location"]))
            if location.netloc in {"", "testserver"}:
                query = f"?{location.query}" if location.query else ""
                queue.append((Target("GET", location.path + query), target.url))
            continue
        if target.method == "GET" and walkable(target.url):
            for link in links_of(response, target.url):
                queue.append((link, target.url))
    return broken, len(checked)


@pytest.fixture
def states_the_demo_lacks(personas) -> None:
    """What the demo (loaded without archive photos in tests) does not hold: a file in a
    collection, and broadcasts of events whose participants are counted by audience group
    (their page then sends the staff to enter the viewers by group)."""
    _collection(personas)
    seniors = Audience.objects.get(code="seniors")
    for broadcast in Broadcast.objects.select_related("event"):
        Attendance.objects.get_or_create(event=broadcast.event, audience=seniors)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.usefixtures("states_the_demo_lacks")
def test_every_link_and_form_a_role_is_shown_answers_for_that_role(role, client_as):
    client = client_as(role)
    client.raise_request_exception = False

    broken, requests = crawl(client, role)

    assert requests > 40, f"the walk stopped early for {role}"
    assert broken == [], "\n".join(broken)
