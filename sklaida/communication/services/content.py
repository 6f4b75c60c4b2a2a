"""Content items (1.2): saving with versions, the editorial workflow, channel variants."""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from sklaida.communication.models import ChannelVariant, ContentItem, ContentVersion, StatusChange
from sklaida.core.formatting import format_number
from sklaida.core.models import User
from sklaida.core.permissions import Capability, has_capability
from sklaida.core.selectors import attachments_on

Status = ContentItem.Status

# Which status may follow which; views never set a status themselves.
TRANSITIONS: dict[str, set[str]] = {
    Status.IDEA: {Status.DRAFT, Status.ARCHIVED},
    Status.DRAFT: {Status.EDITING, Status.IDEA, Status.ARCHIVED},
    Status.EDITING: {Status.APPROVED, Status.DRAFT, Status.ARCHIVED},
    Status.APPROVED: {Status.SCHEDULED, Status.PUBLISHED, Status.EDITING},
    Status.SCHEDULED: {Status.PUBLISHED, Status.EDITING},
    Status.PUBLISHED: {Status.ARCHIVED},
    Status.ARCHIVED: {Status.DRAFT},
}

PUBLISHING = {Status.SCHEDULED, Status.PUBLISHED}
# The text a version keeps; a save that changes none of these makes no new version.
VERSIONED_FIELDS = ("title", "summary", "body")


def may_write(actor: User) -> bool:
    return has_capability(actor, Capability.WORK_IN_DEPARTMENT)


def may_approve(actor: User, item: ContentItem) -> bool:
    """The head approves every item; a configured approver approves her items."""
    if has_capability(actor, Capability.APPROVE):
        return True
    return item.approver_id is not None and item.approver_id == actor.pk


def _require_writer(actor: User) -> None:
    if not may_write(actor):
        raise PermissionDenied


def unique_slug(title: str, *, exclude_pk: int | None = None) -> str:
    """A readable address from the title: "vasaros-skaitymai" (a number added if taken)."""
    base = slugify(title)[:110].strip("-") or "turinys"
    taken = set(
        ContentItem.objects.filter(slug__startswith=base)
        .exclude(pk=exclude_pk)
        .values_list("slug", flat=True)
    )
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug


def _store_version(item: ContentItem, actor: User) -> ContentVersion | None:
    latest = item.versions.order_by("-number").first()
    if latest and all(getattr(latest, name) == getattr(item, name) for name in VERSIONED_FIELDS):
        return None
    number = (item.versions.aggregate(last=Max("number"))["last"] or 0) + 1
    return ContentVersion.objects.create(
        item=item,
        number=number,
        saved_by=actor,
        **{name: getattr(item, name) for name in VERSIONED_FIELDS},
    )


def save_item(*, actor: User, item: ContentItem, events: Iterable | None = None) -> ContentItem:
    """Create or change an item; a changed title, lead or text is kept as a new version."""
    _require_writer(actor)
    if not item.pk and not item.author_id:
        item.author = actor
    if not item.slug:
        item.slug = unique_slug(item.title, exclude_pk=item.pk)
    item.full_clean()
    with transaction.atomic():
        if item.pk:
            # Two people saving at once get consecutive version numbers.
            ContentItem.objects.select_for_update().filter(pk=item.pk).first()
        item.save()
        if events is not None:
            item.events.set(events)
        _store_version(item, actor)
    return item


def _missing_alt_text(item: ContentItem) -> list[str]:
    return [
        str(variant.channel)
        for variant in item.variants.select_related("channel")
        if variant.image_id and not variant.image_alt.strip()
    ]


def change_status(*, actor: User, item: ContentItem, status: str) -> ContentItem:
    """Move an item along the workflow, recording who did it and when."""
    if status not in Status.values:
        raise ValidationError(_("Unknown status."))
    approving = status == Status.APPROVED
    if not (may_write(actor) or (approving and may_approve(actor, item))):
        raise PermissionDenied
    if status in PUBLISHING and item.status not in {Status.APPROVED, Status.SCHEDULED}:
        raise ValidationError(
            _("Only approved content can be published; have it approved first."), code="unapproved"
        )
    if status not in TRANSITIONS[item.status]:
        raise ValidationError(
            _("A content item cannot go from “%(from)s” to “%(to)s”.")
            % {"from": item.get_status_display(), "to": Status(status).label},
            code="transition",
        )
    if approving:
        if not may_approve(actor, item):
            raise ValidationError(
                _("Only the head of the department or the item's approver may approve it."),
                code="approver",
            )
        missing = _missing_alt_text(item)
        if missing:
            raise ValidationError(
                _("Describe every image before approval; no image description for: %(channels)s.")
                % {"channels": ", ".join(missing)},
                code="alt_text",
            )
    if status == Status.SCHEDULED and not item.publish_at:
        raise ValidationError(
            _("Set the publication time before scheduling."), code="no_publish_time"
        )
    with transaction.atomic():
        previous = item.status
        item.status = status
        if status == Status.PUBLISHED and not item.published_at:
            item.published_at = timezone.now()
        item.save(update_fields=["status", "published_at", "updated_at"])
        StatusChange.objects.create(
            item=item, from_status=previous, to_status=status, changed_by=actor
        )
    return item


def reschedule(*, actor: User, item: ContentItem, publish_at: datetime.datetime) -> ContentItem:
    """Move an item's planned publication (the calendar's keyboard "reschedule")."""
    _require_writer(actor)
    if item.status in {Status.PUBLISHED, Status.ARCHIVED}:
        raise ValidationError(_("Published content keeps its publication time."))
    item.publish_at = publish_at
    item.save(update_fields=["publish_at", "updated_at"])
    return item


def reschedule_variant(
    *, actor: User, variant: ChannelVariant, planned_at: datetime.datetime
) -> ChannelVariant:
    """Move a channel text's planned time; one already out at its address stays where it was."""
    _require_writer(actor)
    if variant.published_url:
        raise ValidationError(_("This text is already published on the channel."))
    variant.planned_at = planned_at
    variant.save(update_fields=["planned_at"])
    return variant


def images_of(item: ContentItem):
    """The item's attachments a variant may show as its image."""
    return attachments_on(item).filter(mime_type__startswith="image/")


def save_variant(*, actor: User, variant: ChannelVariant) -> list[str]:
    """Create or change a channel variant; returns warnings (over the channel's limit)."""
    _require_writer(actor)
    if variant.image_id and not images_of(variant.item).filter(pk=variant.image_id).exists():
        raise ValidationError({"image": _("Choose one of the item's images.")})
    if (
        ChannelVariant.objects.filter(item=variant.item, channel=variant.channel)
        .exclude(pk=variant.pk)
        .exists()
    ):
        raise ValidationError(
            {"channel": _("This item already has a text for that channel; edit it instead.")}
        )
    variant.full_clean()
    with transaction.atomic():
        variant.save()
    return variant_warnings(variant)


def variant_warnings(variant: ChannelVariant) -> list[str]:
    """What the editor should know, never blocking a save."""
    warnings = []
    limit = variant.channel.text_limit
    if limit and len(variant.text) > limit:
        warnings.append(
            _("The text is %(length)s characters long, over %(channel)s's limit of %(limit)s.")
            % {
                "length": format_number(len(variant.text)),
                "channel": variant.channel,
                "limit": format_number(limit),
            }
        )
    if variant.image_id and not variant.image_alt.strip():
        warnings.append(_("The image has no description; the item cannot be approved without it."))
    return warnings
