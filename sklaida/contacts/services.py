"""Every change to contacts: create, update, anonymise, merge, agreements, lists."""

from __future__ import annotations

import datetime

import zipstream
from django.core.exceptions import PermissionDenied
from django.db import models, transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import override

from sklaida.contacts import privacy, selectors
from sklaida.contacts.models import (
    Agreement,
    ContactList,
    DuplicateCandidate,
    Interaction,
    Membership,
    Organisation,
    Person,
    PersonalDataExport,
)
from sklaida.core import personal_data
from sklaida.core import services as core_services
from sklaida.core.models import User
from sklaida.core.permissions import Capability, has_capability, require_capability

# How long before an agreement ends its owner gets a task to renew or close it.
AGREEMENT_WARNING_DAYS = 60


def _require_work(actor: User) -> None:
    if not has_capability(actor, Capability.WORK_IN_DEPARTMENT):
        raise PermissionDenied


def save_organisation(
    *, actor: User, organisation: Organisation, tags: list[str] | None = None
) -> Organisation:
    """Create or update an organisation a form has validated."""
    _require_work(actor)
    with transaction.atomic():
        organisation.full_clean()
        organisation.save()
        if tags is not None:
            organisation.tags.set(tags)
    return organisation


def save_person(
    *,
    actor: User,
    person: Person,
    tags: list[str] | None = None,
    organisation: Organisation | None = None,
    role: str = "",
) -> Person:
    """Create or update a person, optionally with a role, and note possible duplicates."""
    _require_work(actor)
    if person.is_anonymised:
        raise PermissionDenied
    with transaction.atomic():
        person.full_clean()
        person.save()
        if tags is not None:
            person.tags.set(tags)
        if organisation is not None:
            Membership.objects.get_or_create(person=person, organisation=organisation, role=role)
        record_duplicates_of(person)
    return person


def record_duplicates_of(person: Person) -> list[DuplicateCandidate]:
    """Note every existing person that looks like `person`, for the merge screen."""
    organisation = person.memberships.select_related("organisation").first()
    found = selectors.find_duplicates_of(
        email=person.email,
        first_name=person.first_name,
        last_name=person.last_name,
        organisation_name=organisation.organisation.name if organisation else "",
        exclude_pk=person.pk,
    )
    return [
        DuplicateCandidate.objects.get_or_create(
            person=person, duplicate_of=other, defaults={"reason": reason}
        )[0]
        for other, reason in found
    ]


def set_membership(
    *,
    actor: User,
    person: Person,
    organisation: Organisation,
    role: str = "",
    is_current: bool = True,
) -> Membership:
    _require_work(actor)
    membership, _created = Membership.objects.update_or_create(
        person=person, organisation=organisation, role=role, defaults={"is_current": is_current}
    )
    return membership


def record_interaction(
    *,
    actor: User,
    kind: str,
    date: datetime.date,
    summary: str,
    staff: User | None = None,
    organisations: list[Organisation] = (),
    persons: list[Person] = (),
    interaction: Interaction | None = None,
) -> Interaction:
    """Note a meeting, call, e-mail, letter or agreement with organisations and persons."""
    _require_work(actor)
    interaction = interaction or Interaction()
    interaction.kind, interaction.date, interaction.summary = kind, date, summary
    interaction.staff = staff or actor
    with transaction.atomic():
        interaction.full_clean()
        interaction.save()
        interaction.organisations.set(organisations)
        interaction.persons.set(persons)
    return interaction


def save_agreement(
    *,
    actor: User,
    agreement: Agreement,
    persons: list[Person] | None = None,
    today: datetime.date | None = None,
) -> Agreement:
    """Save an agreement; one ending soon gets its owner's reminder task at once."""
    _require_work(actor)
    with transaction.atomic():
        agreement.full_clean()
        agreement.save()
        if persons is not None:
            agreement.persons.set(persons)
        raise_expiry_task(agreement=agreement, today=today or timezone.localdate())
    return agreement


def raise_expiry_task(*, agreement: Agreement, today: datetime.date):
    """Give the agreement's owner a task when it ends within AGREEMENT_WARNING_DAYS (once)."""
    if agreement.expiry_task_id or not agreement.end_date:
        return None
    if not today <= agreement.end_date <= today + datetime.timedelta(days=AGREEMENT_WARNING_DAYS):
        return None
    with override(agreement.owner.language or None):
        title = _("Agreement with %(organisation)s ends on %(date)s: renew or close it") % {
            "organisation": agreement.organisation.name,
            "date": date_format(agreement.end_date, "DATE_FORMAT"),
        }
    task = core_services.create_task(
        actor=None,
        title=title[:200],
        owner=agreement.owner,
        due_date=agreement.end_date,
        target=agreement,
    )
    agreement.expiry_task = task
    agreement.save(update_fields=["expiry_task"])
    return task


