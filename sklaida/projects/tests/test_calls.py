"""Funders and their calls (5.1): rules kept as data staff edit, shown in Lithuanian, found
by the search; an activity plan shows which projects fund its lines."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.urls import reverse

from sklaida.events.models import ActivityPlan, PlannedActivity
from sklaida.projects.models import FundingCall
from sklaida.projects.tests.factories import FunderFactory, FundingCallFactory, ProjectFactory
from sklaida.testing.pages import text_of


def test_a_call_is_saved_with_its_rules_typed_the_lithuanian_way(client_as):
    funder = FunderFactory(name="Kūrybiška Europa", short_name="", kind="european")
    client = client_as("specialiste")
    response = client.post(
        "/projektai/kvietimai/naujas/",
        {
            "funder": funder.pk,
            "title": "Mažos apimties bendradarbiavimo projektai",
            "max_request": "200 000,00",
            "max_funding_share": "80",
            "report_within_working_days": "40",
            "caps-TOTAL_FORMS": "2",
            "caps-INITIAL_FORMS": "0",
            "caps-0-category": "administration",
            "caps-0-max_share": "7,5",
            "caps-1-category": "",
            "caps-1-max_share": "",
        },
        follow=True,
    )
    call = FundingCall.objects.get(title="Mažos apimties bendradarbiavimo projektai")
    assert call.max_request == Decimal("200000.00")
    assert call.cost_caps.get().max_share == Decimal("7.50")
    text = text_of(response)
    assert "iki 200 000,00 €" in text
    assert "Administravimas — ne daugiau kaip 7,5 %" in text
    assert "per 40 darbo dienų nuo projekto pabaigos" in text


def test_lump_sums_that_are_not_amounts_are_refused_with_an_example(client_as):
    funder = FunderFactory()
    response = client_as("specialiste").post(
        "/projektai/kvietimai/naujas/",
        {
            "funder": funder.pk,
            "title": "Erasmus+ partnerystės",
            "lump_sums": "trisdešimt tūkstančių",
            "caps-TOTAL_FORMS": "0",
            "caps-INITIAL_FORMS": "0",
        },
    )
    assert "Kiekvieną fiksuotąją sumą rašykite eurais" in text_of(response)
    assert not FundingCall.objects.filter(title="Erasmus+ partnerystės").exists()


def test_open_calls_come_first_with_the_nearest_deadline_and_past_ones_below(client_as):
    FundingCallFactory(title="Vėlesnis kvietimas")
    FundingCallFactory(title="Artimiausias kvietimas", deadline=None)
    past = FundingCallFactory(title="Praėjęs kvietimas")
    FundingCall.objects.filter(pk=past.pk).update(
        deadline=past.deadline - datetime.timedelta(days=400)
    )
    text = text_of(client_as("stebetojas").get("/projektai/kvietimai/"))
    boundary = text.index("Pasibaigę kvietimai")
    open_part, past_part = text[:boundary], text[boundary:]
    assert "Vėlesnis kvietimas" in open_part
    assert "Praėjęs kvietimas" in past_part


def test_the_header_search_finds_a_project_by_its_summary_in_another_word_form(client_as):
    ProjectFactory(title="Senjorų akademija", summary="Skaitmeninis raštingumas senjorams")
    page = client_as("stebetojas").get(reverse("core:search"), {"q": "raštingumo"})
    text = text_of(page)
    assert "Senjorų akademija" in text


def test_an_activity_plan_links_the_lines_a_project_funds(client_as, personas):
    plan = ActivityPlan.objects.create(title="2035 m. kultūrinės veiklos planas", year=2035)
    line = PlannedActivity.objects.create(
        plan=plan,
        title="Vasaros skaitymo iššūkis",
        event_type="event",
        starts_on=datetime.date(2035, 6, 1),
        ends_on=datetime.date(2035, 8, 31),
        funding_source="LKT",
        responsible=personas["specialiste"],
    )
    project = ProjectFactory(title="Vasara su knyga")
    project.plan_activities.set([line])
    text = text_of(client_as("stebetojas").get(plan.get_absolute_url()))
    assert "Finansuoja projektai" in text
    assert "Vasaros skaitymo iššūkis Vasara su knyga LKT Idėja" in text
