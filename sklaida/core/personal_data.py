"""Where a person's data lives in Sklaida, and erasing or exporting all of it in one go.

Each app declares its own places from its AppConfig.ready with `register(Place(...))`: a
model, how its rows are found for a person (a link to the contact, or a column holding
the e-mail address as a mailbox key, `core.addresses.mailbox_key`), the fields that hold
her data and what erasing does to them:

- `BLANK`: empty the fields; the row stays (seats, statuses and counts survive);
- `REPLACE`: put the anonymous label wherever the fields mention her (`core.mentions`):
  free text, her name copied into a title, a file name;
- `DELETE`: delete the rows, their comments and attachments, and the files once the
  deletion commits;
- `KEEP`: nothing in the row is hers, it only links to her (a role, a list).

`erase` walks every place in one transaction, then takes her out of the audit history of
every row it touched (and of the rows a deletion cascaded to) and of the admin's log, and
replaces mentions in the comments, attachment names and tasks on those rows. `sections`
and `export_zip` read the same places for a person's export, so an app that registers its
places once is covered by both.

Every lookup is by an indexed column (a foreign key, a many-to-many table, a mailbox
key, a generic relation), so neither needs to read a whole table.
"""

from __future__ import annotations

import datetime
import enum
import html
import itertools
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from functools import reduce
from operator import or_

import zipstream
from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models, router, transaction
from django.db.models.deletion import Collector
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.functional import Promise
from django.utils.text import slugify
from django.utils.translation import gettext as _

from sklaida.core.mentions import Mentions

MASK = "***"
CHUNK = 1000


class Erase(enum.StrEnum):
    BLANK = "blank"
    REPLACE = "replace"
    DELETE = "delete"
    KEEP = "keep"


@dataclass(frozen=True)
class DataSubject:
    """Whom an erasure or an export is about: contact records (`contacts.Person` rows; core
    cannot import contacts) and e-mail mailboxes. `mentions` is needed only to erase."""

    persons: tuple[models.Model, ...] = ()
    mailboxes: frozenset[str] = frozenset()
    mentions: Mentions | None = None
    description: str = ""

    @property
    def person_pks(self) -> list[int]:
        return [person.pk for person in self.persons]


@dataclass(frozen=True)
class Place:
    """One place where a person's data lives."""

    key: str  # names the place in an export ("events.registrations")
    model: type[models.Model]
    label: str | Promise  # the export's heading for these rows
    erase: Erase
    fields: tuple[str, ...] = ()  # her data (BLANK, DELETE) or text that may name her (REPLACE)
    person: tuple[str, ...] = ()  # lookups from the model to contacts.Person
    mailbox: str = ""  # a column holding `mailbox_key` of an address
    rows: Callable[[DataSubject], models.QuerySet] | None = None  # any other way to find them
    shown: tuple[str, ...] = ()  # the export's columns (`fields` when empty)
    stamp: str = ""  # a date-time field set to now when the row is blanked
    after: Callable[[list], None] | None = None  # given the row ids once erased (re-indexing)
    listed: bool = True  # in the export (work files and search rows are not)

    @property
    def columns(self) -> tuple[str, ...]:
        return self.shown or self.fields


_places: dict[str, Place] = {}


def register(place: Place) -> Place:
    _places[place.key] = place
    return place


def places() -> list[Place]:
    """Every registered place, in the order the apps registered them."""
    return list(_places.values())


def rows_of(place: Place, subject: DataSubject) -> models.QuerySet:
    """The rows of `place` that hold `subject`'s data."""
    if place.rows is not None:
        return place.rows(subject)
    conditions = []
    if subject.persons:
        pks = subject.person_pks
        conditions += [models.Q(**{f"{lookup}__in": pks}) for lookup in place.person]
    if subject.mailboxes and place.mailbox:
        conditions.append(models.Q(**{f"{place.mailbox}__in": sorted(subject.mailboxes)}))
    manager = place.model._default_manager
    if not conditions:
        return manager.none()
    return manager.filter(reduce(or_, conditions))


def attached_to_persons(model: type[models.Model]) -> Callable[[DataSubject], models.QuerySet]:
    """Rows of a generic relation (comments, attachments, tasks) on the subject's contacts."""

    def rows(subject: DataSubject) -> models.QuerySet:
        if not subject.persons:
            return model._default_manager.none()
        content_type = ContentType.objects.get_for_model(subject.persons[0])
        return model._default_manager.filter(
            content_type=content_type, object_id__in=subject.person_pks
        )

    return rows


