"""The public's pages. Paths are translated: /renginiai/ in Lithuanian, /en/events/ in English."""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from sklaida.public.views import tours

app_name = "public"

urlpatterns: list = [
    path(_("tours/booking/"), tours.tour_request, name="tour_request"),
    path(_("tours/booking/thanks/"), tours.tour_request_thanks, name="tour_request_thanks"),
    path(_("tours/<str:token>/"), tours.tour_answer, name="tour_answer"),
]
