"""Forms of a project's timeline (5.1): an activity or milestone with its events, an
indicator. The services save them; the forms only read and check what was typed."""

from __future__ import annotations

import datetime

from django import forms
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from sklaida.core.forms import DateInput
from sklaida.core.selectors import assignable_users
from sklaida.events.choices import EventMultipleChoiceField
from sklaida.events.models import Event
from sklaida.projects.models import Activity, Indicator, Project

# The events offered to link: from a while before the project starts to a while after it
# ends (or around today when its dates are not set), at most EVENTS_OFFERED of them, so the
# searchable list stays short however many events the register holds.
EVENTS_MARGIN = datetime.timedelta(days=60)
EVENTS_AROUND_TODAY = datetime.timedelta(days=365)
EVENTS_OFFERED = 500


def offered_events(project: Project, linked: list[int] | None = None):
    """The events an activity of `project` may be linked to, and those already linked."""
    today = timezone.localdate()
    first = (project.starts_on or today - EVENTS_AROUND_TODAY) - EVENTS_MARGIN
    last = (project.ends_on or today + EVENTS_AROUND_TODAY) + EVENTS_MARGIN
    window = (
        Event.objects.filter(starts_at__date__gte=first, starts_at__date__lte=last)
        .exclude(status=Event.Status.CANCELLED)
        .order_by("starts_at", "pk")
    )
    pks = list(window.values_list("pk", flat=True)[:EVENTS_OFFERED])
    return Event.objects.filter(pk__in=[*pks, *(linked or [])]).order_by("starts_at", "pk")


class ActivityForm(forms.ModelForm):
    events = EventMultipleChoiceField(
        label=_("Events that realise it"),
        queryset=Event.objects.none(),
        required=False,
        help_text=_(
            "Events from two months before the project starts to two months after it ends. "
            "Their attendance counts towards the indicators."
        ),
    )

    class Meta:
        model = Activity
        fields = ["title", "is_milestone", "starts_on", "ends_on", "responsible", "done", "events"]
        labels = {"starts_on": _("Starts (the milestone's day)")}
        help_texts = {
            "is_milestone": _("A milestone is one day: a decision, a delivery, an opening."),
            "ends_on": _("Leave empty for a milestone."),
        }
        widgets = {"starts_on": DateInput(), "ends_on": DateInput()}

    def __init__(self, *args, project: Project, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.project = project
        self.fields["ends_on"].required = False
        self.fields["responsible"].queryset = assignable_users()
        linked = list(self.instance.events.values_list("pk", flat=True)) if self.instance.pk else []
        self.fields["events"].queryset = offered_events(project, linked)
        if self.instance.pk:
            self.fields["events"].initial = linked

    def clean(self) -> dict:
        data = super().clean()
        starts_on, ends_on = data.get("starts_on"), data.get("ends_on")
        if starts_on is None:
            return data
        if data.get("is_milestone"):
            data["ends_on"] = starts_on
        elif ends_on is None:
            self.add_error("ends_on", _("Give the activity's last day (or mark it a milestone)."))
        elif ends_on < starts_on:
            self.add_error("ends_on", _("The activity cannot end before it starts."))
        project = self.project
        last = data.get("ends_on") or starts_on
        if (project.starts_on and starts_on < project.starts_on) or (
            project.ends_on and last > project.ends_on
        ):
            self.add_error(
                "starts_on",
                _("The project runs from %(start)s to %(end)s; plan its activities within.")
                % {
                    "start": date_format(project.starts_on, "DATE_FORMAT")
                    if project.starts_on
                    else "…",
                    "end": date_format(project.ends_on, "DATE_FORMAT") if project.ends_on else "…",
                },
            )
        return data


class IndicatorForm(forms.ModelForm):
    class Meta:
        model = Indicator
        fields = ["name", "unit", "source", "planned", "achieved_entered"]
        help_texts = {
            "achieved_entered": _(
                "Only for indicators entered by staff; counted ones are read from the events "
                "linked to the activities."
            ),
        }
