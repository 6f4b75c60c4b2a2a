"""Export of a person list: the columns the import reads, so files round-trip.

The rows go to core.spreadsheets for XLSX or CSV.
"""

from __future__ import annotations

from collections.abc import Iterator

from django.db.models import QuerySet

from sklaida.contacts.importing import FIELDS
from sklaida.contacts.models import Person


def person_table(persons: QuerySet[Person]) -> Iterator[list[str]]:
    """Header row, then one row per person with their first current role."""
    yield [str(field.label) for field in FIELDS]
    # iterator(chunk_size=…) streams the rows and still applies prefetch_related per chunk.
    for person in persons.iterator(chunk_size=2000):
        membership = next(iter(getattr(person, "current_memberships", [])), None)
        values = {
            "first_name": person.first_name,
            "last_name": person.last_name,
            "email": person.email,
            "phone": person.phone,
            "organisation": membership.organisation.name if membership else "",
            "organisation_kind": membership.organisation.get_kind_display() if membership else "",
            "role": membership.role if membership else "",
            "category": person.get_category_display(),
            "country": person.country.name,
            "city": person.city,
            "languages": ", ".join(person.language_names()),
            "website": person.website,
            "social_handles": person.social_handles,
            "legal_basis": person.get_legal_basis_display(),
            "consent_date": person.consent_date.isoformat() if person.consent_date else "",
            "tags": ", ".join(tag.name for tag in person.tags.all()),
            "notes": person.notes,
        }
        yield [str(values[field.name]) for field in FIELDS]
