"""Build the default DOCX templates of procurement documents (run it to make them again).

    .venv/bin/python sklaida/procurement/document_templates/build_templates.py

Each template is an ordinary Word document written with python-docx: plain paragraphs and
tables whose text holds Jinja tags that docxtpl fills in (`{{ subject }}`), and table rows
that repeat (`{%tr for offer in offers %}` … `{%tr endfor %}` in rows of their own, which
docxtpl removes). A Library may open the .docx in Word, change the wording or the layout,
and keep the tags; sklaida/procurement/documents.py lists what each tag holds.
The documents are Lithuanian official papers, so their fixed text is Lithuanian.
"""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt

HERE = Path(__file__).resolve().parent


def _document(title: str) -> Document:
    document = Document()
    style = document.styles["Normal"]
    style.font.name = "Times New Roman"
    style.font.size = Pt(12)
    header = document.add_paragraph("{{ library }}")
    header.alignment = WD_ALIGN_PARAGRAPH.CENTER
    heading = document.add_paragraph()
    heading.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = heading.add_run(title)
    run.bold = True
    numbered = document.add_paragraph("{{ date }} Nr. {{ number }}")
    numbered.alignment = WD_ALIGN_PARAGRAPH.CENTER
    return document


def _facts(document: Document, rows: list[tuple[str, str]]) -> None:
    table = document.add_table(rows=0, cols=2)
    table.style = "Table Grid"
    for label, value in rows:
        cells = table.add_row().cells
        cells[0].text = label
        cells[1].text = value


def _signatures(document: Document, lines: list[str]) -> None:
    document.add_paragraph()
    for line in lines:
        document.add_paragraph(line)


def purchase_request() -> Document:
    document = _document("PIRKIMO PARAIŠKA")
    _facts(
        document,
        [
            ("Pirkimo objektas", "{{ subject }}"),
            ("BVPŽ (CPV) kodas", "{{ cpv_code }}"),
            ("Pirkimo objekto rūšis", "{{ kind }}"),
            ("Numatoma pirkimo vertė be PVM", "{{ estimated_value }}"),
            ("Pirkimo būdas", "{{ procedure }}"),
            ("Reikalinga iki", "{{ needed_by }}"),
            ("Pirkimų plano eilutė", "{{ plan_line }}"),
            ("Finansavimo šaltinis", "{{ budget_line }}"),
            ("Pirkimo iniciatorius", "{{ initiator }}"),
        ],
    )
    document.add_paragraph()
    document.add_paragraph().add_run("Pirkimo pagrindimas").bold = True
    document.add_paragraph("{{ justification }}")
    document.add_paragraph().add_run("Techninė specifikacija").bold = True
    document.add_paragraph("{{ technical_specification }}")
    _signatures(
        document,
        [
            "Pirkimo iniciatorius  ______________________  {{ initiator }}",
            "Pritariu: skyriaus vedėjas(-a)  ______________________",
        ],
    )
    return document


def technical_specification() -> Document:
    document = _document("TECHNINĖ SPECIFIKACIJA")
    _facts(
        document,
        [
            ("Pirkimo objektas", "{{ subject }}"),
            ("BVPŽ (CPV) kodas", "{{ cpv_code }}"),
            ("Pirkimo objekto rūšis", "{{ kind }}"),
            ("Reikalinga iki", "{{ needed_by }}"),
        ],
    )
    document.add_paragraph()
    document.add_paragraph().add_run("Reikalavimai").bold = True
    table = document.add_table(rows=1, cols=2)
    table.style = "Table Grid"
    table.rows[0].cells[0].text = "Nr."
    table.rows[0].cells[1].text = "Reikalavimas"
    table.add_row().cells[0].text = "{%tr for requirement in requirements %}"
    row = table.add_row().cells
    row[0].text = "{{ loop.index }}."
    row[1].text = "{{ requirement }}"
    table.add_row().cells[0].text = "{%tr endfor %}"
    document.add_paragraph()
    document.add_paragraph(
        "Tiekėjas siūlo prekes, paslaugas ar darbus, atitinkančius visus šiuos reikalavimus. "
        "Nurodyti gamintojai ar modeliai reiškia ir lygiaverčius."
    )
    _signatures(document, ["Parengė  ______________________  {{ initiator }}"])
    return document


def survey_record() -> Document:
    document = _document("TIEKĖJŲ APKLAUSOS PAŽYMA")
    _facts(
        document,
        [
            ("Pirkimo objektas", "{{ subject }}"),
            ("BVPŽ (CPV) kodas", "{{ cpv_code }}"),
            ("Numatoma pirkimo vertė be PVM", "{{ estimated_value }}"),
            ("Pirkimo būdas", "{{ procedure }}"),
            ("Apklausos data", "{{ surveyed_on }}"),
            ("Apklausos būdas", "{{ method }}"),
        ],
    )
    document.add_paragraph()
    document.add_paragraph().add_run("Apklausti tiekėjai ir jų pasiūlymai").bold = True
    table = document.add_table(rows=1, cols=5)
    table.style = "Table Grid"
    for cell, label in zip(
        table.rows[0].cells,
        ["Nr.", "Tiekėjas", "Kaina be PVM", "Kaina su PVM", "Pastabos"],
        strict=True,
    ):
        cell.text = label
    table.add_row().cells[0].text = "{%tr for offer in offers %}"
    row = table.add_row().cells
    row[0].text = "{{ loop.index }}."
    row[1].text = "{{ offer.name }}"
    row[2].text = "{{ offer.price_excl_vat }}"
    row[3].text = "{{ offer.price_incl_vat }}"
    row[4].text = "{{ offer.note }}"
    table.add_row().cells[0].text = "{%tr endfor %}"
    document.add_paragraph()
    document.add_paragraph("Pasirinktas tiekėjas: {{ chosen_name }}")
    document.add_paragraph(
        "Pasiūlymo kaina: {{ chosen_price_excl_vat }} be PVM ({{ chosen_price_incl_vat }} su PVM)"
    )
    document.add_paragraph("Pasirinkimo priežastis: {{ choice_reason }}")
    _signatures(document, ["Pirkimą atliko  ______________________  {{ initiator }}"])
    return document


TEMPLATES = {
    "pirkimo-paraiska.docx": purchase_request,
    "technine-specifikacija.docx": technical_specification,
    "tiekeju-apklausos-pazyma.docx": survey_record,
}


def build(folder: Path = HERE) -> list[Path]:
    written = []
    for name, make in TEMPLATES.items():
        path = folder / name
        make().save(path)
        written.append(path)
    return written


if __name__ == "__main__":
    for path in build():
        print(path)
