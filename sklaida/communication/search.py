"""What the one search (core.search) finds a content item by, and where a result leads."""

from __future__ import annotations

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from sklaida.communication.models import ContentItem
from sklaida.core import search
from sklaida.core.formatting import format_moment


def _summary(item: ContentItem) -> str:
    parts = [str(item.get_kind_display()), str(item.get_status_display())]
    moment = item.published_at or item.publish_at
    if moment:
        parts.append(format_moment(moment))
    return " · ".join(parts)


def _prepare(queryset: QuerySet[ContentItem]) -> QuerySet[ContentItem]:
    return queryset.select_related("campaign")


def register() -> None:
    search.register(
        search.Searchable(
            model=ContentItem,
            label=_("Content"),
            title=lambda item: item.title,
            text=lambda item: [
                item.summary,
                item.body,
                item.campaign.title if item.campaign_id else "",
            ],
            url=lambda item: item.get_absolute_url(),
            summary=_summary,
            list_url="communication:item_list",
            then=("-created_at",),
            prepare=_prepare,
            order=20,
        )
    )
