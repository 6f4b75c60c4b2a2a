"""Template helpers shared by every app's templates."""

from __future__ import annotations

from django import forms, template
from django.forms.boundfield import BoundField
from django.utils.safestring import SafeString

from sklaida.core.formatting import format_money, format_number
from sklaida.core.pickers import SEARCHABLE, is_searchable

register = template.Library()


DJANGO_EMPTY_CHOICE = "---------"


def _friendly_empty_choice(form_field: forms.Field) -> None:
    """Django's "---------" empty choice reads "— pasirinkite —" (this form's copy only)."""
    from django.utils.translation import gettext

    if getattr(form_field, "empty_label", None) == DJANGO_EMPTY_CHOICE:
        form_field.empty_label = gettext("— choose —")  # ModelChoiceField reads it lazily
    elif isinstance(form_field, forms.ChoiceField) and not isinstance(
        form_field, forms.ModelChoiceField
    ):
        choices = list(form_field.choices)
        if any(label == DJANGO_EMPTY_CHOICE for _value, label in choices):
            form_field.choices = [
                (value, gettext("— choose —") if label == DJANGO_EMPTY_CHOICE else label)
                for value, label in choices
            ]


@register.filter
def bootstrap(field: BoundField) -> SafeString:
    """Render a form field's widget with Bootstrap classes and its errors announced; a
    long or growing choice list is marked for `core/pickers.js` (`core.pickers`)."""
    _friendly_empty_choice(field.field)
    widget = field.field.widget
    if isinstance(widget, forms.CheckboxInput | forms.RadioSelect):
        css = "form-check-input"  # (checkbox lists are RadioSelects too)
    elif isinstance(widget, forms.Select) and not isinstance(widget, forms.RadioSelect):
        css = "form-select"
    else:
        css = "form-control"
    attrs = {"class": f"{css} is-invalid" if field.errors else css}
    described_by = []
    if field.help_text:
        described_by.append(f"{field.auto_id}_helptext")
    if field.errors:
        described_by.append(f"{field.auto_id}_error")
    if field.name in getattr(field.form, "checked_fields", ()):
        described_by.append(f"{field.auto_id}_checks")  # the remarks under it (_form_fields)
    if described_by:
        attrs["aria-describedby"] = " ".join(described_by)
    if is_searchable(field.field):
        attrs[SEARCHABLE] = True
    return field.as_widget(attrs=attrs)


@register.filter
def weekday(day) -> str:
    """A day's weekday as it stands inside a sentence: "gruodžio 5 d., šeštadienis" (Lithuanian
    writes it small), "5 December 2026, Saturday" (English capitalises it)."""
    from django.utils import formats
    from django.utils.translation import get_language

    name = formats.date_format(day, "l")
    return name.lower() if (get_language() or "").startswith("lt") else name


@register.filter
def lithuanian_fallback(obj, field: str) -> SafeString:
    """` lang="lt"` on an element whose English page shows the Lithuanian `field` of `obj`
    for want of its `field_en` (`Event.localised`): `<h1{{ event|lithuanian_fallback:"title" }}>`.
    Screen readers then read it in Lithuanian, not with English rules."""
    from django.utils.safestring import mark_safe
    from django.utils.translation import get_language

    english_page = (get_language() or "").startswith("en")
    if english_page and getattr(obj, field, "") and not getattr(obj, f"{field}_en", ""):
        return mark_safe(' lang="lt"')
    return SafeString("")


@register.filter
def changeable_by(obj, user) -> bool:
    """`{% if task|changeable_by:user %}`: the permission layer's verdict, no query."""
    from sklaida.core.permissions import can_change

    return can_change(user, obj)


@register.filter
def audit_action(entry) -> str:
    """What an audit-log entry did, in words: created, changed, deleted."""
    from django.utils.translation import gettext

    words = {
        0: gettext("Created"),
        1: gettext("Changed"),
        2: gettext("Deleted"),
        3: gettext("Viewed"),
    }
    return words.get(entry.action, "")


@register.filter
def readable_changes(entry) -> list:
    """`{% for change in entry|readable_changes %}`: the entry's changes in words."""
    from sklaida.core.history import readable_changes as changes_in_words

    return changes_in_words(entry)


@register.filter
def number(value, decimal_places=None) -> str:
    """A quantity a person reads, thousands grouped: `{{ channel.latest_size|number }}` →
    "7 350" ("7,350" in English); `{{ amount|number:2 }}` → "1 234,50"; a decimal without
    places keeps only what it needs (2.50 → "2,5"). Not for keys, years or form values."""
    places = None if decimal_places in (None, "") else int(decimal_places)
    return format_number(value, places)


@register.filter
def money(value) -> str:
    """A sum in euros: `{{ campaign.budget|money }}` → "20 000,00 €" ("€20,000.00" in English)."""
    return format_money(value)


@register.filter
def check_input(option) -> SafeString:
    """One box or button of a choice list with Bootstrap's class: `{{ option|check_input }}`."""
    option.data["attrs"] = {**option.data["attrs"], "class": "form-check-input"}
    return option.tag()
