"""What a contact took part in, gathered from every app that registers a provider.

Contacts cannot import the apps above it (events, communication, projects), so those apps
call `register(provider)` from their AppConfig.ready; the contact page then asks every
provider. A provider takes an organisation or a person and returns HistoryItems.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass, replace

from django.contrib.auth.models import AnonymousUser
from django.utils.functional import Promise

from sklaida.contacts.models import Organisation, Person
from sklaida.core.models import User
from sklaida.core.permissions import Capability, has_capability


@dataclass(frozen=True)
class HistoryItem:
    date: datetime.date | None
    kind: str | Promise  # "Meeting", "Agreement", "Event" … as shown to the user
    title: str
    url: str = ""
    detail: str = ""
    # The capability the linked page asks for, when more than reading the contact: an
    # interaction's only page is its edit form. A reader without it sees the title alone.
    url_capability: Capability | None = None


Contact = Organisation | Person
HistoryProvider = Callable[[Contact], list[HistoryItem]]

_providers: dict[str, HistoryProvider] = {}


def register(name: str, provider: HistoryProvider) -> None:
    _providers[name] = provider


def history_of(contact: Contact, *, user: User | AnonymousUser) -> list[HistoryItem]:
    """Everything the providers know of `contact`, newest first (undated last), linked
    only where `user` may open the linked page."""
    items = [
        item
        if item.url_capability is None or has_capability(user, item.url_capability)
        else replace(item, url="")
        for provider in _providers.values()
        for item in provider(contact)
    ]
    return sorted(
        items,
        key=lambda item: (item.date is not None, item.date or datetime.date.min),
        reverse=True,
    )
