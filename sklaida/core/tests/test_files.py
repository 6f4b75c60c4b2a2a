"""Uploaded file names, cleaned before they are kept or offered for download."""

from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from sklaida.core.files import clean_filename
from sklaida.core.models import Attachment, Library, Task
from sklaida.core.tests.factories import TaskFactory

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def test_control_characters_and_bidi_overrides_are_removed():
    assert clean_filename("ataskaita\x00.pdf") == "ataskaita.pdf"
    # "\u202e" would show "Sąmata‮fdp.exe" as "Sąmataexe.pdf" in the file list.
    assert clean_filename("Sąmata\u202efdp.exe") == "Sąmatafdp.exe"
    assert clean_filename("\u2066vardas\u2069 \u200fpavardė.docx") == "vardas pavardė.docx"
    assert clean_filename("eilutė\nantra\teilutė.txt") == "eilutė antra eilutė.txt"
    assert clean_filename("\x1b[31mraudona.jpg") == "[31mraudona.jpg"


def test_folders_are_dropped_and_the_name_kept():
    assert clean_filename("../../etc/passwd") == "passwd"
    assert clean_filename("C:\\Users\\Rūta\\Nuotraukos\\Šventė.JPG") == "Šventė.JPG"
    assert clean_filename("Šventė.jpg/..") == "Šventė.jpg"


def test_a_long_name_is_shortened_and_keeps_its_extension():
    cleaned = clean_filename("Žiemos šventė " * 40 + ".jpeg")

    assert len(cleaned) == 255
    assert cleaned.endswith(".jpeg")
    assert cleaned.startswith("Žiemos šventė Žiemos")
    assert len(clean_filename("a" * 50 + ".pdf", max_length=20)) == 20
    assert clean_filename("a" * 50 + ".pdf", max_length=20).endswith(".pdf")


def test_lithuanian_letters_stay_and_are_composed_as_typed():
    decomposed = (
        "S\u030ciaulių Z\u030cve\u0307ryno g.jpg"  # letters and accents apart, as a Mac sends them
    )

    assert clean_filename(decomposed) == "Šiaulių Žvėryno g.jpg"
    assert clean_filename("Ąžuolų g. 5.pdf") == "Ąžuolų g. 5.pdf"


def test_undecodable_bytes_of_a_disk_name_become_replacement_characters():
    # A name written in Windows-1257 and read as UTF-8: Python keeps the bytes as surrogates.
    assert clean_filename("\udcd0vent\udce6.jpg") == "\ufffdvent\ufffd.jpg"


def test_a_name_with_nothing_left_is_called_file_in_the_current_language():
    assert clean_filename("\x00\u202e") == "failas"
    assert clean_filename(" ... ") == "failas"
    with translation.override("en"):
        assert clean_filename("") == "file"


def county_task(personas) -> Task:
    return TaskFactory(
        title="Metinė ataskaita",
        owner=personas["specialiste"],
        created_by=personas["vadove"],
        library=Library.objects.get(kind=Library.Kind.COUNTY),
    )


def test_an_attachments_name_is_kept_clean_and_offered_so(client_as, personas):
    task = county_task(personas)
    content_type = ContentType.objects.get_for_model(Task)
    client = client_as("specialiste")
    # A Mac sends letters and their accents apart; the spaces are as typed.
    name = "Projekto   sa\u0328mata  .pdf"

    response = client.post(
        f"/prisegtukai/{content_type.pk}/{task.pk}/",
        {"file": SimpleUploadedFile(name, PDF, content_type="application/pdf")},
        follow=True,
    )

    attachment = Attachment.objects.get()
    assert attachment.original_name == "Projekto sąmata .pdf"
    assert "Failas „Projekto sąmata .pdf“ prisegtas." in response.content.decode()
    download = client.get(attachment.get_absolute_url())
    assert download["Content-Disposition"] == (
        "attachment; filename*=utf-8''Projekto%20s%C4%85mata%20.pdf"
    )
    download.close()


def test_an_attachment_kept_with_a_dirty_name_downloads_under_a_clean_one(client_as, personas):
    task = county_task(personas)
    # A row saved before names were cleaned on upload.
    attachment = Attachment(
        original_name="sutartis\u202efdp.exe",
        size=len(PDF),
        mime_type="application/pdf",
        uploaded_by=personas["specialiste"],
    )
    attachment.target = task
    attachment.file.save("sutartis", ContentFile(PDF), save=False)
    attachment.save()

    download = client_as("specialiste").get(attachment.get_absolute_url())

    assert download["Content-Disposition"] == 'attachment; filename="sutartisfdp.exe"'
    download.close()
