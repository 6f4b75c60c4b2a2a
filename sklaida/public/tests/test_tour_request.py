"""The public tour booking form: what it refuses and why, robots, and the thank-you page."""

from __future__ import annotations

import datetime

import pytest
from dateutil.relativedelta import relativedelta
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format

from sklaida.events.models import TourBooking
from sklaida.testing.public_forms import typed_by_a_person

EMAIL = "jolanta@zeiogelis.example"


def filed() -> bool:
    return TourBooking.objects.filter(contact_email=EMAIL).exists()


def form_url(language: str = "lt", name: str = "public:tour_request") -> str:
    with translation.override(language):
        return reverse(name)


def request_data(**changes) -> dict:
    day = timezone.localdate() + datetime.timedelta(days=10)
    return {
        "group_type": "kindergarten",
        "institution": "Šiaulių lopšelis-darželis „Žiogelis“",
        "group_size": "18",
        "age": "5–6 metai",
        "language": "lt",
        "topic": "Pasakų valanda",
        "preferred_date": day.isoformat(),
        "preferred_time": "10:00",
        "alternative_date": "",
        "alternative_time": "",
        "contact_name": "Jolanta Vaitkienė",
        "contact_email": EMAIL,
        "contact_phone": "",
        "notes": "",
        "consent": "on",
        **typed_by_a_person(),
        **changes,
    }


@pytest.fixture
def visitor(personas) -> Client:
    return Client()


def errors_of(response) -> dict[str, list[str]]:
    assert response.status_code == 200
    return response.context["form"].errors


def test_the_form_is_open_to_anyone_at_its_lithuanian_address(visitor):
    page = visitor.get(form_url())

    assert page.status_code == 200
    content = page.content.decode()
    assert 'name="group_size"' in content
    assert 'name="consent"' in content
    assert 'lang="lt"' in content


def test_a_time_in_the_past_or_too_soon_is_refused_at_its_field(visitor):
    today = timezone.localdate()

    past = visitor.post(
        form_url("en"),
        request_data(preferred_date=(today - datetime.timedelta(days=1)).isoformat()),
    )
    tomorrow = visitor.post(
        form_url("en"),
        request_data(
            preferred_date=(today + datetime.timedelta(days=1)).isoformat(),
            alternative_date=(today + datetime.timedelta(days=1)).isoformat(),
            alternative_time="12:00",
        ),
    )

    assert errors_of(past)["preferred_date"] == ["Choose a time in the future."]
    message = "Tours are booked at least 2 days ahead; choose a later date."
    assert errors_of(tomorrow)["preferred_date"] == [message]
    assert errors_of(tomorrow)["alternative_date"] == [message]
    assert message in tomorrow.content.decode()
    assert not filed()


def test_a_date_beyond_eighteen_months_is_refused_in_lithuanian_at_its_field(visitor):
    today = timezone.localdate()
    latest = today + relativedelta(months=18)

    year_9999 = visitor.post(form_url(), request_data(preferred_date="9999-12-31"))
    too_far = visitor.post(
        form_url(),
        request_data(
            alternative_date=(latest + datetime.timedelta(days=2)).isoformat(),
            alternative_time="10:00",
        ),
    )

    message = (
        f"Pasirinkite datą iki {date_format(latest)}: ekskursijos užsakomos ne daugiau kaip "
        "18 mėnesių į priekį."
    )
    assert errors_of(year_9999)["preferred_date"] == [message]
    assert errors_of(too_far)["alternative_date"] == [message]
    assert f'max="{latest.isoformat()}"' in too_far.content.decode()
    assert not filed()


@pytest.mark.parametrize("size", ["0", "61"])
def test_a_group_must_have_from_one_to_sixty_people(visitor, size):
    response = visitor.post(form_url("en"), request_data(group_size=size))

    assert errors_of(response)["group_size"] == [
        "A group may have from 1 to 60 people; for a larger group, send two requests."
    ]


def test_another_date_needs_its_time_and_the_consent_is_required(visitor):
    response = visitor.post(
        form_url("en"),
        request_data(
            alternative_date=(timezone.localdate() + datetime.timedelta(days=12)).isoformat(),
            consent="",
        ),
    )

    errors = errors_of(response)
    assert errors["alternative_time"] == ["Give both the date and the time, or neither."]
    assert errors["consent"] == ["Please agree to the use of your data, or we cannot reply."]


def test_missing_answers_are_marked_in_lithuanian_and_the_typed_text_stays(visitor):
    response = visitor.post(
        form_url(), request_data(contact_name="", preferred_time="", group_size="")
    )

    content = response.content.decode()
    assert content.count("Šis laukas yra privalomas.") >= 3
    assert "Šiaulių lopšelis-darželis „Žiogelis“" in content
    assert 'aria-describedby="id_contact_name_error"' in content
    assert not filed()


def test_a_robot_filling_the_hidden_field_is_thanked_but_nothing_is_filed(
    visitor, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = visitor.post(form_url(), request_data(website="https://pigu.example"))

    assert response.status_code == 302
    assert response["Location"] == form_url("lt", "public:tour_request_thanks")
    assert not filed()
    assert mail.outbox == []


def test_a_sent_request_leads_to_the_thank_you_page(visitor, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = visitor.post(form_url("en"), request_data(), follow=True)

    assert response.redirect_chain[-1][0] == form_url("en", "public:tour_request_thanks")
    assert "Thank you for your request" in response.content.decode()
    tour = TourBooking.objects.get(contact_email=EMAIL)
    assert (tour.institution, tour.group_size, tour.request_language) == (
        "Šiaulių lopšelis-darželis „Žiogelis“",
        18,
        "en",
    )
    assert [message.to for message in mail.outbox if EMAIL in message.to] == [[EMAIL]]
