"""Choice lists a person can search: which selects `core/pickers.js` enhances, and the
room picker grouped by library.

A select is marked `data-searchable` when it chooses among records (events, people,
organisations, spaces, users — lists that only grow) or offers many fixed choices. The
`bootstrap` form filter applies the rule, so every form it renders follows it; a widget says
otherwise with `attrs={"data-searchable": False}` (or True). Without scripts the select
stays an ordinary select with the same choices and groups.
"""

from __future__ import annotations

from django import forms
from django.forms.models import ModelChoiceIterator

SEARCHABLE = "data-searchable"
# A fixed list longer than this is searched rather than scrolled.
MANY_CHOICES = 15


def is_searchable(form_field: forms.Field) -> bool:
    widget = form_field.widget
    if not isinstance(widget, forms.Select) or isinstance(widget, forms.RadioSelect):
        return False
    if SEARCHABLE in widget.attrs:
        return bool(widget.attrs[SEARCHABLE])
    if isinstance(form_field, forms.ModelChoiceField):
        return True
    if isinstance(form_field, forms.ChoiceField):
        # (choices may be computed: a CallableChoiceIterator has no length)
        options = [
            option
            for _value, label in form_field.choices
            for option in (label if isinstance(label, list | tuple) else [label])
        ]
        return len(options) > MANY_CHOICES
    return False


class SearchableSelect(forms.Select):
    """A select that is searchable whatever its field (a long list that is not a model's)."""

    def __init__(self, attrs=None, choices=()):
        super().__init__({SEARCHABLE: True, **(attrs or {})}, choices)


class _ByLibrary(ModelChoiceIterator):
    """The spaces in one group per library, in the queryset's order of libraries."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        groups: dict[int, tuple[str, list]] = {}
        for space in self.queryset.select_related("library"):
            group = groups.setdefault(space.library_id, (str(space.library), []))
            group[1].append(self.choice(space))
        yield from groups.values()


class SpaceChoiceField(forms.ModelChoiceField):
    """A room or area of a library, the list grouped by library (`<optgroup>`)."""

    iterator = _ByLibrary
