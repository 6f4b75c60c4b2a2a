"""Forms of the live broadcast screens: the register's filter and a broadcast (3.1)."""

from __future__ import annotations

import datetime

from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sklaida.archive.models import Asset, Broadcast
from sklaida.core.forms import as_people_type_them
from sklaida.events.choices import EventChoiceField
from sklaida.events.forms import DateTimeInput
from sklaida.events.models import Event, EventType

# Events a broadcast may be recorded for: from a year back to two months ahead.
EVENTS_BACK = datetime.timedelta(days=365)
EVENTS_AHEAD = datetime.timedelta(days=60)


class BroadcastFilterForm(forms.Form):
    q = forms.CharField(label=_("Event"), required=False, max_length=100)
    platform = forms.ChoiceField(
        label=_("Platform"), choices=[("", _("Any")), *Broadcast.Platform.choices], required=False
    )
    year = forms.IntegerField(label=_("Year"), required=False, min_value=2000, max_value=2100)


class RecordingChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, asset: Asset) -> str:
        return str(asset)


class BroadcastForm(forms.ModelForm):
    event = EventChoiceField(label=_("Event"), queryset=Event.objects.none())
    recording = RecordingChoiceField(
        label=_("Recording"),
        queryset=Asset.objects.none(),
        required=False,
        help_text=_("A video of the archive: of this event, or not yet linked to an event."),
    )

    class Meta:
        model = Broadcast
        fields = [
            "event",
            "platform",
            "url",
            "starts_at",
            "ends_at",
            "peak_viewers",
            "total_viewers",
            "recording",
            "notes",
        ]
        widgets = {"starts_at": DateTimeInput(), "ends_at": DateTimeInput()}
        help_texts = {
            "total_viewers": _(
                "Counted as the event's live stream viewers (its online participants)."
            )
        }
        formfield_callback = as_people_type_them

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        now = timezone.now()
        current = self.instance.event_id if self.instance.pk else None
        events = (
            Event.objects.exclude(status=Event.Status.CANCELLED)
            .exclude(event_type=EventType.EXHIBITION)
            .filter(starts_at__gte=now - EVENTS_BACK, starts_at__lte=now + EVENTS_AHEAD)
        )
        self.fields["event"].queryset = (
            Event.objects.filter(Q(pk__in=events.values("pk")) | Q(pk=current))
            .only("pk", "title", "starts_at", "venue", "space__name")
            .order_by("-starts_at", "pk")
        )
        videos = Asset.objects.filter(kind=Asset.Kind.VIDEO)
        picked = Q(event__isnull=True, created_at__gte=now - EVENTS_BACK)
        if current:
            picked |= Q(event_id=current)
        else:
            picked |= Q(event__starts_at__gte=now - EVENTS_BACK, event__starts_at__lte=now)
        if self.instance.recording_id:
            picked |= Q(pk=self.instance.recording_id)
        self.fields["recording"].queryset = (
            videos.filter(picked)
            .only("pk", "title", "original_name", "event")
            .order_by("-created_at", "-pk")
        )

    def clean(self) -> dict:
        data = super().clean()
        starts, ends = data.get("starts_at"), data.get("ends_at")
        if starts and ends and ends <= starts:
            self.add_error("ends_at", _("A broadcast must end after it starts."))
        peak, total = data.get("peak_viewers"), data.get("total_viewers")
        if peak is not None and total is not None and peak > total:
            self.add_error(
                "peak_viewers",
                _("The most viewers at once cannot exceed the viewers in total."),
            )
        recording, event = data.get("recording"), data.get("event")
        if recording and event and recording.event_id and recording.event_id != event.pk:
            self.add_error("recording", _("This video belongs to another event."))
        return data
