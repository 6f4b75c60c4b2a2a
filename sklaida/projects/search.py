"""What the one search (core.search) finds projects and funding calls by."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from sklaida.core import search
from sklaida.projects.models import FundingCall, Project


def _project_text(project: Project) -> list[str]:
    return [
        project.acronym,
        project.summary,
        project.goals,
        project.target_groups,
        project.expected_results,
        project.contract_number,
        str(project.funder or ""),
    ]


def _project_summary(project: Project) -> str:
    parts = [str(project.get_status_display())]
    if project.funder_id:
        parts.append(str(project.funder))
    return " · ".join(parts)


def register() -> None:
    search.register(
        search.Searchable(
            model=Project,
            label=_("Projects"),
            title=lambda project: project.title,
            text=_project_text,
            url=lambda project: project.get_absolute_url(),
            summary=_project_summary,
            list_url="projects:project_list",
            then=("-created_at",),
            prepare=lambda queryset: queryset.select_related("funder"),
            order=40,
        )
    )
    search.register(
        search.Searchable(
            model=FundingCall,
            label=_("Funding calls"),
            title=lambda call: call.title,
            text=lambda call: [
                call.programme,
                call.eligible_costs,
                call.scoring_criteria,
                call.funder.name,
            ],
            url=lambda call: call.get_absolute_url(),
            summary=lambda call: str(call.funder),
            list_url="projects:call_list",
            then=("-deadline",),
            prepare=lambda queryset: queryset.select_related("funder"),
            order=41,
        )
    )
