"""The archive in a real browser: a resumable upload with progress (and what it says of
an empty or misnamed file), the selection screen by keyboard alone, and every archive
page free of accessibility violations."""

from __future__ import annotations

import datetime
import random

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from sklaida.archive.demo import demo_photo
from sklaida.archive.models import Asset, IngestBatch
from sklaida.archive.tests import media_files
from sklaida.testing.browser import assert_accessible


@pytest.fixture
def photos(tmp_path) -> list:
    taken = timezone.now() - datetime.timedelta(days=400)
    paths = []
    for number in range(3):
        path = tmp_path / f"IMG_10{number}.JPG"
        demo_photo(
            path,
            caption="Vasaros skaitymai",
            taken=taken,
            rng=random.Random(number),
            size=(900, 600),
        )
        paths.append(path)
    return paths


def test_a_photographer_uploads_a_batch_and_selects_by_keyboard(sign_in, page: Page, photos):
    sign_in("specialiste")
    page.goto("/archyvas/ikelti/")
    assert_accessible(page)
    page.get_by_label("Aprašymas").fill("Vasaros skaitymų vakaras")
    page.get_by_role("button", name="Tęsti").click()

    page.locator("#id_files").set_input_files([str(path) for path in photos])
    page.locator("#upload-form button[type=submit]").click()
    rows = page.locator("#upload-progress li")
    expect(rows).to_have_count(3)
    for number in range(3):
        expect(rows.nth(number)).to_contain_text("Pridėta", timeout=20_000)
    expect(page.locator("#batch-items")).to_contain_text("IMG_102.JPG", timeout=10_000)
    assert_accessible(page)
    batch = IngestBatch.objects.get(label="Vasaros skaitymų vakaras")
    assert batch.items.filter(outcome="stored").count() == 3

    page.goto(f"/archyvas/atranka/?batch={batch.pk}")
    assert_accessible(page)
    page.locator("#review-grid a").first.focus()
    page.keyboard.press("s")  # select the first, move on to the second
    expect(page.locator(".review-card").nth(1)).to_have_attribute("aria-current", "true")
    page.keyboard.press("x")  # reject the second
    page.keyboard.press("4")  # four stars for the third
    expect(page.locator("#stage-state")).to_contain_text("★★★★☆")
    page.keyboard.press("ArrowLeft")
    expect(page.locator(".review-card").nth(1)).to_have_attribute("aria-current", "true")
    expect(page.locator(".review-card.is-rejected")).to_have_count(1)
    assert_accessible(page)  # a rejected file's card still reads at full contrast

    assets = list(Asset.objects.filter(ingest_items__batch=batch).order_by("captured_at", "pk"))
    assert [(asset.selection, asset.rating) for asset in assets] == [
        ("selected", 0),
        ("rejected", 0),
        ("selected", 4),
    ]


def test_the_archive_list_and_an_assets_pages_are_accessible(sign_in, page: Page, photos):
    from sklaida.archive.services import ingest

    sign_in("specialiste")
    batch = ingest.start_batch(actor=None, label="Skaitymai")
    asset = ingest.ingest_path(photos[0], batch=batch, actor=None).asset
    page.goto("/archyvas/")
    expect(page.locator(".asset-grid")).to_contain_text(str(asset))
    assert_accessible(page)
    page.goto(f"/archyvas/{asset.pk}/")
    expect(page.get_by_role("heading", level=1)).to_have_text(str(asset))
    assert_accessible(page)
    page.goto(f"/archyvas/{asset.pk}/redaguoti/")
    assert_accessible(page)


def test_an_empty_file_and_a_misnamed_one_say_what_became_of_them(sign_in, page: Page, tmp_path):
    empty = tmp_path / "tuscias.jpg"
    empty.write_bytes(b"")
    programme = media_files.pdf(tmp_path / "programa.jpg")
    sign_in("specialiste")
    page.goto("/archyvas/ikelti/")
    page.get_by_label("Aprašymas").fill("Netikę failai")
    page.get_by_role("button", name="Tęsti").click()

    page.locator("#id_files").set_input_files([str(empty), str(programme)])
    page.locator("#upload-form button[type=submit]").click()

    rows = page.locator("#upload-progress li")
    # tus sends no bytes for an empty file: the answer to its creation says why.
    expect(rows.filter(has_text="tuscias.jpg")).to_contain_text(
        "Nepriimta: Failas tuščias (0 baitų)", timeout=20_000
    )
    expect(rows.filter(has_text="programa.jpg")).to_contain_text(
        "Pridėta: Failas pavadintas .jpg, bet tai PDF dokumentas; priimtas kaip PDF.",
        timeout=20_000,
    )
    expect(page.locator("#batch-items")).to_contain_text("Failas tuščias (0 baitų)")
    assert_accessible(page)
    batch = IngestBatch.objects.get(label="Netikę failai")
    assert dict(batch.items.values_list("original_name", "outcome")) == {
        "tuscias.jpg": "refused",
        "programa.jpg": "stored",
    }
