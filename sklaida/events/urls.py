"""Staff pages of events and cultural activity, under /veikla/."""

from django.urls import path

from sklaida.events.views import events

app_name = "events"

urlpatterns = [
    path("renginiai/", events.event_list, name="list"),
    path("renginiai/naujas/", events.event_create, name="create"),
    path("renginiai/<int:pk>/", events.event_detail, name="detail"),
    path("renginiai/<int:pk>/keisti/", events.event_update, name="update"),
    path("renginiai/<int:pk>/busena/", events.event_status, name="status"),
    path("renginiai/<int:pk>/atsaukti/", events.event_cancel, name="cancel"),
]
