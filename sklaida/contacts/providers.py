"""The contacts app's own entries in a contact's history: interactions and agreements."""

from __future__ import annotations

from django.utils.formats import date_format
from django.utils.translation import gettext as _

from sklaida.contacts import selectors
from sklaida.contacts.history import Contact, HistoryItem
from sklaida.core.permissions import Capability


def interactions(contact: Contact) -> list[HistoryItem]:
    return [
        HistoryItem(
            date=interaction.date,
            kind=interaction.get_kind_display(),
            title=interaction.summary,
            url=interaction.get_absolute_url(),
            detail=str(interaction.staff),
            url_capability=Capability.WORK_IN_DEPARTMENT,
        )
        for interaction in selectors.interactions_with(contact)
    ]


def agreements(contact: Contact) -> list[HistoryItem]:
    return [
        HistoryItem(
            date=agreement.start_date,
            kind=_("Cooperation agreement"),
            title=agreement.subject,
            url=agreement.get_absolute_url(),
            detail=(
                _("valid until %(date)s") % {"date": date_format(agreement.end_date, "DATE_FORMAT")}
                if agreement.end_date
                else ""
            ),
        )
        for agreement in selectors.agreements_with(contact)
    ]
