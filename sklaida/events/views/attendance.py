"""Participants of an event: on site and online, in total or by audience group."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from sklaida.events.models import Audience, Event
from sklaida.events.services import events as services
from sklaida.events.views.common import event_or_404, may_work

TOTAL = "total"
COLUMNS = (
    ("on_site", gettext_lazy("On site")),
    ("live_viewers", gettext_lazy("Live stream viewers")),
    ("recording_views", gettext_lazy("Recording views")),
)


def audiences_of(event: Event) -> list[Audience]:
    """The event's audience groups, and any group already counted (from the prefetch)."""
    audiences = {audience.pk: audience for audience in event.audiences.all()}
    for row in event.attendance.all():
        if row.audience is not None:
            audiences.setdefault(row.audience.pk, row.audience)
    return sorted(audiences.values(), key=lambda audience: audience.pk)


class AttendanceForm(forms.Form):
    """One row for the total and one per audience group; fill in either, not both."""

    def __init__(self, *args, event: Event, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.audiences = audiences_of(event)
        counted = {row.audience_id or TOTAL: row for row in event.attendance.all()}
        self.row_keys = [TOTAL] + [str(audience.pk) for audience in self.audiences]
        labels = [_("In total (not split)")] + [str(audience) for audience in self.audiences]
        self.rows = []
        for key, label in zip(self.row_keys, labels, strict=True):
            existing = counted.get(TOTAL if key == TOTAL else int(key))
            cells = []
            for column, column_label in COLUMNS:
                name = f"{key}-{column}"
                self.fields[name] = forms.IntegerField(
                    label=f"{label}: {column_label}",
                    min_value=0,
                    required=False,
                    initial=getattr(existing, column, None) if existing else None,
                )
                cells.append(name)
            self.rows.append((label, cells))

    def table(self) -> list[tuple[str, list[forms.BoundField]]]:
        return [(label, [self[name] for name in cells]) for label, cells in self.rows]

    def attendance_rows(self) -> list[services.AttendanceRow]:
        audiences = {str(audience.pk): audience for audience in self.audiences}
        rows = []
        for key in self.row_keys:
            values = {
                column: self.cleaned_data.get(f"{key}-{column}") or 0 for column, _label in COLUMNS
            }
            rows.append(services.AttendanceRow(audience=audiences.get(key), **values))
        return rows


def attendance(request: HttpRequest, pk: int) -> HttpResponse:
    """Record the participants (the form is also on the event's page)."""
    may_work(request)
    event = event_or_404(request, pk)
    if not services.may_edit_events_of(request.user, event.library_id):
        raise PermissionDenied
    form = AttendanceForm(request.POST or None, event=event)
    if request.method == "POST" and form.is_valid():
        try:
            services.record_attendance(actor=request.user, event=event, rows=form.attendance_rows())
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The participants have been recorded."))
            return redirect(f"{event.get_absolute_url()}#attendance-heading")
    return render(request, "events/attendance_form.html", {"event": event, "form": form})
