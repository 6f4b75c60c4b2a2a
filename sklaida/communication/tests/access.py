"""Who may use each communication URL (checked by core/tests/test_access_matrix.py)."""

from sklaida.testing.access import Rule

EXPECTED_ACCESS: dict[str, Rule] = {}

from sklaida.testing.access import DEPARTMENT, DEPARTMENT_WORKERS  # noqa: E402


def _accepted_word(data: dict) -> dict:
    from sklaida.communication.models import AcceptedWord

    word = AcceptedWord.objects.create(word=f"Žodis{AcceptedWord.objects.count()}")
    return {"pk": word.pk}


EXPECTED_ACCESS.update(
    {
        "communication:check_text": Rule(
            DEPARTMENT_WORKERS,
            method="POST",
            data=lambda data: {"text": "Knygų savaitė bibliotekoje."},
        ),
        "communication:dictionary": Rule(DEPARTMENT),
        "communication:dictionary_add": Rule(
            DEPARTMENT_WORKERS, method="POST", data=lambda data: {"word": "Šiaulėnai"}
        ),
        "communication:dictionary_delete": Rule(
            DEPARTMENT_WORKERS, method="POST", kwargs=_accepted_word
        ),
    }
)
