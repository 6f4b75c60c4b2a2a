from django.urls import path
from django.views.generic import RedirectView

from sklaida.projects.views import reports, timeline

app_name = "projects"

urlpatterns = [
    # Temporary until the project pages are merged: the list, a project's overview and its
    # documents lead to the timeline so the project tabs resolve.
    path("", RedirectView.as_view(url="/", permanent=False), name="project_list"),
    path("<int:pk>/", timeline.timeline, name="project_detail"),
    path("<int:pk>/dokumentai/", timeline.timeline, name="documents"),
    # Implementation (5.1): activities and milestones on a timeline, indicators.
    path("<int:pk>/veiklos/", timeline.timeline, name="timeline"),
    path("<int:pk>/veiklos/nauja/", timeline.activity_create, name="activity_create"),
    path(
        "<int:pk>/veiklos/<int:activity_pk>/keisti/",
        timeline.activity_edit,
        name="activity_edit",
    ),
    path(
        "<int:pk>/veiklos/<int:activity_pk>/salinti/",
        timeline.activity_delete,
        name="activity_delete",
    ),
    path("<int:pk>/rodikliai/naujas/", timeline.indicator_create, name="indicator_create"),
    path(
        "<int:pk>/rodikliai/<int:indicator_pk>/keisti/",
        timeline.indicator_edit,
        name="indicator_edit",
    ),
    path(
        "<int:pk>/rodikliai/<int:indicator_pk>/salinti/",
        timeline.indicator_delete,
        name="indicator_delete",
    ),
    # Reporting (5.1): deadlines with their tasks, the report draft.
    path("<int:pk>/ataskaitos/", reports.reports, name="reports"),
    path("<int:pk>/ataskaitos/terminai/naujas/", reports.deadline_create, name="deadline_create"),
    path(
        "<int:pk>/ataskaitos/terminai/<int:deadline_pk>/keisti/",
        reports.deadline_edit,
        name="deadline_edit",
    ),
    path(
        "<int:pk>/ataskaitos/terminai/<int:deadline_pk>/pateikta/",
        reports.deadline_submitted,
        name="deadline_submitted",
    ),
    path(
        "<int:pk>/ataskaitos/terminai/<int:deadline_pk>/salinti/",
        reports.deadline_delete,
        name="deadline_delete",
    ),
    path(
        "<int:pk>/ataskaitos/juodrastis.docx", reports.report_draft_docx, name="report_draft_docx"
    ),
    path("<int:pk>/ataskaitos/juodrastis.pdf", reports.report_draft_pdf, name="report_draft_pdf"),
]
