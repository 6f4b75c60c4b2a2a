from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "sklaida.core"
    label = "core"
    verbose_name = _("Core data")

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

        from sklaida.core import navigation, registry
        from sklaida.core.models import Task
        from sklaida.core.permissions import Capability

        registry.register_discussable(Task)
        post_migrate.connect(ensure_role_groups, sender=self)
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
        navigation.register(
            navigation.MenuEntry(
                _("Demo mailbox"),
                "core:demo_mailbox",
                order=990,
                capabilities=(Capability.READ_DEPARTMENT, Capability.MANAGE_SYSTEM),
                demo_only=True,
            )
        )


def ensure_role_groups(using: str = "default", **kwargs) -> None:
    """Every role has its group, also after a test flushes the database (migration 0002
    made them first; a flush brings back only what post_migrate creates).

    bulk_create sends no signals, so no audit entry is written while the database is
    being reset (its actor may be a user the flush just removed).
    """
    from django.contrib.auth.models import Group

    from sklaida.core.permissions import Role

    groups = Group.objects.using(using)
    existing = set(groups.values_list("name", flat=True))
    groups.bulk_create([Group(name=role.value) for role in Role if role.value not in existing])
