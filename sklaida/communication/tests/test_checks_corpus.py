"""The checks against a corpus of library texts an editor annotated: precision and recall.

Precision: of the remarks the checks make, the share the editor expects. Recall: of the
remarks the editor expects, the share the checks make. A remark counts as right when its
rule family and the exact text it covers match an expected one, and its suggestion too
where the annotation gives one. The spelling check reads the staff dictionary (the demo's),
so this runs on each database.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
import yaml

from sklaida.communication.checks import check_spelling, check_typography
from sklaida.communication.checks.findings import NBSP
from sklaida.communication.models import AcceptedWord

CORPUS = Path(__file__).parent / "corpus" / "texts.yaml"
# Rule family → (minimum precision, minimum recall).
THRESHOLDS = {"spelling": (0.9, 0.85), "typography": (0.95, 0.9)}


def _visible(text: str | None) -> str | None:
    return None if text is None else text.replace("⍽", NBSP)


def load_corpus() -> list[dict]:
    entries = yaml.safe_load(CORPUS.read_text(encoding="utf-8"))
    for entry in entries:
        entry["text"] = _visible(entry["text"].rstrip("\n"))
        entry["expect"] = [
            (rule, _visible(span), _visible(rest[0]) if rest else None)
            for rule, span, *rest in entry["expect"] or []
        ]
    return entries


def score(entries: list[dict], accepted_words) -> tuple[dict, list[str]]:
    """Per family: true positives, false positives, false negatives; and what went wrong."""
    counts = {family: Counter() for family in THRESHOLDS}
    wrong = []
    for entry in entries:
        text = entry["text"]
        found = [
            (f.rule, text[f.start : f.end], f.suggestion)
            for f in check_typography(text) + check_spelling(text, accepted_words=accepted_words)
        ]
        unmatched = list(found)
        for rule, span, suggestion in entry["expect"]:
            match = next(
                (
                    f
                    for f in unmatched
                    if f[0] == rule and f[1] == span and (suggestion is None or f[2] == suggestion)
                ),
                None,
            )
            if match:
                unmatched.remove(match)
                counts[rule]["tp"] += 1
            else:
                counts[rule]["fn"] += 1
                wrong.append(f"{entry['id']}: missed {rule} {span!r} → {suggestion!r}")
        for rule, span, suggestion in unmatched:
            counts[rule]["fp"] += 1
            wrong.append(f"{entry['id']}: unexpected {rule} {span!r} → {suggestion!r}")
    return counts, wrong


def figures(count: Counter) -> tuple[float, float]:
    found, expected = count["tp"] + count["fp"], count["tp"] + count["fn"]
    return (count["tp"] / found if found else 1.0, count["tp"] / expected if expected else 1.0)


@pytest.fixture
def staff_dictionary(db) -> list[tuple[str, str]]:
    return list(AcceptedWord.objects.values_list("word", "model_word"))


def test_the_corpus_is_large_varied_and_has_real_mistakes():
    entries = load_corpus()
    assert len(entries) >= 100
    assert len({entry["id"] for entry in entries}) == len(entries)
    expected = Counter(rule for entry in entries for rule, _span, _s in entry["expect"])
    assert expected["spelling"] >= 40 and expected["typography"] >= 100
    assert sum(bool(entry["expect"]) for entry in entries) >= len(entries) // 2
    texts = "\n".join(entry["text"] for entry in entries)
    for sign in ("#", "@", "https://", "The library", "„", "⍽".replace("⍽", NBSP)):
        assert sign in texts


def test_the_checks_meet_the_precision_and_recall_an_editor_can_trust(staff_dictionary):
    counts, wrong = score(load_corpus(), staff_dictionary)
    report = [
        f"{family}: precision {figures(count)[0]:.3f}, recall {figures(count)[1]:.3f} "
        f"({count['tp']} right, {count['fp']} wrong, {count['fn']} missed)"
        for family, count in counts.items()
    ]
    print("\n".join(report + wrong))
    for family, (min_precision, min_recall) in THRESHOLDS.items():
        precision, recall = figures(counts[family])
        assert precision >= min_precision, "\n".join(report + wrong)
        assert recall >= min_recall, "\n".join(report + wrong)
