from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DesignConfig(AppConfig):
    name = "sklaida.design"
    label = "design"
    verbose_name = _("Design")

    def ready(self) -> None:
        from sklaida.core import navigation, registry
        from sklaida.core.permissions import Capability
        from sklaida.design import panels, receivers, search, theme
        from sklaida.design.models import DesignRequest, SpaceProject

        registry.register_discussable(DesignRequest)
        registry.register_discussable(SpaceProject)
        receivers.connect()
        search.register()
        panels.register_panels()
        navigation.register(
            navigation.MenuEntry(
                _("Design"),
                "design:board",
                order=145,
                capabilities=(Capability.READ_DEPARTMENT,),
                active_prefix="/dizainas/",
            )
        )
        # The public site and e-mails wear the current kit (design/theme.py).
        theme.connect()
        registry.register_brand(theme.current_theme)
