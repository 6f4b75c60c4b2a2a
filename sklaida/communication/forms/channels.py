"""Forms of the channels registry and campaigns."""

from __future__ import annotations

import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sklaida.communication.models import AudienceSize, Campaign, CampaignTarget, Channel
from sklaida.core.forms import DateInput, as_people_type_them
from sklaida.core.selectors import assignable_users
from sklaida.events.choices import EventMultipleChoiceField
from sklaida.events.models import Event


class ChannelForm(forms.ModelForm):
    class Meta:
        model = Channel
        fields = [
            "name",
            "kind",
            "url",
            "owner",
            "administrators",
            "text_limit",
            "image_sizes",
            "access_note",
            "is_active",
            "notes",
        ]
        widgets = {
            "administrators": forms.CheckboxSelectMultiple,
            "notes": forms.Textarea(attrs={"rows": 3}),
        }
        formfield_callback = as_people_type_them

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = assignable_users()
        self.fields["administrators"].queryset = assignable_users()


class AudienceSizeForm(forms.ModelForm):
    class Meta:
        model = AudienceSize
        fields = ["measured_on", "size"]
        widgets = {"measured_on": DateInput()}


class CampaignForm(forms.ModelForm):
    class Meta:
        model = Campaign
        fields = [
            "title",
            "goal",
            "starts_on",
            "ends_on",
            "audience",
            "channels",
            "events",
            "budget",
            "owner",
        ]
        widgets = {
            "goal": forms.Textarea(attrs={"rows": 3}),
            "starts_on": DateInput(),
            "ends_on": DateInput(),
            "channels": forms.CheckboxSelectMultiple,
        }
        field_classes = {"events": EventMultipleChoiceField}

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = assignable_users()
        self.fields["channels"].queryset = Channel.objects.filter(is_active=True)
        since = timezone.now() - datetime.timedelta(days=365)
        events = Event.objects.filter(starts_at__gte=since)
        if self.instance.pk:
            events = events | Event.objects.filter(campaigns=self.instance)
        self.fields["events"].queryset = events.distinct().order_by("starts_at")
        self.fields["events"].required = False

    def clean(self):
        data = super().clean()
        if data.get("starts_on") and data.get("ends_on") and data["ends_on"] < data["starts_on"]:
            self.add_error("ends_on", _("A campaign must end after it starts."))
        return data


CampaignTargetFormSet = forms.inlineformset_factory(
    Campaign,
    CampaignTarget,
    fields=["indicator", "target", "unit", "achieved"],
    extra=2,
    can_delete=True,
    labels={
        "indicator": _("Indicator"),
        "target": _("Target"),
        "unit": _("Unit"),
        "achieved": _("Reached so far"),
    },
)
