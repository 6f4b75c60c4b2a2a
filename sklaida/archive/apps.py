from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ArchiveConfig(AppConfig):
    name = "sklaida.archive"
    label = "archive"
    verbose_name = _("Media archive")

    def ready(self) -> None:
        from sklaida.archive import privacy, search
        from sklaida.archive.models import Asset
        from sklaida.archive.panels import event_panel, illustration_panel
        from sklaida.core import navigation, registry
        from sklaida.core.permissions import Capability

        registry.register_discussable(Asset)
        registry.register_panel("events.event", "archive/_event_panel.html", event_panel)
        for label in ("events.event", "communication.contentitem"):
            registry.register_panel(label, "archive/_illustration_panel.html", illustration_panel)
        search.register()
        search.register_equipment()
        privacy.register_places()
        navigation.register(
            navigation.MenuEntry(
                _("Media archive"),
                "archive:list",
                order=140,
                capabilities=(Capability.READ_DEPARTMENT,),
                active_prefix="/archyvas/",
            )
        )
