"""The thresholds of the law are reference data the administrator keeps: a change of law is
a new row with its date (procurement/thresholds.py reads the one in force)."""

from django.contrib import admin

from sklaida.procurement.models import Threshold


@admin.register(Threshold)
class ThresholdAdmin(admin.ModelAdmin):
    list_display = ["procedure", "kind", "amount", "effective_from", "legal_basis"]
    list_filter = ["procedure", "kind"]
    date_hierarchy = "effective_from"
