from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommunicationConfig(AppConfig):
    name = "sklaida.communication"
    label = "communication"
    verbose_name = _("Communication")

    def ready(self) -> None:
        from sklaida.communication.models import Campaign, ContentItem
        from sklaida.core import navigation, registry
        from sklaida.core.permissions import Capability

        for model in (ContentItem, Campaign):
            registry.register_discussable(model)
        navigation.register(
            navigation.MenuEntry(
                _("Communication"),
                "communication:item_list",
                order=130,
                capabilities=(Capability.READ_DEPARTMENT,),
                active_prefix="/komunikacija/",
            )
        )
