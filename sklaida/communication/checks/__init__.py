"""Editorial checks (1.6): remarks shown while a text is edited; they never block a save.

Each rule is a small function returning a list of `Finding`; `run_checks` combines them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from sklaida.communication.checks.alt_text import check_alt_text
from sklaida.communication.checks.findings import RULE_LABELS, Finding
from sklaida.communication.checks.length import check_length
from sklaida.communication.checks.links import check_links, extract_urls
from sklaida.communication.checks.readability import check_readability, readability
from sklaida.communication.checks.spelling import check_spelling
from sklaida.communication.checks.typography import check_typography

__all__ = [
    "RULE_LABELS",
    "Finding",
    "check_alt_text",
    "check_length",
    "check_links",
    "check_readability",
    "check_spelling",
    "check_typography",
    "extract_urls",
    "readability",
    "run_checks",
]


def run_checks(
    text: str,
    *,
    limit: int | Mapping[str, int | None] | None = None,
    images: Iterable[tuple[object, str | None]] = (),
    language: str = "lt",
) -> list[Finding]:
    """Every rule on a text. Lithuanian typography and spelling apply to Lithuanian texts.

    Reads the staff dictionary and stored link checks (two queries); requests nothing.
    """
    from sklaida.communication.models import AcceptedWord

    findings: list[Finding] = []
    if language == "lt":
        findings += check_typography(text)
        accepted = AcceptedWord.objects.values_list("word", "model_word")
        findings += check_spelling(text, accepted_words=list(accepted), language=language)
    findings += check_length(text, limit)
    findings += check_alt_text(images)
    findings += check_links(text)
    if language == "lt":
        findings += check_readability(text)
    return findings
