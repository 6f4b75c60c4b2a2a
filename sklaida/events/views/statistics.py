"""Events statistics of a period: tables on the page and the same numbers as XLSX."""

from __future__ import annotations

import datetime

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from sklaida.core.forms import DATE_FROM, DATE_TO, DateInput
from sklaida.core.models import Library
from sklaida.core.permissions import Capability, has_capability
from sklaida.core.spreadsheets import as_xlsx
from sklaida.events.selectors.statistics import PeriodStatistics, period_statistics


class PeriodForm(forms.Form):
    date_from = forms.DateField(label=DATE_FROM, widget=DateInput())
    date_to = forms.DateField(label=DATE_TO, widget=DateInput())
    library = forms.ModelChoiceField(
        label=gettext_lazy("Library"),
        queryset=Library.objects.none(),
        required=False,
        empty_label=gettext_lazy("All libraries"),
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["library"].queryset = Library.objects.filter(is_active=True)

    def clean(self) -> dict:
        data = super().clean()
        if data.get("date_from") and data.get("date_to") and data["date_from"] > data["date_to"]:
            raise forms.ValidationError(_("The period must start before it ends."))
        return data


def statistics(request: HttpRequest) -> HttpResponse:
    if not has_capability(request.user, Capability.READ_DEPARTMENT):
        raise PermissionDenied
    today = timezone.localdate()
    defaults = {
        "date_from": datetime.date(today.year, 1, 1).isoformat(),
        "date_to": datetime.date(today.year, 12, 31).isoformat(),
    }
    form = PeriodForm({**defaults, **request.GET.dict()})
    figures = None
    if form.is_valid():
        figures = period_statistics(**form.cleaned_data)
        if request.GET.get("format") == "xlsx":
            return _statistics_xlsx(figures)
    query = request.GET.copy()
    query.pop("format", None)
    return render(
        request,
        "events/statistics/statistics.html",
        {"form": form, "figures": figures, "query": query.urlencode()},
    )


def statistics_rows(figures: PeriodStatistics) -> list[list]:
    """The page's tables one under another, as rows of a spreadsheet."""
    participants = [_("On site"), _("Online"), _("Participants in total")]
    rows: list[list] = [
        [_("Events statistics")],
        [
            _("Period"),
            f"{figures.date_from:%Y-%m-%d} – {figures.date_to:%Y-%m-%d}",
        ],
        [_("Library"), str(figures.library) if figures.library else _("All libraries")],
        [],
        [_("Summary"), _("Number")],
        [_("Events held"), figures.events],
        [_("Participants on site"), figures.participants.on_site],
        [_("Participants online"), figures.participants.online],
        [_("Live stream viewers"), figures.participants.live_viewers],
        [_("Recording views"), figures.participants.recording_views],
        [_("Exhibitions"), figures.exhibitions],
        [_("Exhibition visitors"), figures.exhibition_visitors],
        [_("Tours held"), figures.tours],
        [_("Tour participants"), figures.tour_participants],
        [],
        [_("Type"), _("Events"), *participants],
    ]
    for row in figures.by_type:
        rows.append(
            [row.label, row.events, row.participants.on_site, row.participants.online]
            + [row.participants.total]
        )
    rows.append(
        [_("Total"), figures.events, figures.participants.on_site, figures.participants.online]
        + [figures.participants.total]
    )
    rows += [[], [_("Audience"), _("Events"), *participants]]
    for row in figures.by_audience:
        rows.append(
            [row.label, row.events, row.participants.on_site, row.participants.online]
            + [row.participants.total]
        )
    return rows


def _statistics_xlsx(figures: PeriodStatistics) -> HttpResponse:
    content = as_xlsx(statistics_rows(figures), title=_("Events statistics"))
    response = HttpResponse(
        content, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    period = f"{figures.date_from:%Y-%m-%d}_{figures.date_to:%Y-%m-%d}"
    response["Content-Disposition"] = f'attachment; filename="renginiu-statistika-{period}.xlsx"'
    return response
