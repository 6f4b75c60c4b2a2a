"""Design requests follow the events they serve (events send, design listens)."""

from __future__ import annotations

from sklaida.events import signals


def _provision_item_added(sender, *, item, actor, **kwargs) -> None:
    from sklaida.design import services

    services.request_for_provision_item(item=item, actor=actor)


def _event_rescheduled(sender, *, event, shift, **kwargs) -> None:
    from sklaida.design import services

    services.follow_event(event=event, shift=shift)


def connect() -> None:
    signals.provision_item_added.connect(_provision_item_added, dispatch_uid="design-provision")
    signals.event_rescheduled.connect(_event_rescheduled, dispatch_uid="design-follow-event")
