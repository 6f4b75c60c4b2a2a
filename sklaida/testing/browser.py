"""Accessibility checks for the browser tests, by the vendored axe-core engine."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from playwright.sync_api import Page

AXE_SCRIPT = Path(__file__).parent / "vendor" / "axe-core" / "axe.min.js"
# What Sklaida promises: WCAG 2.1 at levels A and AA.
WCAG_21_AA_TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")


def accessibility_violations(page: Page, *, exclude: tuple[str, ...] = ()) -> list[dict[str, Any]]:
    """The WCAG 2.1 A/AA rules axe finds broken on the page as it is now.

    `exclude` lists CSS selectors of parts of the page that are not checked; it is for
    markup we cannot change from our templates, never for our own.
    """
    if not page.evaluate("() => typeof window.axe === 'object'"):
        # Evaluated by the browser's debugging protocol, which the page's Content-Security-
        # Policy does not govern (a <script> tag added to the page would be refused).
        page.evaluate(AXE_SCRIPT.read_text())
    context: dict[str, Any] = {"exclude": [[selector] for selector in exclude]}
    results = page.evaluate(
        """([context, tags]) => axe.run(context, {
            runOnly: {type: "tag", values: tags},
            resultTypes: ["violations"],
        })""",
        [context, list(WCAG_21_AA_TAGS)],
    )
    return results["violations"]


def describe_violations(violations: list[dict[str, Any]]) -> str:
    """One paragraph per broken rule: its id, what it asks, and the elements that fail it."""
    paragraphs = []
    for violation in violations:
        lines = [f"{violation['id']} ({violation['impact']}): {violation['help']}"]
        lines.append(f"  {violation['helpUrl']}")
        for node in violation["nodes"]:
            target = " >>> ".join(
                " ".join(part) if isinstance(part, list) else part for part in node["target"]
            )
            lines.append(f"  - {target}")
            lines.extend(
                f"      {line.strip()}"
                for line in node.get("failureSummary", "").splitlines()
                if line.strip()
            )
        paragraphs.append("\n".join(lines))
    return "\n\n".join(paragraphs)


def assert_accessible(page: Page, *, exclude: tuple[str, ...] = ()) -> None:
    """Fail, naming every broken rule and element, unless the page meets WCAG 2.1 A/AA."""
    violations = accessibility_violations(page, exclude=exclude)
    assert not violations, (
        f"{page.url} breaks {len(violations)} WCAG 2.1 A/AA rule(s):\n\n"
        + describe_violations(violations)
    )


def assert_accessible_as_shown_without_scripts(page: Page) -> None:
    """`assert_accessible` for a page open in a tab whose JavaScript is switched off.

    axe is a script and cannot run there, so the page's HTML as shown is checked in a
    fresh tab at the same address, with its stylesheets and without any of its scripts
    (Sklaida's pages load every script from a file, so blocking the files is the same
    as having none).
    """
    html = page.content()
    context = page.context.browser.new_context(locale="lt-LT", reduced_motion="reduce")
    try:
        checker = context.new_page()
        checker.route("**/*.js", lambda route: route.abort())
        checker.route(
            page.url,
            lambda route: route.fulfill(body=html, content_type="text/html; charset=utf-8"),
        )
        checker.goto(page.url)
        assert_accessible(checker)
    finally:
        context.close()
