"""Filters of the budget pages: `{{ share|percent }}` → "92,31 %"."""

from __future__ import annotations

from django import template

from sklaida.projects.rules import format_percent

register = template.Library()


@register.filter
def percent(value) -> str:
    """A percentage to two decimals in the reader's language; None gives "—"."""
    if value is None or value == "":
        return "—"
    return format_percent(value)
