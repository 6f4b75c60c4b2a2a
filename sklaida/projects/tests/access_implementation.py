"""Who may use the URLs of a project's implementation and reporting (5.1): its timeline,
indicators, report deadlines and report draft. Merged into the projects area's
EXPECTED_ACCESS by tests/access.py.

The department reads every project and the head and the specialists change them; the
viewer only reads. The project here belongs to the county library, so the territory
specialist (whose library is another) does not see it, and the administrator has no
department access.
"""

from __future__ import annotations

import datetime

from django.utils import timezone

from sklaida.projects.models import ReportDeadline
from sklaida.projects.tests.factories import ActivityFactory, IndicatorFactory, ProjectFactory
from sklaida.testing.access import DEPARTMENT, DEPARTMENT_WORKERS, Rule


def _on_project(data: dict) -> dict:
    return {"pk": ProjectFactory(manager=data["specialiste"]).pk}


def _on_activity(data: dict) -> dict:
    activity = ActivityFactory(project=ProjectFactory(manager=data["specialiste"]))
    return {"pk": activity.project_id, "activity_pk": activity.pk}


def _on_indicator(data: dict) -> dict:
    indicator = IndicatorFactory(project=ProjectFactory(manager=data["specialiste"]))
    return {"pk": indicator.project_id, "indicator_pk": indicator.pk}


def _on_deadline(data: dict) -> dict:
    deadline = ReportDeadline.objects.create(
        project=ProjectFactory(manager=data["specialiste"]),
        kind=ReportDeadline.Kind.INTERIM,
        due_on=timezone.localdate() + datetime.timedelta(days=40),
        basis="Sutarties 4.2 p.",
    )
    return {"pk": deadline.project_id, "deadline_pk": deadline.pk}


IMPLEMENTATION_ACCESS: dict[str, Rule] = {
    "projects:timeline": Rule(DEPARTMENT, kwargs=_on_project),
    "projects:activity_create": Rule(DEPARTMENT_WORKERS, kwargs=_on_project),
    "projects:activity_edit": Rule(DEPARTMENT_WORKERS, kwargs=_on_activity),
    "projects:activity_delete": Rule(DEPARTMENT_WORKERS, method="POST", kwargs=_on_activity),
    "projects:indicator_create": Rule(DEPARTMENT_WORKERS, kwargs=_on_project),
    "projects:indicator_edit": Rule(DEPARTMENT_WORKERS, kwargs=_on_indicator),
    "projects:indicator_delete": Rule(DEPARTMENT_WORKERS, method="POST", kwargs=_on_indicator),
    "projects:reports": Rule(DEPARTMENT, kwargs=_on_project),
    "projects:deadline_create": Rule(DEPARTMENT_WORKERS, kwargs=_on_project),
    "projects:deadline_edit": Rule(DEPARTMENT_WORKERS, kwargs=_on_deadline),
    "projects:deadline_submitted": Rule(
        DEPARTMENT_WORKERS,
        method="POST",
        kwargs=_on_deadline,
        data=lambda data: {"submitted_on": timezone.localdate().isoformat()},
    ),
    "projects:deadline_delete": Rule(DEPARTMENT_WORKERS, method="POST", kwargs=_on_deadline),
    "projects:report_draft_docx": Rule(DEPARTMENT, kwargs=_on_project),
    "projects:report_draft_pdf": Rule(DEPARTMENT, kwargs=_on_project),
}
