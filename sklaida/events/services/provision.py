"""Provision of events (2.3): checklists applied to an event as tasks with owners and due dates."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from sklaida.core import notifications
from sklaida.core.models import Task, User
from sklaida.core.permissions import Capability, Role, has_capability, roles_of
from sklaida.events import signals
from sklaida.events.models import (
    Event,
    EventType,
    ProvisionArea,
    ProvisionItem,
    ProvisionTemplate,
    ProvisionTemplateItem,
)


def _may_edit(actor: User, event: Event) -> bool:
    # The same rule as services.events.may_edit_events_of (imported there, not here, to keep
    # the two modules free of a circular import).
    if has_capability(actor, Capability.WORK_IN_DEPARTMENT):
        return True
    return Role.TERRITORY in roles_of(actor) and event.library_id == actor.library_id


def due_date_for(event: Event, days_before: int) -> datetime.date:
    """The day an item is due: the event's (Vilnius) date less `days_before`."""
    return timezone.localdate(event.starts_at) - datetime.timedelta(days=days_before)


def _new_item(
    *, actor: User, event: Event, area: str, title: str, days_before: int, owner: User
) -> ProvisionItem:
    """One provision item and its task, attached to the event (shown on "My work")."""
    task = Task(
        title=f"{title} — {event.title}"[:200],
        owner=owner,
        created_by=actor,
        due_date=due_date_for(event, days_before),
        library=event.library,
        description=_("Provision of the event “%(event)s”.") % {"event": event.title},
    )
    task.target = event
    task.full_clean()
    task.save()
    item = ProvisionItem(event=event, area=area, title=title, days_before=days_before, task=task)
    item.full_clean()
    item.save()
    signals.provision_item_added.send(sender=ProvisionItem, item=item, actor=actor)
    if owner != actor:
        notifications.task_assigned(task=task)
    return item


def apply_template(
    *, actor: User, event: Event, template: ProvisionTemplate
) -> list[ProvisionItem]:
    """Add the checklist's items to the event; items the event already has are not repeated.

    Each item becomes a task of its usual owner (or of the event's responsible person) due
    `days_before` the event. Core's `create_task` admits only department workers, while a
    territory specialist provisions her own library's events too, so the task is made here.
    """
    if not _may_edit(actor, event):
        raise PermissionDenied
    if event.status in {Event.Status.CANCELLED, Event.Status.REPORTED}:
        raise ValidationError(_("A cancelled or reported event needs no provision."))
    with transaction.atomic():
        # Lock the event so that two people applying the same checklist make one set.
        Event.objects.select_for_update().filter(pk=event.pk).first()
        existing = {
            (area, title.casefold())
            for area, title in event.provision_items.values_list("area", "title")
        }
        created = []
        for template_item in template.items.select_related("owner").order_by(
            "area", "position", "pk"
        ):
            key = (template_item.area, template_item.title.casefold())
            if key in existing:
                continue
            existing.add(key)
            owner = template_item.owner
            if owner is None or not owner.is_active:
                owner = event.responsible
            created.append(
                _new_item(
                    actor=actor,
                    event=event,
                    area=template_item.area,
                    title=template_item.title,
                    days_before=template_item.days_before,
                    owner=owner,
                )
            )
    return created


def add_provision_item(
    *,
    actor: User,
    event: Event,
    area: str,
    title: str,
    days_before: int,
    owner: User | None = None,
) -> ProvisionItem:
    """One item added by hand to the event's checklist."""
    if not _may_edit(actor, event):
        raise PermissionDenied
    title = title.strip()
    if not title:
        raise ValidationError(_("Write what must be arranged."))
    if area not in ProvisionArea.values:
        raise ValidationError(_("Choose the area of the item."))
    if event.provision_items.filter(area=area, title__iexact=title).exists():
        raise ValidationError(_("The event already has this item."))
    with transaction.atomic():
        return _new_item(
            actor=actor,
            event=event,
            area=area,
            title=title,
            days_before=days_before,
            owner=owner or event.responsible,
        )


