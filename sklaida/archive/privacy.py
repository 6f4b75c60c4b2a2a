"""The archive's places of a person's data (see core.personal_data): the files showing her
and the files she created, whose descriptions, file names and metadata may name her.

The originals themselves are never changed (3.2): a name written inside a file's own
metadata stays in the original, which the export lists by its description.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from sklaida.archive.models import Asset
from sklaida.core.personal_data import Erase, Place, register

SHOWN = ("title", "captured_at", "event", "kind", "access", "consent", "original_name")


def register_places() -> None:
    register(
        Place(
            key="archive.shown",
            model=Asset,
            label=_("Archive files showing them"),
            erase=Erase.REPLACE,
            fields=("title", "description", "original_name"),
            person=("people",),
            shown=SHOWN,
        )
    )
    register(
        Place(
            key="archive.created",
            model=Asset,
            label=_("Archive files they created"),
            erase=Erase.REPLACE,
            fields=(
                "title",
                "description",
                "original_name",
                "creator_name",
                "rights_holder",
                "technical",
            ),
            person=("creator",),
            shown=(*SHOWN, "creator_name", "rights_holder", "licence"),
        )
    )
