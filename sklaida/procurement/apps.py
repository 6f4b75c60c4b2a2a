from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProcurementConfig(AppConfig):
    name = "sklaida.procurement"
    label = "procurement"
    verbose_name = _("Procurement")

    def ready(self) -> None:
        # No menu entry of its own: procurement is reached from the projects area's tabs.
        from sklaida.core import registry
        from sklaida.procurement import panels, search
        from sklaida.procurement.models import Contract, PurchaseRequest

        registry.register_discussable(PurchaseRequest)
        registry.register_discussable(Contract)
        search.register()
        panels.register_panels()
