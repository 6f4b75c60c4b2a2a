"""Who may see and change what: the one permission layer views, querysets and the API use.

Roles are Django groups named by `Role` values. A role grants capabilities (what screens
and actions a person may use, `CAPABILITY_ROLES`); rows are then scoped per person:
department roles see the whole department, a territory specialist sees only the rows of
their own library, and everybody sees the rows they own (e.g. their tasks).

A model opts into scoping with two class attributes:
- `scope_library_field`: lookup from the model to `core.Library` ("pk", "library",
  "event__library" …); rows of a territory specialist's library are theirs to see.
- `scope_owner_field`: lookup to the user who owns the row ("owner").
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from functools import wraps
from typing import TYPE_CHECKING, Any, TypeVar

from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from sklaida.core.models import User

M = TypeVar("M", bound=models.Model)


class Role(models.TextChoices):
    HEAD = "head", _("Head of department")
    SPECIALIST = "specialist", _("Staff specialist")
    TERRITORY = "territory", _("Territory specialist")
    VIEWER = "viewer", _("Viewer")
    ADMIN = "admin", _("Administrator")


class Capability(enum.StrEnum):
    """What a role lets a person do, independent of which rows."""

    READ_DEPARTMENT = "read_department"  # read everything in the department
    WORK_IN_DEPARTMENT = "work_in_department"  # create and change department records
    APPROVE = "approve"  # approvals reserved for the head
    READ_REPORTS = "read_reports"  # dashboards and reports
    WORK_FOR_OWN_LIBRARY = "work_for_own_library"  # territory specialist's own library
    MANAGE_SYSTEM = "manage_system"  # users, settings and reference data (Django admin)
    # Exports of everything held about a person: the head answers for the department's
    # personal data to the Library's data protection officer.
    EXPORT_PERSONAL_DATA = "export_personal_data"


DEPARTMENT_ROLES = frozenset({Role.HEAD, Role.SPECIALIST, Role.VIEWER})

CAPABILITY_ROLES: dict[Capability, frozenset[Role]] = {
    Capability.READ_DEPARTMENT: DEPARTMENT_ROLES,
    Capability.WORK_IN_DEPARTMENT: frozenset({Role.HEAD, Role.SPECIALIST}),
    Capability.APPROVE: frozenset({Role.HEAD}),
    Capability.READ_REPORTS: DEPARTMENT_ROLES,
    Capability.WORK_FOR_OWN_LIBRARY: frozenset({Role.TERRITORY}),
    Capability.MANAGE_SYSTEM: frozenset({Role.ADMIN}),
    Capability.EXPORT_PERSONAL_DATA: frozenset({Role.HEAD}),
}


def roles_of(user: User | AnonymousUser) -> frozenset[Role]:
    """The roles of a user, read once per request object and remembered on it."""
    if not user.is_authenticated or not user.is_active:
        return frozenset()
    cached = getattr(user, "_sklaida_roles", None)
    if cached is None:
        names = set(user.groups.values_list("name", flat=True))
        cached = frozenset(role for role in Role if role.value in names)
        user._sklaida_roles = cached
    return cached


def has_capability(user: User | AnonymousUser, capability: Capability) -> bool:
    return bool(roles_of(user) & CAPABILITY_ROLES[capability])


def capabilities_of(user: User | AnonymousUser) -> dict[str, bool]:
    """Every capability by name, for templates: `{% if can.work_in_department %}`."""
    return {capability.value: has_capability(user, capability) for capability in Capability}


def _personal_scope(model: type[models.Model], user: User) -> Q:
    """Rows a user may see without department access: their library's and their own."""
    conditions = Q(pk__in=[])
    library_field = getattr(model, "scope_library_field", None)
    owner_field = getattr(model, "scope_owner_field", None)
    if library_field and user.library_id and Role.TERRITORY in roles_of(user):
        conditions |= Q(**{library_field: user.library_id})
    if owner_field:
        conditions |= Q(**{owner_field: user.pk})
    return conditions


def visible_to(user: User | AnonymousUser, queryset: QuerySet[M]) -> QuerySet[M]:
    """The rows of `queryset` the user may read."""
    if not user.is_authenticated:
        return queryset.none()
    if has_capability(user, Capability.READ_DEPARTMENT):
        return queryset
    return queryset.filter(_personal_scope(queryset.model, user))


def editable_by(user: User | AnonymousUser, queryset: QuerySet[M]) -> QuerySet[M]:
    """The rows of `queryset` the user may change."""
    if not user.is_authenticated:
        return queryset.none()
    if has_capability(user, Capability.WORK_IN_DEPARTMENT):
        return queryset
    if Role.VIEWER in roles_of(user):
        return queryset.none()
    return queryset.filter(_personal_scope(queryset.model, user))


def _value_at(obj: models.Model, lookup: str) -> Any:
    """Follow a `library` / `event__library` / `pk` lookup on an instance to an id."""
    if lookup == "pk":
        return obj.pk
    *path, last = lookup.split("__")
    for name in path:
        obj = getattr(obj, name)
        if obj is None:
            return None
    return getattr(obj, f"{last}_id")


def _in_personal_scope(user: User, obj: models.Model) -> bool:
    library_field = getattr(obj, "scope_library_field", None)
    owner_field = getattr(obj, "scope_owner_field", None)
    if (
        library_field
        and user.library_id
        and Role.TERRITORY in roles_of(user)
        and _value_at(obj, library_field) == user.library_id
    ):
        return True
    return bool(owner_field) and _value_at(obj, owner_field) == user.pk


def can_view(user: User | AnonymousUser, obj: models.Model) -> bool:
    if not user.is_authenticated:
        return False
    return has_capability(user, Capability.READ_DEPARTMENT) or _in_personal_scope(user, obj)


def can_change(user: User | AnonymousUser, obj: models.Model) -> bool:
    if not user.is_authenticated:
        return False
    if has_capability(user, Capability.WORK_IN_DEPARTMENT):
        return True
    if Role.VIEWER in roles_of(user):
        return False
    return _in_personal_scope(user, obj)


def require_capability(user: User | AnonymousUser, capability: Capability) -> None:
    """Refuse (PermissionDenied) a user without `capability`, in a service or mid-view."""
    if not has_capability(user, capability):
        raise PermissionDenied


class CapabilityRequiredMixin:
    """Class-based views: refuse (403) users without `capability`; None lets any user in."""

    capability: Capability | None = None

    def dispatch(self, request, *args, **kwargs):
        if self.capability is not None and not has_capability(request.user, self.capability):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


def capability_required(capability: Capability) -> Callable:
    """Function-based views: the same rule as `CapabilityRequiredMixin`."""

    def decorator(view: Callable) -> Callable:
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if not has_capability(request.user, capability):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        wrapped.capability = capability
        return wrapped

    return decorator


# The two checks most department screens make.
department_read_required = capability_required(Capability.READ_DEPARTMENT)
department_work_required = capability_required(Capability.WORK_IN_DEPARTMENT)
