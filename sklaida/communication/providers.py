"""A contact's history entries from communication: the press releases e-mailed to them."""

from __future__ import annotations

from django.utils import timezone

from sklaida.communication.models import ContentItem, PressRecipient
from sklaida.contacts.history import Contact, HistoryItem
from sklaida.contacts.models import Membership, Person


def _outcome(recipient: PressRecipient) -> str:
    status = recipient.get_status_display()
    if recipient.status == PressRecipient.Status.FAILED and recipient.last_error:
        return f"{status}: {recipient.last_error}"
    return str(status)


def press_mailings_of(contact: Contact) -> list[HistoryItem]:
    """One entry per copy sent: to the person, or to each person of the organisation."""
    if isinstance(contact, Person):
        copies = PressRecipient.objects.filter(person=contact)
    else:
        people = Membership.objects.filter(organisation=contact).values("person_id")
        copies = PressRecipient.objects.filter(person__in=people)
    copies = copies.select_related("mailing__item", "person").order_by("-pk")[:100]
    return [
        HistoryItem(
            date=timezone.localdate(copy.sent_at or copy.mailing.started_at),
            kind=ContentItem.Kind.PRESS_RELEASE.label,
            title=copy.mailing.item.title,
            url=copy.mailing.get_absolute_url(),
            detail=(
                _outcome(copy)
                if isinstance(contact, Person)
                else f"{copy.name or copy.person}: {_outcome(copy)}"
            ),
        )
        for copy in copies
    ]
