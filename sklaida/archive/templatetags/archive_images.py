"""Template tags for pictures of assets: `{% rendition_url asset "thumb" as src %}`."""

from __future__ import annotations

from django import template

from sklaida.archive.renditions_serving import rendition_url

register = template.Library()


@register.simple_tag
def staff_rendition_url(asset, name: str) -> str:
    """The staff address of an asset's rendition, or "" when it has none (yet)."""
    return rendition_url(asset, name)


@register.simple_tag
def first_rendition(renditions: dict | None, *names: str) -> str:
    """The first of `names` that the asset's renditions have, or ""."""
    renditions = renditions or {}
    return next((name for name in names if name in renditions), "")
