"""Template filters of the editorial checks: spaces a reader could not otherwise tell apart."""

from __future__ import annotations

from django import template
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from sklaida.communication.checks.findings import NBSP

register = template.Library()


@register.filter
def visible_spaces(text: str) -> SafeString:
    """The text with each non-breaking space shown as ⍽ (and named for screen readers); a
    text of spaces only shows each space as ␣, so "  " is not an empty remark."""
    if not text:
        return mark_safe("")
    mark = format_html(
        '<span class="nbsp-mark" title="{name}" aria-hidden="true">⍽</span>'
        '<span class="visually-hidden">({name})</span>',
        name=_("non-breaking space"),
    )
    if not text.strip(" \u00a0"):
        space = format_html(
            '<span class="space-mark" aria-hidden="true">␣</span>'
            '<span class="visually-hidden">({name})</span>',
            name=pgettext("typography", "space"),
        )
        return mark_safe("".join(mark if c == NBSP else space for c in text))  # noqa: S308
    return mark_safe(escape(text).replace(NBSP, mark))  # noqa: S308 - escaped above
