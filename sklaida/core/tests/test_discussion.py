"""Comments and attached files on any object that allows a discussion (here: tasks)."""

from pathlib import Path

from django.contrib.contenttypes.models import ContentType
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile

from sklaida.core.models import Attachment, Library, Task
from sklaida.core.selectors import comments_on
from sklaida.core.tests.factories import TaskFactory

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def discussion_urls(task: Task) -> tuple[str, str]:
    content_type = ContentType.objects.get_for_model(Task)
    return (
        f"/komentarai/{content_type.pk}/{task.pk}/",
        f"/prisegtukai/{content_type.pk}/{task.pk}/",
    )


def county_task(personas) -> Task:
    county = Library.objects.get(kind=Library.Kind.COUNTY)
    return TaskFactory(
        title="Parodos „Šiaulių fotografai“ atidarymas",
        owner=personas["specialiste"],
        created_by=personas["vadove"],
        library=county,
    )


def test_a_comment_appears_on_the_task_and_its_owner_hears_of_it(
    client_as, personas, django_capture_on_commit_callbacks
):
    task = county_task(personas)
    comments_url, _ = discussion_urls(task)

    with django_capture_on_commit_callbacks(execute=True):
        response = client_as("vadove").post(
            comments_url, {"body": "Kvietimus išsiųskime iki penktadienio."}, HTTP_HX_REQUEST="true"
        )

    page = response.content.decode()
    assert "Kvietimus išsiųskime iki penktadienio." in page
    assert "Jūsų komentaras pridėtas." in page
    assert "<html" not in page, "htmx gets only the discussion back"
    [message] = mail.outbox
    assert message.to == ["specialiste@biblioteka.example"]
    assert "Kvietimus išsiųskime iki penktadienio." in message.body


def test_an_empty_comment_is_refused_with_a_message(client_as, personas):
    task = county_task(personas)
    comments_url, _ = discussion_urls(task)

    response = client_as("vadove").post(comments_url, {"body": "   "}, follow=True)

    assert "Komentaras nepridėtas: parašykite tekstą." in response.content.decode()
    assert not comments_on(task).exists()


def test_a_viewer_reads_the_discussion_but_cannot_write_in_it(client_as, personas):
    task = county_task(personas)
    comments_url, files_url = discussion_urls(task)
    viewer = client_as("stebetojas")

    page = viewer.get(f"/uzduotys/{task.pk}/").content.decode()
    assert "Komentarų dar nėra." in page
    assert comments_url not in page and files_url not in page

    assert viewer.post(comments_url, {"body": "Ar galiu?"}).status_code == 403
    assert not comments_on(task).exists()


def test_an_attached_pdf_is_listed_and_downloads_unchanged(client_as, personas):
    task = county_task(personas)
    _, files_url = discussion_urls(task)
    client = client_as("specialiste")

    response = client.post(
        files_url,
        {"file": SimpleUploadedFile("Sąmata.pdf", PDF, content_type="application/pdf")},
        follow=True,
    )

    assert "Failas „Sąmata.pdf“ prisegtas." in response.content.decode()
    attachment = Attachment.objects.get()
    assert attachment.mime_type == "application/pdf"
    assert "Sąmata" not in attachment.file.name, "stored under a name nobody can guess"
    download = client.get(attachment.get_absolute_url())
    assert b"".join(download.streaming_content) == PDF
    assert download["Content-Disposition"] == "attachment; filename*=utf-8''S%C4%85mata.pdf"
    download.close()


def test_a_file_whose_content_does_not_match_its_name_is_refused(client_as, personas):
    task = county_task(personas)
    _, files_url = discussion_urls(task)
    disguised = SimpleUploadedFile(
        "programa.pdf", b"MZ\x90\x00\x03\x00\x00\x00\x04\x00" * 50, content_type="application/pdf"
    )

    response = client_as("specialiste").post(files_url, {"file": disguised}, follow=True)

    assert "Failo „programa.pdf“ turinys neatitinka jo pavadinimo." in response.content.decode()
    assert not Attachment.objects.exists()


def test_a_file_over_the_size_limit_is_refused_with_both_sizes(client_as, personas, settings):
    settings.ATTACHMENT_MAX_BYTES = 1024
    task = county_task(personas)
    _, files_url = discussion_urls(task)
    large = SimpleUploadedFile("didelis.pdf", PDF + b"0" * 2048, content_type="application/pdf")

    response = client_as("specialiste").post(files_url, {"file": large}, follow=True)

    page = response.content.decode()
    assert "Failas neprisegtas: Failas per didelis" in page
    assert "1,0\xa0KB" in page
    assert not Attachment.objects.exists()


def test_a_territory_specialist_cannot_fetch_a_file_of_another_library(client_as, personas):
    task = county_task(personas)
    _, files_url = discussion_urls(task)
    client_as("specialiste").post(
        files_url, {"file": SimpleUploadedFile("planas.pdf", PDF, content_type="application/pdf")}
    )
    attachment = Attachment.objects.get()

    territory = client_as("teritorija")
    assert territory.get(attachment.get_absolute_url()).status_code == 404
    assert territory.post(f"/prisegtukai/{attachment.pk}/salinti/").status_code == 404
    assert Attachment.objects.filter(pk=attachment.pk).exists()


def test_removing_an_attachment_deletes_its_file_once_the_removal_is_saved(
    client_as, personas, django_capture_on_commit_callbacks
):
    task = county_task(personas)
    _, files_url = discussion_urls(task)
    client = client_as("specialiste")
    client.post(
        files_url, {"file": SimpleUploadedFile("planas.pdf", PDF, content_type="application/pdf")}
    )
    attachment = Attachment.objects.get()
    stored = Path(attachment.file.path)
    assert stored.exists()

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = client.post(f"/prisegtukai/{attachment.pk}/salinti/", follow=True)
    assert stored.exists(), "the file stays until the deletion is committed"
    for callback in callbacks:
        callback()

    assert "Failas „planas.pdf“ pašalintas." in response.content.decode()
    assert not stored.exists()
    assert not Attachment.objects.exists()
