"""What the one search (core.search) finds design requests and space projects by."""

from __future__ import annotations

from django.db.models import QuerySet
from django.utils import formats
from django.utils.translation import gettext_lazy as _

from sklaida.core import search
from sklaida.design.models import DesignRequest, SpaceProject


def _request_text(request: DesignRequest) -> list[str]:
    parts = [request.brief, request.print_notes, str(request.get_product_display())]
    if request.event_id:
        parts.append(request.event.title)
    return parts


def _request_summary(request: DesignRequest) -> str:
    return " · ".join(
        (
            str(request.get_product_display()),
            str(request.get_status_display()),
            formats.date_format(request.deadline, "DATE_FORMAT"),
        )
    )


def _prepare_requests(queryset: QuerySet[DesignRequest]) -> QuerySet[DesignRequest]:
    return queryset.select_related("event")


def _project_text(project: SpaceProject) -> list[str]:
    parts = [project.description, project.library.name]
    if project.pk:
        parts.extend(f"{item.title} {item.space.name}" for item in project.items.all())
    return parts


def register() -> None:
    search.register(
        search.Searchable(
            model=DesignRequest,
            label=_("Design requests"),
            title=lambda request: request.title,
            text=_request_text,
            url=lambda request: request.get_absolute_url(),
            summary=_request_summary,
            list_url="design:request_list",
            then=("-deadline",),
            prepare=_prepare_requests,
            order=35,
        )
    )
    search.register(
        search.Searchable(
            model=SpaceProject,
            label=_("Space projects"),
            title=lambda project: project.title,
            text=_project_text,
            url=lambda project: project.get_absolute_url(),
            summary=lambda project: str(project.get_status_display()),
            list_url="design:space_project_list",
            then=("-created_at",),
            prepare=lambda queryset: queryset.select_related("library").prefetch_related(
                "items__space"
            ),
            order=36,
        )
    )
