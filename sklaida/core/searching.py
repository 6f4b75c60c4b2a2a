"""What the one search (core.search) finds a task by, and where a result leads."""

from __future__ import annotations

from django.utils import formats
from django.utils.translation import gettext_lazy as _

from sklaida.core import search
from sklaida.core.models import Task


def _summary(task: Task) -> str:
    parts = [str(task.get_status_display()), task.owner.get_full_name() or task.owner.username]
    if task.due_date:
        parts.append(formats.date_format(task.due_date, "DATE_FORMAT"))
    return " · ".join(parts)


def register() -> None:
    search.register(
        search.Searchable(
            model=Task,
            label=_("Tasks"),
            title=lambda task: task.title,
            text=lambda task: [task.description],
            url=lambda task: task.get_absolute_url(),
            summary=_summary,
            list_url="core:task_list",
            list_query=(("scope", "all"),),
            then=("due_date",),
            prepare=lambda queryset: queryset.select_related("owner"),
            order=70,
        )
    )
