from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConsultationsConfig(AppConfig):
    name = "sklaida.consultations"
    label = "consultations"
    verbose_name = _("Consultations")

    def ready(self) -> None:
        from sklaida.consultations import privacy, search
        from sklaida.consultations.models import Consultation
        from sklaida.core import navigation, registry
        from sklaida.core.permissions import Capability

        registry.register_discussable(Consultation)
        privacy.register_places()
        search.register()
        navigation.register(
            navigation.MenuEntry(
                _("Consultations"),
                "consultations:list",
                order=160,
                capabilities=(Capability.READ_DEPARTMENT, Capability.WORK_FOR_OWN_LIBRARY),
                active_prefix="/konsultacijos/",
            )
        )
