from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProjectsConfig(AppConfig):
    name = "sklaida.projects"
    label = "projects"
    verbose_name = _("Projects")

    def ready(self) -> None:
        from sklaida.core import navigation, registry
        from sklaida.core.permissions import Capability
        from sklaida.projects import panels, reporting, search, services
        from sklaida.projects.models import Project

        registry.register_discussable(Project)
        panels.register_panels()
        # Report deadlines follow the project's lifecycle, dates, manager and call.
        services.on_project_change(reporting.follow_project)
        search.register()
        navigation.register(
            navigation.MenuEntry(
                _("Projects"),
                "projects:project_list",
                order=148,
                capabilities=(Capability.READ_DEPARTMENT, Capability.WORK_FOR_OWN_LIBRARY),
                active_prefix="/projektai/",
            )
        )
