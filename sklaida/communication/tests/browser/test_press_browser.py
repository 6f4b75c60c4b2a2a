"""Sending a press release in a real browser: compose, preview, send, read the result; axe."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from playwright.sync_api import Page, expect

from sklaida.communication.models import ContentItem, PressMailing
from sklaida.communication.tests.factories import ContentItemFactory
from sklaida.contacts.models import Person
from sklaida.contacts.tests.factories import ContactListFactory, PersonFactory
from sklaida.core.services import add_attachment
from sklaida.testing.browser import assert_accessible
from sklaida.testing.smtp import Mailbox, serving


@pytest.fixture
def mailbox(settings):
    settings.NEWSLETTER_RATE_PER_SECOND = 0
    settings.NEWSLETTER_RETRY_PAUSE = 0
    with serving(settings, Mailbox()) as received:
        yield received


def test_a_specialist_sends_a_press_release_to_the_media_list(
    sign_in, page: Page, personas, mailbox
):
    item = ContentItemFactory(
        kind=ContentItem.Kind.PRESS_RELEASE,
        status=ContentItem.Status.APPROVED,
        title="Bibliotekoje – Knygų savaitė",
        body="Knygų savaitė vyks gruodžio 1–6 d.",
    )
    add_attachment(
        target=item,
        uploaded_by=personas["specialiste"],
        file=SimpleUploadedFile(
            "Programa.pdf", b"%PDF-1.4\n%%EOF\n", content_type="application/pdf"
        ),
    )
    journalists = [
        PersonFactory(
            first_name=name,
            last_name="Žurnalistė",
            email=email,
            category=Person.Category.JOURNALIST,
        )
        for name, email in (("Rasa", "rasa@skrastas.example"), ("Ieva", "ieva@lrt.example"))
    ]
    ContactListFactory(name="Regiono žiniasklaida", persons=journalists)
    sign_in("specialiste")

    page.goto(item.get_absolute_url())
    page.get_by_role("link", name="Siųsti žiniasklaidai").click()
    assert_accessible(page)
    page.locator("#id_contact_list").select_option(label="Regiono žiniasklaida")
    page.get_by_label("Lydraštis").fill("Laba diena, siunčiame pranešimą apie Knygų savaitę.")
    page.get_by_label("Programa.pdf").check()
    page.get_by_role("button", name="Išsaugoti ir peržiūrėti").click()

    expect(page.locator("main")).to_contain_text("Laba diena, siunčiame pranešimą")
    assert_accessible(page)
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Siųsti 2 asmenims").click()

    expect(page.get_by_role("progressbar")).to_have_attribute("aria-valuenow", "100")
    expect(page.get_by_role("table").last).to_contain_text("rasa@skrastas.example")
    assert_accessible(page)
    assert sorted(message.envelope_to[0] for message in mailbox.received) == [
        "ieva@lrt.example",
        "rasa@skrastas.example",
    ]
    assert PressMailing.objects.get(item=item).status == PressMailing.Status.SENT

    page.goto("/komunikacija/spaudai/")
    expect(page.get_by_role("link", name="Bibliotekoje – Knygų savaitė").first).to_be_visible()
    assert_accessible(page)
