"""One Lithuanian search for everything (see docs/ARCHITECTURE.md, "Search").

An app makes a model searchable in its AppConfig.ready():

    search.register(search.Searchable(model=Event, label=_("Events"), title=..., ...))

and its list narrows by a query with `search.matching(queryset, q, ranked=True)`; the
header's search asks every registered kind at once (`everything.everything`).
"""

from __future__ import annotations

from django.db.models import F, OrderBy, QuerySet

from sklaida.core.search.engine import filter_matching
from sklaida.core.search.indexing import index, index_many, rebuild, unindex
from sklaida.core.search.registry import (
    Related,
    Searchable,
    register,
    registered,
    searchable_for,
)
from sklaida.core.search.words import query_words

__all__ = [
    "Related",
    "Searchable",
    "index",
    "index_many",
    "matching",
    "ordered",
    "query_words",
    "rebuild",
    "register",
    "registered",
    "searchable_for",
    "unindex",
]


def matching(
    queryset: QuerySet,
    query: str,
    *,
    ranked: bool = False,
    prefix: bool = True,
    kind: str = "",
) -> QuerySet:
    """The objects of `queryset` that have every word of `query` in any inflected form,
    with or without diacritics, in any case (the last word also as a beginning while the
    user types). With `ranked`, annotated `search_rank`: higher is better. A query without
    letters or digits leaves `queryset` as it is. `kind` names another kind of the model
    (e.g. "events.public", the words the public sees)."""
    kind = kind or queryset.model._meta.label_lower
    return filter_matching(queryset, kind, query, ranked=ranked, prefix=prefix)


def _order(field: str) -> OrderBy:
    if field.startswith("-"):
        return F(field[1:]).desc(nulls_last=True)
    return F(field).asc(nulls_last=True)


def ordered(queryset: QuerySet, query: str, *then: str | OrderBy, kind: str = "") -> QuerySet:
    """`queryset` searched by `query`, best matches first, then by `then` (or the kind's
    own order: newest first for events and files); without a query, only by `then`."""
    searchable = searchable_for(kind or queryset.model)
    then = tuple(
        _order(field) if isinstance(field, str) else field
        for field in (then or (*searchable.then, "-pk"))
    )
    if not query_words(query):
        return queryset.order_by(*then)
    return matching(queryset, query, ranked=True, kind=searchable.kind).order_by(
        F("search_rank").desc(), *then
    )
