"""The vocabulary of the access tests (core/tests/test_access_matrix.py, test_role_links.py).

Each app declares who may use each of its URLs in `<app>/tests/access.py` as
`EXPECTED_ACCESS: dict[str, Rule]`, keyed by the URL's qualified name. The helpers below
list the project's URL patterns and tell how a request ended.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from django.core.signals import request_finished
from django.db import close_old_connections
from django.urls import URLPattern, URLResolver, get_resolver, reverse

ANONYMOUS = "anonymous"
PERSONAS = ("vadove", "specialiste", "teritorija", "stebetojas", "admin")
EVERYONE = frozenset({ANONYMOUS, *PERSONAS})
SIGNED_IN = frozenset(PERSONAS)
DEPARTMENT = frozenset({"vadove", "specialiste", "stebetojas"})
DEPARTMENT_WORKERS = frozenset({"vadove", "specialiste"})
ADMIN_ONLY = frozenset({"admin"})
NOBODY: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Rule:
    allowed: frozenset[str]
    method: str = "GET"
    # Builds the URL arguments from the demo personas; called afresh for every request,
    # so a request that deletes something gets its own object.
    kwargs: Callable[[dict], dict] = field(default=lambda data: {})
    query: str = ""
    data: Callable[[dict], dict] = field(default=lambda data: {})
    # A page only a demo has (DEMO_MODE): `allowed` is who reaches it in the demo; outside
    # it every role is refused (test_demo_only_pages_are_not_found_outside_demo_mode).
    demo_only: bool = False


def url_patterns(
    resolvers: list | None = None, namespace: str = "", prefix: str = ""
) -> Iterator[tuple[str | None, str, str, Callable]]:
    """(qualified name, namespace, route, view) of every pattern the project serves."""
    for entry in resolvers if resolvers is not None else get_resolver().url_patterns:
        if isinstance(entry, URLResolver):
            inner = (
                f"{namespace}:{entry.namespace}"
                if entry.namespace and namespace
                else (entry.namespace or namespace)
            )
            yield from url_patterns(entry.url_patterns, inner, prefix + str(entry.pattern))
        elif isinstance(entry, URLPattern):
            name = f"{namespace}:{entry.name}" if namespace and entry.name else entry.name
            yield name, namespace, prefix + str(entry.pattern), entry.callback


def outcome(response) -> str:
    """How a request ended, as a person would see it."""
    if response.status_code >= 500 or response.status_code == 405:
        return f"error {response.status_code}"
    if response.status_code in (403, 404):
        return "denied"
    if response.status_code in (301, 302):
        location = urlsplit(response["Location"])
        sign_in_pages = {reverse("login"), reverse("admin:login")}
        if location.path in sign_in_pages and "next=" in location.query:
            return "denied"
    return "allowed"


def close_streamed_file(response) -> None:
    """Close a downloaded file as a WSGI server would, keeping the test's connection."""
    if response.streaming:
        request_finished.disconnect(close_old_connections)
        try:
            response.close()
        finally:
            request_finished.connect(close_old_connections)
