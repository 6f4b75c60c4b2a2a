"""Lithuanian by default: dates, numbers and times as Lithuanians write them, English on request."""

import datetime
import shutil
import zoneinfo
from decimal import Decimal
from io import StringIO

import polib
import pytest
from django.conf import settings as django_settings
from django.core.management import call_command
from django.core.management.base import CommandError
from django.template import Context, Template
from django.test import Client
from django.utils import formats, translation

from sklaida.conftest import TODAY
from sklaida.core.formatting import format_period
from sklaida.core.models import Task
from sklaida.core.tests.factories import TaskFactory

CATALOGUE = "locale/lt/LC_MESSAGES/django.po"


def test_a_due_date_is_written_the_lithuanian_way_on_the_task_page(client_as, personas):
    task = TaskFactory(title="Paruošti afišą", owner=personas["specialiste"], due_date=TODAY)

    page = client_as("specialiste").get(task.get_absolute_url()).content.decode()

    assert '<dd class="col-sm-9">2026 m. lapkričio 25 d.</dd>' in page


def test_a_completion_time_stored_in_utc_is_shown_in_vilnius_time(client_as, personas):
    task = TaskFactory(
        title="Išsiųsti kvietimus",
        owner=personas["specialiste"],
        status=Task.Status.DONE,
        completed_at=datetime.datetime(2026, 11, 25, 10, 0, tzinfo=datetime.UTC),
    )

    page = client_as("specialiste").get(task.get_absolute_url()).content.decode()

    assert "Atlikta (2026 m. lapkričio 25 d., 12:00)" in page


def test_numbers_group_thousands_with_a_non_breaking_space_and_use_a_decimal_comma():
    amount = Decimal("1234.5")
    template = Template('{% load humanize %}{{ amount|floatformat:"1g" }} | {{ amount|intcomma }}')

    with translation.override("lt"):
        in_code = formats.number_format(amount, decimal_pos=1, use_l10n=True, force_grouping=True)
        in_template = template.render(Context({"amount": amount}))
    with translation.override("en"):
        in_english = formats.number_format(amount, decimal_pos=1, force_grouping=True)

    assert in_code == "1\xa0234,5"
    assert in_template == "1\xa0234,5 | 1\xa0234,5"
    assert in_english == "1,234.5"


def test_quantities_and_sums_read_in_the_readers_language_through_the_project_filters():
    template = Template(
        "{% load sklaida %}{{ audience|number }} | {{ hours|number }} | {{ budget|number:2 }}"
        " | {{ budget|money }} | {{ missing|number }}{{ missing|money }} | {{ year }}"
    )
    context = Context(
        {"audience": 7350, "hours": Decimal("2.50"), "budget": Decimal("20000"), "year": 2026}
    )

    with translation.override("lt"):
        in_lithuanian = template.render(context)
    with translation.override("en"):
        in_english = template.render(context)

    assert in_lithuanian == "7\xa0350 | 2,5 | 20\xa0000,00 | 20\xa0000,00\xa0€ |  | 2026"
    assert in_english == "7,350 | 2.5 | 20,000.00 | €20,000.00 |  | 2026"


def test_a_period_names_each_day_once_in_vilnius_time():
    vilnius = zoneinfo.ZoneInfo("Europe/Vilnius")
    morning = datetime.datetime(2026, 12, 1, 8, 0, tzinfo=datetime.UTC)  # 10:00 in Vilnius

    with translation.override("lt"):
        one_day = format_period(morning, morning + datetime.timedelta(hours=2))
        three_days = format_period(morning, datetime.datetime(2026, 12, 3, 18, tzinfo=vilnius))
        new_year = format_period(morning, datetime.datetime(2027, 1, 6, 18, tzinfo=vilnius))
    with translation.override("en"):
        in_english = format_period(morning, datetime.datetime(2026, 12, 3, 18, tzinfo=vilnius))

    assert one_day == "2026 m. gruodžio 1 d. 10:00–12:00"
    assert three_days == "2026 m. gruodžio 1 d. 10:00 – gruodžio 3 d. 18:00"
    assert new_year == "2026 m. gruodžio 1 d. 10:00 – 2027 m. sausio 6 d. 18:00"
    assert in_english == "Dec. 1, 2026, 10 a.m. – December 3, 6 p.m."


def test_a_person_who_chooses_english_sees_english_while_colleagues_keep_lithuanian(
    client_as, personas
):
    client = client_as("specialiste")
    response = client.post(
        "/profilis/",
        {
            "first_name": "Ieva",
            "last_name": "Kazlauskaitė",
            "email": "specialiste@biblioteka.example",
            "language": "en",
        },
        follow=True,
    )

    page = response.content.decode()
    assert '<html lang="en">' in page
    assert "Your profile has been saved." in page
    assert '<h1 class="h3">My work</h1>' in client.get("/").content.decode()
    on_another_computer = client_as("specialiste").get("/").content.decode()
    assert '<h1 class="h3">My work</h1>' in on_another_computer
    colleague = client_as("vadove").get("/").content.decode()
    assert '<html lang="lt">' in colleague
    assert '<h1 class="h3">Mano darbai</h1>' in colleague
    visitor = Client().get("/prisijungti/").content.decode()
    assert '<h1 class="h4 mb-3">Prisijungti</h1>' in visitor
    signed_out = client.post("/atsijungti/", follow=True).content.decode()
    assert '<h1 class="h4 mb-3">Sign in</h1>' in signed_out


def test_the_language_chosen_in_the_profile_is_kept_in_a_cookie_sent_only_over_https(
    client_as, personas, settings
):
    settings.LANGUAGE_COOKIE_SECURE = True
    client = client_as("specialiste")

    client.post(
        "/profilis/",
        {
            "first_name": "Ieva",
            "last_name": "Kazlauskaitė",
            "email": "specialiste@biblioteka.example",
            "language": "en",
        },
    )

    cookie = client.cookies[settings.LANGUAGE_COOKIE_NAME]
    assert cookie.value == "en"
    assert cookie["secure"] is True


def test_the_committed_catalogue_translates_every_string():
    output = StringIO()

    call_command("messages", check=True, stdout=output)

    assert "has every string translated" in output.getvalue()


def test_the_catalogue_check_fails_on_a_string_left_untranslated(settings, tmp_path):
    """The command reads the tree under BASE_DIR, so point it at a copy with a gap."""
    real_root = django_settings.BASE_DIR
    (tmp_path / "sklaida").symlink_to(real_root / "sklaida", target_is_directory=True)
    shutil.copytree(real_root / "locale", tmp_path / "locale")
    catalogue = polib.pofile(str(tmp_path / CATALOGUE))
    catalogue.find("Sign in").msgstr = ""
    catalogue.save()
    settings.BASE_DIR = tmp_path

    with pytest.raises(CommandError) as failure:
        call_command("messages", check=True, stdout=StringIO())

    problems = [line.strip() for line in str(failure.value).splitlines()[1:]]
    assert "untranslated: 'Sign in'" in problems
