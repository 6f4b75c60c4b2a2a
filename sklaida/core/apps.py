from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "sklaida.core"
    label = "core"
    verbose_name = _("Core data")

    def ready(self) -> None:
        from django.core import checks
        from django.db.models.signals import post_delete, post_migrate, post_save
        from django_otp.plugins.otp_static.models import StaticDevice
        from django_otp.plugins.otp_totp.models import TOTPDevice

        from sklaida.core import accounts, navigation, privacy, registry, searching
        from sklaida.core import checks as sklaida_checks  # noqa: F401 - its checks register
        from sklaida.core.models import Task
        from sklaida.core.permissions import Capability

        registry.register_discussable(Task)
        privacy.register_places()
        searching.register()
        post_migrate.connect(ensure_role_groups, sender=self)
        post_migrate.connect(ensure_search_index, sender=self, dispatch_uid="core-search")
        for device_model in (TOTPDevice, StaticDevice):
            post_save.connect(accounts.sync_two_factor_flag, sender=device_model)
            post_delete.connect(accounts.sync_two_factor_flag, sender=device_model)
        checks.register(accounts.check_required_roles)
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
                in_user_menu=True,
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


def ensure_search_index(using: str = "default", **kwargs) -> None:
    """Repair the engine's search index, and fill the kinds that have no entry while there
    is data (an installation upgraded from before search or a kind, a restored backup)."""
    from django.db import connections

    from sklaida.core.search import engine, indexing

    engine.ensure_index(connections[using])
    if using == "default" and (missing := indexing.kinds_never_indexed()):
        indexing.rebuild(missing)


class SklaidaAdminConfig(admin_apps.AdminConfig):
    """Django's admin on Sklaida's site (sign-in through /prisijungti/, second factor)."""

    default = False  # named in INSTALLED_APPS; CoreConfig stays this module's default
    default_site = "sklaida.core.admin_site.SklaidaAdminSite"

    def ready(self) -> None:
        super().ready()
        from django.contrib import admin
        from django_otp.plugins.otp_static.models import StaticDevice
        from django_otp.plugins.otp_totp.models import TOTPDevice

        # Devices hold secrets; the administrator turns a person's two-factor sign-in off
        # from the user list instead (core.admin.UserAdmin), never reads a key.
        for model in (TOTPDevice, StaticDevice):
            if admin.site.is_registered(model):
                admin.site.unregister(model)
