"""A person as a data subject: who she is for an erasure or an export, and the places of
her data that contacts itself keeps (see core.personal_data)."""

from __future__ import annotations

from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q, QuerySet
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from taggit.models import TaggedItem

from sklaida.contacts.models import (
    Agreement,
    ContactList,
    DuplicateCandidate,
    Interaction,
    Membership,
    Person,
    PersonalDataExport,
)
from sklaida.core.addresses import mailbox_key
from sklaida.core.mentions import Mentions
from sklaida.core.personal_data import DataSubject, Erase, Place, attached_to_persons, register

# The fields that identify a person; anonymisation empties them (and their audit trail).
PERSONAL_FIELDS = (
    "first_name",
    "last_name",
    "email",
    "phone",
    "website",
    "social_handles",
    "city",
    "notes",
    "consent_date",
    "search_name",
    "mailbox",
    "languages",
)
# What a mention of her is recognised by, now and in the values her history remembers.
_IDENTIFYING = ("first_name", "last_name", "email", "phone")


def anonymous_label(person: Person) -> str:
    """The name an anonymised person goes by (as `Person.__str__` gives it afterwards)."""
    return gettext("Anonymised person #%(number)s") % {"number": person.pk}


def address_fingerprint(address: str) -> str:
    """A keyed hash of an address's mailbox: the same address gives the same fingerprint,
    which cannot be turned back into the address without the site's secret key."""
    return salted_hmac("sklaida.personal-data", mailbox_key(address)).hexdigest()


def _known_values(persons: list[Person]) -> dict[str, set[str]]:
    """Her names, addresses and phones now and as her audit history remembers them (a
    maiden name, an old address still mentioned somewhere)."""
    values: dict[str, set[str]] = {name: set() for name in _IDENTIFYING}
    for person in persons:
        for name in _IDENTIFYING:
            values[name].add(getattr(person, name))
    if persons:
        entries = LogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(Person),
            object_pk__in=[str(person.pk) for person in persons],
        ).only("changes")
        for entry in entries.iterator():
            for name in _IDENTIFYING:
                for value in (entry.changes or {}).get(name) or ():
                    if isinstance(value, str):
                        values[name].add(value)
    return {
        name: {value for value in found if value and value not in ("None", "***")}
        for name, found in values.items()
    }


def subject_of_person(person: Person) -> DataSubject:
    """The contact `person`, and the data kept under her address elsewhere (registrations,
    the newsletter …), for an erasure or an export."""
    values = _known_values([person])
    return DataSubject(
        persons=(person,),
        mailboxes=frozenset(mailbox_key(email) for email in values["email"]),
        mentions=Mentions(
            label=anonymous_label(person),
            first_names=values["first_name"],
            last_names=values["last_name"],
            emails=values["email"],
            phones=values["phone"],
        ),
        description=" ".join(filter(None, [str(person), person.email and f"<{person.email}>"])),
    )


def subject_of_address(address: str) -> DataSubject:
    """Everything kept under an e-mail address, including the contacts that have it."""
    key = mailbox_key(address)
    persons = tuple(Person.objects.filter(mailbox=key).order_by("pk"))
    return DataSubject(persons=persons, mailboxes=frozenset({key}), description=address.strip())


def _the_persons(subject: DataSubject) -> QuerySet:
    return Person.objects.filter(pk__in=subject.person_pks)


def _duplicates(subject: DataSubject) -> QuerySet:
    pks = subject.person_pks
    return DuplicateCandidate.objects.filter(Q(person__in=pks) | Q(duplicate_of__in=pks))


def _exports(subject: DataSubject) -> QuerySet:
    fingerprints = [address_fingerprint(mailbox) for mailbox in subject.mailboxes]
    return PersonalDataExport.objects.filter(
        Q(person__in=subject.person_pks) | Q(address_fingerprint__in=fingerprints)
    )


def register_places() -> None:
    register(
        Place(
            key="contacts.person",
            model=Person,
            label=_("Contact record"),
            erase=Erase.BLANK,
            fields=PERSONAL_FIELDS,
            rows=_the_persons,
            stamp="anonymised_at",
            shown=(
                "first_name",
                "last_name",
                "email",
                "phone",
                "website",
                "social_handles",
                "city",
                "country",
                "category",
                "languages",
                "legal_basis",
                "consent_date",
                "notes",
                "created_at",
                "anonymised_at",
            ),
        )
    )
    register(
        Place(
            key="contacts.roles",
            model=Membership,
            label=_("Roles at organisations"),
            erase=Erase.KEEP,
            person=("person",),
            shown=("organisation", "role", "is_current"),
        )
    )
    register(
        Place(
            key="contacts.interactions",
            model=Interaction,
            label=_("Interactions"),
            erase=Erase.REPLACE,
            fields=("summary",),
            person=("persons",),
            shown=("date", "kind", "staff", "summary"),
        )
    )
    register(
        Place(
            key="contacts.agreements",
            model=Agreement,
            label=_("Cooperation agreements"),
            erase=Erase.REPLACE,
            fields=("subject",),
            person=("persons",),
            shown=("organisation", "number", "subject", "start_date", "end_date"),
        )
    )
    register(
        Place(
            key="contacts.lists",
            model=ContactList.persons.through,
            label=_("Contact lists"),
            erase=Erase.DELETE,
            person=("person",),
            shown=("contactlist",),
        )
    )
    # The lists' own history names who was added to them.
    register(
        Place(
            key="contacts.list_history",
            model=ContactList,
            label=_("Contact lists"),
            erase=Erase.KEEP,
            person=("persons",),
            listed=False,
        )
    )
    register(
        Place(
            key="contacts.tags",
            model=TaggedItem,
            label=_("Tags"),
            erase=Erase.DELETE,
            rows=attached_to_persons(TaggedItem),
            shown=("tag",),
        )
    )
    register(
        Place(
            key="contacts.duplicates",
            model=DuplicateCandidate,
            label=_("Possible duplicates"),
            erase=Erase.DELETE,
            rows=_duplicates,
            listed=False,
        )
    )
    register(
        Place(
            key="contacts.exports",
            model=PersonalDataExport,
            label=_("Earlier exports of this data"),
            erase=Erase.KEEP,
            rows=_exports,
            shown=("made_at", "made_by", "rows"),
        )
    )
