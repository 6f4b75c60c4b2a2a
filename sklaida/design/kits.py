"""The brand kit's versions: a new version starts as a copy of the current one, one
version is current, and a version that was current once is kept as it was."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from sklaida.core.models import User
from sklaida.core.permissions import Capability, has_capability
from sklaida.design.models import BrandKit

PARTS = ("colours", "logos", "fonts", "templates")


def current_kit() -> BrandKit | None:
    return BrandKit.objects.filter(is_current=True).first()


def may_edit(user: User, kit: BrandKit) -> bool:
    """Department workers edit a draft and the current kit; a former kit stays as it was."""
    if not has_capability(user, Capability.WORK_IN_DEPARTMENT):
        return False
    return kit.is_current or kit.made_current_at is None


def may_make_current(user: User, kit: BrandKit) -> bool:
    """The head of the department decides what the Library's site and posters wear."""
    return has_capability(user, Capability.APPROVE) and not kit.is_current


def new_version(*, actor: User, name: str, usage_rules: str = "") -> BrandKit:
    """A draft kit: the next version number, with a copy of the current kit's parts."""
    if not has_capability(actor, Capability.WORK_IN_DEPARTMENT):
        raise PermissionDenied
    with transaction.atomic():
        number = (BrandKit.objects.aggregate(last=Max("version"))["last"] or 0) + 1
        source = current_kit()
        kit = BrandKit.objects.create(
            version=number,
            name=name,
            usage_rules=usage_rules or (source.usage_rules if source else ""),
            created_by=actor,
        )
        if source is not None:
            for part in PARTS:
                for row in getattr(source, part).all():
                    # The copy shares the stored file: files are never changed in place.
                    row.pk = None
                    row.kit = kit
                    row.save()
    return kit


def make_current(*, actor: User, kit: BrandKit) -> BrandKit:
    if not may_make_current(actor, kit):
        raise PermissionDenied
    problems = incomplete(kit)
    if problems:
        raise ValidationError(problems)
    with transaction.atomic():
        BrandKit.objects.filter(is_current=True).update(is_current=False)
        kit.is_current = True
        kit.made_current_at = timezone.now()
        kit.save(update_fields=["is_current", "made_current_at"])
    return kit


def incomplete(kit: BrandKit) -> list[str]:
    """What a kit lacks before the public site can wear it."""
    problems = []
    if not kit.logos.filter(background="light").exists():
        problems.append(_("Add a logo for light backgrounds."))
    if not kit.colours.filter(role="primary").exists():
        problems.append(_("Add the primary colour."))
    return problems


def check_editable(actor: User, kit: BrandKit) -> None:
    if not may_edit(actor, kit):
        raise PermissionDenied
