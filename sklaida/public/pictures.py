"""The picture an event's or a news item's public page and cards show: the photo chosen
from the archive (served as a rendition through the public galleries' route, never the
original), or an event's older uploaded image. The archive's photo wins when both exist.

Everything is read from what the selectors loaded (`illustration` with its asset and
creator), so a list shows its pictures without a query per row.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import reverse

from sklaida.archive.selectors.illustrations import (
    credit_line,
    public_illustration,
    rendition_for,
    rendition_size,
)


@dataclass(frozen=True)
class Picture:
    url: str  # site-relative
    alt: str
    credit: str = ""
    width: int | None = None
    height: int | None = None


def _archive_picture(obj, place: str) -> Picture | None:
    illustration = public_illustration(obj)
    if illustration is None:
        return None
    asset = illustration.asset
    name = rendition_for(asset, place)
    size = rendition_size(asset, name) or (None, None)
    return Picture(
        url=reverse("public:gallery_image", kwargs={"pk": asset.pk, "name": name}),
        alt=illustration.alt_text,
        credit=credit_line(asset),
        width=size[0],
        height=size[1],
    )


def event_picture(event, place: str = "card") -> Picture | None:
    """The event's picture for a card ("card") or its page ("page"), or None."""
    picture = _archive_picture(event, place)
    if picture is None and event.image:
        picture = Picture(url=event.public_image_url, alt=event.image_alt)
    return picture


def item_picture(item, place: str = "card") -> Picture | None:
    """A news item's picture from the archive, or None."""
    return _archive_picture(item, place)
