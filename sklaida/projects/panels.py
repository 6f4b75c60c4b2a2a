"""What the projects app shows on other apps' pages: on an activity plan, the projects that
fund its lines (a plan's "funding source" made a link, without events importing projects)."""

from __future__ import annotations

from django.http import HttpRequest

from sklaida.core import registry
from sklaida.core.permissions import visible_to
from sklaida.events.models import ActivityPlan
from sklaida.projects.models import Project

_registered = False


def plan_panel(request: HttpRequest, plan: ActivityPlan) -> dict | None:
    """The plan's lines with the projects that pay for them, in one query."""
    links = (
        Project.plan_activities.through.objects.filter(
            plannedactivity__plan=plan, project__in=visible_to(request.user, Project.objects.all())
        )
        .select_related("project__funder", "plannedactivity")
        .order_by("plannedactivity__starts_on", "plannedactivity__pk")
    )
    rows = [(link.plannedactivity, link.project) for link in links]
    if not rows:
        return None
    return {"rows": rows}


def register_panels() -> None:
    """Called from ProjectsConfig.ready; a second call adds nothing."""
    global _registered
    if _registered:
        return
    registry.register_panel("events.activityplan", "projects/_plan_panel.html", plan_panel)
    _registered = True
