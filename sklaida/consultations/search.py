"""What the one search (core.search) finds a consultation by: its library and recipients
(the weightiest), the question, the advice given and the people consulted."""

from __future__ import annotations

from django.db.models import QuerySet
from django.utils import formats
from django.utils.translation import gettext_lazy as _

from sklaida.consultations.models import Consultation
from sklaida.core import search


def _title(consultation: Consultation) -> str:
    return " ".join(
        (
            consultation.library.name,
            consultation.recipient_unit,
            consultation.recipient_names,
            str(consultation.get_topic_display()),
        )
    )


def _text(consultation: Consultation) -> list[str]:
    parts = [consultation.question, consultation.advice]
    if consultation.pk:
        parts.extend(str(person) for person in consultation.persons.all())
        parts.extend(user.get_full_name() for user in consultation.consultants.all())
    return parts


def _summary(consultation: Consultation) -> str:
    parts = [str(consultation.get_status_display())]
    if consultation.date:
        parts.append(formats.date_format(consultation.date, "DATE_FORMAT"))
    return " · ".join(parts)


def _prepare(queryset: QuerySet[Consultation]) -> QuerySet[Consultation]:
    return queryset.select_related("library").prefetch_related("persons", "consultants")


def register() -> None:
    search.register(
        search.Searchable(
            model=Consultation,
            label=_("Consultations"),
            title=_title,
            text=_text,
            url=lambda consultation: consultation.get_absolute_url(),
            summary=_summary,
            list_url="consultations:list",
            then=("-date", "-created_at"),
            prepare=_prepare,
            m2m=("persons", "consultants"),
            order=40,
        )
    )
