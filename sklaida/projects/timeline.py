"""Reads of a project's timeline (5.1): its activities and milestones with the events that
realise them, and the same rows as the tasks the Gantt chart draws."""

from __future__ import annotations

from django.db.models import Prefetch

from sklaida.events.models import Event
from sklaida.projects.models import Activity, Project


def activities_of(project: Project) -> list[Activity]:
    """The project's activities in time order, each with its responsible person and its
    events (earliest first) read in two more queries for the whole list."""
    return list(
        project.activities.select_related("responsible").prefetch_related(
            Prefetch("events", queryset=Event.objects.order_by("starts_at", "pk"))
        )
    )


def _chart_class(activity: Activity) -> str:
    # frappe-gantt adds the class with classList.add: one class, never a space.
    if activity.is_milestone:
        return "gantt-milestone"
    return "gantt-done" if activity.done else "gantt-open"


def gantt_tasks(activities: list[Activity]) -> list[dict]:
    """The chart's rows as frappe-gantt reads them. Dates are ISO days; the names are
    escaped by timeline.js before the chart puts them into its SVG."""
    return [
        {
            "id": f"activity-{activity.pk}",
            "name": activity.title,
            "start": activity.starts_on.isoformat(),
            "end": activity.ends_on.isoformat(),
            "progress": 100 if activity.done else 0,
            "custom_class": _chart_class(activity),
        }
        for activity in activities
    ]