# --- Erasure ----------------------------------------------------------------------------


@dataclass
class _Touched:
    """Rows of one model the erasure changed, and how their history is to be cleaned."""

    pks: set = field(default_factory=set)
    masked: set[str] = field(default_factory=set)  # fields whose old values become ***
    named_by_label: bool = False  # the row's name was her data: it becomes the label


def erase(*, subject: DataSubject) -> dict[str, int]:
    """Erase `subject` from every registered place in one transaction; rows per place.

    The rows of every place are found first, so a link removed by one place (her lists)
    still has its history cleaned.
    """
    mentions = subject.mentions
    if mentions is None:
        raise ValueError("Erasing needs the subject's mentions (names, addresses, phones).")
    now = timezone.now()
    with transaction.atomic():
        planned = [(place, sorted(set(_pks(rows_of(place, subject))))) for place in places()]
        touched: dict[type[models.Model], _Touched] = {}
        deleted: dict[type[models.Model], set] = {}
        for place, pks in planned:
            if not pks:
                continue
            marks = _mark(touched, place.model, pks)
            rows = place.model._default_manager.filter(pk__in=pks)
            if place.erase is Erase.BLANK:
                marks.masked.update(place.fields)
                marks.named_by_label = True
                _blank(place, rows, now)
            elif place.erase is Erase.REPLACE:
                _replace(rows, place.fields, mentions)
            elif place.erase is Erase.DELETE:
                marks.masked.update(place.fields)
                _delete(rows, touched, deleted)
        _replace_in_discussions(touched, deleted, mentions)
        for place, pks in planned:
            if place.after is not None and pks:
                place.after(pks)
        _index_again(touched, deleted)
        _clean_history(touched, mentions)
    return {place.key: len(pks) for place, pks in planned}


def _index_again(touched: dict, deleted: dict) -> None:
    """Her words leave the search index in the erasing transaction: every searchable row
    that was changed is indexed again (deleted ones left it on their own)."""
    from sklaida.core import search

    for searchable in search.registered():
        for model, marks in touched.items():
            pks = marks.pks - deleted.get(model, set())
            if model is searchable.model:
                search.index_many(model._default_manager.filter(pk__in=pks))
            for related in searchable.related:
                if related.model == model._meta.label_lower:
                    for row in model._default_manager.filter(pk__in=pks):
                        search.index_many(related.objects(row))


def _pks(rows: models.QuerySet) -> list:
    return list(rows.values_list("pk", flat=True))


def _mark(touched: dict, model: type[models.Model], pks: Iterable) -> _Touched:
    marks = touched.setdefault(model, _Touched())
    marks.pks.update(pks)
    return marks


def _empty(model_field: models.Field):
    if model_field.null:
        return None
    if model_field.has_default() and not isinstance(model_field, models.CharField):
        return model_field.get_default()  # [] or {} for JSON
    return ""


def _blank(place: Place, rows: models.QuerySet, now: datetime.datetime) -> None:
    meta = place.model._meta
    values = {name: _empty(meta.get_field(name)) for name in place.fields}
    if place.stamp:
        values[place.stamp] = now
    for row in rows.iterator(chunk_size=CHUNK):
        for name, value in values.items():
            setattr(row, name, value)
        # One save per row, so the history records that (and by whom) it was erased.
        row.save(update_fields=list(values))


def _replace(rows: models.QuerySet, fields: Iterable[str], mentions: Mentions) -> None:
    meta = rows.model._meta
    for row in rows.iterator(chunk_size=CHUNK):
        changed = []
        for name in fields:
            old = getattr(row, name)
            new = mentions.replace(old)
            if new == old:
                continue
            model_field = meta.get_field(name)
            if isinstance(model_field, models.SlugField):
                new = slugify(new)[: model_field.max_length].strip("-")
            setattr(row, name, new)
            changed.append(name)
        if changed:
            row.save(update_fields=changed)


def _delete(rows: models.QuerySet, touched: dict, deleted: dict) -> None:
    from sklaida.core import registry, services

    model = rows.model
    file_fields = [f for f in model._meta.concrete_fields if isinstance(f, models.FileField)]
    for row in list(rows):
        files = [
            (getattr(row, f.name).storage, getattr(row, f.name).name)
            for f in file_fields
            if getattr(row, f.name)
        ]
        if registry.is_discussable(model):
            services.delete_discussion(target=row)
        # What the deletion cascades to loses her from its history too (a subscriber's
        # deliveries are named after her address).
        collector = Collector(using=router.db_for_write(model))
        collector.collect([row])
        for cascaded_model, instances in collector.data.items():
            _mark(touched, cascaded_model, [instance.pk for instance in instances])
            deleted.setdefault(cascaded_model, set()).update(i.pk for i in instances)
        row.delete()
        for storage, name in files:
            transaction.on_commit(lambda storage=storage, name=name: storage.delete(name))


