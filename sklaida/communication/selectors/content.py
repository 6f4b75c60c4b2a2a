"""Reads of content items: the filtered list, one item, versions and their diff, the calendar."""

from __future__ import annotations

import calendar
import datetime
import difflib
import re
from dataclasses import dataclass, field

from django.db.models import Prefetch, Q, QuerySet
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _

from sklaida.communication.models import ChannelVariant, ContentItem, ContentVersion, StatusChange
from sklaida.core.models import User
from sklaida.core.permissions import visible_to


@dataclass(frozen=True)
class ContentFilter:
    q: str = ""
    kind: str = ""
    status: str = ""
    author: int | None = None
    channel: int | None = None
    campaign: int | None = None


def item_list(*, user: User, criteria: ContentFilter) -> QuerySet[ContentItem]:
    items = visible_to(user, ContentItem.objects.all())
    if criteria.q:
        items = items.filter(title__icontains=criteria.q)
    for name in ("kind", "status"):
        if getattr(criteria, name):
            items = items.filter(**{name: getattr(criteria, name)})
    for name in ("author", "campaign"):
        if getattr(criteria, name):
            items = items.filter(**{f"{name}_id": getattr(criteria, name)})
    if criteria.channel:
        items = items.filter(
            pk__in=ChannelVariant.objects.filter(channel_id=criteria.channel).values("item_id")
        )
    return (
        items.select_related("author", "campaign")
        .prefetch_related(
            Prefetch("variants", queryset=ChannelVariant.objects.select_related("channel"))
        )
        .order_by("-created_at", "-pk")
    )


def item_for(*, user: User, pk: int) -> ContentItem:
    """One item with what its page shows; ContentItem.DoesNotExist if not visible."""
    return (
        visible_to(user, ContentItem.objects.all())
        .select_related("author", "editor", "approver", "campaign")
        .prefetch_related(
            "events",
            Prefetch(
                "variants",
                queryset=ChannelVariant.objects.select_related("channel", "image").order_by(
                    "channel__name"
                ),
            ),
            Prefetch(
                "status_changes",
                queryset=StatusChange.objects.select_related("changed_by").order_by(
                    "changed_at", "pk"
                ),
            ),
        )
        .get(pk=pk)
    )


def versions_of(item: ContentItem) -> QuerySet[ContentVersion]:
    return item.versions.select_related("saved_by").order_by("-number")


# Words and the spaces between them, so the diff keeps the text's own line breaks.
_TOKENS = re.compile(r"\s+|[^\s]+")


def word_diff(old: str, new: str) -> SafeString:
    """`new` compared with `old` word by word: removed words in <del>, added in <ins>."""
    before, after = _TOKENS.findall(old or ""), _TOKENS.findall(new or "")
    matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
    # (removed, added, unchanged) runs; a lone space between two changes joins them,
    # so "gruodžio 20" → "sausio 10" reads as one change, not two.
    runs: list[list[str]] = []
    for operation, a_from, a_to, b_from, b_to in matcher.get_opcodes():
        removed, added = "".join(before[a_from:a_to]), "".join(after[b_from:b_to])
        if operation == "equal":
            runs.append(["", "", added])
        elif runs and not runs[-1][2] and runs[-1][:2] != ["", ""]:
            runs[-1][0] += removed
            runs[-1][1] += added
        else:
            runs.append([removed, added, ""])
    merged: list[list[str]] = []
    for run in runs:
        if len(merged) >= 2 and not run[2] and merged[-1][2].isspace() and not merged[-2][2]:
            space = merged.pop()[2]
            merged[-1][0] += space + run[0]
            merged[-1][1] += space + run[1]
        else:
            merged.append(run)
    parts = []
    for removed, added, unchanged in merged:
        if removed:
            parts.append(f"<del>{escape(removed)}</del>")
        if added:
            parts.append(f"<ins>{escape(added)}</ins>")
        parts.append(escape(unchanged))
    return mark_safe("".join(parts))  # noqa: S308 - every piece of text is escaped above


@dataclass(frozen=True)
class FieldDiff:
    label: str
    html: SafeString
    changed: bool


def version_diff(older: ContentVersion, newer: ContentVersion) -> list[FieldDiff]:
    """Title, lead and text of two versions compared, in reading order."""
    return [
        FieldDiff(
            label=str(label),
            html=word_diff(getattr(older, name), getattr(newer, name)),
            changed=getattr(older, name) != getattr(newer, name),
        )
        for name, label in (("title", _("Title")), ("summary", _("Lead")), ("body", _("Text")))
    ]


@dataclass
class CalendarDay:
    day: datetime.date
    items: list[ContentItem] = field(default_factory=list)
    variants: list[ChannelVariant] = field(default_factory=list)


@dataclass(frozen=True)
class CalendarMonth:
    first: datetime.date
    last: datetime.date
    previous: datetime.date
    next: datetime.date
    days: list[CalendarDay]


def _day_start(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def content_calendar(
    *, user: User, month: datetime.date, criteria: ContentFilter = ContentFilter()
) -> CalendarMonth:
    """Items by their publication time and variants by their planned time, day by day."""
    first = month.replace(day=1)
    last = first.replace(day=calendar.monthrange(first.year, first.month)[1])
    start, end = _day_start(first), _day_start(last + datetime.timedelta(days=1))
    items = item_list(user=user, criteria=criteria).filter(
        Q(published_at__gte=start, published_at__lt=end)
        | Q(published_at__isnull=True, publish_at__gte=start, publish_at__lt=end)
    )
    variants = ChannelVariant.objects.filter(
        item__in=item_list(user=user, criteria=criteria).values("pk"),
        planned_at__gte=start,
        planned_at__lt=end,
    ).select_related("item", "channel")
    if criteria.channel:
        variants = variants.filter(channel_id=criteria.channel)
    days: dict[datetime.date, CalendarDay] = {}
    for item in items:
        moment = item.published_at or item.publish_at
        day = timezone.localdate(moment)
        days.setdefault(day, CalendarDay(day)).items.append(item)
    for variant in variants:
        day = timezone.localdate(variant.planned_at)
        days.setdefault(day, CalendarDay(day)).variants.append(variant)
    for entry in days.values():
        entry.items.sort(key=lambda item: (item.published_at or item.publish_at, item.pk))
        entry.variants.sort(key=lambda variant: (variant.planned_at, variant.pk))
    return CalendarMonth(
        first=first,
        last=last,
        previous=(first - datetime.timedelta(days=1)).replace(day=1),
        next=last + datetime.timedelta(days=1),
        days=[days[day] for day in sorted(days)],
    )
