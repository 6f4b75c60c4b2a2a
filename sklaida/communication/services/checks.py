"""The staff dictionary of the spelling check, and handing links to the background check."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from sklaida.communication.checks.dictionaries import MODEL_WORDS, base_form
from sklaida.communication.checks.links import extract_urls, unchecked_urls
from sklaida.communication.checks.spelling import WORD_RE
from sklaida.communication.models import AcceptedWord
from sklaida.core.permissions import Capability, has_capability


def _may_work(user) -> None:
    if not has_capability(user, Capability.WORK_IN_DEPARTMENT):
        raise PermissionDenied


def add_accepted_word(*, user, word: str, model_word: str = "") -> AcceptedWord:
    """Add a word to the staff dictionary; with a model word, with the model's paradigm.

    The model word is stored as the dictionary spells its base form ("jonaitis" → "Jonaitis").
    """
    _may_work(user)
    word, model_word = word.strip(), model_word.strip()
    if not WORD_RE.fullmatch(word):
        raise ValidationError(_("Enter a single word, without spaces or punctuation."))
    if model_word:
        base = base_form(model_word)
        if base is None:
            raise ValidationError(
                _(
                    "“%(model)s” is not a base form with endings in the dictionary; pick a "
                    "word such as %(example)s."
                )
                % {"model": model_word, "example": MODEL_WORDS[0][0]}
            )
        model_word = base
    duplicate = ValidationError(_("“%(word)s” is already in the dictionary.") % {"word": word})
    # Compared in Python: SQLite folds the case of ASCII letters only (Š ≠ š there);
    # PostgreSQL also enforces it with the unique index on lower(word).
    existing = AcceptedWord.objects.values_list("word", flat=True)
    if word.casefold() in {other.casefold() for other in existing}:
        raise duplicate
    try:
        with transaction.atomic():
            return AcceptedWord.objects.create(word=word, model_word=model_word, added_by=user)
    except IntegrityError as error:
        raise duplicate from error


def delete_accepted_word(*, user, pk: int) -> None:
    _may_work(user)
    with transaction.atomic():
        AcceptedWord.objects.filter(pk=pk).delete()


def request_link_checks(*, text: str) -> list[str]:
    """Queue a background check of the text's addresses not checked lately; returns them."""
    from sklaida.communication import tasks

    urls = unchecked_urls(extract_urls(text))
    if urls:
        transaction.on_commit(lambda: tasks.check_links.enqueue(urls=urls))
    return urls
