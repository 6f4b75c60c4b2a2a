import importlib

from django.apps import AppConfig, apps
from django.db.models.signals import post_migrate
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

        post_migrate.connect(ensure_thresholds, sender=self)
        registry.register_discussable(PurchaseRequest)
        registry.register_discussable(Contract)
        search.register()
        panels.register_panels()


def ensure_thresholds(sender, **kwargs) -> None:
    """The law's thresholds come with a data migration; a flush (tests that empty the
    database) keeps only what post_migrate makes, so the same rows are made again here
    when none are left."""
    if apps.get_model("procurement", "Threshold").objects.exists():
        return
    seeding = importlib.import_module("sklaida.procurement.migrations.0002_thresholds_in_force")
    seeding.add_thresholds(apps, None)
