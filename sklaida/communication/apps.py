from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommunicationConfig(AppConfig):
    name = "sklaida.communication"
    label = "communication"
    verbose_name = _("Communication")

    def ready(self) -> None:
        from sklaida.communication import privacy, providers, search
        from sklaida.communication.models import Campaign, ContentItem
        from sklaida.contacts import history
        from sklaida.core import navigation, registry
        from sklaida.core.permissions import Capability

        for model in (ContentItem, Campaign):
            registry.register_discussable(model)
        history.register("communication.press", providers.press_mailings_of)
        privacy.register_places()
        search.register()
        navigation.register(
            navigation.MenuEntry(
                _("Communication"),
                "communication:item_list",
                order=130,
                capabilities=(Capability.READ_DEPARTMENT,),
                active_prefix="/komunikacija/",
            )
        )
