"""Reads of core data, already scoped to what the asking user may see."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Count, Q, QuerySet

from sklaida.core import search
from sklaida.core.models import Attachment, Comment, Library, Space, Task, User
from sklaida.core.permissions import visible_to


def end_of_week(day: datetime.date) -> datetime.date:
    """The Sunday of `day`'s week (Lithuanian weeks start on Monday)."""
    return day + datetime.timedelta(days=6 - day.weekday())


def _task_rows(queryset: QuerySet[Task]) -> QuerySet[Task]:
    return queryset.select_related("owner", "library", "content_type").prefetch_related("target")


@dataclass
class MyWork:
    """A person's open tasks, grouped the way the "My work" page shows them."""

    today: datetime.date
    overdue: list[Task] = field(default_factory=list)
    this_week: list[Task] = field(default_factory=list)
    later: list[Task] = field(default_factory=list)
    undated: list[Task] = field(default_factory=list)
    assigned_to_others: list[Task] = field(default_factory=list)
    # The long sections list only the nearest few; the task list has the rest.
    later_count: int = 0
    assigned_to_others_count: int = 0

    @property
    def open_count(self) -> int:
        return len(self.overdue) + len(self.this_week) + self.later_count + len(self.undated)


MY_WORK_SHOWN = 10


def my_work(*, user: User, today: datetime.date) -> MyWork:
    work = MyWork(today=today)
    sunday = end_of_week(today)
    open_tasks = Task.objects.filter(status__in=Task.OPEN_STATUSES)
    mine = open_tasks.filter(owner=user)
    for task in _task_rows(mine.filter(Q(due_date__isnull=True) | Q(due_date__lte=sunday))):
        if task.due_date is None:
            work.undated.append(task)
        elif task.due_date < today:
            work.overdue.append(task)
        else:
            work.this_week.append(task)
    work.later, work.later_count = _first_and_count(mine.filter(due_date__gt=sunday))
    work.assigned_to_others, work.assigned_to_others_count = _first_and_count(
        open_tasks.filter(created_by=user).exclude(owner=user)
    )
    return work


def _first_and_count(tasks: QuerySet[Task]) -> tuple[list[Task], int]:
    """The first MY_WORK_SHOWN tasks, and how many there are in all."""
    return list(_task_rows(tasks)[:MY_WORK_SHOWN]), tasks.count()


TASK_SCOPES = ("mine", "assigned_by_me", "all")


def task_list(
    *, user: User, scope: str = "mine", status: str = "", query: str = ""
) -> QuerySet[Task]:
    tasks = visible_to(user, Task.objects.all())
    if scope == "mine":
        tasks = tasks.filter(owner=user)
    elif scope == "assigned_by_me":
        tasks = tasks.filter(created_by=user).exclude(owner=user)
    if status == "open":
        tasks = tasks.filter(status__in=Task.OPEN_STATUSES)
    elif status:
        tasks = tasks.filter(status=status)
    if search.query_words(query):
        # The best matches first, then by due date as the list is.
        tasks = search.ordered(tasks, query, "due_date", "pk")
    return _task_rows(tasks)


def task_for(*, user: User, pk: int) -> Task:
    """One task the user may see; raises Task.DoesNotExist otherwise."""
    return (
        visible_to(user, Task.objects.all())
        .select_related("owner", "created_by", "library", "content_type")
        .prefetch_related("tags")
        .get(pk=pk)
    )


def assignable_users() -> QuerySet[User]:
    return User.objects.filter(is_active=True).order_by("first_name", "last_name", "username")


def _on(target: models.Model) -> Q:
    return Q(content_type=ContentType.objects.get_for_model(target), object_id=target.pk)


def comments_on(target: models.Model) -> QuerySet[Comment]:
    return Comment.objects.filter(_on(target)).select_related("author")


def attachments_on(target: models.Model) -> QuerySet[Attachment]:
    return Attachment.objects.filter(_on(target)).select_related("uploaded_by")


def history_of(target: models.Model, *, limit: int = 50) -> list[LogEntry]:
    """The latest audit entries of an object, newest first."""
    return list(
        LogEntry.objects.get_for_object(target)
        .select_related("actor", "content_type")
        .order_by("-timestamp", "-pk")[:limit]
    )


def libraries_for(*, user: User) -> QuerySet[Library]:
    return visible_to(user, Library.objects.all()).annotate(
        space_count=Count("spaces", filter=Q(spaces__is_active=True))
    )


def library_for(*, user: User, pk: int) -> Library:
    """One library the user may see; raises Library.DoesNotExist otherwise."""
    return visible_to(user, Library.objects.all()).get(pk=pk)


def space_for(*, user: User, pk: int) -> Space:
    """One space the user may see (a territory specialist: her library's); raises
    Space.DoesNotExist otherwise."""
    return (
        visible_to(user, Space.objects.select_related("library"))
        .prefetch_related("equipment")
        .get(pk=pk)
    )


def spaces_of(library: Library) -> QuerySet[Space]:
    return library.spaces.filter(is_active=True).prefetch_related("equipment")
