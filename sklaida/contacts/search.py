"""What the one search (core.search) finds a person or an organisation by.

A name is found in any case form ("Petronienės" finds Petronienė) and without diacritics;
an anonymised person has no words left to be found by.
"""

from __future__ import annotations

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from sklaida.contacts.models import Organisation, Person
from sklaida.core import search


def _person_title(person: Person) -> str:
    if person.anonymised_at:
        return ""
    return f"{person.first_name} {person.last_name}"


def _person_text(person: Person) -> list[str]:
    if person.anonymised_at:
        return []
    return [person.email, person.city, person.notes]


def _person_summary(person: Person) -> str:
    parts = [str(person.get_category_display())]
    if person.pk:
        parts.extend(organisation.name for organisation in person.organisations.all()[:2])
    return " · ".join(parts)


def _persons(queryset: QuerySet[Person]) -> QuerySet[Person]:
    return queryset.prefetch_related("organisations")


def _organisation_summary(organisation: Organisation) -> str:
    return " · ".join(
        part for part in (str(organisation.get_kind_display()), organisation.city) if part
    )


def register() -> None:
    search.register(
        search.Searchable(
            model=Person,
            label=_("Persons"),
            title=_person_title,
            text=_person_text,
            url=lambda person: person.get_absolute_url(),
            summary=_person_summary,
            list_url="contacts:person_list",
            then=("search_name",),
            prepare=_persons,
            order=30,
        )
    )
    search.register(
        search.Searchable(
            model=Organisation,
            label=_("Organisations"),
            title=lambda organisation: organisation.name,
            text=lambda organisation: [organisation.email, organisation.city, organisation.notes],
            url=lambda organisation: organisation.get_absolute_url(),
            summary=_organisation_summary,
            list_url="contacts:organisation_list",
            then=("search_name",),
            order=35,
        )
    )
