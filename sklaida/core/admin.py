"""Django admin for reference data and users (the admin role's screens)."""

from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.db import models
from django.utils.translation import gettext_lazy as _

from sklaida.core import accounts
from sklaida.core.models import (
    Attachment,
    Booking,
    Comment,
    Equipment,
    Library,
    Space,
    SpaceEquipment,
    Task,
    User,
)

admin.site.site_header = _("Sklaida administration")
admin.site.site_title = _("Sklaida")
admin.site.index_title = _("Users, settings and reference data")


class SpaceInline(admin.TabularInline):
    model = Space
    extra = 0
    fields = ["name", "capacity", "floor", "step_free_access", "is_active"]


@admin.register(Library)
class LibraryAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "municipality", "email", "phone", "is_active"]
    list_filter = ["kind", "is_active"]
    search_fields = ["name", "short_name", "municipality"]
    inlines = [SpaceInline]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}


@admin.register(Space)
class SpaceAdmin(admin.ModelAdmin):
    list_display = ["name", "library", "capacity", "floor", "step_free_access", "is_active"]
    list_filter = ["library", "step_free_access", "is_active", "equipment"]
    search_fields = ["name", "library__name"]
    filter_horizontal = ["equipment"]
    list_select_related = ["library"]


@admin.register(SpaceEquipment)
class SpaceEquipmentAdmin(admin.ModelAdmin):
    search_fields = ["name"]


@admin.register(Equipment)
class EquipmentAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "inventory_number", "library", "location", "is_active"]
    list_filter = ["kind", "library", "is_active"]
    search_fields = ["name", "inventory_number"]
    list_select_related = ["library"]


@admin.register(Booking)
class BookingAdmin(admin.ModelAdmin):
    """Reservations outside events and tours (a meeting, maintenance) are made here."""

    list_display = ["title", "space", "equipment", "starts_at", "ends_at"]
    list_filter = ["space", "equipment"]
    date_hierarchy = "starts_at"
    list_select_related = ["space", "equipment"]
    exclude = ["content_type", "object_id"]


@admin.register(Task)
class TaskAdmin(admin.ModelAdmin):
    list_display = ["title", "owner", "due_date", "status", "library"]
    list_filter = ["status", "library"]
    search_fields = ["title", "description"]
    date_hierarchy = "due_date"
    list_select_related = ["owner", "library"]
    raw_id_fields = ["owner", "created_by"]
    readonly_fields = ["content_type", "object_id", "completed_at", "created_at", "updated_at"]


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin):
    list_display = ["__str__", "author", "content_type", "created_at"]
    list_select_related = ["author", "content_type"]
    readonly_fields = ["content_type", "object_id", "author", "created_at"]


@admin.register(Attachment)
class AttachmentAdmin(admin.ModelAdmin):
    list_display = ["original_name", "mime_type", "size", "uploaded_by", "created_at"]
    list_select_related = ["uploaded_by"]
    readonly_fields = [
        "content_type",
        "object_id",
        "file",
        "original_name",
        "size",
        "mime_type",
        "uploaded_by",
        "created_at",
    ]

    def has_add_permission(self, request):
        # Files come in through the object's page, where their content is checked.
        return False


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    list_display = [
        "username",
        "first_name",
        "last_name",
        "email",
        "library",
        "two_factor_enabled",
        "is_active",
    ]
    list_filter = ["groups", "library", "is_active", "is_staff", "two_factor_enabled"]
    list_select_related = ["library"]
    fieldsets = [
        *DjangoUserAdmin.fieldsets,
        (_("Sklaida"), {"fields": ["library", "language", "two_factor_enabled"]}),
    ]
    readonly_fields = ["two_factor_enabled"]
    actions = ["lift_sign_in_lockout", "turn_off_two_factor"]

    @admin.action(description=_("Lift the sign-in lockout of the selected users"))
    def lift_sign_in_lockout(self, request, queryset) -> None:
        for user in queryset:
            accounts.lift_sign_in_lockout(user=user)
        self.message_user(
            request,
            _(
                "The failed sign-ins of the selected users are forgotten: they may sign in "
                "again. A locked-out computer is unlocked by deleting its row under "
                "“Access attempts”."
            ),
            messages.SUCCESS,
        )

    @admin.action(description=_("Turn off two-factor sign-in of the selected users"))
    def turn_off_two_factor(self, request, queryset) -> None:
        for user in queryset:
            accounts.turn_off_two_factor(user=user)
        self.message_user(
            request,
            _(
                "Two-factor sign-in is off for the selected users. They set it up again on "
                "their profile (at once, if their role requires it)."
            ),
            messages.SUCCESS,
        )
