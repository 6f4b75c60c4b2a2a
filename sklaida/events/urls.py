"""Staff pages of events and cultural activity, under /veikla/."""

from django.urls import path

from sklaida.events.views import events, plans, registrations, statistics, tours

app_name = "events"

urlpatterns = [
    path("renginiai/", events.event_list, name="list"),
    path("renginiai/naujas/", events.event_create, name="create"),
    path("renginiai/<int:pk>/", events.event_detail, name="detail"),
    path("renginiai/<int:pk>/keisti/", events.event_update, name="update"),
    path("renginiai/<int:pk>/busena/", events.event_status, name="status"),
    path("renginiai/<int:pk>/atsaukti/", events.event_cancel, name="cancel"),
    # Cultural activity plans (2.2) and the period statistics
    path("planai/", plans.plan_list, name="plan_list"),
    path("planai/naujas/", plans.plan_create, name="plan_create"),
    path("planai/<int:pk>/", plans.plan_detail, name="plan_detail"),
    path("planai/<int:pk>/keisti/", plans.plan_update, name="plan_update"),
    path("planai/<int:pk>/tvirtinti/", plans.plan_approve, name="plan_approve"),
    path("planai/<int:pk>/xlsx/", plans.plan_xlsx, name="plan_xlsx"),
    path("planai/<int:pk>/pdf/", plans.plan_pdf, name="plan_pdf"),
    path(
        "planai/<int:pk>/veiklos/nauja/",
        plans.planned_activity_create,
        name="planned_activity_create",
    ),
    path(
        "planai/veiklos/<int:pk>/keisti/",
        plans.planned_activity_update,
        name="planned_activity_update",
    ),
    path(
        "planai/veiklos/<int:pk>/atsisakyti/",
        plans.planned_activity_drop,
        name="planned_activity_drop",
    ),
    path("statistika/", statistics.statistics, name="statistics"),
    # Guided tours (2.4)
    path("ekskursijos/", tours.tour_list, name="tour_list"),
    path("ekskursijos/<int:pk>/", tours.tour_detail, name="tour_detail"),
    path("ekskursijos/<int:pk>/patvirtinti/", tours.tour_confirm, name="tour_confirm"),
    path("ekskursijos/<int:pk>/siulyti-laika/", tours.tour_propose, name="tour_propose"),
    path("ekskursijos/<int:pk>/ivyko/", tours.tour_held, name="tour_held"),
    path("ekskursijos/<int:pk>/atsaukti/", tours.tour_cancel, name="tour_cancel"),
]

# Calendar, provision, attendance and exhibitions (issue 4, calendar part).
from sklaida.events.views import attendance, calendar, exhibitions, provision  # noqa: E402

urlpatterns += [
    path("kalendorius/", calendar.calendar, name="calendar"),
    path("renginiai/<int:pk>/perkelti/", calendar.move, name="move"),
    path("iranga/", calendar.equipment, name="equipment"),
    path("aprupinimas/", provision.template_list, name="provision_templates"),
    path("aprupinimas/naujas/", provision.template_create, name="provision_template_create"),
    path("aprupinimas/<int:pk>/", provision.template_update, name="provision_template_update"),
    path("renginiai/<int:pk>/aprupinimas/", provision.apply, name="provision_apply"),
    path("renginiai/<int:pk>/aprupinimas/prideti/", provision.add_item, name="provision_add"),
    path("renginiai/<int:pk>/dalyviai/", attendance.attendance, name="attendance"),
    path("renginiai/<int:pk>/eksponatai/", exhibitions.exhibits, name="exhibits"),
    path("renginiai/<int:pk>/lankytojai/", exhibitions.visitors, name="visitors"),
    # Registrations (issue 4, registration part).
    path(
        "renginiai/<int:pk>/registracijos/",
        registrations.registration_list,
        name="registrations",
    ),
    path(
        "renginiai/<int:pk>/registracijos/eksportas.<str:fmt>",
        registrations.registration_export,
        name="registrations_export",
    ),
    path(
        "renginiai/<int:pk>/registracijos/klausimai/",
        registrations.registration_questions,
        name="registration_questions",
    ),
    path(
        "renginiai/<int:pk>/registracijos/<int:registration_pk>/atvyko/",
        registrations.registration_check_in,
        name="registration_check_in",
    ),
    path(
        "renginiai/<int:pk>/registracijos/<int:registration_pk>/patvirtinti/",
        registrations.registration_approve,
        name="registration_approve",
    ),
    path(
        "renginiai/<int:pk>/registracijos/<int:registration_pk>/atmesti/",
        registrations.registration_decline,
        name="registration_decline",
    ),
    path(
        "renginiai/<int:pk>/registracijos/<int:registration_pk>/atsaukti/",
        registrations.registration_withdraw,
        name="registration_withdraw",
    ),
]
