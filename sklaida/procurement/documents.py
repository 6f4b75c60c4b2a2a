"""A request's documents filled in from the DOCX templates in document_templates/.

The templates are Word files with docxtpl's Jinja tags (document_templates/build_templates.py
made them and says how to change them). Every value is given here as the text it prints:
amounts in Lithuanian money format ("1 450,00 €"), dates as Lithuanian writes them
("2027 m. kovo 1 d."), whatever the staff member's own language — these are official
Lithuanian papers.

Tags: library, number, date, subject, cpv_code, kind, estimated_value, procedure,
needed_by, plan_line, budget_line, initiator, justification, technical_specification,
requirements (list), surveyed_on, method, offers (name, price_excl_vat, price_incl_vat,
note), chosen_name, chosen_price_excl_vat, chosen_price_incl_vat, choice_reason.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from django.core.exceptions import ValidationError
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _
from docxtpl import DocxTemplate, Listing

from sklaida.core.formatting import format_money
from sklaida.core.models import Library

TEMPLATES = Path(__file__).resolve().parent / "document_templates"
# kind → (template, start of the file name given to a generated copy)
FILES = {
    "request": ("pirkimo-paraiska.docx", "pirkimo-paraiska"),
    "specification": ("technine-specifikacija.docx", "technine-specifikacija"),
    "survey_record": ("tiekeju-apklausos-pazyma.docx", "tiekeju-apklausos-pazyma"),
}
MAX_UPLOAD_BYTES = 20 * 1024 * 1024
DOCX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def file_name(request, kind: str) -> str:
    return f"{FILES[kind][1]}-{request.number}.docx"


def _date(day) -> str:
    return formats.date_format(day, "DATE_FORMAT") if day else "—"


def _library_name() -> str:
    library = Library.objects.filter(kind=Library.Kind.COUNTY).first()
    return library.name if library else ""


def _person(user) -> str:
    return (user.get_full_name() or user.username) if user else ""


def context(request, kind: str) -> dict:
    """What the templates print for `request`, as Lithuanian text."""
    with translation.override("lt"):
        plan_line = request.plan_line
        budget_line = request.budget_line
        data = {
            "library": _library_name(),
            "number": request.number,
            "date": _date(timezone.localdate()),
            "subject": request.subject,
            "cpv_code": request.cpv_code or "—",
            "kind": str(request.get_kind_display()),
            "estimated_value": format_money(request.estimated_value),
            "procedure": str(request.get_procedure_display()) if request.procedure else "—",
            "needed_by": _date(request.needed_by),
            "plan_line": (
                f"{plan_line.plan.year} m. plano eilutė „{plan_line.subject}“" if plan_line else "—"
            ),
            "budget_line": (
                f"{budget_line.project.title}: {budget_line.title}" if budget_line else "—"
            ),
            "initiator": _person(request.initiator),
            "justification": Listing(request.justification),
            "technical_specification": Listing(request.technical_specification or "—"),
            "requirements": [
                line.strip(" -•\t")
                for line in request.technical_specification.splitlines()
                if line.strip(" -•\t")
            ],
        }
        if kind == "survey_record":
            data.update(_survey_context(request.survey))
    return data


def _survey_context(survey) -> dict:
    chosen = survey.chosen_offer
    return {
        "surveyed_on": _date(survey.surveyed_on),
        "method": str(survey.get_method_display()),
        "offers": [
            {
                "name": offer.name,
                "price_excl_vat": format_money(offer.price_excl_vat) or "—",
                "price_incl_vat": format_money(offer.price_incl_vat) or "—",
                "note": offer.note or ("" if offer.made_offer else "Pasiūlymo nepateikė"),
            }
            for offer in survey.offers.select_related("organisation")
        ],
        "chosen_name": chosen.name if chosen else "—",
        "chosen_price_excl_vat": format_money(chosen.price_excl_vat) if chosen else "—",
        "chosen_price_incl_vat": format_money(chosen.price_incl_vat) if chosen else "—",
        "choice_reason": survey.choice_reason or "—",
    }


def render(request, kind: str) -> bytes:
    template = DocxTemplate(TEMPLATES / FILES[kind][0])
    template.render(context(request, kind), autoescape=True)
    buffer = io.BytesIO()
    template.save(buffer)
    return buffer.getvalue()


def check_docx(data: bytes) -> None:
    """Refuse what is not a Word document (DOCX) or is too big to be one of ours."""
    if len(data) > MAX_UPLOAD_BYTES:
        raise ValidationError(_("The file is too big for a document: at most 20 MB."))
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
    except zipfile.BadZipFile:
        names = set()
    if not {"[Content_Types].xml", "word/document.xml"} <= names:
        raise ValidationError(_("Upload the document as a Word file (.docx)."))
