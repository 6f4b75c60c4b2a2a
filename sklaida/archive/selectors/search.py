"""Finding assets: the search with its criteria, and the facet counts beside the results."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Count, F, Q, QuerySet
from django.db.models.functions import ExtractYear
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from sklaida.archive.models import Asset
from sklaida.archive.selectors.access import visible_assets
from sklaida.contacts.models import Person
from sklaida.core import search
from sklaida.core.models import User

# The event, creator and person facets name the most frequent ones only.
TOP_FACET_VALUES = 20
# Facets are counted only up to this many matching files: beyond it each facet is a
# grouped pass over a large part of the archive, while the list itself stays fast.
FACET_LIMIT = 20_000


@dataclass(frozen=True)
class AssetCriteria:
    text: str = ""
    kind: str = ""
    year: int | None = None
    event: int | None = None  # events.Event id
    creator: int | None = None  # contacts.Person id
    access: str = ""
    selection: str = ""
    person: int | None = None  # contacts.Person id of someone shown
    damaged: bool = False  # only files whose previews failed


@dataclass(frozen=True)
class Facet:
    value: str | int
    label: str
    count: int


def _year_bounds(year: int) -> tuple[datetime.datetime, datetime.datetime]:
    """The year in Vilnius as an aware half-open range, which the captured_at index serves."""
    zone = timezone.get_default_timezone()
    start = datetime.datetime(year, 1, 1, tzinfo=zone)
    return start, datetime.datetime(year + 1, 1, 1, tzinfo=zone)


def asset_search(*, user: User, criteria: AssetCriteria) -> QuerySet[Asset]:
    """The assets the user may see that meet every criterion, newest first; with a text,
    the best matches first."""
    assets = visible_assets(user, Asset.objects.all())
    for name in ("kind", "access", "selection"):
        if getattr(criteria, name):
            assets = assets.filter(**{name: getattr(criteria, name)})
    for name in ("event", "creator"):
        if getattr(criteria, name) is not None:
            assets = assets.filter(**{f"{name}_id": getattr(criteria, name)})
    if criteria.damaged:
        assets = assets.filter(rendition_status=Asset.Renditions.FAILED)
    if criteria.person is not None:
        # One person is linked to an asset at most once, so this join adds no duplicates.
        assets = assets.filter(people=criteria.person)
    if criteria.year is not None:
        if not datetime.MINYEAR <= criteria.year < datetime.MAXYEAR:
            return assets.none()  # a year typed into the address that no date can have
        start, end = _year_bounds(criteria.year)
        assets = assets.filter(captured_at__gte=start, captured_at__lt=end)
    newest_first = [F("captured_at").desc(nulls_last=True), F("pk").desc()]
    return search.ordered(assets.select_related("event", "creator"), criteria.text, *newest_first)


def _person_label(pk: int, first_name: str, last_name: str, anonymised_at) -> str:
    return str(
        Person(pk=pk, first_name=first_name, last_name=last_name, anonymised_at=anonymised_at)
    )


def _event_label(title: str, starts_at: datetime.datetime) -> str:
    # Events of a series share their title; the date tells them apart.
    day = formats.date_format(timezone.localtime(starts_at), "SHORT_DATE_FORMAT")
    return f"{title} ({day})"


def facets_are_cheap(queryset: QuerySet[Asset]) -> bool:
    """Whether `queryset` has at most FACET_LIMIT files (one query that stops counting there)."""
    return queryset.order_by().values("pk")[: FACET_LIMIT + 1].count() <= FACET_LIMIT


def asset_facets(*, queryset: QuerySet[Asset]) -> dict[str, list[Facet]] | None:
    """How many of `queryset` fall under each type, year (in Vilnius), event, creator,
    person shown, access level and selection state, and how many are damaged (previews
    failed); values with none are left out.

    Five queries whatever the number of assets: one pass counts the values of the three
    choice fields and the damaged files at once, then one grouped query each for year,
    event, creator, person. None when there are more than FACET_LIMIT files.
    """
    if not facets_are_cheap(queryset):
        return None
    assets = queryset.order_by()
    choice_fields = {
        "kind": Asset.Kind,
        "access": Asset.Access,
        "selection": Asset.Selection,
    }
    counts = assets.aggregate(
        **{
            f"{name}_{value}": Count("pk", filter=Q(**{name: value}))
            for name, choices in choice_fields.items()
            for value in choices.values
        },
        damaged=Count("pk", filter=Q(rendition_status=Asset.Renditions.FAILED)),
    )
    facets: dict[str, list[Facet]] = {
        name: [
            Facet(value, str(label), counts[f"{name}_{value}"])
            for value, label in choices.choices
            if counts[f"{name}_{value}"]
        ]
        for name, choices in choice_fields.items()
    }
    facets["damaged"] = (
        [Facet(1, _("Damaged files"), counts["damaged"])] if counts["damaged"] else []
    )

    years = (
        assets.filter(captured_at__isnull=False)
        .annotate(year=ExtractYear("captured_at", tzinfo=timezone.get_default_timezone()))
        .values("year")
        .annotate(count=Count("pk"))
        .order_by("-year")
    )
    facets["year"] = [Facet(row["year"], str(row["year"]), row["count"]) for row in years]

    events = (
        assets.filter(event__isnull=False)
        .values("event", "event__title", "event__starts_at")
        .annotate(count=Count("pk"))
        .order_by("-count", "-event__starts_at", "event")[:TOP_FACET_VALUES]
    )
    facets["event"] = [
        Facet(
            row["event"],
            _event_label(row["event__title"], row["event__starts_at"]),
            row["count"],
        )
        for row in events
    ]

    creators = (
        assets.filter(creator__isnull=False)
        .values("creator", "creator__first_name", "creator__last_name", "creator__anonymised_at")
        .annotate(count=Count("pk"))
        .order_by("-count", "creator__last_name", "creator")[:TOP_FACET_VALUES]
    )
    facets["creator"] = [
        Facet(
            row["creator"],
            _person_label(
                row["creator"],
                row["creator__first_name"],
                row["creator__last_name"],
                row["creator__anonymised_at"],
            ),
            row["count"],
        )
        for row in creators
    ]

    # Through the link table, so that a search already narrowed to one person still
    # counts everyone shown beside them.
    people = (
        Asset.people.through.objects.filter(asset__in=assets.values("pk"))
        .values("person", "person__first_name", "person__last_name", "person__anonymised_at")
        .annotate(count=Count("asset"))
        .order_by("-count", "person__last_name", "person")[:TOP_FACET_VALUES]
    )
    facets["person"] = [
        Facet(
            row["person"],
            _person_label(
                row["person"],
                row["person__first_name"],
                row["person__last_name"],
                row["person__anonymised_at"],
            ),
            row["count"],
        )
        for row in people
    ]
    return facets
