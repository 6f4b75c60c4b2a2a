"""The vocabulary of the access matrix (core/tests/test_access_matrix.py).

Each app declares who may use each of its URLs in `<app>/tests/access.py` as
`EXPECTED_ACCESS: dict[str, Rule]`, keyed by the URL's qualified name.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

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
