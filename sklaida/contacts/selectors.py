"""Reads of contacts: searches (diacritics-insensitive), contact pages, lists, duplicates."""

from __future__ import annotations

import datetime
from dataclasses import asdict, dataclass, fields

from django.db.models import Count, Prefetch, Q, QuerySet

from sklaida.contacts import privacy
from sklaida.contacts.models import (
    Agreement,
    ContactList,
    DuplicateCandidate,
    Interaction,
    Membership,
    Organisation,
    Person,
    PersonalDataExport,
    PersonImport,
)
from sklaida.contacts.text import search_key
from sklaida.core import personal_data, search


@dataclass(frozen=True)
class PersonSearch:
    """The criteria of the person search; a saved-search list stores them as a dict."""

    q: str = ""
    category: str = ""
    country: str = ""
    tag: str = ""
    organisation_kind: str = ""
    contact_list: int | None = None

    @classmethod
    def from_dict(cls, data: dict) -> PersonSearch:
        known = {field.name for field in fields(cls)}
        return cls(**{key: value for key, value in data.items() if key in known and value})

    def as_dict(self) -> dict:
        return {key: value for key, value in asdict(self).items() if value}


@dataclass(frozen=True)
class OrganisationSearch:
    q: str = ""
    kind: str = ""
    country: str = ""
    tag: str = ""


def search_persons(criteria: PersonSearch) -> QuerySet[Person]:
    """Persons meeting every criterion; by name, or with a search text (a name in any
    case form, with or without diacritics, or an e-mail address) the best matches first."""
    persons = Person.objects.all()
    if criteria.category:
        persons = persons.filter(category=criteria.category)
    if criteria.country:
        persons = persons.filter(country=criteria.country)
    if criteria.tag:
        persons = persons.filter(tags__name__iexact=criteria.tag)
    if criteria.organisation_kind:
        persons = persons.filter(memberships__organisation__kind=criteria.organisation_kind)
    if criteria.contact_list:
        contact_list = ContactList.objects.filter(pk=criteria.contact_list).first()
        persons = (
            persons.filter(pk__in=list_members(contact_list).values("pk"))
            if contact_list
            else persons.none()
        )
    return search.ordered(persons.distinct(), criteria.q, "search_name", "pk")


def person_rows(persons: QuerySet[Person]) -> QuerySet[Person]:
    """What a table of persons shows: current roles with their organisations, tags."""
    return persons.prefetch_related(
        Prefetch(
            "memberships",
            queryset=Membership.objects.filter(is_current=True).select_related("organisation"),
            to_attr="current_memberships",
        ),
        "tags",
    )


def search_organisations(criteria: OrganisationSearch) -> QuerySet[Organisation]:
    organisations = Organisation.objects.all()
    if criteria.kind:
        organisations = organisations.filter(kind=criteria.kind)
    if criteria.country:
        organisations = organisations.filter(country=criteria.country)
    if criteria.tag:
        organisations = organisations.filter(tags__name__iexact=criteria.tag)
    organisations = organisations.distinct().annotate(
        people_count=Count("memberships", filter=Q(memberships__is_current=True))
    )
    return search.ordered(organisations, criteria.q, "search_name", "pk").prefetch_related("tags")


def list_members(contact_list: ContactList) -> QuerySet[Person]:
    """The persons of a list: hand-picked ones, or today's result of its saved search."""
    if contact_list.kind == ContactList.Kind.SAVED_FILTER:
        criteria = PersonSearch.from_dict(contact_list.criteria)
        return search_persons(PersonSearch(**{**criteria.as_dict(), "contact_list": None}))
    return contact_list.persons.all()


def contact_lists() -> QuerySet[ContactList]:
    return ContactList.objects.annotate(picked=Count("persons")).order_by("name")


def person_page(pk: int) -> Person:
    return Person.objects.prefetch_related(
        Prefetch("memberships", queryset=Membership.objects.select_related("organisation")),
        "tags",
        "lists",
    ).get(pk=pk)


def organisation_page(pk: int) -> Organisation:
    return (
        Organisation.objects.select_related("library")
        .prefetch_related(
            Prefetch(
                "memberships",
                queryset=Membership.objects.select_related("person").order_by(
                    "-is_current", "person__search_name"
                ),
            ),
            "tags",
        )
        .get(pk=pk)
    )


def interactions_with(contact: Organisation | Person) -> QuerySet[Interaction]:
    field = "organisations" if isinstance(contact, Organisation) else "persons"
    return (
        Interaction.objects.filter(**{field: contact})
        .select_related("staff")
        .prefetch_related("organisations", "persons")
    )


def agreements_with(contact: Organisation | Person) -> QuerySet[Agreement]:
    field = "organisation" if isinstance(contact, Organisation) else "persons"
    return Agreement.objects.filter(**{field: contact}).select_related("organisation", "owner")


def agreements_ending(*, today: datetime.date, within_days: int) -> QuerySet[Agreement]:
    """Agreements that end between today and `within_days` from now."""
    return Agreement.objects.filter(
        end_date__gte=today, end_date__lte=today + datetime.timedelta(days=within_days)
    ).select_related("organisation", "owner")


def agreement_list() -> QuerySet[Agreement]:
    return Agreement.objects.select_related("organisation", "owner")


def open_duplicates() -> QuerySet[DuplicateCandidate]:
    return DuplicateCandidate.objects.select_related("person", "duplicate_of")


def find_duplicates_of(
    *,
    email: str,
    first_name: str,
    last_name: str,
    organisation_name: str,
    exclude_pk: int | None = None,
) -> list[tuple[Person, str]]:
    """Persons that look like this one: same e-mail, or same name at the same organisation."""
    found: list[tuple[Person, str]] = []
    candidates = Person.objects.exclude(pk=exclude_pk) if exclude_pk else Person.objects.all()
    if email:
        found += [
            (person, DuplicateCandidate.Reason.EMAIL)
            for person in candidates.filter(email__iexact=email)
        ]
    if organisation_name:
        same_name = candidates.filter(
            search_name=search_key(first_name, last_name),
            memberships__organisation__search_name=search_key(organisation_name),
        ).distinct()
        seen = {person.pk for person, _reason in found}
        found += [
            (person, DuplicateCandidate.Reason.NAME_AND_ORGANISATION)
            for person in same_name
            if person.pk not in seen
        ]
    return found


def imports_of_user(user) -> QuerySet[PersonImport]:
    return PersonImport.objects.filter(uploaded_by=user)


@dataclass(frozen=True)
class PersonalDataOverview:
    """What an export would hold about someone, and the exports made about them before."""

    description: str
    sections: list[personal_data.Section]
    earlier: list[PersonalDataExport]


def personal_data_overview(
    *, person: Person | None = None, address: str = ""
) -> PersonalDataOverview:
    """How many records each place holds about a contact or an address (one count each)."""
    subject = privacy.subject_of_person(person) if person else privacy.subject_of_address(address)
    earlier = PersonalDataExport.objects.select_related("made_by")
    if person:
        earlier = earlier.filter(person=person)
    else:
        earlier = earlier.filter(address_fingerprint=privacy.address_fingerprint(address))
    return PersonalDataOverview(
        description=subject.description,
        sections=personal_data.sections(subject),
        earlier=list(earlier[:20]),
    )


def recent_personal_data_exports(*, limit: int = 20) -> QuerySet[PersonalDataExport]:
    """The latest exports of personal data, for the page's log."""
    return PersonalDataExport.objects.select_related("made_by", "person")[:limit]
