"""The core's pages in a real browser: signing in, My work by keyboard, the admin, the demo's
mailbox; all by axe."""

from __future__ import annotations

import mailbox
import re
from email.message import EmailMessage

from playwright.sync_api import Page, expect

from sklaida.core.demo import COUNTY_LIBRARY, DEMO_PASSWORD
from sklaida.testing.browser import assert_accessible

# Enough presses of Tab to reach any control of My work with the demo data, few enough
# that a control the keyboard cannot reach fails quickly.
MAX_TABS = 60


def test_specialist_signs_in_with_the_lithuanian_form_and_lands_on_my_work(
    page: Page, base_url: str, personas
):
    page.goto("/prisijungti/")
    expect(page.get_by_role("heading", name="Prisijungti")).to_be_visible()

    page.get_by_label("Naudotojo vardas").fill("specialiste")
    page.get_by_label("Slaptažodis").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Prisijungti").click()

    expect(page).to_have_url(f"{base_url}/")
    expect(page.get_by_role("heading", name="Mano darbai", level=1)).to_be_visible()


def test_a_wrong_password_is_explained_in_lithuanian_and_the_user_name_is_kept(
    page: Page, base_url: str, personas
):
    page.goto("/prisijungti/")
    page.get_by_label("Naudotojo vardas").fill("specialiste")
    page.get_by_label("Slaptažodis").fill("ne-tas-slaptazodis")
    page.get_by_role("button", name="Prisijungti").click()

    # The exact wording is pinned by test_auth; here: an alert, and in Lithuanian.
    expect(page.get_by_role("alert")).to_contain_text(re.compile("slaptažod(is|į)"))
    expect(page.get_by_label("Naudotojo vardas")).to_have_value("specialiste")
    expect(page.get_by_label("Slaptažodis")).to_have_value("")
    assert_accessible(page)


def test_the_sign_in_page_meets_wcag_21_aa(page: Page, personas):
    page.goto("/prisijungti/")

    assert_accessible(page)


def test_my_work_meets_wcag_21_aa(sign_in):
    page = sign_in("specialiste")

    expect(page.get_by_role("heading", name="Mano darbai", level=1)).to_be_visible()
    assert_accessible(page)


def test_the_skip_link_comes_first_and_takes_the_keyboard_to_the_content(sign_in):
    page = sign_in("specialiste")

    page.keyboard.press("Tab")
    skip_link = page.get_by_role("link", name="Pereiti prie turinio")
    expect(skip_link).to_be_focused()
    expect(skip_link).to_be_visible()

    page.keyboard.press("Enter")
    expect(page.locator("main")).to_be_focused()
    page.keyboard.press("Tab")
    focused_in_main = page.evaluate(
        "() => document.querySelector('main').contains(document.activeElement)"
    )
    assert focused_in_main, "after the skip link, Tab should go on inside the main content"


def test_a_task_is_marked_done_on_my_work_with_the_keyboard_alone(sign_in):
    page = sign_in("specialiste")

    page.keyboard.press("Tab")
    page.keyboard.press("Enter")  # the skip link
    for _press in range(MAX_TABS):
        page.keyboard.press("Tab")
        focused = page.evaluate("() => document.activeElement.textContent.trim()")
        if focused.startswith("Pažymėti atlikta"):
            break
    else:
        raise AssertionError(f"{MAX_TABS} presses of Tab did not reach a “Mark done” button")
    # "Pažymėti atlikta: Plakatas (2026 m. gruodžio 5 d.)": the title, then its object's day.
    named = focused.removeprefix("Pažymėti atlikta").removeprefix(":").strip()
    task_title = re.sub(r" \(\d{4} m\. [^)]*\)$", "", named)
    row = page.get_by_role("row").filter(has=page.get_by_role("link", name=task_title, exact=True))

    page.keyboard.press("Space")

    expect(row.get_by_role("cell", name="Atlikta", exact=True)).to_be_visible()
    reopen = row.get_by_role("button", name=re.compile(r"^Grąžinti vykdyti"))
    expect(reopen).to_be_visible()
    expect(page.get_by_role("status")).to_contain_text(f"„{task_title}“")
    # The keyboard stays where it was, on the row's button, now "Reopen".
    expect(reopen).to_be_focused()
    assert_accessible(page)

    page.reload()
    expect(page.get_by_role("heading", name="Mano darbai", level=1)).to_be_visible()
    expect(page.get_by_role("link", name=task_title, exact=True)).to_have_count(0)


def test_an_admin_list_is_in_lithuanian_and_meets_wcag_21_aa(sign_in):
    page = sign_in("admin")

    page.goto("/admin/core/library/")

    expect(page.locator("html")).to_have_attribute("lang", "lt")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Pasirinkite")
    expect(page.get_by_role("link", name=COUNTY_LIBRARY, exact=True)).to_be_visible()
    assert_accessible(page)


def test_the_demo_mailbox_lists_a_message_and_shows_it_safely_and_meets_wcag_21_aa(
    sign_in, settings
):
    settings.DEMO_MODE = True
    message = EmailMessage()
    message["From"], message["To"] = "Sklaida <sklaida@localhost>", "ona@example.lt"
    message["Subject"] = "Bibliotekos naujienos. Gruodis"
    message["X-RcptTo"] = "ona@example.lt"
    message.set_content("Sveiki! Štai kas vyks bibliotekoje.")
    message.add_alternative(
        "<h2>Sveiki!</h2><p>Štai kas vyks bibliotekoje.</p>"
        "<script>parent.document.title = 'pakeista'</script>",
        subtype="html",
    )
    mailbox.Maildir(settings.DEMO_MAILBOX_DIR).add(message)
    page = sign_in("specialiste")

    page.get_by_role("button", name="Ieva").click()  # the user's own menu
    page.get_by_role("link", name="Demonstracinė pašto dėžutė").click()

    expect(page.get_by_role("heading", name="Demonstracinė pašto dėžutė", level=1)).to_be_visible()
    row = page.get_by_role("row").filter(has_text="ona@example.lt")
    expect(row).to_contain_text("Bibliotekos naujienos. Gruodis")
    assert_accessible(page)

    row.get_by_role("link", name="Bibliotekos naujienos. Gruodis").click()

    frame = page.frame_locator("iframe[title='Laiškas HTML formatu']")
    expect(frame.get_by_role("heading", name="Sveiki!")).to_be_visible()
    expect(page.locator("pre")).to_contain_text("Štai kas vyks bibliotekoje.")
    assert "pakeista" not in page.title(), "the message's script never runs"
    assert_accessible(page)
