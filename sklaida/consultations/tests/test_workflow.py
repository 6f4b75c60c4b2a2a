"""From a request to the help given: schedule, record, follow up, or cancel."""

import datetime

from django.utils import timezone

from sklaida.consultations.models import Consultation
from sklaida.consultations.tests.factories import ConsultationFactory
from sklaida.testing.queries import queries_to_render


def test_staff_schedule_a_request_and_record_the_help_with_a_follow_up_task(client_as, personas):
    request = Consultation.objects.create(
        library=personas["teritorija"].library,
        topic=Consultation.Topic.PROJECTS,
        question="Kaip parengti projekto biudžetą?",
        requested_by=personas["teritorija"],
    )
    staff = client_as("specialiste")
    today = timezone.localdate()

    page = staff.post(
        f"/konsultacijos/{request.pk}/planuoti/",
        {
            "date": (today + datetime.timedelta(days=2)).isoformat(),
            "form": "online",
            "consultants": [personas["specialiste"].pk],
        },
        follow=True,
    ).content.decode()
    assert "Konsultacija suplanuota." in page
    request.refresh_from_db()
    assert request.status == Consultation.Status.SCHEDULED

    page = staff.post(
        f"/konsultacijos/{request.pk}/irasyti/",
        {
            "recipient_names": "Aušra Jankauskienė",
            "topic": "projects",
            "form": "online",
            "date": today.isoformat(),
            "duration_hours": "2,5",
            "advice": "Peržiūrėjome biudžeto eilutes ir bendrojo finansavimo dalį.",
            "consultants": [personas["specialiste"].pk],
            "follow_up": "Atsiųsti biudžeto pavyzdį",
            "follow_up_due": (today + datetime.timedelta(days=5)).isoformat(),
        },
        follow=True,
    ).content.decode()

    assert "Konsultacija įrašyta." in page
    assert "2,5 val." in page
    request.refresh_from_db()
    assert request.status == Consultation.Status.DONE
    assert str(request.duration_hours) == "2.50"
    task = request.follow_up_task
    assert (task.title, task.owner) == ("Atsiųsti biudžeto pavyzdį", personas["specialiste"])
    assert task.library == personas["teritorija"].library


def test_recording_without_hours_or_advice_is_refused_and_keeps_the_typed_text(client_as, personas):
    response = client_as("specialiste").post(
        "/konsultacijos/nauja/",
        {
            "library": personas["teritorija"].library.pk,
            "topic": "events",
            "form": "group",
            "question": "Renginių planavimas",
            "date": timezone.localdate().isoformat(),
            "duration_hours": "",
            "advice": "",
            "consultants": [personas["specialiste"].pk],
        },
    )

    page = response.content.decode()
    assert page.count("Šis laukas yra privalomas.") == 2
    assert "Renginių planavimas" in page
    assert not Consultation.objects.filter(question="Renginių planavimas").exists()


def test_a_territory_specialist_may_withdraw_her_request_but_not_a_given_consultation(
    client_as, personas
):
    own = personas["teritorija"].library
    request = Consultation.objects.create(
        library=own, topic="events", question="Klausimas", requested_by=personas["teritorija"]
    )
    given = ConsultationFactory(library=own)
    client = client_as("teritorija")

    client.post(f"/konsultacijos/{request.pk}/atsaukti/")
    client.post(f"/konsultacijos/{given.pk}/atsaukti/")

    request.refresh_from_db()
    given.refresh_from_db()
    assert request.status == Consultation.Status.CANCELLED
    assert given.status == Consultation.Status.DONE


def test_the_register_makes_the_same_number_of_queries_for_few_and_many(client_as, personas):
    client = client_as("vadove")
    few = queries_to_render(client, "/konsultacijos/")
    for _ in range(30):
        ConsultationFactory(library=personas["teritorija"].library).consultants.add(
            personas["specialiste"]
        )

    assert queries_to_render(client, "/konsultacijos/") == few
