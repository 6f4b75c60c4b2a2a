"""`{% with picture=event|event_picture:"card" %}`: the public picture of an event or a
news item (public/pictures.py), from what the view's selector loaded."""

from __future__ import annotations

from django import template

from sklaida.public import pictures

register = template.Library()


@register.filter
def event_picture(event, place: str = "card") -> pictures.Picture | None:
    return pictures.event_picture(event, place)


@register.filter
def item_picture(item, place: str = "card") -> pictures.Picture | None:
    return pictures.item_picture(item, place)
