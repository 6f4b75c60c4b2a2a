"""Reads for the editorial checks pages."""

from __future__ import annotations

from django.db.models import QuerySet

from sklaida.communication.models import AcceptedWord


def accepted_words(*, q: str = "") -> QuerySet[AcceptedWord]:
    words = AcceptedWord.objects.select_related("added_by")
    if q:
        words = words.filter(word__icontains=q)
    return words
