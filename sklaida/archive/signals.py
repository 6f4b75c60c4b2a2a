"""Keeping the archive's search text true when what it quotes changes elsewhere: an
event renamed, a person renamed (an anonymised one is re-indexed by archive.privacy)."""

from __future__ import annotations

from django.db import connections, transaction
from django.db.models.signals import post_migrate, post_save


def _reindex_event_assets(sender, instance, created: bool, update_fields=None, **kwargs) -> None:
    # Seats and statuses change often; only the title is in the assets' search text.
    if created or (update_fields is not None and "title" not in update_fields):
        return
    from sklaida.archive import search
    from sklaida.archive.models import Asset

    assets = Asset.objects.filter(event=instance)
    transaction.on_commit(lambda: search.reindex_assets(assets=assets))


def _reindex_person_assets(sender, instance, created: bool, **kwargs) -> None:
    # Anonymising re-indexes through core.personal_data (archive.privacy), in its transaction.
    if created or instance.anonymised_at:
        return
    from django.db.models import Q

    from sklaida.archive import search
    from sklaida.archive.models import Asset

    assets = Asset.objects.filter(Q(people=instance) | Q(creator=instance)).distinct()
    transaction.on_commit(lambda: search.reindex_assets(assets=assets))


def _ensure_search_index(sender, using: str, **kwargs) -> None:
    from sklaida.archive import search

    search.ensure_search_index(connections[using])


def connect(app_config) -> None:
    from sklaida.contacts.models import Person
    from sklaida.events.models import Event

    post_save.connect(_reindex_event_assets, sender=Event, dispatch_uid="archive-event-words")
    post_save.connect(_reindex_person_assets, sender=Person, dispatch_uid="archive-person-words")
    post_migrate.connect(_ensure_search_index, sender=app_config, dispatch_uid="archive-fts")
