"""Staff pages of events and cultural activity, under /veikla/."""

from django.urls import path

from sklaida.events.views import events, registrations

app_name = "events"

urlpatterns = [
    path("renginiai/", events.event_list, name="list"),
    path("renginiai/naujas/", events.event_create, name="create"),
    path("renginiai/<int:pk>/", events.event_detail, name="detail"),
    path("renginiai/<int:pk>/keisti/", events.event_update, name="update"),
    path("renginiai/<int:pk>/busena/", events.event_status, name="status"),
    path("renginiai/<int:pk>/atsaukti/", events.event_cancel, name="cancel"),
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
]
