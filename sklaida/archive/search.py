"""What the one search (core.search) finds an asset by, and where a result leads.

An asset is found by its title (the weightiest), description, place, keywords, the people
shown and its creator, its event's title and its file name. An event renamed or a person
renamed re-indexes the assets that quote them; an anonymised person's name leaves them
through archive.privacy.
"""

from __future__ import annotations

import re

from django.db.models import Q, QuerySet
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from sklaida.archive.models import Asset
from sklaida.core import search

# File names also give their parts as words: "Renginys_2024-05.jpg" → "Renginys 2024 05 jpg".
_NAME_SEPARATORS = re.compile(r"[_.\-]+")


def _person_name(person) -> str:
    # An anonymised person's name is gone from contacts; it must not live on here.
    if person is None or person.anonymised_at:
        return ""
    return f"{person.first_name} {person.last_name}".strip()


def _text(asset: Asset) -> list[str]:
    parts: list[str] = [asset.description, asset.place, asset.creator_name]
    if asset.pk:
        parts.extend(tag.name for tag in asset.keywords.all())
        parts.extend(_person_name(person) for person in asset.people.all())
    if asset.creator_id:
        parts.append(_person_name(asset.creator))
    if asset.event_id:
        parts.append(asset.event.title)
    if asset.original_name:
        parts.append(_NAME_SEPARATORS.sub(" ", asset.original_name))
    return parts


def _summary(asset: Asset) -> str:
    parts = [str(asset.get_kind_display())]
    if asset.captured_at:
        parts.append(formats.date_format(timezone.localtime(asset.captured_at), "DATE_FORMAT"))
    if asset.event_id:
        parts.append(asset.event.title)
    return " · ".join(parts)


def _visible(user, queryset: QuerySet[Asset]) -> QuerySet[Asset]:
    from sklaida.archive.selectors.access import visible_assets

    return visible_assets(user, queryset)


def _prepare(queryset: QuerySet[Asset]) -> QuerySet[Asset]:
    return queryset.select_related("event", "creator").prefetch_related("keywords", "people")


def _assets_of_person(person) -> QuerySet[Asset]:
    return Asset.objects.filter(Q(people=person) | Q(creator=person)).distinct()


def register() -> None:
    search.register(
        search.Searchable(
            model=Asset,
            label=_("Media archive"),
            title=lambda asset: asset.title,
            text=_text,
            url=lambda asset: asset.get_absolute_url(),
            summary=_summary,
            list_url="archive:list",
            then=("-captured_at",),
            visible=_visible,
            prepare=_prepare,
            m2m=("people",),
            related=(
                search.Related(
                    "events.event", lambda event: Asset.objects.filter(event=event), ("title",)
                ),
                search.Related("contacts.person", _assets_of_person, ("first_name", "last_name")),
            ),
            order=50,
        )
    )


def _equipment_summary(item) -> str:
    parts = [str(item.get_kind_display()), item.library.short_name or item.library.name]
    if item.inventory_number:
        parts.append(item.inventory_number)
    return " · ".join(parts)


def register_equipment() -> None:
    """Equipment lives in core (events book it too); its register is the archive's."""
    from sklaida.core.models import Equipment

    search.register(
        search.Searchable(
            model=Equipment,
            label=_("Equipment"),
            title=lambda item: item.name,
            text=lambda item: [
                item.inventory_number,
                item.serial_number,
                item.location,
                item.notes,
                str(item.get_kind_display()),
            ],
            url=lambda item: reverse("archive:equipment_detail", args=[item.pk]),
            summary=_equipment_summary,
            list_url="archive:equipment_list",
            then=("name",),
            prepare=lambda queryset: queryset.select_related("library"),
            order=60,
        )
    )
