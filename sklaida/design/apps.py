from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DesignConfig(AppConfig):
    name = "sklaida.design"
    label = "design"
    verbose_name = _("Design")

    def ready(self) -> None:
        from sklaida.core import registry
        from sklaida.design import receivers
        from sklaida.design.models import DesignRequest, SpaceProject

        registry.register_discussable(DesignRequest)
        registry.register_discussable(SpaceProject)
        receivers.connect()
