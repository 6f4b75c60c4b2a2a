"""What a contact took part in, gathered from every app that registers a provider.

Contacts cannot import the apps above it (events, communication, projects), so those apps
call `register(provider)` from their AppConfig.ready; the contact page then asks every
provider. A provider takes an organisation or a person and returns HistoryItems.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass

from django.utils.functional import Promise

from sklaida.contacts.models import Organisation, Person


@dataclass(frozen=True)
class HistoryItem:
    date: datetime.date | None
    kind: str | Promise  # "Meeting", "Agreement", "Event" … as shown to the user
    title: str
    url: str = ""
    detail: str = ""


Contact = Organisation | Person
HistoryProvider = Callable[[Contact], list[HistoryItem]]

_providers: dict[str, HistoryProvider] = {}


def register(name: str, provider: HistoryProvider) -> None:
    _providers[name] = provider


def history_of(contact: Contact) -> list[HistoryItem]:
    """Everything the providers know of `contact`, newest first (undated last)."""
    items = [item for provider in _providers.values() for item in provider(contact)]
    return sorted(
        items,
        key=lambda item: (item.date is not None, item.date or datetime.date.min),
        reverse=True,
    )
