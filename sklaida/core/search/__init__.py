"""One Lithuanian search for everything (see docs/ARCHITECTURE.md, "Search").

An app makes a model searchable in its AppConfig.ready():

    search.register(search.Searchable(model=Event, label=_("Events"), title=..., ...))

and its list narrows by a query with `search.matching(queryset, q, ranked=True)`; the
header's search asks every registered kind at once (`everything.everything`).
"""

from __future__ import annotations

from django.db.models import F, Model, OrderBy, QuerySet

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

# Up to this many matches are ranked by relevance; more are listed in the list's own order.
RANK_LIMIT = 1000

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


def _order(model: type[Model], field: str) -> OrderBy:
    """`-field` / `field`, empty values last — said only where the field may be empty, so
    that an ordinary index on a NOT NULL column still serves the order on PostgreSQL."""
    name = field.removeprefix("-")
    column = model._meta.pk if name == "pk" else model._meta.get_field(name)
    nulls_last = True if column.null else None
    if field.startswith("-"):
        return F(name).desc(nulls_last=nulls_last)
    return F(name).asc(nulls_last=nulls_last)


def ordered(queryset: QuerySet, query: str, *then: str | OrderBy, kind: str = "") -> QuerySet:
    """`queryset` searched by `query`, best matches first, then by `then` (or the kind's
    own order: newest first for events and files); without a query, only by `then`.
    Ranked only up to RANK_LIMIT matches (one bounded count decides): beyond, by `then`."""
    searchable = searchable_for(kind or queryset.model)
    then = tuple(
        _order(queryset.model, field) if isinstance(field, str) else field
        for field in (then or (*searchable.then, "-pk"))
    )
    if not query_words(query):
        return queryset.order_by(*then)
    found = matching(queryset, query, kind=searchable.kind)
    if found.order_by().values("pk")[: RANK_LIMIT + 1].count() > RANK_LIMIT:
        # Ranking is a pass over every match; a common word in a million photos would
        # take seconds. So many matches are listed in the list's own order instead.
        return found.order_by(*then)
    return matching(queryset, query, ranked=True, kind=searchable.kind).order_by(
        F("search_rank").desc(), *then
    )
