"""The upload form when the page's script does not run: several files in one ordinary
post, and each file's result (added, empty, named for another type) on the batch page."""

from __future__ import annotations

import datetime
import random

import pytest
from django.utils import timezone
from playwright.sync_api import Browser, Page, expect

from sklaida.archive.demo import demo_photo
from sklaida.archive.models import IngestBatch
from sklaida.archive.tests import media_files
from sklaida.core.demo import DEMO_PASSWORD
from sklaida.testing.browser import assert_accessible_as_shown_without_scripts
from sklaida.testing.browser_fixtures import TIMEOUT_MS


@pytest.fixture
def page_without_javascript(browser: Browser, browser_context_args, personas) -> Page:
    """A tab like the others (Lithuanian, on the live server) with JavaScript switched off."""
    context = browser.new_context(**browser_context_args, java_script_enabled=False)
    page = context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    yield page
    context.close()


def test_without_javascript_the_form_uploads_every_file_and_shows_what_became_of_each(
    page_without_javascript: Page, tmp_path
):
    page = page_without_javascript
    photo = tmp_path / "IMG_2041.JPG"
    demo_photo(
        photo,
        caption="Skaitymai be interneto",
        taken=timezone.now() - datetime.timedelta(days=400),
        rng=random.Random(11),
        size=(900, 600),
    )
    empty = tmp_path / "tuscias.jpg"
    empty.write_bytes(b"")
    programme = media_files.pdf(tmp_path / "programa.jpg")
    cut = media_files.truncated_jpeg(tmp_path / "IMG_2042.JPG")

    page.goto("/prisijungti/")
    page.get_by_label("Naudotojo vardas").fill("specialiste")
    page.get_by_label("Slaptažodis").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Prisijungti").click()
    page.goto("/archyvas/ikelti/")
    page.get_by_label("Aprašymas").fill("Skaitymai be scenarijaus")
    page.get_by_role("button", name="Tęsti").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Skaitymai be scenarijaus")
    assert page.evaluate("() => typeof window.tus") == "undefined", "no script ran"

    page.get_by_label(
        "Nuotraukos, vaizdo ir garso įrašai, PDF arba dizaino failai"
    ).set_input_files([str(photo), str(empty), str(programme), str(cut)])
    page.get_by_role("button", name="Įkelti").click()

    expect(page.locator("#messages")).to_contain_text("Gauti 4 failai.")
    results = page.locator("#batch-items")
    expect(results).to_contain_text("3 failai pridėti")
    rows = results.locator("tbody tr")
    expect(rows).to_have_count(4)
    expect(rows.filter(has_text="IMG_2041.JPG")).to_contain_text("Pridėta")
    refused = rows.filter(has_text="tuscias.jpg")
    expect(refused).to_contain_text("Nepriimta")
    expect(refused).to_contain_text("Failas tuščias (0 baitų)")
    expect(rows.filter(has_text="programa.jpg")).to_contain_text(
        "Failas pavadintas .jpg, bet tai PDF dokumentas; priimtas kaip PDF."
    )
    batch = IngestBatch.objects.get(label="Skaitymai be scenarijaus")
    assert dict(batch.items.values_list("original_name", "outcome")) == {
        "IMG_2041.JPG": "stored",
        "tuscias.jpg": "refused",
        "programa.jpg": "stored",
        "IMG_2042.JPG": "stored",
    }
    assert_accessible_as_shown_without_scripts(page)

    # The cut-off photo's previews failed: staff find and remove it, still without script.
    page.get_by_role("link", name="Pažeisti failai (1)").click()
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text("IMG_2042.JPG")
    assert_accessible_as_shown_without_scripts(page)
    rows.first.get_by_role("link", name="IMG_2042.JPG").click()
    expect(page.locator("main")).to_contain_text("Peržiūrų parengti nepavyko")
    assert_accessible_as_shown_without_scripts(page)
    page.get_by_role("button", name="Pašalinti pažeistą failą").click()
    expect(page.locator("#messages")).to_contain_text("Iš archyvo pašalintas 1 pažeistas failas.")
    assert batch.items.get(original_name="IMG_2042.JPG").outcome == "removed"
