from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PublicConfig(AppConfig):
    """The pages the public sees: calendar, event pages, registration, feeds, tour booking."""

    name = "sklaida.public"
    label = "public"
    verbose_name = _("Public pages")

    def ready(self) -> None:
        from django.db.models.signals import m2m_changed, post_delete, post_save

        from sklaida.events.models import Event
        from sklaida.public.cache import calendar_changed

        # Any change of an event may change what the cached calendar pages and feeds show.
        post_save.connect(calendar_changed, sender=Event, dispatch_uid="public-calendar-save")
        post_delete.connect(calendar_changed, sender=Event, dispatch_uid="public-calendar-delete")
        m2m_changed.connect(
            calendar_changed,
            sender=Event.audiences.through,
            dispatch_uid="public-calendar-audiences",
        )
        # The cached pages link the brand kit's stylesheet and logo by their addresses,
        # and show the archive's photo an event has chosen (design/theme.py, pictures.py).
        from sklaida.archive.models import Illustration
        from sklaida.design.theme import THEME_MODELS

        for model in (*THEME_MODELS, Illustration):
            label = model._meta.label_lower
            post_save.connect(calendar_changed, sender=model, dispatch_uid=f"public-{label}-save")
            post_delete.connect(
                calendar_changed, sender=model, dispatch_uid=f"public-{label}-delete"
            )
