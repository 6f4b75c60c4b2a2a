"""Registration: the fair waiting list, approval, refusals, check-in, export, retention."""

from __future__ import annotations

import datetime
import io

import openpyxl
import pytest
from auditlog.models import LogEntry
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import time_format
from django.utils.timezone import localtime
from django.utils.translation import gettext

from sklaida.events.models import Event, Registration, RegistrationQuestion
from sklaida.events.services import events as event_services
from sklaida.events.services import registration as services
from sklaida.events.tasks import anonymise_expired_registrations, send_registration_reminders
from sklaida.events.tests.factories import EventFactory
from sklaida.testing.queries import queries_to_render
from sklaida.testing.spreadsheets import FORMULA, assert_inert_in_csv, assert_inert_in_xlsx

Status = Registration.Status


def sign_up(event: Event, name: str, seats: int = 1, **extra) -> Registration:
    return services.register(
        event=event,
        name=name,
        email=f"{name.split()[0].lower()}@pastas.example",
        seats=seats,
        consent=True,
        **extra,
    )


def open_event(**fields) -> Event:
    return EventFactory(registration=Event.Registration.OPEN, **fields)


def test_a_request_for_three_waiting_first_is_not_skipped_by_a_later_request_for_one(
    personas, django_capture_on_commit_callbacks
):
    event = open_event(capacity=4)
    with django_capture_on_commit_callbacks(execute=True):
        ona = sign_up(event, "Ona Petraitienė", seats=2)
        jonas = sign_up(event, "Jonas Kazlauskas", seats=1)
        rasa = sign_up(event, "Rasa Vaitkienė", seats=3)
        tomas = sign_up(event, "Tomas Urbonas", seats=1)

    # One seat is free, but Rasa waits ahead of Tomas.
    assert [r.status for r in (ona, jonas, rasa, tomas)] == [
        Status.CONFIRMED,
        Status.CONFIRMED,
        Status.WAITLISTED,
        Status.WAITLISTED,
    ]
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        services.cancel_registration(token=jonas.token)
    rasa.refresh_from_db()
    tomas.refresh_from_db()
    assert (rasa.status, tomas.status) == (Status.WAITLISTED, Status.WAITLISTED)
    # Only Jonas hears back (his cancellation is confirmed): nobody was promoted.
    assert [message.to for message in mail.outbox] == [[jonas.email]]
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        services.cancel_registration(token=ona.token)
    rasa.refresh_from_db()
    tomas.refresh_from_db()
    assert (rasa.status, tomas.status) == (Status.CONFIRMED, Status.CONFIRMED)
    event.refresh_from_db()
    assert event.seats_confirmed == 4
    promoted = [message for message in mail.outbox if message.to != [ona.email]]
    assert [message.to for message in promoted] == [[rasa.email], [tomas.email]]
    assert event.title in promoted[0].subject
    assert "atsilaisvino vieta" in promoted[0].body


def test_a_smaller_sign_up_may_take_free_seats_when_staff_allowed_it(personas):
    event = open_event(capacity=4, waitlist_allows_smaller_first=True)
    sign_up(event, "Ona Petraitienė", seats=3)
    rasa = sign_up(event, "Rasa Vaitkienė", seats=2)
    tomas = sign_up(event, "Tomas Urbonas", seats=1)

    assert (rasa.status, tomas.status) == (Status.WAITLISTED, Status.CONFIRMED)


def test_promoted_person_gets_an_e_mail_with_the_event_and_a_cancellation_link(
    personas, django_capture_on_commit_callbacks
):
    event = open_event(capacity=1)
    first = sign_up(event, "Ona Petraitienė")
    waiting = sign_up(event, "Rasa Vaitkienė")
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        services.cancel_registration(token=first.token)

    (message,) = [message for message in mail.outbox if message.to == [waiting.email]]
    assert event.title in message.subject
    assert event.title in message.body
    # The address was never confirmed: the e-mail greets neutrally, without the typed name.
    assert message.body.startswith("Sveiki,")
    assert "Rasa Vaitkienė" not in message.body
    cancel_url = "http://testserver" + reverse(
        "public:registration_cancel", kwargs={"token": waiting.token}
    )
    assert cancel_url in message.body


