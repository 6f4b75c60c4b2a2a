"""Which choice lists the `bootstrap` form filter marks for the searchable picker."""

from __future__ import annotations

from django import forms

from sklaida.core.models import Library
from sklaida.core.templatetags.sklaida import bootstrap


class Choices(forms.Form):
    library = forms.ModelChoiceField(queryset=Library.objects.all())
    format = forms.ChoiceField(choices=[("a", "A"), ("b", "B")])
    municipality = forms.ChoiceField(choices=[(str(n), str(n)) for n in range(40)])
    kept_plain = forms.ModelChoiceField(
        queryset=Library.objects.all(), widget=forms.Select(attrs={"data-searchable": False})
    )
    computed = forms.ChoiceField(choices=lambda: [(str(n), str(n)) for n in range(3)])
    grouped = forms.ChoiceField(
        choices=[("North", [(str(n), str(n)) for n in range(20)]), ("South", [("s", "S")])]
    )
    note = forms.CharField()


def test_record_pickers_and_long_lists_are_searchable_short_fixed_lists_are_not(db):
    form = Choices()

    def searchable(name):
        return "data-searchable" in bootstrap(form[name])

    assert searchable("library")
    assert searchable("municipality")
    assert not searchable("format")
    assert not searchable("computed")
    assert searchable("grouped")
    assert not searchable("kept_plain")
    assert not searchable("note")
