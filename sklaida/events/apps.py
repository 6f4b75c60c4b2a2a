from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "sklaida.events"
    label = "events"
    verbose_name = _("Events")

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

        from sklaida.contacts import history
        from sklaida.core import navigation, registry
        from sklaida.core.permissions import Capability
        from sklaida.events import privacy, providers, search
        from sklaida.events.models import ActivityPlan, Event, TourBooking

        post_migrate.connect(ensure_audiences, sender=self)
        privacy.register_places()
        search.register()
        history.register("events", providers.events_of)
        for model in (Event, ActivityPlan, TourBooking):
            registry.register_discussable(model)
        navigation.register(
            navigation.MenuEntry(
                _("Events"),
                "events:list",
                order=120,
                capabilities=(Capability.READ_DEPARTMENT, Capability.WORK_FOR_OWN_LIBRARY),
                active_prefix="/veikla/",
            )
        )


def ensure_audiences(using: str = "default", **kwargs) -> None:
    """The fixed audience groups exist after migrating and after a test flush (no audit)."""
    from sklaida.events.models import Audience, AudienceGroup

    audiences = Audience.objects.using(using)
    existing = set(audiences.values_list("code", flat=True))
    audiences.bulk_create([Audience(code=code) for code in AudienceGroup if code not in existing])
