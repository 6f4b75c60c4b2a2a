from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PublicConfig(AppConfig):
    """The pages the public sees: calendar, event pages, registration, feeds, tour booking."""

    name = "sklaida.public"
    label = "public"
    verbose_name = _("Public pages")
