"""Account pages in a real browser, by keyboard and checked by axe: the profile, turning on
two-factor sign-in, the code step, a new e-mail address and the lockout page."""

from __future__ import annotations

import re

from django.core import mail
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import Page, expect

from sklaida.core.demo import DEMO_PASSWORD
from sklaida.core.tests.factories import totp_code
from sklaida.testing.browser import assert_accessible


def press(page: Page, role: str, name: str) -> None:
    """Reach a control and use it from the keyboard, as someone without a mouse does."""
    page.get_by_role(role, name=name).focus()
    page.keyboard.press("Enter")


def test_the_sign_in_form_with_remember_me_works_by_keyboard(page: Page, base_url: str, personas):
    page.goto("/prisijungti/")
    page.get_by_label("Naudotojo vardas").fill("specialiste")
    page.keyboard.press("Tab")
    page.keyboard.type(DEMO_PASSWORD)
    page.keyboard.press("Tab")
    page.keyboard.press("Space")
    expect(page.get_by_label("Prisiminti mane 14 dienų")).to_be_checked()
    assert_accessible(page)

    page.keyboard.press("Enter")

    expect(page.get_by_role("heading", name="Mano darbai", level=1)).to_be_visible()
    [session] = [c for c in page.context.cookies() if c["name"] == "sessionid"]
    assert session["expires"] > 0, "remembered: the cookie outlives the browser"


def test_a_specialist_turns_on_two_factor_sign_in_and_signs_in_with_a_recovery_code(
    sign_in, personas
):
    page = sign_in("specialiste")
    page.goto("/profilis/")
    expect(page.get_by_role("heading", name="Profilis ir kalba", level=1)).to_be_visible()
    assert_accessible(page)

    press(page, "link", "Dviejų veiksnių prisijungimas")
    expect(
        page.get_by_role("heading", name="Dviejų veiksnių prisijungimas", level=1)
    ).to_be_visible()
    assert_accessible(page)
    press(page, "button", "Nustatyti dviejų veiksnių prisijungimą")

    qr_code = page.get_by_role(
        "img", name="QR kodas Sklaidai įtraukti į autentifikavimo programėlę"
    )
    expect(qr_code).to_be_visible()
    assert_accessible(page)
    device = TOTPDevice.objects.get(user=personas["specialiste"], confirmed=False)
    page.get_by_label("Programėlės kodas").fill(totp_code(device))
    page.keyboard.press("Enter")

    expect(page.get_by_role("heading", name="Atsarginiai kodai", level=1)).to_be_visible()
    expect(page.get_by_role("status")).to_have_text("Dviejų veiksnių prisijungimas įjungtas.")
    assert_accessible(page)
    codes = page.get_by_role("list", name="Atsarginiai kodai").get_by_role("listitem")
    expect(codes).to_have_count(10)
    recovery_code = codes.first.inner_text()

    page.context.clear_cookies()
    page.goto("/prisijungti/")
    page.get_by_label("Naudotojo vardas").fill("specialiste")
    page.get_by_label("Slaptažodis").fill(DEMO_PASSWORD)
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Prisijungimo kodas", level=1)).to_be_visible()
    expect(page.get_by_label("Kodas")).to_be_focused()
    page.get_by_label("Kodas").fill("000000")
    page.keyboard.press("Enter")
    expect(page.get_by_text("Kodas neteisingas.")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Kodas").fill(recovery_code)
    page.keyboard.press("Enter")

    expect(page.get_by_role("heading", name="Mano darbai", level=1)).to_be_visible()
    expect(page.get_by_text("Prisijungėte atsarginiu kodu; liko 9 kodai.")).to_be_visible()


def test_a_new_email_address_is_confirmed_on_its_own_page(sign_in, personas, base_url):
    page = sign_in("specialiste")
    page.goto("/profilis/")
    page.get_by_label("Naujas el. pašto adresas").fill("ieva@pastas.example")
    page.keyboard.press("Enter")
    expect(page.get_by_text("Nuorodą išsiuntėme adresu ieva@pastas.example.")).to_be_visible()
    [confirm] = [message for message in mail.outbox if message.to == ["ieva@pastas.example"]]
    [link] = re.findall(re.escape(base_url) + r"(/profilis/el-pastas/[^/\s]+/)", confirm.body)

    page.goto(link)
    expect(page.get_by_role("heading", name="Naujo el. pašto adreso patvirtinimas")).to_be_visible()
    assert_accessible(page)
    press(page, "button", "Naudoti šį adresą")

    expect(
        page.get_by_text("Jūsų el. pašto adresas dabar yra ieva@pastas.example.")
    ).to_be_visible()


def test_the_lockout_page_meets_wcag_21_aa(page: Page, personas, settings):
    page.goto("/prisijungti/")
    page.get_by_label("Naudotojo vardas").fill("vadove")
    for attempt in range(settings.AXES_FAILURE_LIMIT):
        page.get_by_label("Slaptažodis").fill(f"spejimas-{attempt}")
        with page.expect_navigation():
            page.keyboard.press("Enter")

    expect(page.get_by_role("heading", name="Prisijungimas užblokuotas", level=1)).to_be_visible()
    expect(page.get_by_role("alert")).to_contain_text("Bandykite vėl po 30 minučių.")
    assert_accessible(page)
