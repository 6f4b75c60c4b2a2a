"""Keeping the index current: on every save and delete, after many-to-many changes and
changes of what an object quotes (an event's title on its photos), and rebuilt on demand.

Writes happen in the saving transaction, so an object and its entry never disagree; a
raw `update()` or `bulk_create` bypasses signals and must call `index()`/`index_many()`.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial

from django.apps import apps
from django.db import models, transaction
from django.db.models import QuerySet
from django.db.models.signals import m2m_changed, post_delete, post_save

from sklaida.core.search.registry import Searchable, kinds_of, registered, searchable_for
from sklaida.core.search.words import document

BATCH = 500


def _entry_values(searchable: Searchable, obj: models.Model) -> tuple[str, str]:
    return document(searchable.title(obj)), document(*searchable.text(obj))


def index(obj: models.Model) -> None:
    """Index one object as it is now (after its many-to-many relations are saved)."""
    from sklaida.core.models import SearchEntry

    for searchable in kinds_of(type(obj)):
        title, body = _entry_values(searchable, obj)
        kind = searchable.kind
        updated = SearchEntry.objects.filter(kind=kind, object_id=obj.pk).update(
            title=title, body=body
        )
        if not updated:
            SearchEntry.objects.create(kind=kind, object_id=obj.pk, title=title, body=body)


def index_many(
    objects: QuerySet | Iterable[models.Model],
    *,
    batch: int = BATCH,
    only: Searchable | None = None,
) -> int:
    """Index many objects of one model as each of its kinds (or `only` one); a queryset is
    read in chunks, so memory stays flat. Returns how many objects."""
    from sklaida.core.models import SearchEntry

    if isinstance(objects, QuerySet):
        searchable = searchable_for(objects.model)
        objects = searchable.prepare(objects).order_by("pk").iterator(chunk_size=batch)
    count = 0
    entries: list[SearchEntry] = []
    for obj in objects:
        for searchable in [only] if only else kinds_of(type(obj)):
            title, body = _entry_values(searchable, obj)
            entries.append(
                SearchEntry(kind=searchable.kind, object_id=obj.pk, title=title, body=body)
            )
        count += 1
        if len(entries) >= batch:
            _upsert(entries)
            entries = []
    if entries:
        _upsert(entries)
    return count


def _upsert(entries: list) -> None:
    from sklaida.core.models import SearchEntry

    SearchEntry.objects.bulk_create(
        entries,
        update_conflicts=True,
        unique_fields=["kind", "object_id"],
        update_fields=["title", "body"],
    )


def unindex(model: type[models.Model], pks: Iterable[int]) -> None:
    from sklaida.core.models import SearchEntry

    kinds = [searchable.kind for searchable in kinds_of(model)]
    SearchEntry.objects.filter(kind__in=kinds, object_id__in=list(pks)).delete()


def rebuild(kinds: Iterable[str] | None = None, *, progress=None) -> dict[str, int]:
    """Index every object of the registered models (or of `kinds`) again and drop entries
    of objects that no longer exist; returns the count per kind."""
    from sklaida.core.models import SearchEntry

    counts: dict[str, int] = {}
    wanted = set(kinds) if kinds else None
    for searchable in registered():
        if wanted is not None and searchable.kind not in wanted:
            continue
        model = searchable.model
        SearchEntry.objects.filter(kind=searchable.kind).exclude(
            object_id__in=model._default_manager.values("pk")
        ).delete()
        counts[searchable.kind] = index_many(model._default_manager.all(), only=searchable)
        if progress:
            progress(searchable.kind, counts[searchable.kind])
    return counts


def kinds_never_indexed() -> list[str]:
    """Kinds with no entry while their model has rows: an installation upgraded from before
    the search or before a kind was added, or a restored backup. post_migrate fills them.
    Two small queries per kind."""
    from sklaida.core.models import SearchEntry

    return [
        searchable.kind
        for searchable in registered()
        if not SearchEntry.objects.filter(kind=searchable.kind).exists()
        and searchable.model._default_manager.exists()
    ]


def _saved(sender, instance, raw: bool = False, **kwargs) -> None:
    if not raw:
        index(instance)


def _deleted(sender, instance, **kwargs) -> None:
    unindex(sender, [instance.pk])


def _m2m_changed(sender, instance, action: str, reverse: bool, model, pk_set, **kwargs) -> None:
    if not action.startswith("post_"):
        return
    if not reverse:
        index(instance)
    elif pk_set:
        # Changed from the other side (a person added to events): index those objects.
        index_many(model._default_manager.filter(pk__in=pk_set))


def _related_saved(searchable: Searchable, related, sender, instance, created: bool, **kwargs):
    if created or kwargs.get("raw"):
        return
    update_fields = kwargs.get("update_fields")
    if related.fields and update_fields is not None and not set(related.fields) & update_fields:
        return
    objects = related.objects(instance)
    transaction.on_commit(partial(index_many, objects))


def connect(searchable: Searchable) -> None:
    # One handler per model (it indexes every kind of the model), one per related model.
    model_uid = f"search-{searchable.model._meta.label_lower}"
    post_save.connect(_saved, sender=searchable.model, dispatch_uid=f"{model_uid}-save", weak=False)
    post_delete.connect(
        _deleted, sender=searchable.model, dispatch_uid=f"{model_uid}-delete", weak=False
    )
    for name in searchable.m2m:
        through = getattr(searchable.model, name).through
        m2m_changed.connect(
            _m2m_changed, sender=through, dispatch_uid=f"{model_uid}-m2m-{name}", weak=False
        )
    uid = f"search-{searchable.kind}"
    for related in searchable.related:
        post_save.connect(
            partial(_related_saved, searchable, related),
            sender=apps.get_model(related.model),
            dispatch_uid=f"{uid}-related-{related.model}",
            weak=False,
        )
