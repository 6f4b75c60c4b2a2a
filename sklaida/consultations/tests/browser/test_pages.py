"""Consultations in a real browser: the register, a consultation, the request form, the report."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from sklaida.consultations.models import Consultation
from sklaida.testing.browser import assert_accessible


def test_a_territory_specialist_requests_help_with_an_accessible_form(
    sign_in, page: Page, personas
):
    sign_in("teritorija")
    page.goto("/konsultacijos/")
    assert_accessible(page)

    page.get_by_role("link", name="Prašyti konsultacijos").click()
    assert_accessible(page)
    page.get_by_label("Teminė sritis").select_option("events")
    page.get_by_label("Klausimas").fill("Kaip surengti vasaros skaitymus kaimo filialuose?")
    page.get_by_role("button", name="Išsaugoti").click()

    expect(page.get_by_role("status")).to_contain_text("Prašymas išsiųstas")
    expect(page.get_by_text("Kaip surengti vasaros skaitymus kaimo filialuose?")).to_be_visible()
    assert_accessible(page)


def test_a_given_consultation_and_the_report_are_accessible(sign_in, page: Page, personas):
    given = Consultation.objects.filter(status=Consultation.Status.DONE).first()
    sign_in("vadove")

    page.goto(given.get_absolute_url())
    expect(page.get_by_role("heading", name="Suteikta konsultacija")).to_be_visible()
    assert_accessible(page)

    page.goto("/konsultacijos/ataskaita/")
    expect(page.get_by_role("table")).to_contain_text("Iš viso")
    assert_accessible(page)


def test_the_record_form_is_accessible(sign_in, page: Page, personas):
    sign_in("specialiste")
    page.goto("/konsultacijos/nauja/")

    expect(page.get_by_role("heading", name="Įrašyti konsultaciją")).to_be_visible()
    assert_accessible(page)
