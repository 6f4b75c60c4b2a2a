"""The channels registry (1.3) with audience sizes, and campaigns with their targets (1.2)."""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.core.exceptions import PermissionDenied
from django.db import transaction

from sklaida.communication.models import AudienceSize, Campaign, CampaignTarget, Channel
from sklaida.core.models import User
from sklaida.core.permissions import Capability, has_capability


def _require_writer(actor: User) -> None:
    if not has_capability(actor, Capability.WORK_IN_DEPARTMENT):
        raise PermissionDenied


def save_channel(*, actor: User, channel: Channel, administrators: Iterable[User]) -> Channel:
    _require_writer(actor)
    channel.full_clean()
    with transaction.atomic():
        channel.save()
        channel.administrators.set(administrators)
    return channel


def record_audience_size(
    *, actor: User, channel: Channel, measured_on: datetime.date, size: int
) -> AudienceSize:
    """The audience on a day; a second figure for the same day replaces the first."""
    _require_writer(actor)
    with transaction.atomic():
        measurement, _created = AudienceSize.objects.update_or_create(
            channel=channel, measured_on=measured_on, defaults={"size": size}
        )
    return measurement


def save_campaign(
    *,
    actor: User,
    campaign: Campaign,
    channels: Iterable[Channel] = (),
    events: Iterable = (),
    targets: Iterable[CampaignTarget] = (),
    removed_targets: Iterable[CampaignTarget] = (),
) -> Campaign:
    """Create or change a campaign together with its channels, events and KPI targets."""
    _require_writer(actor)
    campaign.full_clean()
    with transaction.atomic():
        campaign.save()
        campaign.channels.set(channels)
        campaign.events.set(events)
        for target in removed_targets:
            if target.pk and target.campaign_id == campaign.pk:
                target.delete()
        for target in targets:
            target.campaign = campaign
            target.full_clean()
            target.save()
    return campaign