def test_pending_sign_ups_hold_no_seats_until_staff_approve_them(
    personas, client_as, django_capture_on_commit_callbacks
):
    event = EventFactory(registration=Event.Registration.APPROVAL, capacity=2)
    with django_capture_on_commit_callbacks(execute=True):
        ona = sign_up(event, "Ona Petraitienė", seats=2)
        rasa = sign_up(event, "Rasa Vaitkienė", seats=1)
        tomas = sign_up(event, "Tomas Urbonas", seats=1)
    event.refresh_from_db()
    assert event.seats_confirmed == 0
    assert {r.status for r in (ona, rasa, tomas)} == {Status.PENDING}
    assert [m.to for m in mail.outbox] == [[ona.email], [rasa.email], [tomas.email]]
    mail.outbox.clear()

    staff = client_as("specialiste")
    base = reverse("events:registrations", args=[event.pk])
    with django_capture_on_commit_callbacks(execute=True):
        page = staff.post(f"{base}{ona.pk}/patvirtinti/", follow=True).content.decode()
    assert "Ona Petraitienė" in page
    ona.refresh_from_db()
    assert ona.status == Status.CONFIRMED
    with django_capture_on_commit_callbacks(execute=True):
        staff.post(f"{base}{rasa.pk}/patvirtinti/", follow=True)
        staff.post(f"{base}{tomas.pk}/atmesti/", follow=True)
    rasa.refresh_from_db()
    tomas.refresh_from_db()
    assert (rasa.status, tomas.status) == (Status.WAITLISTED, Status.DECLINED)
    event.refresh_from_db()
    assert event.seats_confirmed == 2
    assert [m.to[0] for m in mail.outbox] == [ona.email, rasa.email, tomas.email]
    # Three different messages: confirmed, on the waiting list, declined.
    assert len({m.subject for m in mail.outbox}) == 3
    assert ona.get_cancel_url() in mail.outbox[0].body
    assert tomas.get_cancel_url() not in mail.outbox[2].body


@pytest.mark.parametrize(
    ("fields", "seats", "consent", "message"),
    [
        ({"registration_closes_at": timezone.now() - datetime.timedelta(hours=1)}, 1, True, ""),
        ({"status": Event.Status.CANCELLED}, 1, True, ""),
        ({"status": Event.Status.HELD}, 1, True, ""),
        ({"max_seats_per_registration": 2}, 3, True, ""),
        ({}, 1, False, ""),
    ],
    ids=["closed", "cancelled", "held", "too-many-seats", "no-consent"],
)
def test_sign_up_is_refused_with_a_reason(personas, fields, seats, consent, message):
    event = open_event(capacity=10, **fields)

    with pytest.raises(ValidationError) as refused:
        services.register(
            event=event, name="Ona", email="ona@pastas.example", seats=seats, consent=consent
        )

    assert refused.value.messages[0]
    assert not event.registrations.exists()
    event.refresh_from_db()
    assert event.seats_confirmed == 0


def test_closed_registration_says_so_in_lithuanian(personas):
    event = open_event(registration_closes_at=timezone.now() - datetime.timedelta(minutes=1))

    with pytest.raises(ValidationError) as refused:
        sign_up(event, "Ona Petraitienė")

    assert refused.value.messages == [gettext("Registration for this event has closed.")]


def test_required_questions_must_be_answered(personas):
    event = open_event(capacity=10)
    question = RegistrationQuestion.objects.create(
        event=event, label="Vaiko amžius", is_required=True
    )

    with pytest.raises(ValidationError) as refused:
        sign_up(event, "Ona Petraitienė", answers={str(question.pk): " "})
    assert "Vaiko amžius" in refused.value.messages[0]

    registration = sign_up(event, "Ona Petraitienė", answers={str(question.pk): "7 metai"})
    assert registration.answers == {str(question.pk): "7 metai"}


def test_the_same_e_mail_cannot_sign_up_twice(personas):
    event = open_event(capacity=10)
    sign_up(event, "Ona Petraitienė")

    with pytest.raises(ValidationError):
        services.register(
            event=event, name="Ona P.", email="ONA@pastas.example", seats=1, consent=True
        )


def test_raising_the_capacity_promotes_the_waiting_list(
    personas, django_capture_on_commit_callbacks
):
    event = open_event(capacity=2)
    sign_up(event, "Ona Petraitienė", seats=2)
    rasa = sign_up(event, "Rasa Vaitkienė", seats=2)
    mail.outbox.clear()

    event = Event.objects.get(pk=event.pk)
    event.capacity = 4
    with django_capture_on_commit_callbacks(execute=True):
        event_services.save_event(
            actor=personas["specialiste"], event=event, relations=event_services.Relations()
        )

    rasa.refresh_from_db()
    assert rasa.status == Status.CONFIRMED
    assert [m.to for m in mail.outbox] == [[rasa.email]]
    assert Event.objects.get(pk=event.pk).seats_confirmed == 4


def test_editing_an_event_never_writes_back_a_stale_seat_count(personas):
    event = open_event(capacity=5)
    opened_for_editing = Event.objects.get(pk=event.pk)
    sign_up(event, "Ona Petraitienė", seats=2)

    opened_for_editing.title = "Poezijos vakaras su muzika"
    event_services.save_event(
        actor=personas["specialiste"],
        event=opened_for_editing,
        relations=event_services.Relations(),
    )

    assert Event.objects.get(pk=event.pk).seats_confirmed == 2


