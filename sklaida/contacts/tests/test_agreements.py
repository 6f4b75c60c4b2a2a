"""Cooperation agreements: an agreement ending within 60 days gives its owner a task."""

import datetime

from django.core import mail
from django.utils import timezone
from django.utils.formats import date_format

from sklaida.conftest import TODAY
from sklaida.contacts import services
from sklaida.contacts.models import Agreement, Organisation
from sklaida.core.models import Task


def test_an_agreement_saved_with_an_end_within_60_days_gives_its_owner_a_task(
    client_as, personas, django_capture_on_commit_callbacks
):
    organisation = Organisation.objects.get(name="Šiaulių „Aušros“ muziejus")
    end = timezone.localdate() + datetime.timedelta(days=40)
    with django_capture_on_commit_callbacks(execute=True):
        response = client_as("vadove").post(
            "/kontaktai/sutartys/nauja/",
            {
                "organisation": organisation.pk,
                "subject": "Bendra paroda apie Šiaulių spaudą",
                "start_date": "2026-01-15",
                "end_date": end.isoformat(),
                "owner": personas["specialiste"].pk,
            },
            follow=True,
        )

    assert "Sutartis išsaugota. Žemiau prisekite jos dokumentą." in response.content.decode()
    agreement = Agreement.objects.get(subject="Bendra paroda apie Šiaulių spaudą")
    task = agreement.expiry_task
    assert task.owner == personas["specialiste"]
    assert task.due_date == end
    assert task.target == agreement
    assert task.title == (
        f"Sutartis su „Šiaulių „Aušros“ muziejus“ baigiasi {date_format(end)}: "
        "pratęskite arba užbaikite ją"
    )
    [message] = mail.outbox
    assert message.to == ["specialiste@biblioteka.example"]
    assert "Sklaida jums paskyrė užduotį" in message.body


def test_the_daily_job_raises_the_task_once_when_the_end_comes_within_60_days(personas):
    organisation = Organisation.objects.get(name="Šiaulių kraštas")
    agreement = services.save_agreement(
        actor=personas["vadove"],
        agreement=Agreement(
            organisation=organisation,
            subject="Informacinis rėmimas",
            start_date=datetime.date(2026, 1, 1),
            end_date=TODAY + datetime.timedelta(days=90),
            owner=personas["vadove"],
        ),
        today=TODAY,
    )
    assert agreement.expiry_task is None

    services.raise_expiry_tasks(today=TODAY + datetime.timedelta(days=29))
    agreement.refresh_from_db()
    assert agreement.expiry_task is None

    assert services.raise_expiry_tasks(today=TODAY + datetime.timedelta(days=30)) == 1
    assert services.raise_expiry_tasks(today=TODAY + datetime.timedelta(days=31)) == 0
    agreement.refresh_from_db()
    assert Task.objects.filter(pk=agreement.expiry_task_id, owner=personas["vadove"]).exists()


def test_an_agreement_cannot_end_before_it_starts(client_as, personas):
    response = client_as("vadove").post(
        "/kontaktai/sutartys/nauja/",
        {
            "organisation": Organisation.objects.first().pk,
            "subject": "Klaidinga sutartis",
            "start_date": "2026-05-01",
            "end_date": "2026-04-01",
            "owner": personas["vadove"].pk,
        },
    )

    page = response.content.decode()
    assert "Sutartis negali baigtis anksčiau, nei prasideda." in page
    assert 'value="Klaidinga sutartis"' in page
    assert not Agreement.objects.filter(subject="Klaidinga sutartis").exists()


def test_the_organisation_page_shows_its_agreements_and_interactions(client_as, personas):
    organisation = Organisation.objects.get(name="Jelgavas Zinātniskā bibliotēka")

    page = client_as("stebetojas").get(organisation.get_absolute_url()).content.decode()

    assert "Bendradarbiavimo istorija" in page
    assert "Partnerystė tarptautiniuose skaitymo skatinimo projektuose" in page
    assert "Susitikimas dėl bendro Latvijos ir Lietuvos bibliotekų projekto paraiškos." in page
    assert "Ilze Bērziņa" in page
