"""Forms of the content screens: filters, an item, a channel variant, rescheduling."""

from __future__ import annotations

import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sklaida.communication.models import Campaign, Channel, ChannelVariant, ContentItem
from sklaida.core.forms import ANY_MASCULINE, as_people_type_them
from sklaida.core.models import User
from sklaida.core.selectors import assignable_users
from sklaida.events.choices import EventMultipleChoiceField
from sklaida.events.models import Event


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%dT%H:%M")


class ContentFilterForm(forms.Form):
    q = forms.CharField(label=_("Title"), required=False, max_length=100)
    kind = forms.ChoiceField(
        label=_("Type"),
        choices=[
            ("", ANY_MASCULINE),
            *ContentItem.Kind.choices,
        ],
        required=False,
    )
    status = forms.ChoiceField(
        label=_("Status"), choices=[("", _("Any")), *ContentItem.Status.choices], required=False
    )
    author = forms.ModelChoiceField(
        label=_("Author"),
        queryset=User.objects.none(),
        required=False,
        empty_label=ANY_MASCULINE,
    )
    channel = forms.ModelChoiceField(
        label=_("Channel"),
        queryset=Channel.objects.none(),
        required=False,
        empty_label=ANY_MASCULINE,
    )
    campaign = forms.ModelChoiceField(
        label=_("Campaign"), queryset=Campaign.objects.none(), required=False, empty_label=_("Any")
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["author"].queryset = assignable_users()
        self.fields["channel"].queryset = Channel.objects.filter(is_active=True)
        self.fields["campaign"].queryset = Campaign.objects.order_by("-starts_on")


class ContentItemForm(forms.ModelForm):
    """An item's text and people; the events are saved by the service."""

    # The editorial checks' remarks on these fields are shown under each of them.
    checked_fields = ("title", "summary", "body")

    events = EventMultipleChoiceField(
        label=_("Events"),
        queryset=Event.objects.none(),
        required=False,
        help_text=_("Events of the past year and the coming ones."),
    )

    class Meta:
        model = ContentItem
        fields = [
            "kind",
            "title",
            "summary",
            "body",
            "editor",
            "approver",
            "campaign",
            "events",
            "publish_at",
        ]
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 2}),
            "body": forms.Textarea(attrs={"rows": 14}),
            "publish_at": DateTimeInput(),
        }

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for name in ("editor", "approver"):
            self.fields[name].queryset = assignable_users()
        self.fields["campaign"].queryset = Campaign.objects.order_by("-starts_on")
        since = timezone.now() - datetime.timedelta(days=365)
        events = Event.objects.filter(starts_at__gte=since)
        if self.instance.pk:
            events = events | Event.objects.filter(content_items=self.instance)
        self.fields["events"].queryset = events.distinct().order_by("starts_at")
        if self.instance.pk:
            self.fields["events"].initial = list(self.instance.events.all())


class ChannelVariantForm(forms.ModelForm):
    class Meta:
        model = ChannelVariant
        fields = ["channel", "text", "image", "image_alt", "planned_at", "published_url"]
        widgets = {"text": forms.Textarea(attrs={"rows": 8}), "planned_at": DateTimeInput()}
        formfield_callback = as_people_type_them

    def __init__(self, *args, images=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["channel"].queryset = Channel.objects.filter(is_active=True) | (
            Channel.objects.filter(pk=self.instance.channel_id)
        )
        self.fields["image"].queryset = (
            images if images is not None else self.fields["image"].queryset.none()
        )
        self.fields["image"].help_text = _("One of the images attached to the item.")
        self.fields["image_alt"].help_text = _(
            "What the image shows, for people who cannot see it; required before approval."
        )
