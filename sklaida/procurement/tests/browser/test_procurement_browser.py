"""Procurement in a real browser: the request page with its split-purchase warning, the
plan and the survey form meet WCAG 2.1 A/AA, and the warning is read before saving."""

from __future__ import annotations

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from sklaida.procurement import demo
from sklaida.procurement.models import ProcurementPlan, PurchaseRequest
from sklaida.testing.browser import assert_accessible


@pytest.fixture
def split_request(personas) -> PurchaseRequest:
    return PurchaseRequest.objects.get(subject="Nešiojamieji kompiuteriai darbuotojams")


def test_the_request_page_with_its_warning_is_accessible(sign_in, page: Page, split_request):
    sign_in("specialiste")
    page.goto(split_request.get_absolute_url())
    expect(page.locator("#split-warning")).to_contain_text("Galimas pirkimo skaidymas")
    assert_accessible(page)


def test_the_plan_and_the_request_list_are_accessible(sign_in, page: Page, personas):
    plan = ProcurementPlan.objects.get(year=demo.plan_year(timezone.localdate()))
    sign_in("stebetojas")
    page.goto(plan.get_absolute_url())
    expect(page.locator("h1")).to_contain_text(str(plan.year))
    assert_accessible(page)
    page.goto("/projektai/pirkimai/")
    assert_accessible(page)


def test_the_survey_form_is_accessible(sign_in, page: Page, personas):
    surveyed = PurchaseRequest.objects.get(subject="Renginių fotografavimo paslaugos")
    sign_in("specialiste")
    page.goto(f"/projektai/pirkimai/paraiskos/{surveyed.pk}/apklausa/")
    expect(page.locator("h1")).to_contain_text("Tiekėjų apklausa")
    assert_accessible(page)
