"""The form that chooses the archive's photo for an event's or a news item's public page."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from sklaida.archive.models import Illustration


class IllustrationForm(forms.Form):
    """A photo among the related event's public ones, or any other by its archive number."""

    asset = forms.TypedChoiceField(
        label=_("Photo of the event"), coerce=int, required=False, widget=forms.RadioSelect
    )
    asset_number = forms.IntegerField(
        label=_("Or another photo: its number in the archive"),
        min_value=1,
        required=False,
        help_text=_("The number is in the photo's address in the archive, e.g. /archyvas/125/."),
    )
    alt_text = forms.CharField(
        label=_("Image description"),
        max_length=Illustration._meta.get_field("alt_text").max_length,
        help_text=_("What the photo shows, for people who cannot see it."),
    )

    def __init__(self, *args, candidates=(), **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["asset"].choices = [(asset.pk, str(asset)) for asset in candidates]
        if not candidates:
            del self.fields["asset"]

    def clean(self) -> dict:
        data = super().clean()
        chosen = data.get("asset_number") or data.get("asset")
        if not chosen and not self.errors:
            raise ValidationError(_("Choose a photo of the event or give the number of another."))
        data["chosen"] = chosen
        return data
