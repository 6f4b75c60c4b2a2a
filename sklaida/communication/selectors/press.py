"""Reads for press mailings: the list, one mailing, who on a list gets it, the recipients."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import QuerySet
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from sklaida.communication.models import ContentItem, PressMailing, PressRecipient
from sklaida.contacts.models import ContactList, Person
from sklaida.contacts.selectors import list_members


def mailing_list() -> QuerySet[PressMailing]:
    return (
        PressMailing.objects.select_related("item", "contact_list", "created_by")
        .defer("sent_text", "sent_html")
        .order_by("-created_at", "-pk")
    )


def mailing(pk: int) -> PressMailing:
    """One mailing with what its page and its message show."""
    return (
        PressMailing.objects.select_related("item", "contact_list", "created_by")
        .prefetch_related("attachments")
        .get(pk=pk)
    )


def mailings_of(item: ContentItem) -> QuerySet[PressMailing]:
    return item.press_mailings.select_related("contact_list").order_by("-created_at", "-pk")


def recipients_of(mailing: PressMailing) -> QuerySet[PressRecipient]:
    return mailing.recipients.order_by("pk")


@dataclass
class Audience:
    """Who on a list gets the mailing, and who is left out and why."""

    recipients: list[Person] = field(default_factory=list)
    skipped: list[tuple[Person, str | Promise]] = field(default_factory=list)


def audience_of(contact_list: ContactList | None) -> Audience:
    """The list's persons with an address, each address once; anonymised persons are left out."""
    audience = Audience()
    if contact_list is None:
        return audience
    persons = list_members(contact_list).filter(anonymised_at__isnull=True)
    seen: set[str] = set()
    for person in persons.order_by("search_name", "pk"):
        address = person.email.strip().lower()
        if not address:
            audience.skipped.append((person, _("no e-mail address")))
        elif address in seen:
            # Two records of one journalist (not merged yet) must not give her two copies.
            audience.skipped.append((person, _("the same address as another person on the list")))
        else:
            seen.add(address)
            audience.recipients.append(person)
    return audience
