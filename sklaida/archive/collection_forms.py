"""Forms of collections and share links, and the list of asset ids other screens post."""

from __future__ import annotations

import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sklaida.archive.models import Collection
from sklaida.archive.services.collections import SHARE_LINK_DAYS
from sklaida.core.forms import DateInput
from sklaida.events.models import Event

# More ids than a person could tick is a mistake or abuse, not a selection.
MAX_ASSET_IDS = 10_000


def asset_ids(values: list[str]) -> list[int]:
    """Asset ids from `?assets=1,2,3` or repeated `assets` fields, in the given order;
    anything that is not a positive number is skipped."""
    ids = []
    for value in values:
        for part in value.split(","):
            part = part.strip()
            if part.isdigit() and int(part) > 0:
                ids.append(int(part))
    return list(dict.fromkeys(ids))[:MAX_ASSET_IDS]


class CollectionForm(forms.ModelForm):
    class Meta:
        model = Collection
        fields = ["title", "description", "event", "is_public"]
        widgets = {"description": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # The past year's events and the coming ones, and the one already chosen.
        since = timezone.now() - datetime.timedelta(days=365)
        events = Event.objects.filter(starts_at__gte=since)
        if self.instance.event_id:
            events = events | Event.objects.filter(pk=self.instance.event_id)
        self.fields["event"].queryset = events.distinct().order_by("-starts_at")
        self.fields["event"].help_text = _("Events of the past year and the coming ones.")


class ShareLinkForm(forms.Form):
    note = forms.CharField(
        label=_("For whom"),
        max_length=200,
        required=False,
        help_text=_("E.g. the newspaper or partner the link is sent to."),
    )
    expires_on = forms.DateField(label=_("Valid until"), widget=DateInput())

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["expires_on"].initial = timezone.localdate() + datetime.timedelta(
            days=SHARE_LINK_DAYS
        )
