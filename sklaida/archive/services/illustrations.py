"""Choosing the archive's photo as the picture of an event's or a news item's public page.

Only a photo the public may already see (access "public", consent in order) may be
chosen: choosing is not a way to publish. The public pages check it again when they show
it (selectors/illustrations.shown_publicly), so a photo made internal later disappears
from them without anyone having to remember its illustrations.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from sklaida.archive.models import Asset, Illustration
from sklaida.archive.selectors.access import may_see_asset
from sklaida.archive.selectors.illustrations import shown_publicly
from sklaida.core.models import User
from sklaida.core.permissions import Capability, require_capability


def publication_problem(asset: Asset) -> str:
    """Why the asset may not illustrate a public page, or ""."""
    if asset.kind != Asset.Kind.IMAGE:
        return _("Only a photo can be the picture of a public page.")
    if not asset.may_be_public:
        return _("This photo cannot be shown on a public page: %(reason)s") % {
            "reason": asset.publication_blocker
        }
    if asset.access != Asset.Access.PUBLIC:
        return _(
            "This photo is not public in the archive. Make its access level “Public” on "
            "its page first, then choose it."
        )
    if not shown_publicly(asset):
        return _("The photo's previews are not ready yet; try again when they are.")
    return ""


def _target(event, content_item) -> dict:
    if (event is None) == (content_item is None):
        raise ValueError("Illustrate exactly one event or content item.")
    return {"event": event} if event is not None else {"content_item": content_item}


@transaction.atomic
def choose_illustration(
    *, actor: User, asset: Asset, alt_text: str, event=None, content_item=None
) -> Illustration:
    """Make `asset` the picture of the event's or the content item's public page
    (replacing the one it had). Refused with a message for a photo that is not public."""
    require_capability(actor, Capability.WORK_IN_DEPARTMENT)
    target = _target(event, content_item)
    if not may_see_asset(actor, asset):
        raise ValidationError(_("This archive file does not exist or is not yours to see."))
    problem = publication_problem(asset)
    if problem:
        raise ValidationError({"asset": problem})
    alt_text = alt_text.strip()
    if not alt_text:
        raise ValidationError({"alt_text": _("Describe the photo for people who cannot see it.")})
    illustration, _created = Illustration.objects.select_for_update().update_or_create(
        **target,
        defaults={
            "asset": asset,
            "alt_text": alt_text,
            "chosen_by": actor,
            "chosen_at": timezone.now(),
        },
    )
    return illustration


@transaction.atomic
def remove_illustration(*, actor: User, event=None, content_item=None) -> bool:
    """The page goes back to having no picture from the archive; False when it had none."""
    require_capability(actor, Capability.WORK_IN_DEPARTMENT)
    illustration = Illustration.objects.filter(**_target(event, content_item)).first()
    if illustration is None:
        return False
    illustration.delete()
    return True
