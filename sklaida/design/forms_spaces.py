"""Forms of the space projects (4.4): the list's filters, a project, an item, its photos."""

from __future__ import annotations

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from sklaida.archive.forms import MultipleFileField, MultipleFileInput
from sklaida.core.forms import DateInput
from sklaida.core.models import Library, Space
from sklaida.core.pickers import SpaceChoiceField
from sklaida.core.selectors import assignable_users
from sklaida.design.models import SpaceItem, SpaceProject
from sklaida.design.services_spaces import statuses_from


def _active_spaces(keep: int | None = None):
    """Spaces in use, and `keep` (an item's space that has been closed since)."""
    return (
        Space.objects.filter(Q(is_active=True) | Q(pk=keep))
        .select_related("library")
        .order_by("library__name", "name")
    )


class ProjectFilterForm(forms.Form):
    library = forms.ModelChoiceField(
        label=_("Library"), queryset=Library.objects.none(), required=False, empty_label=_("Any")
    )
    status = forms.ChoiceField(
        label=_("Status"), choices=[("", _("Any")), *SpaceProject.Status.choices], required=False
    )
    space = SpaceChoiceField(
        label=_("Space"), queryset=Space.objects.none(), required=False, empty_label=_("Any")
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["library"].queryset = Library.objects.order_by("name")
        self.fields["space"].queryset = _active_spaces()


class ProjectForm(forms.ModelForm):
    """A project's details; on an existing project also its status (only allowed moves)."""

    status = forms.ChoiceField(label=_("Status"), choices=())

    class Meta:
        model = SpaceProject
        fields = ["title", "library", "responsible", "description", "status"]
        widgets = {"description": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["library"].queryset = Library.objects.order_by("name")
        self.fields["responsible"].queryset = assignable_users()
        if self.instance.pk:
            labels = dict(SpaceProject.Status.choices)
            self.fields["status"].choices = [
                (value, labels[value]) for value in statuses_from(self.instance.status)
            ]
            self.fields["status"].initial = self.instance.status
        else:
            del self.fields["status"]


class ItemForm(forms.ModelForm):
    space = SpaceChoiceField(label=_("Space"), queryset=Space.objects.none())

    class Meta:
        model = SpaceItem
        fields = [
            "space",
            "kind",
            "title",
            "width_mm",
            "height_mm",
            "material",
            "quantity",
            "unit_cost",
            "installed_on",
            "removed_on",
        ]
        widgets = {"installed_on": DateInput(), "removed_on": DateInput()}
        help_texts = {
            "installed_on": _("A date ahead is when it is planned to go up."),
            "removed_on": _("Leave empty while it hangs there."),
        }

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["space"].queryset = _active_spaces(keep=self.instance.space_id)


class PhotosForm(forms.Form):
    """Photos of the result; an empty or unreadable file is refused by the archive itself,
    with its own message, so one bad file does not turn back the others."""

    photos = MultipleFileField(
        label=_("Photos of the result"),
        allow_empty_file=True,
        widget=MultipleFileInput(attrs={"accept": "image/*"}),
        help_text=_("Several files may be chosen at once. They are kept in the media archive."),
    )