def raise_expiry_tasks(*, today: datetime.date) -> int:
    """The daily job: tasks for every agreement that has just come within the warning window."""
    raised = 0
    for agreement in selectors.agreements_ending(
        today=today, within_days=AGREEMENT_WARNING_DAYS
    ).filter(expiry_task__isnull=True):
        with transaction.atomic():
            raised += raise_expiry_task(agreement=agreement, today=today) is not None
    return raised


def anonymise_person(*, actor: User, person: Person) -> Person:
    """Erase who the person is, keep what happened: interactions and roles stay, nameless.

    Every place an app registered with `core.personal_data` is walked in one transaction:
    her record is blanked, comments and files on it are deleted, registrations and
    newsletter subscriptions under her address are erased, her name is replaced in the
    texts linked to her, and the audit history of all of it loses her values.
    """
    _require_work(actor)
    if person.is_anonymised:
        return person
    personal_data.erase(subject=privacy.subject_of_person(person))
    person.refresh_from_db()
    return person


def export_personal_data(
    *, actor: User, person: Person | None = None, address: str = ""
) -> tuple[PersonalDataExport, zipstream.ZipStream]:
    """Everything held about a contact or an e-mail address, as one ZIP (JSON and a
    readable page) streamed while it downloads; the export itself is recorded."""
    require_capability(actor, Capability.EXPORT_PERSONAL_DATA)
    if person is None and not address.strip():
        raise ValueError("Export whom: a person or an address.")
    subject = privacy.subject_of_person(person) if person else privacy.subject_of_address(address)
    rows = sum(section.count for section in personal_data.sections(subject))
    record = PersonalDataExport.objects.create(
        made_by=actor,
        person=person,
        address_fingerprint="" if person else privacy.address_fingerprint(address),
        rows=rows,
    )
    heading = personal_data.ExportHeading(
        about=subject.description, made_by=actor.get_full_name() or actor.get_username()
    )
    return record, personal_data.export_zip(subject=subject, heading=heading)


def merge_persons(
    *, actor: User, keep: Person, remove: Person, values: dict[str, object] | None = None
) -> Person:
    """Fold `remove` into `keep`: every link moves over, chosen field values are taken.

    Links are found through the model's relations, so the records other apps keep about
    a person (registrations, publications …) move too without this function knowing them.
    """
    _require_work(actor)
    if keep.pk == remove.pk:
        raise ValueError("A person cannot be merged with themselves.")
    with transaction.atomic():
        for field, value in (values or {}).items():
            setattr(keep, field, value)
        keep.full_clean()
        keep.save()
        _move_links(keep=keep, remove=remove)
        keep.tags.add(*remove.tags.all())
        DuplicateCandidate.objects.filter(
            models.Q(person=remove) | models.Q(duplicate_of=remove)
        ).delete()
        remove.delete()
    return keep


def _move_links(*, keep: Person, remove: Person) -> None:
    for relation in Person._meta.get_fields():
        if relation.many_to_many and relation.auto_created:
            # Reverse many-to-many (Interaction.persons, Agreement.persons, ContactList.persons …).
            accessor = relation.get_accessor_name()
            related = list(getattr(remove, accessor).all())
            getattr(keep, accessor).add(*related)
        elif relation.one_to_many and relation.auto_created:
            if relation.related_model is DuplicateCandidate:
                continue
            _move_rows(relation, keep=keep, remove=remove)


def _move_rows(relation, *, keep: Person, remove: Person) -> None:
    """Repoint rows of a reverse foreign key, dropping ones `keep` already has (unique)."""
    model, field = relation.related_model, relation.field.name
    unique_sets = [
        set(constraint.fields) - {field}
        for constraint in model._meta.constraints
        if isinstance(constraint, models.UniqueConstraint) and field in constraint.fields
    ]
    for row in model._default_manager.filter(**{field: remove}):
        clash = any(
            model._default_manager.filter(
                **{field: keep}, **{name: getattr(row, name) for name in unique}
            ).exists()
            for unique in unique_sets
        )
        if clash:
            row.delete()
        else:
            setattr(row, field, keep)
            row.save(update_fields=[field])


def dismiss_duplicate(*, actor: User, candidate: DuplicateCandidate) -> None:
    _require_work(actor)
    candidate.delete()


def save_contact_list(
    *, actor: User, contact_list: ContactList, persons: list[Person] | None = None
) -> ContactList:
    _require_work(actor)
    with transaction.atomic():
        if contact_list.pk is None:
            contact_list.created_by = actor
        contact_list.full_clean()
        contact_list.save()
        if persons is not None:
            contact_list.persons.set(persons)
    return contact_list


def add_to_list(*, actor: User, contact_list: ContactList, persons: list[Person]) -> None:
    _require_work(actor)
    if contact_list.kind != ContactList.Kind.MANUAL:
        raise PermissionDenied
    contact_list.persons.add(*persons)


def remove_from_list(*, actor: User, contact_list: ContactList, person: Person) -> None:
    _require_work(actor)
    contact_list.persons.remove(person)
