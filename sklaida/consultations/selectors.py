"""Reads of consultations, scoped to the asking user, and the methodical-help statistics."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, QuerySet, Sum

from sklaida.consultations.models import Consultation
from sklaida.core import search
from sklaida.core.models import User
from sklaida.core.permissions import visible_to


@dataclass(frozen=True)
class ConsultationFilter:
    q: str = ""
    library: int | None = None
    topic: str = ""
    form: str = ""
    status: str = ""
    date_from: datetime.date | None = None
    date_to: datetime.date | None = None


def consultation_list(*, user: User, criteria: ConsultationFilter) -> QuerySet[Consultation]:
    consultations = visible_to(user, Consultation.objects.all())
    if criteria.library:
        consultations = consultations.filter(library_id=criteria.library)
    for name in ("topic", "form", "status"):
        if getattr(criteria, name):
            consultations = consultations.filter(**{name: getattr(criteria, name)})
    if criteria.date_from:
        consultations = consultations.filter(date__gte=criteria.date_from)
    if criteria.date_to:
        consultations = consultations.filter(date__lte=criteria.date_to)
    consultations = consultations.select_related("library").prefetch_related("consultants")
    if search.query_words(criteria.q):
        return search.ordered(consultations, criteria.q, "-date", "-pk")
    return consultations


def consultation_for(*, user: User, pk: int) -> Consultation:
    """One consultation the user may see; Consultation.DoesNotExist for another library's."""
    return (
        visible_to(user, Consultation.objects.all())
        .select_related("library", "requested_by", "follow_up_task")
        .prefetch_related("consultants", "persons")
        .get(pk=pk)
    )


REPORT_GROUPS = {
    "library": ("library__name", "library__kind"),
    "topic": ("topic",),
    "form": ("form",),
}


@dataclass(frozen=True)
class ReportRow:
    label: str
    consultations: int
    hours: Decimal


def methodical_help(
    *, date_from: datetime.date, date_to: datetime.date, group_by: str
) -> tuple[list[ReportRow], ReportRow]:
    """Consultations given and their hours in a period, by library, topic or form.

    The "Methodical help" section of the department's annual report uses this query.
    """
    given = Consultation.objects.filter(
        status=Consultation.Status.DONE, date__gte=date_from, date__lte=date_to
    )
    fields = REPORT_GROUPS[group_by]
    grouped = (
        given.values(*fields)
        .annotate(consultations=Count("pk"), hours=Sum("duration_hours"))
        .order_by(*fields)
    )
    labels = {
        "topic": dict(Consultation.Topic.choices),
        "form": dict(Consultation.Form.choices),
    }
    rows = [
        ReportRow(
            label=str(labels[group_by][row[fields[0]]])
            if group_by in labels
            else row["library__name"],
            consultations=row["consultations"],
            hours=row["hours"] or Decimal(0),
        )
        for row in grouped
    ]
    totals = given.aggregate(consultations=Count("pk"), hours=Sum("duration_hours"))
    total = ReportRow(
        label="", consultations=totals["consultations"], hours=totals["hours"] or Decimal(0)
    )
    return rows, total
