"""The header's search: every registered kind at once, grouped, each group linking to
its full list. At most three bounded queries per kind (whether there are few enough
matches to rank, a page of the best, a capped count), whatever the number of rows."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode

from django.db import models
from django.urls import reverse

from sklaida.core.search import ordered
from sklaida.core.search.registry import Searchable, registered
from sklaida.core.search.words import query_words

PER_KIND = 5
# Counting stops here: "100+" says enough, and counting a million matches costs.
COUNT_CAP = 100


@dataclass(frozen=True)
class Result:
    title: str
    url: str
    summary: str


@dataclass(frozen=True)
class Group:
    kind: str
    label: str
    results: list[Result]
    count: int  # at most COUNT_CAP + 1
    list_url: str

    @property
    def count_is_capped(self) -> bool:
        return self.count > COUNT_CAP

    @property
    def shown_count(self) -> int:
        return min(self.count, COUNT_CAP)


def _result(searchable: Searchable, obj: models.Model) -> Result:
    return Result(str(obj), searchable.url(obj), searchable.summary(obj))


def _list_url(searchable: Searchable, query: str) -> str:
    return f"{reverse(searchable.list_url)}?{urlencode([*searchable.list_query, ('q', query)])}"


def everything(user, query: str, *, per_kind: int = PER_KIND) -> list[Group]:
    """What `user` may see that matches `query`, per kind, best first; kinds without a
    match are left out."""
    if not query_words(query):
        return []
    groups = []
    for searchable in registered(main_only=True):
        visible = searchable.visible(user, searchable.model._default_manager.all())
        if visible.query.is_empty():
            continue
        found = ordered(visible, query)
        rows = list(searchable.prepare(found)[:per_kind])
        if not rows:
            continue
        count = len(rows)
        if count == per_kind:
            count = found.order_by().values("pk")[: COUNT_CAP + 1].count()
        groups.append(
            Group(
                kind=searchable.kind,
                label=str(searchable.label),
                results=[_result(searchable, row) for row in rows],
                count=count,
                list_url=_list_url(searchable, query),
            )
        )
    return groups
