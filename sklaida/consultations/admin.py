"""Consultations are kept in their own screens; the admin lists them for the IT administrator."""

from django.contrib import admin

from sklaida.consultations.models import Consultation


@admin.register(Consultation)
class ConsultationAdmin(admin.ModelAdmin):
    list_display = ["library", "topic", "form", "date", "duration_hours", "status"]
    list_filter = ["status", "topic", "form", "library"]
    list_select_related = ["library"]
    date_hierarchy = "date"
