"""Reads of content items: the filtered list, one item, versions and their diff, the calendar."""

from __future__ import annotations

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
from sklaida.core import calendars, search
from sklaida.core.models import User
from sklaida.core.permissions import Capability, has_capability, visible_to


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
    items = items.select_related("author", "campaign").prefetch_related(
        Prefetch("variants", queryset=ChannelVariant.objects.select_related("channel"))
    )
    # With a search text the best matches come first, then the newest.
    return search.ordered(items, criteria.q, "-created_at", "-pk")


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


# Published and archived items keep their time; so do the channel texts of those items.
FIXED_IN_TIME = frozenset({ContentItem.Status.PUBLISHED, ContentItem.Status.ARCHIVED})


@dataclass
class CalendarEntry:
    """An item at its publication time, or a channel text at its planned time (local)."""

    kind: str  # "item" or "variant"
    pk: int
    title: str
    url: str
    moment: datetime.datetime
    channel: str
    kind_label: str
    status: str
    status_label: str
    published_url: str = ""
    movable: bool = False

    @property
    def day(self) -> datetime.date:
        return self.moment.date()

    @property
    def label(self) -> str:
        """What a screen reader hears for it: a channel text names its channel."""
        return f"{self.title} ({self.channel})" if self.kind == "variant" else self.title


@dataclass
class CalendarPeriod:
    view: str  # "month", "week" or "list"
    first: datetime.date
    last: datetime.date
    previous: datetime.date
    next: datetime.date
    days: list[calendars.Day]  # every day of the period
    weeks: list[list[calendars.Day]] = field(default_factory=list)  # the month grid

    @property
    def days_with_entries(self) -> list[calendars.Day]:
        return [day for day in self.days if day.entries and day.in_period]


def _day_start(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def calendar_entries(
    *, user: User, first: datetime.date, last: datetime.date, criteria: ContentFilter
) -> list[CalendarEntry]:
    """Items by their publication time and channel texts by their planned time (two queries)."""
    start, end = _day_start(first), _day_start(last + datetime.timedelta(days=1))
    visible = item_list(user=user, criteria=criteria)
    items = (
        visible.filter(
            Q(published_at__gte=start, published_at__lt=end)
            | Q(published_at__isnull=True, publish_at__gte=start, publish_at__lt=end)
        )
        .select_related(None)
        .prefetch_related(None)
    )
    variants = ChannelVariant.objects.filter(
        item__in=visible.values("pk"), planned_at__gte=start, planned_at__lt=end
    ).select_related("item", "channel")
    if criteria.channel:
        variants = variants.filter(channel_id=criteria.channel)
    may_move = has_capability(user, Capability.WORK_IN_DEPARTMENT)
    entries = [
        CalendarEntry(
            kind="item",
            pk=item.pk,
            title=item.title,
            url=item.get_absolute_url(),
            moment=timezone.localtime(item.published_at or item.publish_at),
            channel=str(_("all channels")),
            kind_label=str(item.get_kind_display()),
            status=item.status,
            status_label=str(item.get_status_display()),
            movable=may_move and item.status not in FIXED_IN_TIME,
        )
        for item in items
    ]
    entries += [
        CalendarEntry(
            kind="variant",
            pk=variant.pk,
            title=variant.item.title,
            url=variant.item.get_absolute_url(),
            moment=timezone.localtime(variant.planned_at),
            channel=variant.channel.name,
            kind_label=str(variant.item.get_kind_display()),
            status=variant.item.status,
            status_label=str(variant.item.get_status_display()),
            published_url=variant.published_url,
            movable=may_move and not variant.published_url,
        )
        for variant in variants
    ]
    return sorted(entries, key=lambda entry: (entry.moment, entry.kind, entry.pk))


def content_calendar(
    *,
    user: User,
    view: str,
    day: datetime.date,
    today: datetime.date,
    criteria: ContentFilter = ContentFilter(),
) -> CalendarPeriod:
    """A month (as whole weeks), a week, or a month's list of the content calendar."""
    if view == "week":
        first, last = calendars.week_bounds(day)
        entries = calendar_entries(user=user, first=first, last=last, criteria=criteria)
        return CalendarPeriod(
            view=view,
            first=first,
            last=last,
            previous=first - datetime.timedelta(days=7),
            next=first + datetime.timedelta(days=7),
            days=calendars.days(first, last, entries, today=today),
        )
    first, last = calendars.month_bounds(day)
    grid_first, grid_last = calendars.grid_bounds(first, last)
    if view != "month":
        grid_first, grid_last = first, last
    entries = calendar_entries(user=user, first=grid_first, last=grid_last, criteria=criteria)
    grid = calendars.days(grid_first, grid_last, entries, today=today, period=(first, last))
    return CalendarPeriod(
        view="month" if view == "month" else "list",
        first=first,
        last=last,
        previous=(first - datetime.timedelta(days=1)).replace(day=1),
        next=last + datetime.timedelta(days=1),
        days=[d for d in grid if d.in_period],
        weeks=calendars.weeks(grid) if view == "month" else [],
    )
