"""Communication's places of a person's data (see core.personal_data): her newsletter
subscription and what she was sent, and her copies of press mailings."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from sklaida.communication.models import Delivery, PressRecipient, Subscriber
from sklaida.core.personal_data import Erase, Place, register

SUBSCRIBER_FIELDS = ("email", "mailbox", "name", "token")


def register_places() -> None:
    # A subscription is hers alone: erasing deletes it, with its deliveries.
    register(
        Place(
            key="communication.subscription",
            model=Subscriber,
            label=_("Newsletter subscription"),
            erase=Erase.DELETE,
            fields=SUBSCRIBER_FIELDS,
            mailbox="mailbox",
            shown=(
                "email",
                "name",
                "status",
                "language",
                "consent_text",
                "consented_at",
                "confirmed_at",
                "unsubscribed_at",
                "created_at",
            ),
        )
    )
    register(
        Place(
            key="communication.newsletters",
            model=Delivery,
            label=_("Newsletters sent"),
            erase=Erase.KEEP,
            mailbox="subscriber__mailbox",
            shown=("issue", "status", "sent_at"),
        )
    )
    # The copy of a press mailing keeps what was sent and when, not to whom.
    register(
        Place(
            key="communication.press",
            model=PressRecipient,
            label=_("Press releases sent"),
            erase=Erase.BLANK,
            fields=("name", "email", "mailbox"),
            person=("person",),
            mailbox="mailbox",
            shown=("mailing", "name", "email", "status", "sent_at"),
        )
    )
