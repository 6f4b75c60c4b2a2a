"""Template helpers of the archive screens: stars, lookups, pictures of assets."""

from django import template

from sklaida.archive.renditions_serving import rendition_url

register = template.Library()


@register.filter
def stars(rating: int) -> str:
    """3 → "★★★☆☆"."""
    rating = max(0, min(int(rating or 0), 5))
    return "★" * rating + "☆" * (5 - rating)


@register.filter
def get_item(mapping: dict, key):
    return mapping.get(key, 0)


@register.simple_tag
def staff_rendition_url(asset, name: str) -> str:
    """The staff address of an asset's rendition, or "" when it has none (yet)."""
    return rendition_url(asset, name)


@register.simple_tag
def first_rendition(renditions: dict | None, *names: str) -> str:
    """The first of `names` that the asset's renditions have, or ""."""
    renditions = renditions or {}
    return next((name for name in names if name in renditions), "")
