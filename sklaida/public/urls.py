"""The public's pages. Paths are translated: /renginiai/ in Lithuanian, /en/events/ in English."""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from sklaida.public.views import registration

app_name = "public"

urlpatterns: list = [
    path(_("events/<slug:slug>/registration/"), registration.register, name="register"),
    path(
        _("registration/<str:token>/"),
        registration.registration_status,
        name="registration_status",
    ),
    path(
        _("registration/<str:token>/cancel/"),
        registration.registration_cancel,
        name="registration_cancel",
    ),
]
