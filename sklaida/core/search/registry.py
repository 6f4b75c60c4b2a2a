"""What each app tells search about its models (registered from AppConfig.ready)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.db import models
from django.db.models import QuerySet

from sklaida.core.permissions import visible_to


def _unchanged(queryset: QuerySet) -> QuerySet:
    return queryset


@dataclass(frozen=True)
class Related:
    """Another model whose change changes our words: an event renamed re-indexes its
    photos. `objects(instance)` gives ours that quote it; `fields` limits it to saves that
    may have changed what we quote (a save naming other update_fields is skipped)."""

    model: str  # "events.event"
    objects: Callable[[models.Model], QuerySet]
    fields: tuple[str, ...] = ()


@dataclass(frozen=True)
class Searchable:
    """One kind of object search finds.

    - `title` / `text`: the words found, as written (the title's weigh most);
    - `visible(user, queryset)`: the permission filter the pages use;
    - `url` / `summary`: where a result leads and the one line under it;
    - `list_url`: the URL name of the full list, which takes `?q=`; `list_query`: other
      parameters that list needs to show every match (e.g. everyone's tasks, not mine);
    - `then`: the order of equal matches, e.g. ("-starts_at",) newest first;
    - `prepare(queryset)`: select_related/prefetch for indexing and for results;
    - `m2m`: many-to-many fields whose change re-indexes the object;
    - `related`: other models whose change re-indexes ours;
    - `name`: a second kind of the same model with other words, e.g. "events.public" holds
      only what the public pages show (no performers' names); such a kind is searched by
      name (`matching(..., kind=...)`) and stays out of the header's search.
    """

    model: type[models.Model]
    label: str
    title: Callable[[models.Model], str | None]
    text: Callable[[models.Model], Iterable[str | None]]
    url: Callable[[models.Model], str]
    summary: Callable[[models.Model], str]
    list_url: str
    then: tuple[str, ...]
    list_query: tuple[tuple[str, str], ...] = ()
    visible: Callable[[object, QuerySet], QuerySet] = visible_to
    prepare: Callable[[QuerySet], QuerySet] = _unchanged
    m2m: tuple[str, ...] = ()
    related: tuple[Related, ...] = field(default=())
    order: int = 100  # place of its group among the results
    name: str = ""

    @property
    def kind(self) -> str:
        return self.name or self.model._meta.label_lower

    @property
    def is_main(self) -> bool:
        return self.kind == self.model._meta.label_lower


_registered: dict[str, Searchable] = {}


def register(searchable: Searchable) -> Searchable:
    """Make a model searchable; call from the app's AppConfig.ready()."""
    from sklaida.core.search import indexing

    if searchable.kind not in _registered:
        _registered[searchable.kind] = searchable
        indexing.connect(searchable)
    return searchable


def searchable_for(model: type[models.Model] | str) -> Searchable:
    """The kind of that name, or the model's main kind."""
    kind = model if isinstance(model, str) else model._meta.label_lower
    return _registered[kind]


def kinds_of(model: type[models.Model]) -> list[Searchable]:
    """Every kind a model is indexed as: its main one and any named ones."""
    return [searchable for searchable in _registered.values() if searchable.model is model]


def registered(*, main_only: bool = False) -> list[Searchable]:
    found = sorted(_registered.values(), key=lambda searchable: searchable.order)
    return [searchable for searchable in found if searchable.is_main or not main_only]
