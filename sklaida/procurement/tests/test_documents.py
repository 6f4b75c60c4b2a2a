"""Documents from the DOCX templates: they open, hold the request's data in Lithuanian
formats, are kept as versions, and an edited copy can be uploaded as the newest."""

from __future__ import annotations

import io
import shutil
import subprocess
from decimal import Decimal

import docx
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from sklaida.procurement import services
from sklaida.procurement.models import PurchaseRequest, RequestDocument, SupplierSurvey, SurveyOffer
from sklaida.procurement.tests.factories import new_request
from sklaida.testing.pages import text_of

S = PurchaseRequest.Status


def text_of_docx(data: bytes) -> str:
    document = docx.Document(io.BytesIO(data))
    parts = [paragraph.text for paragraph in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.append(" | ".join(cell.text for cell in row.cells))
    return "\n".join(parts).replace("\xa0", " ")


def read(version) -> bytes:
    with version.file.open("rb") as handle:
        return handle.read()


def surveyed_request(personas) -> PurchaseRequest:
    request = new_request(
        subject="Renginių plakatų spausdinimas",
        cpv_code="79810000-5",
        kind="services",
        estimated_value=Decimal("6500.00"),
        technical_specification="A2 plakatai, 300 vnt.\n- A5 lankstinukai, 5 000 vnt.",
    )
    PurchaseRequest.objects.filter(pk=request.pk).update(status=S.APPROVED)
    request.refresh_from_db()
    offers = [
        SurveyOffer(
            supplier_name="UAB „Spaudos linija“",
            price_excl_vat=Decimal("5890.00"),
            price_incl_vat=Decimal("7126.90"),
        ),
        SurveyOffer(
            supplier_name="UAB „Reklamos spaustuvė“",
            price_excl_vat=Decimal("6010.00"),
            price_incl_vat=Decimal("7272.10"),
        ),
        SurveyOffer(supplier_name="UAB „Lėta spauda“"),
    ]
    services.save_survey(
        actor=personas["specialiste"],
        request=request,
        survey=SupplierSurvey(choice_reason="Mažiausia kaina."),
        offers=offers,
        chosen=offers[0],
    )
    request.refresh_from_db()
    return request


def test_the_purchase_request_document_holds_the_requests_data(personas):
    request = new_request(
        subject="Lazerinis projektorius",
        estimated_value=Decimal("1450"),
        justification="Senas projektorius blankus.\nVentiliatorius triukšmauja.",
    )
    version = services.generate_document(
        actor=personas["specialiste"], request=request, kind="request"
    )

    text = text_of_docx(read(version))
    assert "PIRKIMO PARAIŠKA" in text
    assert f"Nr. {request.number}" in text
    assert "Pirkimo objektas | Lazerinis projektorius" in text
    assert "BVPŽ (CPV) kodas | 38652100-1" in text
    assert "Numatoma pirkimo vertė be PVM | 1 450,00 €" in text
    assert "Pirkimo būdas | Mažos vertės pirkimas" in text
    assert "Ventiliatorius triukšmauja." in text


def test_the_technical_specification_lists_each_requirement_in_its_own_row(personas):
    request = surveyed_request(personas)
    version = services.generate_document(
        actor=personas["specialiste"], request=request, kind="specification"
    )
    text = text_of_docx(read(version))
    assert "TECHNINĖ SPECIFIKACIJA" in text
    assert "1. | A2 plakatai, 300 vnt." in text
    assert "2. | A5 lankstinukai, 5 000 vnt." in text


def test_the_survey_record_lists_suppliers_prices_and_the_chosen_offer(personas):
    request = surveyed_request(personas)
    version = services.generate_document(
        actor=personas["specialiste"], request=request, kind="survey_record"
    )
    text = text_of_docx(read(version))
    assert "TIEKĖJŲ APKLAUSOS PAŽYMA" in text
    assert "1. | UAB „Spaudos linija“ | 5 890,00 € | 7 126,90 € |" in text
    assert "2. | UAB „Reklamos spaustuvė“ | 6 010,00 € | 7 272,10 € |" in text
    assert "3. | UAB „Lėta spauda“ | — | — | Pasiūlymo nepateikė" in text
    assert "Pasirinktas tiekėjas: UAB „Spaudos linija“" in text
    assert "Pasirinkimo priežastis: Mažiausia kaina." in text


def test_generating_again_keeps_both_versions_and_the_page_offers_them(personas, client_as):
    request = new_request(subject="Garso pultas")
    client = client_as("specialiste")
    url = reverse("procurement:document_generate", args=[request.pk, "request"])
    client.post(url)
    client.post(url)

    document = RequestDocument.objects.get(request=request, kind="request")
    assert list(document.versions.values_list("number", flat=True)) == [2, 1]
    page = text_of(client.get(request.get_absolute_url()))
    assert "2 versija" in page and "1 versija" in page

    newest = document.versions.first()
    download = client.get(reverse("procurement:document_download", args=[request.pk, newest.pk]))
    assert download["Content-Disposition"].startswith("attachment")
    assert "Garso pultas" in text_of_docx(b"".join(download.streaming_content))


def test_an_edited_docx_is_uploaded_as_the_newest_version_and_other_files_are_refused(
    personas, client_as
):
    request = new_request(subject="Garso pultas")
    generated = services.generate_document(
        actor=personas["specialiste"], request=request, kind="request"
    )
    edited = docx.Document(io.BytesIO(read(generated)))
    edited.add_paragraph("Papildyta vadovės pastaba.")
    buffer = io.BytesIO()
    edited.save(buffer)
    client = client_as("specialiste")
    upload_url = reverse("procurement:document_upload", args=[request.pk])

    client.post(
        upload_url,
        {
            "kind": "request",
            "note": "Pridėta pastaba",
            "file": SimpleUploadedFile("paraiska.docx", buffer.getvalue()),
        },
    )
    refused = client.post(
        upload_url,
        {
            "kind": "request",
            "file": SimpleUploadedFile("paraiska.docx", b"not a word file"),
        },
        follow=True,
    )

    versions = list(RequestDocument.objects.get(request=request, kind="request").versions.all())
    assert [version.number for version in versions] == [2, 1]
    assert not versions[0].generated and versions[0].note == "Pridėta pastaba"
    assert "Papildyta vadovės pastaba." in text_of_docx(read(versions[0]))
    assert "Word" in text_of(refused)


def test_the_survey_record_waits_for_the_survey(personas):
    request = new_request()
    with pytest.raises(Exception, match="apklaus|survey"):
        services.generate_document(
            actor=personas["specialiste"], request=request, kind="survey_record"
        )


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_converts_a_generated_document_to_pdf(personas, tmp_path):
    request = surveyed_request(personas)
    version = services.generate_document(
        actor=personas["specialiste"], request=request, kind="survey_record"
    )
    source = tmp_path / "pazyma.docx"
    source.write_bytes(read(version))
    subprocess.run(  # noqa: S603 - a fixed program on a file this test wrote
        [
            shutil.which("soffice"),
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(source),
        ],
        check=True,
        timeout=120,
        capture_output=True,
    )
    pdf = (tmp_path / "pazyma.pdf").read_bytes()
    assert pdf.startswith(b"%PDF")
