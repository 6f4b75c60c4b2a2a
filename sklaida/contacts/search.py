"""What the one search (core.search) finds a person or an organisation by.

A name is found in any case form ("Petronienės" finds Petronienė) and without diacritics;
a person also by the organisations she works at ("LRT" finds its journalists); an
anonymised person has no words left to be found by.
"""

from __future__ import annotations

from django.db.models import QuerySet
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _

from sklaida.contacts.models import Membership, Organisation, Person
from sklaida.core import search


def _person_title(person: Person) -> str:
    if person.anonymised_at:
        return ""
    return f"{person.first_name} {person.last_name}"


def _person_text(person: Person) -> list[str]:
    if person.anonymised_at:
        return []
    organisations = [organisation.name for organisation in person.organisations.all()]
    return [person.email, person.city, person.notes, *(organisations if person.pk else [])]


def _membership_changed(sender, instance: Membership, raw: bool = False, **kwargs) -> None:
    # Memberships are their own rows (a through model), so no many-to-many signal tells
    # the person's entry that her organisations changed.
    if raw:
        return
    person = Person.objects.prefetch_related("organisations").filter(pk=instance.person_id)
    if person := person.first():  # gone when the person herself is being deleted
        search.index(person)


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
            related=(
                search.Related(
                    "contacts.organisation",
                    lambda organisation: Person.objects.filter(organisations=organisation),
                    ("name",),
                ),
            ),
            order=30,
        )
    )
    post_save.connect(_membership_changed, sender=Membership, dispatch_uid="search-membership")
    post_delete.connect(
        _membership_changed, sender=Membership, dispatch_uid="search-membership-delete"
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
