from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "sklaida.core"
    label = "core"
    verbose_name = _("Core data")

    def ready(self) -> None:
        from sklaida.core import navigation, registry
        from sklaida.core.models import Task
        from sklaida.core.permissions import Capability

        registry.register_discussable(Task)
        navigation.register(
            navigation.MenuEntry(_("My work"), "core:dashboard", order=0, active_prefix="/")
        )
        navigation.register(navigation.MenuEntry(_("Tasks"), "core:task_list", order=900))
        navigation.register(
            navigation.MenuEntry(
                _("Libraries"),
                "core:library_list",
                order=950,
                capabilities=(Capability.READ_DEPARTMENT, Capability.WORK_FOR_OWN_LIBRARY),
            )
        )