def test_the_capacity_cannot_drop_below_the_confirmed_seats(personas):
    event = open_event(capacity=5)
    sign_up(event, "Ona Petraitienė", seats=3)

    event = Event.objects.get(pk=event.pk)
    event.capacity = 2
    with pytest.raises(ValidationError):
        event_services.save_event(
            actor=personas["specialiste"], event=event, relations=event_services.Relations()
        )


def test_staff_check_a_registrant_in_and_out_with_htmx(personas, client_as):
    event = open_event(capacity=10)
    ona = sign_up(event, "Ona Petraitienė")
    url = reverse("events:registration_check_in", args=[event.pk, ona.pk])
    staff = client_as("specialiste")

    row = staff.post(url, HTTP_HX_REQUEST="true").content.decode()
    ona.refresh_from_db()
    assert ona.checked_in_at is not None
    arrived = gettext("arrived %(time)s") % {"time": time_format(localtime(ona.checked_in_at))}
    assert arrived in row
    assert gettext("%(name)s is checked in.") % {"name": "Ona Petraitienė"} in row

    row = staff.post(url, {"undo": "1"}, HTTP_HX_REQUEST="true").content.decode()
    ona.refresh_from_db()
    assert ona.checked_in_at is None
    assert f'id="registration-{ona.pk}-check-in"' in row


def test_a_waiting_registrant_cannot_be_checked_in(personas):
    event = open_event(capacity=1)
    sign_up(event, "Ona Petraitienė")
    rasa = sign_up(event, "Rasa Vaitkienė")

    with pytest.raises(ValidationError):
        services.check_in(actor=personas["specialiste"], registration=rasa)


def test_the_viewer_reads_the_list_but_gets_no_buttons(personas, client_as):
    event = open_event(capacity=10)
    sign_up(event, "Ona Petraitienė")

    page = client_as("stebetojas").get(reverse("events:registrations", args=[event.pk]))

    text = page.content.decode()
    assert "Ona Petraitienė" in text
    assert "atvyko/" not in text
    assert gettext("Registration questions") not in text


def test_export_lists_registrants_with_their_answers(personas, client_as):
    event = open_event(capacity=10)
    question = RegistrationQuestion.objects.create(event=event, label="Iš kur sužinojote?")
    sign_up(event, "Ona Petraitienė", seats=2, answers={str(question.pk): "Iš radijo"})
    staff = client_as("specialiste")

    csv_text = (
        staff.get(reverse("events:registrations_export", args=[event.pk, "csv"]))
        .content.decode("utf-8-sig")
        .splitlines()
    )
    assert "Iš kur sužinojote?" in csv_text[0]
    status = str(Status.CONFIRMED.label)
    assert f"Ona Petraitienė;ona@pastas.example;;2;{status};;Iš radijo" in csv_text[1]

    workbook = openpyxl.load_workbook(
        io.BytesIO(
            staff.get(reverse("events:registrations_export", args=[event.pk, "xlsx"])).content
        )
    )
    rows = list(workbook.active.iter_rows(values_only=True))
    assert rows[1][1:5] == ("Ona Petraitienė", "ona@pastas.example", None, 2)
    assert rows[1][-1] == "Iš radijo"


def test_a_formula_a_registrant_typed_is_inert_text_in_both_downloads(personas, client_as):
    event = open_event(capacity=10)
    question = RegistrationQuestion.objects.create(event=event, label="Iš kur sužinojote?")
    sign_up(event, "Ona Petraitienė", phone=FORMULA, answers={str(question.pk): "@SUM(1+1)"})
    staff = client_as("specialiste")

    xlsx = staff.get(reverse("events:registrations_export", args=[event.pk, "xlsx"])).content
    csv = staff.get(reverse("events:registrations_export", args=[event.pk, "csv"])).content

    for text in (FORMULA, "@SUM(1+1)"):
        assert_inert_in_xlsx(xlsx, text)
        assert_inert_in_csv(csv, text)


def test_the_registrant_list_makes_the_same_number_of_queries_for_many_rows(personas, client_as):
    event = open_event(capacity=100)
    RegistrationQuestion.objects.create(event=event, label="Amžius")
    staff = client_as("specialiste")
    url = reverse("events:registrations", args=[event.pk])
    sign_up(event, "Ona Petraitienė")
    few = queries_to_render(staff, url)

    for number in range(20):
        sign_up(event, f"Lankytoja{number} Test", seats=1)
    many = queries_to_render(staff, url)

    assert few == many


