"""Tasks: creating, assigning, finishing, the "My work" page and the daily reminders."""

import datetime

import time_machine
from django.core import mail
from django.utils import timezone

from sklaida.conftest import TODAY
from sklaida.core import selectors, services
from sklaida.core.models import Task
from sklaida.core.tests.factories import TaskFactory, UserFactory
from sklaida.testing.queries import queries_to_render


def days(n: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=n)


# The due date is posted as a person types it, so the clock is fixed a few days before it.
@time_machine.travel(datetime.datetime(2026, 11, 25, 12, tzinfo=datetime.UTC))
def test_a_task_given_to_a_colleague_reaches_them_by_email_in_lithuanian(
    client_as, personas, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client_as("vadove").post(
            "/uzduotys/nauja/",
            {
                "title": "Parengti afišą Kalėdų koncertui",
                "owner": personas["specialiste"].pk,
                "due_date": "2026-12-01",
            },
            follow=True,
        )

    assert "Užduotis sukurta." in response.content.decode()
    [message] = mail.outbox
    assert message.to == ["specialiste@biblioteka.example"]
    assert message.subject == "Nauja užduotis: Parengti afišą Kalėdų koncertui"
    assert "Rasa Petrauskienė jums paskyrė užduotį" in message.body
    assert "Terminas: 2026 m. gruodžio 1 d." in message.body
    task = Task.objects.get(title="Parengti afišą Kalėdų koncertui")
    assert f"http://testserver/uzduotys/{task.pk}/" in message.body


def test_a_colleague_who_chose_english_gets_the_email_in_english(
    personas, django_capture_on_commit_callbacks
):
    colleague = UserFactory(language="en", first_name="Ona", role="specialist")
    with django_capture_on_commit_callbacks(execute=True):
        services.create_task(actor=personas["vadove"], title="Poster", owner=colleague)

    assert mail.outbox[0].subject == "New task: Poster"
    assert "Hello, Ona" in mail.outbox[0].body


def test_nobody_is_emailed_about_a_task_they_gave_themselves(
    personas, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.create_task(actor=personas["vadove"], title="Sau", owner=personas["vadove"])

    assert mail.outbox == []


def test_a_due_date_in_the_past_is_refused_and_the_typed_text_is_kept(client_as, personas):
    response = client_as("specialiste").post(
        "/uzduotys/nauja/",
        {
            "title": "Atnaujinti svetainės renginių skiltį",
            "owner": personas["specialiste"].pk,
            "due_date": days(-3).isoformat(),
        },
    )

    page = response.content.decode()
    assert "Šis terminas jau praėjo." in page
    assert 'value="Atnaujinti svetainės renginių skiltį"' in page
    assert not Task.objects.filter(title="Atnaujinti svetainės renginių skiltį").exists()


def test_marking_a_task_done_records_when_and_can_be_undone(personas):
    task = TaskFactory(owner=personas["specialiste"])

    services.change_task_status(task=task, actor=personas["specialiste"], status="done")
    assert task.completed_at is not None

    services.change_task_status(task=task, actor=personas["specialiste"], status="open")
    assert task.completed_at is None


def test_a_finished_task_cannot_jump_to_in_progress(client_as, personas):
    task = TaskFactory(owner=personas["specialiste"], status=Task.Status.DONE)

    response = client_as("specialiste").post(
        f"/uzduotys/{task.pk}/busena/", {"status": "in_progress"}, follow=True
    )

    assert "Užduoties, kurios būsena „Atlikta“, negalima pakeisti į „Vykdoma“." in (
        response.content.decode()
    )
    task.refresh_from_db()
    assert task.status == Task.Status.DONE


def test_my_work_groups_open_tasks_by_due_date(personas):
    owner = personas["specialiste"]
    Task.objects.filter(owner=owner).delete()
    monday = datetime.date(2026, 11, 23)  # TODAY is the Wednesday of that week
    TaskFactory(owner=owner, title="Vakar", due_date=TODAY - datetime.timedelta(days=1))
    TaskFactory(owner=owner, title="Sekmadienį", due_date=monday + datetime.timedelta(days=6))
    TaskFactory(owner=owner, title="Kitą pirmadienį", due_date=monday + datetime.timedelta(days=7))
    TaskFactory(owner=owner, title="Kada nors")
    TaskFactory(owner=owner, title="Atlikta", due_date=TODAY, status=Task.Status.DONE)

    work = selectors.my_work(user=owner, today=TODAY)

    assert [t.title for t in work.overdue] == ["Vakar"]
    assert [t.title for t in work.this_week] == ["Sekmadienį"]
    assert [t.title for t in work.later] == ["Kitą pirmadienį"]
    assert [t.title for t in work.undated] == ["Kada nors"]


def test_my_work_names_overdue_tasks_in_words_not_only_in_colour(client_as, personas):
    TaskFactory(owner=personas["specialiste"], title="Pavėluota ataskaita", due_date=days(-2))

    page = client_as("specialiste").get("/").content.decode()

    assert "Vėluoja" in page
    assert "Pavėluota ataskaita" in page
    assert "vėluoja</span>" in page


def test_marking_done_from_my_work_with_htmx_replaces_only_the_row(client_as, personas):
    task = TaskFactory(owner=personas["specialiste"], title="Išsiųsti kvietimus", due_date=days(1))

    response = client_as("specialiste").post(
        f"/uzduotys/{task.pk}/busena/", {"status": "done"}, HTTP_HX_REQUEST="true"
    )

    row = response.content.decode()
    assert row.lstrip().startswith(f'<tr id="task-{task.pk}"')
    assert "Grąžinti vykdyti" in row
    assert "Užduoties „Išsiųsti kvietimus“ būsena dabar „Atlikta“." in row
    assert "<html" not in row


def test_task_list_filters_by_status_and_text(client_as, personas):
    TaskFactory(owner=personas["specialiste"], title="Nufotografuoti parodą", status="done")
    TaskFactory(owner=personas["specialiste"], title="Nufotografuoti koncertą")

    page = (
        client_as("specialiste").get("/uzduotys/", {"q": "nufotografuoti", "status": "open"})
    ).content.decode()

    assert "Nufotografuoti koncertą" in page
    assert "Nufotografuoti parodą" not in page


def test_owners_get_one_reminder_a_day_for_due_and_overdue_tasks(
    personas, django_capture_on_commit_callbacks
):
    owner = personas["teritorija"]
    Task.objects.filter(owner=owner).delete()
    TaskFactory(owner=owner, title="Rytoj", due_date=TODAY + datetime.timedelta(days=1))
    TaskFactory(owner=owner, title="Užvakar", due_date=TODAY - datetime.timedelta(days=2))
    TaskFactory(owner=owner, title="Po savaitės", due_date=TODAY + datetime.timedelta(days=7))
    Task.objects.exclude(owner=owner).update(status=Task.Status.DONE)

    with django_capture_on_commit_callbacks(execute=True):
        sent = services.send_due_task_reminders(today=TODAY)
    with django_capture_on_commit_callbacks(execute=True):
        sent_again = services.send_due_task_reminders(today=TODAY)

    assert (sent, sent_again) == (1, 0)
    [message] = mail.outbox
    assert message.subject == "Baigiasi terminas: 2 užduotys"
    assert "Užvakar — vėluoja nuo 2026 m. lapkričio 23 d." in message.body
    assert "Rytoj — terminas 2026 m. lapkričio 26 d." in message.body
    assert "Po savaitės" not in message.body


def test_my_work_page_makes_the_same_number_of_queries_for_few_and_many_tasks(client, personas):
    me, colleague = UserFactory(role="specialist"), personas["vadove"]
    client.force_login(me)
    library = personas["teritorija"].library
    for due in (days(-1), days(1), days(20), None):
        TaskFactory(owner=me, due_date=due, target=library)
    TaskFactory(owner=colleague, created_by=me, target=library)
    few = queries_to_render(client, "/")
    for n in range(30):
        TaskFactory(owner=me, due_date=days(n - 5), target=library)
        TaskFactory(owner=me, created_by=me)
        TaskFactory(owner=colleague, created_by=me, target=library)

    assert queries_to_render(client, "/") == few


def test_task_list_makes_the_same_number_of_queries_for_few_and_many_tasks(client_as, personas):
    client = client_as("vadove")
    TaskFactory(owner=personas["specialiste"], target=personas["teritorija"].library)
    few = queries_to_render(client, "/uzduotys/", {"scope": "all"})
    # Targets are fetched once per kind of object shown (tasks on events, on libraries …),
    # so the new tasks come after the demo's on the page and add rows, not kinds.
    for n in range(40):
        TaskFactory(
            owner=personas["specialiste"],
            due_date=days(400 + n),
            target=personas["teritorija"].library,
        )

    assert queries_to_render(client, "/uzduotys/", {"scope": "all"}) == few


def test_my_work_lists_the_nearest_later_tasks_and_links_to_the_rest(client, db):
    colleague = UserFactory(role="specialist")
    for n in range(12):
        TaskFactory(owner=colleague, title=f"Vėlesnė {n:02}", due_date=days(30 + n))
    client.force_login(colleague)

    page = client.get("/").content.decode()

    assert "Vėlesnė 09" in page
    assert "Vėlesnė 10" not in page
    assert "Rodyti visas 12 vėlesnių užduočių" in page


def test_the_task_list_shows_what_i_assigned_to_others(client_as, personas):
    TaskFactory(
        title="Paskirta Ievai", owner=personas["specialiste"], created_by=personas["vadove"]
    )
    TaskFactory(title="Mano pačios", owner=personas["vadove"], created_by=personas["vadove"])

    page = client_as("vadove").get("/uzduotys/", {"scope": "assigned_by_me"}).content.decode()

    assert "Paskirta Ievai" in page
    assert "Mano pačios" not in page


def test_a_row_marked_done_in_a_list_with_owners_keeps_its_owner_column(client_as, personas):
    task = TaskFactory(title="Užsakyti plakatus", owner=personas["specialiste"])

    row = (
        client_as("vadove")
        .post(
            f"/uzduotys/{task.pk}/busena/",
            {"status": "done", "with_owner": "1"},
            HTTP_HX_REQUEST="true",
        )
        .content.decode()
    )

    assert row.count("<td") == 5
    assert "Ieva Kazlauskaitė" in row
    assert "Atlikta" in row


def test_the_email_subject_and_text_show_a_title_as_typed_not_html_escaped(
    personas, django_capture_on_commit_callbacks
):
    title = 'Afiša „Tom & Jerry“ ir "Vakaras" <2026>'
    with django_capture_on_commit_callbacks(execute=True):
        services.create_task(actor=personas["vadove"], title=title, owner=personas["specialiste"])

    [message] = mail.outbox
    assert message.subject == f"Nauja užduotis: {title}"
    assert title in message.body
