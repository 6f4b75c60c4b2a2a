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
