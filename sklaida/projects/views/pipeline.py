"""The applications pipeline (5.1): the department's applications by status and funder,
requested against granted, and each funder's success rate by year."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from sklaida.core.permissions import department_read_required
from sklaida.projects.forms_budget import PipelineFilterForm
from sklaida.projects.selectors_pipeline import pipeline as pipeline_of


@department_read_required
def pipeline(request: HttpRequest) -> HttpResponse:
    typed = request.GET.get("year", "").strip()
    year = int(typed) if typed.isdigit() and len(typed) == 4 else None
    summary = pipeline_of(year)
    form = PipelineFilterForm(initial={"year": year}, years=summary.years)
    return render(request, "projects/pipeline.html", {"form": form, "pipeline": summary})