def _replace_in_discussions(touched: dict, deleted: dict, mentions: Mentions) -> None:
    """Comments, attachment names and tasks on the rows that mention her lose her name."""
    from sklaida.core.models import Attachment, Comment, Task

    texts = {Comment: ("body",), Attachment: ("original_name",), Task: ("title", "description")}
    for model, marks in list(touched.items()):
        if model in texts:
            continue
        content_type = ContentType.objects.get_for_model(model)
        kept = sorted(marks.pks - deleted.get(model, set()))
        for start in range(0, len(kept), CHUNK):
            chunk = kept[start : start + CHUNK]
            for text_model, fields in texts.items():
                rows = text_model.objects.filter(content_type=content_type, object_id__in=chunk)
                pks = _pks(rows)
                if pks:
                    _mark(touched, text_model, pks)
                    _replace(rows, fields, mentions)


def _clean_history(touched: dict, mentions: Mentions) -> None:
    """Her values leave the audit history and the admin's log of every touched row."""
    from auditlog.models import LogEntry
    from django.contrib.admin.models import LogEntry as AdminLogEntry

    for model, marks in touched.items():
        content_type = ContentType.objects.get_for_model(model)
        pks = sorted(str(pk) for pk in marks.pks)
        for start in range(0, len(pks), CHUNK):
            chunk = pks[start : start + CHUNK]
            entries = LogEntry.objects.filter(content_type=content_type, object_pk__in=chunk)
            for entry in entries.iterator(chunk_size=CHUNK):
                _clean_entry(entry, marks, mentions)
            admin_entries = AdminLogEntry.objects.filter(
                content_type=content_type, object_id__in=chunk
            )
            for admin_entry in admin_entries:
                name = (
                    mentions.label
                    if marks.named_by_label
                    else mentions.replace(admin_entry.object_repr)
                )
                if name != admin_entry.object_repr:
                    admin_entry.object_repr = name
                    admin_entry.save(update_fields=["object_repr"])


def _clean_entry(entry, marks: _Touched, mentions: Mentions) -> None:
    changes = {
        name: [MASK, MASK] if name in marks.masked and isinstance(values, list) else values
        for name, values in (entry.changes or {}).items()
    }
    cleaned = {
        "changes": mentions.replace(changes) if entry.changes is not None else None,
        "object_repr": (
            mentions.label if marks.named_by_label else mentions.replace(entry.object_repr)
        ),
        "changes_text": mentions.replace(entry.changes_text),
        "serialized_data": mentions.replace(entry.serialized_data),
        "additional_data": mentions.replace(entry.additional_data),
    }
    if marks.masked and entry.changes_text:
        cleaned["changes_text"] = ""
    changed = [name for name, value in cleaned.items() if value != getattr(entry, name)]
    if changed:
        for name in changed:
            setattr(entry, name, cleaned[name])
        entry.save(update_fields=changed)


# --- Export -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Section:
    place: Place
    count: int


def sections(subject: DataSubject) -> list[Section]:
    """How many rows each listed place holds about `subject`: one count query each."""
    return [Section(place, rows_of(place, subject).count()) for place in places() if place.listed]


def _fields(place: Place) -> list[models.Field]:
    return [place.model._meta.get_field(name) for name in place.columns]


def _export_rows(place: Place, subject: DataSubject) -> Iterator[models.Model]:
    related = [f.name for f in _fields(place) if f.many_to_one or f.one_to_one]
    rows = rows_of(place, subject).select_related(*related).order_by("pk")
    yield from rows.iterator(chunk_size=CHUNK)


def _plain(row: models.Model, model_field: models.Field):
    """A value as JSON carries it: choices in words, links by name, times in Vilnius."""
    value = getattr(row, model_field.name)
    if model_field.choices and value not in (None, ""):
        return str(getattr(row, f"get_{model_field.name}_display")())
    if isinstance(value, models.Model):
        return str(value)
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value).isoformat()
    if isinstance(value, datetime.date | datetime.time):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(model_field, models.FileField):
        return value.name if value else ""
    return value


