"""The audit history in words: which field (its verbose name, translated), what it was and
what it became, as the pages show values — choices by their labels, dates the Lithuanian
way, yes/no, people added and removed by name. Internal fields (those a form never edits:
renditions, hashes, search keys) are left out.
"""

from __future__ import annotations

import datetime
import decimal
from dataclasses import dataclass

from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils import formats, timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from sklaida.core.formatting import format_number

EMPTY = "—"


@dataclass(frozen=True)
class Change:
    """One field's change: `before` → `after`, or people/things `added` and `removed`."""

    field: str
    before: str = ""
    after: str = ""
    added: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()


def _empty(value) -> bool:
    return value is None or value in ("", "None", [], {})


def _shown(field: models.Field, value) -> str:
    """A stored value (auditlog keeps them as strings) as the pages show it."""
    if _empty(value):
        return EMPTY
    if field.choices:
        labels = {str(key): label for key, label in field.flatchoices}
        return str(labels.get(str(value), value))
    if isinstance(field, models.BooleanField):
        return _("yes") if str(value) in ("True", "true", "1") else _("no")
    if isinstance(field, models.DateTimeField):
        moment = parse_datetime(str(value))
        if moment is not None:
            if timezone.is_naive(moment):
                moment = timezone.make_aware(moment, datetime.UTC)
            return formats.date_format(timezone.localtime(moment), "DATETIME_FORMAT")
    elif isinstance(field, models.DateField):
        day = parse_date(str(value))
        if day is not None:
            return formats.date_format(day, "DATE_FORMAT")
    if isinstance(field, models.DecimalField | models.FloatField | models.IntegerField):
        try:
            return format_number(decimal.Decimal(str(value)))
        except decimal.InvalidOperation:
            return str(value)
    return str(value)


def readable_changes(entry) -> list[Change]:
    """The changes of one audit entry a person would read, in the model's field order."""
    model = entry.content_type.model_class() if entry.content_type_id else None
    changes = entry.changes_dict
    if model is None or not isinstance(changes, dict):
        return []
    position = {field.name: index for index, field in enumerate(model._meta.get_fields())}
    readable: list[tuple[int, Change]] = []
    for name, values in changes.items():
        try:
            field = model._meta.get_field(name)
        except FieldDoesNotExist:
            continue
        if not getattr(field, "editable", False) or field.name == "password":
            continue
        label = capfirst(str(getattr(field, "verbose_name", name)))
        if isinstance(values, dict) and values.get("type") == "m2m":
            objects = tuple(str(value) for value in values.get("objects", []))
            added = values.get("operation") == "add"
            change = Change(label, added=objects) if added else Change(label, removed=objects)
            readable.append((position[field.name], change))
            continue
        if not isinstance(values, list | tuple) or len(values) != 2:
            continue
        before, after = (_shown(field, value) for value in values)
        if before != after:
            readable.append((position[field.name], Change(label, before, after)))
    return [change for _position, change in sorted(readable, key=lambda pair: pair[0])]
