"""The newsletter sign-up in a real browser: consent, the e-mailed link, unsubscribing; axe."""

from __future__ import annotations

import re

from django.core import mail
from playwright.sync_api import Page, expect

from sklaida.communication.models import Subscriber
from sklaida.testing.browser import assert_accessible


def test_a_visitor_subscribes_confirms_and_unsubscribes_accessibly(page: Page, personas):
    page.goto("/naujienlaiskis/")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Prenumeruokite bibliotekos naujienlaiškį"
    )
    assert_accessible(page)

    # Without the consent the form says why and keeps the address typed in.
    page.get_by_label("El. paštas").fill("ruta@example.lt")
    page.get_by_role("button", name="Prenumeruoti").click()
    expect(page.locator("#id_consent_error")).to_have_text(
        "Sutikite, kitaip negalėsime jums siųsti naujienlaiškio."
    )
    expect(page.get_by_label("El. paštas")).to_have_value("ruta@example.lt")
    assert_accessible(page)

    page.locator("input[name=consent]").check()
    page.get_by_role("button", name="Prenumeruoti").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Patikrinkite el. paštą")
    assert Subscriber.objects.get(email="ruta@example.lt").status == Subscriber.Status.PENDING

    [message] = [message for message in mail.outbox if message.to == ["ruta@example.lt"]]
    confirm_path = re.search(r"https?://[^/\s]+(/naujienlaiskis/patvirtinti/\S+/)", message.body)[1]
    page.goto(confirm_path)
    expect(page.get_by_role("heading", level=1)).to_have_text("Patvirtinkite prenumeratą")
    assert_accessible(page)
    page.get_by_role("button", name="Patvirtinti prenumeratą").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Dėkojame: prenumerata patvirtinta")
    assert_accessible(page)
    subscriber = Subscriber.objects.get(email="ruta@example.lt")
    assert subscriber.status == Subscriber.Status.ACTIVE

    page.goto(f"/naujienlaiskis/atsisakyti/{subscriber.token}/")
    assert_accessible(page)
    page.get_by_role("button", name="Atsisakyti prenumeratos").click()
    expect(page.get_by_role("status")).to_contain_text("ruta@example.lt")
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.UNSUBSCRIBED
