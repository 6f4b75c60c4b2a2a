"""Consultations' place of a person's data (see core.personal_data): the consultations she
received, whose texts may name her."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from sklaida.consultations.models import Consultation
from sklaida.core.personal_data import Erase, Place, register


def register_places() -> None:
    register(
        Place(
            key="consultations.received",
            model=Consultation,
            label=_("Consultations received"),
            erase=Erase.REPLACE,
            fields=("recipient_names", "question", "advice"),
            person=("persons",),
            shown=("date", "topic", "form", "library", "recipient_names", "status"),
        )
    )
