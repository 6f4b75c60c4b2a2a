from django.urls import path

from sklaida.projects.views import budget, calls, pipeline, projects, reports, timeline

app_name = "projects"

urlpatterns = [
    # Projects (5.1, 5.4): the list, a project's overview, lifecycle, partners and team.
    path("", projects.project_list, name="project_list"),
    path("naujas/", projects.project_create, name="project_create"),
    path("projektai.xlsx", projects.project_export, name="project_export"),
    path("<int:pk>/", projects.project_detail, name="project_detail"),
    path("<int:pk>/keisti/", projects.project_edit, name="project_edit"),
    path("<int:pk>/busena/", projects.project_move, name="project_move"),
    path("<int:pk>/partneriai/", projects.partner_add, name="partner_add"),
    path(
        "<int:pk>/partneriai/<int:partner_pk>/salinti/",
        projects.partner_remove,
        name="partner_remove",
    ),
    path("<int:pk>/komanda/", projects.member_add, name="member_add"),
    path("<int:pk>/komanda/<int:member_pk>/salinti/", projects.member_remove, name="member_remove"),
    # Documents with their versions.
    path("<int:pk>/dokumentai/", projects.documents, name="documents"),
    path(
        "<int:pk>/dokumentai/<int:document_pk>/versija/",
        projects.document_version_add,
        name="document_version_add",
    ),
    path(
        "<int:pk>/dokumentai/versijos/<int:version_pk>/",
        projects.document_download,
        name="document_download",
    ),
    # A project's budget: lines, expenses with their evidence, the call's rules checked.
    path("<int:pk>/biudzetas/", budget.budget, name="budget"),
    path("<int:pk>/biudzetas/eilutes/nauja/", budget.line_create, name="budget_line_create"),
    path(
        "<int:pk>/biudzetas/eilutes/<int:line_pk>/keisti/",
        budget.line_edit,
        name="budget_line_edit",
    ),
    path(
        "<int:pk>/biudzetas/eilutes/<int:line_pk>/salinti/",
        budget.line_delete,
        name="budget_line_delete",
    ),
    path("<int:pk>/biudzetas/islaidos/nauja/", budget.expense_create, name="expense_create"),
    path(
        "<int:pk>/biudzetas/islaidos/<int:expense_pk>/keisti/",
        budget.expense_edit,
        name="expense_edit",
    ),
    path(
        "<int:pk>/biudzetas/islaidos/<int:expense_pk>/salinti/",
        budget.expense_delete,
        name="expense_delete",
    ),
    path(
        "<int:pk>/biudzetas/islaidos/<int:expense_pk>/irodymas/",
        budget.expense_evidence,
        name="expense_evidence",
    ),
    # The applications pipeline: by status and funder, requested against granted.
    path("paraiskos/", pipeline.pipeline, name="pipeline"),
    # Funders and their calls with the rules budgets are checked against.
    path("kvietimai/", calls.call_list, name="call_list"),
    path("kvietimai/naujas/", calls.call_create, name="call_create"),
    path("kvietimai/<int:pk>/", calls.call_detail, name="call_detail"),
    path("kvietimai/<int:pk>/keisti/", calls.call_edit, name="call_edit"),
    path("finansuotojai/", calls.funder_list, name="funder_list"),
    path("finansuotojai/naujas/", calls.funder_create, name="funder_create"),
    path("finansuotojai/<int:pk>/", calls.funder_detail, name="funder_detail"),
    path("finansuotojai/<int:pk>/keisti/", calls.funder_edit, name="funder_edit"),
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