def test_staff_edit_the_questions_of_the_form(personas, client_as):
    event = open_event(capacity=10)
    url = reverse("events:registration_questions", args=[event.pk])
    data = {
        "questions-TOTAL_FORMS": "2",
        "questions-INITIAL_FORMS": "0",
        "questions-MIN_NUM_FORMS": "0",
        "questions-MAX_NUM_FORMS": "1000",
        "questions-0-label": "Vaiko amžius",
        "questions-0-kind": "choice",
        "questions-0-options": "5–7\n8–10",
        "questions-0-is_required": "on",
        "questions-0-position": "1",
        "questions-1-label": "",
        "questions-1-kind": "text",
        "questions-1-position": "0",
    }

    page = client_as("specialiste").post(url, data, follow=True).content.decode()

    assert gettext("The registration questions have been saved.") in page
    question = event.questions.get()
    assert (question.label, question.option_list, question.is_required) == (
        "Vaiko amžius",
        ["5–7", "8–10"],
        True,
    )


def test_a_reminder_goes_once_to_those_confirmed_before_the_reminder_time(
    personas, django_capture_on_commit_callbacks
):
    starts = timezone.now() + datetime.timedelta(hours=20)
    event = open_event(capacity=10, starts_at=starts, ends_at=starts + datetime.timedelta(hours=2))
    early = sign_up(event, "Ona Petraitienė")
    Registration.objects.filter(pk=early.pk).update(
        confirmed_at=timezone.now() - datetime.timedelta(days=3)
    )
    sign_up(event, "Rasa Vaitkienė")  # confirmed just now: her confirmation is fresh
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        send_registration_reminders.enqueue()
        send_registration_reminders.enqueue()

    assert [m.to for m in mail.outbox] == [[early.email]]
    assert event.title in mail.outbox[0].subject
    assert "http://testserver/" in mail.outbox[0].body
    assert not event.registrations.filter(reminded_at__isnull=True).exists()


def test_registrants_data_is_erased_after_the_retention_period_but_counts_stay(personas):
    event = open_event(capacity=10, retention_days=30)
    ona = sign_up(event, "Ona Petraitienė", seats=2, phone="+37060000000")
    sign_up(event, "Rasa Vaitkienė", seats=1)
    recent = open_event(capacity=10)
    kept = sign_up(recent, "Tomas Urbonas")
    ended = timezone.now() - datetime.timedelta(days=31)
    Event.objects.filter(pk=event.pk).update(
        starts_at=ended - datetime.timedelta(hours=2), ends_at=ended
    )
    Event.objects.filter(pk=recent.pk).update(
        starts_at=timezone.now() - datetime.timedelta(days=10),
        ends_at=timezone.now() - datetime.timedelta(days=10) + datetime.timedelta(hours=1),
    )

    anonymise_expired_registrations.enqueue()

    ona.refresh_from_db()
    assert (ona.name, ona.email, ona.phone, ona.answers) == ("", "", "", {})
    assert ona.anonymised_at is not None
    assert (ona.status, ona.seats) == (Status.CONFIRMED, 2)
    event.refresh_from_db()
    assert event.seats_confirmed == 3
    assert sum(event.registrations.values_list("seats", flat=True)) == 3
    history = " ".join(
        f"{entry.object_repr} {entry.changes}"
        for entry in LogEntry.objects.filter(object_pk=str(ona.pk))
    )
    assert "Petraitienė" not in history and "+37060000000" not in history
    kept.refresh_from_db()
    assert kept.name == "Tomas Urbonas"


def test_staff_cancel_a_registration_for_someone_who_phoned_and_the_queue_moves_up(
    personas, client_as, django_capture_on_commit_callbacks
):
    event = open_event(capacity=2)
    with django_capture_on_commit_callbacks(execute=True):
        ona = sign_up(event, "Ona Petraitienė", seats=2)
        jonas = sign_up(event, "Jonas Kazlauskas", seats=1)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        response = client_as("specialiste").post(
            reverse("events:registration_withdraw", args=[event.pk, ona.pk]), follow=True
        )

    assert "Ona Petraitienė" in response.content.decode()
    ona.refresh_from_db()
    jonas.refresh_from_db()
    assert (ona.status, jonas.status) == (Status.CANCELLED, Status.CONFIRMED)
    letters = {message.to[0]: message for message in mail.outbox}
    assert "atšaukė" in letters["ona@pastas.example"].body
    assert "jonas@pastas.example" in letters


def test_a_registrant_who_cancels_gets_a_confirmation(personas, django_capture_on_commit_callbacks):
    event = open_event(capacity=5)
    with django_capture_on_commit_callbacks(execute=True):
        ona = sign_up(event, "Ona Petraitienė")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.cancel_registration(token=ona.token)
    (letter,) = mail.outbox
    assert letter.to == ["ona@pastas.example"]
    assert event.title in letter.subject
    assert "jūsų prašymu" in letter.body