def shift_due_dates(*, event: Event, previous_starts_at: datetime.datetime | None) -> int:
    """The open provision tasks follow a moved event by as many days as it moved.

    Called by services.events when an event is saved or moved. A due date someone changed
    by hand keeps its distance from the event; finished tasks keep theirs. Returns how many
    tasks changed.
    """
    if previous_starts_at is None:
        return 0
    shift = timezone.localdate(event.starts_at) - timezone.localdate(previous_starts_at)
    if not shift:
        return 0
    signals.event_rescheduled.send(sender=Event, event=event, shift=shift)
    tasks = list(
        Task.objects.filter(
            provision_item__event=event,
            status__in=Task.OPEN_STATUSES,
            due_date__isnull=False,
        )
    )
    for task in tasks:
        task.due_date += shift
        task.reminded_on = None
    Task.objects.bulk_update(tasks, ["due_date", "reminded_on"])
    return len(tasks)


@dataclass(frozen=True)
class DefaultItem:
    area: str
    title: str
    days_before: int


T, V, INFO = ProvisionArea.TECHNICAL, ProvisionArea.VISUAL, ProvisionArea.INFORMATIONAL

# The department's usual checklists, in Lithuanian: they are the department's own texts.
DEFAULT_TEMPLATES: dict[str, tuple[str, str, Iterable[DefaultItem]]] = {
    "Renginys salėje": (
        "",
        "Įprastas renginys bibliotekos salėje: technika, plakatas ir skelbimai.",
        (
            DefaultItem(T, "Patikrinti garso sistemą ir mikrofonus", 1),
            DefaultItem(T, "Paruošti projektorių ir ekraną", 1),
            DefaultItem(T, "Išdėstyti kėdes", 0),
            DefaultItem(V, "Plakatas (dizaino užsakymas)", 21),
            DefaultItem(V, "Vaizdas socialiniams tinklams", 14),
            DefaultItem(INFO, "Skelbimas svetainėje ir naujienlaiškyje", 14),
            DefaultItem(INFO, "Įrašas socialiniuose tinkluose", 7),
            DefaultItem(INFO, "Pranešimas spaudai", 10),
        ),
    ),
    "Paroda": (
        EventType.EXHIBITION,
        "Parodos įrengimas, etiketės ir atidarymo viešinimas.",
        (
            DefaultItem(T, "Parodų stendai ir apšvietimas", 3),
            DefaultItem(T, "Eksponatų priėmimo ir grąžinimo aktai", 7),
            DefaultItem(V, "Parodos plakatas ir baneris", 21),
            DefaultItem(V, "Eksponatų etiketės", 5),
            DefaultItem(INFO, "Pranešimas spaudai apie atidarymą", 10),
            DefaultItem(INFO, "Skelbimas svetainėje", 14),
        ),
    ),
    "Transliuojamas renginys": (
        "",
        "Renginys su tiesiogine transliacija ir įrašu.",
        (
            DefaultItem(T, "Transliacijos įranga ir interneto ryšys", 2),
            DefaultItem(T, "Bandomoji transliacija", 1),
            DefaultItem(T, "Įrašo išsaugojimas archyve", -2),
            DefaultItem(V, "Transliacijos užsklanda", 7),
            DefaultItem(INFO, "Transliacijos nuoroda svetainėje", 7),
            DefaultItem(INFO, "Įrašo peržiūrų suskaičiavimas", -30),
        ),
    ),
}


def ensure_default_templates() -> list[ProvisionTemplate]:
    """The department's usual checklists exist (demo data and a fresh system); idempotent."""
    templates = []
    with transaction.atomic():
        for name, (event_type, description, items) in DEFAULT_TEMPLATES.items():
            template, created = ProvisionTemplate.objects.get_or_create(
                name=name, defaults={"event_type": event_type, "description": description}
            )
            if created:
                ProvisionTemplateItem.objects.bulk_create(
                    ProvisionTemplateItem(
                        template=template,
                        area=item.area,
                        title=item.title,
                        days_before=item.days_before,
                        position=position,
                    )
                    for position, item in enumerate(items)
                )
            templates.append(template)
    return templates


def save_template(
    *,
    actor: User,
    template: ProvisionTemplate,
    items: Iterable[ProvisionTemplateItem] = (),
    deleted: Iterable[ProvisionTemplateItem] = (),
) -> ProvisionTemplate:
    """Create or change a checklist with its items (the staff form's formset)."""
    if not has_capability(actor, Capability.WORK_IN_DEPARTMENT):
        raise PermissionDenied
    with transaction.atomic():
        template.full_clean()
        template.save()
        for item in deleted:
            if item.pk:
                item.delete()
        for item in items:
            item.template = template
            item.save()
    return template
