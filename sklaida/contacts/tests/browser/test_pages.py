"""Contacts in a real browser: the list, a person, the forms, the import; all checked by axe."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from sklaida.contacts.models import Organisation, Person
from sklaida.testing.browser import assert_accessible


def test_the_person_list_and_its_search_are_accessible(sign_in, page: Page, personas):
    sign_in("specialiste")
    page.goto("/kontaktai/")
    expect(page.get_by_role("heading", name="Kontaktai", level=1)).to_be_visible()
    assert_accessible(page)

    page.get_by_label("Vardas, pavardė arba el. paštas").fill("zemaitis")
    page.get_by_role("main").get_by_role("button", name="Ieškoti").click()

    expect(page.get_by_role("link", name="Jonas Žemaitis")).to_be_visible()
    expect(page.get_by_role("status")).to_contain_text("Rastas 1 asmuo")
    assert_accessible(page)


def test_a_person_page_with_history_and_discussion_is_accessible(sign_in, page: Page, personas):
    person = Person.objects.get(last_name="Žemaitis")
    sign_in("specialiste")

    page.goto(person.get_absolute_url())

    expect(page.get_by_role("heading", name="Bendradarbiavimo istorija")).to_be_visible()
    expect(page.get_by_text("Aptarėme Kalėdinio koncerto anonsą")).to_be_visible()
    assert_accessible(page)


def test_the_person_form_reports_a_missing_consent_date_accessibly(sign_in, page: Page, personas):
    sign_in("specialiste")
    page.goto("/kontaktai/asmenys/naujas/")
    assert_accessible(page)

    page.locator("#id_first_name").fill("Gražina")
    page.locator("#id_last_name").fill("Žemaitienė")
    page.get_by_label("Duomenų tvarkymo teisinis pagrindas").select_option("consent")
    page.get_by_role("button", name="Išsaugoti").click()

    expect(page.get_by_text("Įrašykite datą, kada asmuo davė sutikimą.")).to_be_visible()
    expect(page.locator("#id_first_name")).to_have_value("Gražina")
    assert_accessible(page)


def test_the_organisation_list_and_page_are_accessible(sign_in, page: Page, personas):
    sign_in("stebetojas")
    page.goto("/kontaktai/organizacijos/")
    assert_accessible(page)

    page.goto(Organisation.objects.get(name="Šiaulių kraštas").get_absolute_url())
    expect(page.get_by_role("heading", name="Šiaulių kraštas", level=1)).to_be_visible()
    assert_accessible(page)


def test_the_import_upload_page_is_accessible(sign_in, page: Page, personas):
    sign_in("specialiste")
    page.goto("/kontaktai/importas/")

    expect(page.get_by_role("heading", name="Asmenų importas iš failo")).to_be_visible()
    assert_accessible(page)


def test_the_head_exports_a_persons_data_on_an_accessible_page(sign_in, page: Page, personas):
    person = Person.objects.get(last_name="Žemaitis")
    sign_in("vadove")
    page.goto(person.get_absolute_url())

    page.get_by_role("link", name="Asmens duomenys").click()
    expect(page.get_by_role("heading", name="Asmens duomenys", level=1)).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Rodyti, kas saugoma").click()

    expect(page.get_by_role("heading", name="Kas saugoma apie Jonas Žemaitis")).to_be_visible()
    expect(page.get_by_role("cell", name="Bendravimo įrašai")).to_be_visible()
    assert_accessible(page)
    with page.expect_download() as download:
        page.get_by_role("button", name="Atsisiųsti failą (ZIP)").click()
    assert download.value.suggested_filename.startswith("asmens-duomenys-")

    page.goto("/kontaktai/asmens-duomenys/")
    expect(page.get_by_role("link", name="Jonas Žemaitis")).to_be_visible()  # in the log
    page.get_by_label("El. pašto adresas").fill("niekas@pastas.example")
    page.get_by_role("button", name="Rodyti, kas saugoma").click()
    expect(
        page.get_by_role("heading", name="Kas saugoma apie niekas@pastas.example")
    ).to_be_visible()
    assert_accessible(page)
