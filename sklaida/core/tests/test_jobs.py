"""Background jobs: queued in the database or Redis, run by a worker, enqueued on time."""

import datetime
import io

import django_rq
import pytest
from django.core import mail
from django.core.management import call_command
from django.core.management.base import CommandError
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from sklaida.core import outbox, scheduling
from sklaida.core.models import Heartbeat, OutgoingEmail

UTC = datetime.UTC


def send_invitation() -> OutgoingEmail:
    return outbox.queue_email(
        to=["skaitytoja@biblioteka.example"],
        subject="Kvietimas į knygos pristatymą",
        body="Laukiame jūsų ketvirtadienį 17 val.",
    )


def due_job_names(moment: datetime.datetime) -> list[str]:
    return [job.name for job in scheduling.jobs_due_at(moment)]


@pytest.mark.django_db(transaction=True)
def test_an_email_on_the_database_queue_waits_for_the_worker_and_the_queue_never_holds_its_text(
    database_queue,
):
    send_invitation()

    assert mail.outbox == []
    [job] = DBTaskResult.objects.all()
    assert job.status == TaskResultStatus.READY
    assert "skaitytoja" not in str(job.args_kwargs)
    assert "Laukiame" not in str(job.args_kwargs)

    call_command("db_worker", batch=True, startup_delay=False, verbosity=0)

    [message] = mail.outbox
    assert message.to == ["skaitytoja@biblioteka.example"]
    assert message.subject == "Kvietimas į knygos pristatymą"
    job.refresh_from_db()
    assert job.status == TaskResultStatus.SUCCESSFUL
    assert job.return_value is True
    assert not OutgoingEmail.objects.exists()


def test_an_email_on_the_redis_queue_waits_for_an_rq_worker_and_then_is_delivered(
    db, rq_worker, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        send_invitation()

    assert mail.outbox == []
    assert django_rq.get_queue("default").count == 1

    rq_worker.work(burst=True)

    [message] = mail.outbox
    assert message.subject == "Kvietimas į knygos pristatymą"
    assert django_rq.get_queue("default").count == 0
    assert not OutgoingEmail.objects.exists()


def test_the_worker_command_refuses_to_run_when_jobs_run_inside_the_web_process(settings):
    settings.TASKS_BACKEND = "immediate"

    with pytest.raises(CommandError) as refusal:
        call_command("worker")

    assert str(refusal.value) == (
        "TASKS_BACKEND=immediate runs jobs in the web process; there is nothing for a worker to do."
    )


def test_the_queue_heartbeat_is_due_every_minute():
    for moment in (
        datetime.datetime(2026, 11, 25, 5, 0, tzinfo=UTC),
        datetime.datetime(2026, 11, 25, 5, 1, 42, tzinfo=UTC),
        datetime.datetime(2026, 11, 25, 21, 59, tzinfo=UTC),
    ):
        assert "queue-heartbeat" in due_job_names(moment), moment


def test_task_reminders_are_due_only_at_seven_in_the_morning_vilnius_time():
    winter_seven = datetime.datetime(2026, 11, 25, 5, 0, tzinfo=UTC)  # 07:00 EET
    summer_seven = datetime.datetime(2026, 7, 1, 4, 0, tzinfo=UTC)  # 07:00 EEST

    assert "task-reminders" in due_job_names(winter_seven)
    assert "task-reminders" in due_job_names(winter_seven + datetime.timedelta(seconds=59))
    assert "task-reminders" in due_job_names(summer_seven)
    for not_seven_in_vilnius in (
        datetime.datetime(2026, 11, 25, 7, 0, tzinfo=UTC),  # 07:00 UTC is 09:00 in Vilnius
        datetime.datetime(2026, 11, 25, 5, 1, tzinfo=UTC),
        datetime.datetime(2026, 11, 25, 4, 59, tzinfo=UTC),
        datetime.datetime(2026, 7, 1, 5, 0, tzinfo=UTC),  # summer time: 08:00 in Vilnius
    ):
        assert "task-reminders" not in due_job_names(not_seven_in_vilnius), not_seven_in_vilnius


# Transactional like the real process: the scheduler closes stale database connections,
# which would close the connection holding a test's open transaction.
@pytest.mark.django_db(transaction=True)
def test_the_scheduler_run_once_enqueues_the_heartbeat_job_and_beats_itself(
    worker_side_effects_undone,
):
    output = io.StringIO()

    call_command("scheduler", once=True, stdout=output)

    assert "queue-heartbeat (* * * * *)" in output.getvalue()
    assert "task-reminders (0 7 * * *)" in output.getvalue()
    # With the immediate backend the enqueued heartbeat job ran at once.
    assert set(Heartbeat.objects.values_list("name", flat=True)) == {"scheduler", "queue"}
