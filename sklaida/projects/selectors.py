"""Reads of funders, calls and projects that the pages, search and reports share."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone

from sklaida.core.models import User
from sklaida.core.permissions import visible_to
from sklaida.projects.models import (
    Document,
    DocumentVersion,
    Funder,
    FundingCall,
    Partner,
    Project,
    StatusChange,
    TeamMember,
)


@dataclass(frozen=True)
class ProjectFilter:
    q: str = ""
    status: str = ""
    funder: int | None = None
    role: str = ""


def project_list(user: User, criteria: ProjectFilter) -> QuerySet[Project]:
    """The projects `user` may see, filtered, newest first (an index serves the order)."""
    projects = visible_to(user, Project.objects.all()).select_related(
        "funder", "call", "manager", "library"
    )
    if criteria.q:
        projects = projects.filter(
            Q(title__icontains=criteria.q) | Q(acronym__icontains=criteria.q)
        )
    if criteria.status:
        projects = projects.filter(status=criteria.status)
    if criteria.funder:
        projects = projects.filter(funder_id=criteria.funder)
    if criteria.role:
        projects = projects.filter(role=criteria.role)
    return projects.order_by("-created_at", "-pk")


def project_for_page(pk: int) -> QuerySet[Project]:
    """One project with everything its overview shows, in a fixed number of queries."""
    return (
        Project.objects.filter(pk=pk)
        .select_related(
            "funder", "call__funder", "manager", "library", "lead_organisation", "created_by"
        )
        .prefetch_related(
            "territory_libraries",
            "plan_activities__plan",
            Prefetch("partners", queryset=Partner.objects.select_related("organisation")),
            Prefetch("team", queryset=TeamMember.objects.select_related("user")),
            Prefetch("status_changes", queryset=StatusChange.objects.select_related("changed_by")),
        )
    )


def documents_of(project: Project) -> QuerySet[Document]:
    return project.documents.prefetch_related(
        Prefetch(
            "versions",
            queryset=DocumentVersion.objects.select_related("uploaded_by").order_by("-number"),
        )
    )


def funders_with_counts() -> QuerySet[Funder]:
    return Funder.objects.annotate(
        call_count=Count("calls", distinct=True), project_count=Count("projects", distinct=True)
    ).order_by("name")


def _calls_matching(query: str) -> QuerySet[FundingCall]:
    calls = FundingCall.objects.select_related("funder")
    if query:
        calls = calls.filter(
            Q(title__icontains=query)
            | Q(programme__icontains=query)
            | Q(funder__name__icontains=query)
        )
    return calls


def open_calls(query: str = "") -> QuerySet[FundingCall]:
    """Calls whose deadline is still ahead (or not set), the nearest first."""
    return (
        _calls_matching(query)
        .filter(Q(deadline__gte=timezone.now()) | Q(deadline__isnull=True))
        .order_by("deadline", "pk")
    )


def past_calls(query: str = "") -> QuerySet[FundingCall]:
    return _calls_matching(query).filter(deadline__lt=timezone.now()).order_by("-deadline", "-pk")
