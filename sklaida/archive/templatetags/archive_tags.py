"""Small template helpers of the archive screens."""

from django import template

register = template.Library()


@register.filter
def stars(rating: int) -> str:
    """3 → "★★★☆☆"."""
    rating = max(0, min(int(rating or 0), 5))
    return "★" * rating + "☆" * (5 - rating)


@register.filter
def get_item(mapping: dict, key):
    return mapping.get(key, 0)