def _readable(row: models.Model, model_field: models.Field) -> str:
    value = getattr(row, model_field.name)
    if value is None or value == "" or value == [] or value == {}:
        return ""
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, datetime.datetime):
        return date_format(timezone.localtime(value), "DATETIME_FORMAT")
    if isinstance(value, datetime.date):
        return date_format(value, "DATE_FORMAT")
    plain = _plain(row, model_field)
    if isinstance(plain, list | dict):
        return json.dumps(plain, ensure_ascii=False)
    return str(plain)


@dataclass(frozen=True)
class ExportHeading:
    """What the export says about itself: about whom, when and by whom it was made."""

    about: str
    made_by: str
    made_at: datetime.datetime = field(default_factory=timezone.now)


def _json_chunks(subject: DataSubject, heading: ExportHeading) -> Iterator[bytes]:
    def dumps(value) -> str:
        return json.dumps(value, ensure_ascii=False, cls=DjangoJSONEncoder)

    head = {
        "about": heading.about,
        "made_at": timezone.localtime(heading.made_at).isoformat(),
        "made_by": heading.made_by,
    }
    yield ("{" + dumps(head)[1:-1] + ', "sections": [').encode()
    listed = [place for place in places() if place.listed]
    for number, place in enumerate(listed):
        columns = {f.name: str(f.verbose_name) for f in _fields(place)}
        opening = {"key": place.key, "title": str(place.label), "columns": columns}
        yield (("," if number else "") + "\n" + dumps(opening)[:-1] + ', "rows": [').encode()
        for index, row in enumerate(_export_rows(place, subject)):
            values = {f.name: _plain(row, f) for f in _fields(place)}
            yield (("," if index else "") + "\n  " + dumps(values)).encode()
        yield b"]}"
    yield b"\n]}\n"


def _html_chunks(subject: DataSubject, heading: ExportHeading) -> Iterator[bytes]:
    escape = html.escape
    title = _("Personal data: %(about)s") % {"about": heading.about}
    made = _("Prepared on %(date)s by %(person)s. The same data, machine-readable: %(file)s.") % {
        "date": date_format(timezone.localtime(heading.made_at), "DATETIME_FORMAT"),
        "person": heading.made_by,
        "file": JSON_NAME,
    }
    language = translation.get_language() or "lt"
    yield (
        f'<!DOCTYPE html>\n<html lang="{escape(language)}"><head><meta charset="utf-8">'
        f"<title>{escape(title)}</title><style>body{{font-family:sans-serif;margin:2rem}}"
        "table{border-collapse:collapse;margin-bottom:2rem}th,td{border:1px solid #999;"
        "padding:.25rem .5rem;text-align:left;vertical-align:top}</style></head><body>"
        f"<h1>{escape(title)}</h1><p>{escape(made)}</p>"
    ).encode()
    for place in (place for place in places() if place.listed):
        columns = _fields(place)
        rows = _export_rows(place, subject)
        first = next(rows, None)
        yield f"<h2>{escape(str(place.label))}</h2>".encode()
        if first is None:
            yield f"<p>{escape(_('Nothing.'))}</p>".encode()
            continue
        header = "".join(f'<th scope="col">{escape(str(f.verbose_name))}</th>' for f in columns)
        yield f"<table><thead><tr>{header}</tr></thead><tbody>".encode()
        for row in itertools.chain([first], rows):
            cells = "".join(f"<td>{escape(_readable(row, f))}</td>" for f in columns)
            yield f"<tr>{cells}</tr>".encode()
        yield b"</tbody></table>"
    yield b"</body></html>\n"


JSON_NAME = "asmens-duomenys.json"
HTML_NAME = "asmens-duomenys.html"


def _in_language(chunks: Callable[[], Iterator[bytes]], language: str) -> Iterator[bytes]:
    """Run a generator in `language`: a streamed response is read after the view returned."""
    with translation.override(language):
        yield from chunks()


def export_zip(*, subject: DataSubject, heading: ExportHeading) -> zipstream.ZipStream:
    """Everything held about `subject` as a ZIP of a JSON file and a readable HTML page,
    built while it is downloaded: nothing is held in memory or written to disk."""
    language = translation.get_language() or "lt"
    archive = zipstream.ZipStream(compress_type=zipstream.ZIP_DEFLATED)
    archive.add(_in_language(lambda: _json_chunks(subject, heading), language), JSON_NAME)
    archive.add(_in_language(lambda: _html_chunks(subject, heading), language), HTML_NAME)
    return archive
