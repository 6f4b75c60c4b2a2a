"""The layout engine: print-ready posters and social images, as a printer and a reader see them."""

from __future__ import annotations

import dataclasses
import io
from pathlib import Path

import pytest
import pyvips
from django.utils import translation
from PIL import Image
from pypdf import PdfReader

from sklaida.design.layouts import (
    SOCIAL_SIZES,
    TEMPLATES,
    LayoutContent,
    LayoutStyle,
    default_style,
    poster_pdf,
    social_png,
    social_pngs,
)

MM = 72 / 25.4
LITHUANIAN = "ąčęėįšųūž ĄČĘĖĮŠŲŪŽ"


@pytest.fixture(autouse=True)
def english() -> None:
    """The warnings are asserted in the English they are written in."""
    with translation.override("en"):
        yield


def photo(folder: Path, width: int, height: int, name: str = "photo.jpg") -> Path:
    """A photo-like gradient of the given pixel size."""
    path = folder / name
    red = Image.linear_gradient("L").resize((width, height))
    green = Image.linear_gradient("L").rotate(90).resize((width, height))
    blue = Image.radial_gradient("L").resize((width, height))
    Image.merge("RGB", (red, green, blue)).save(path, quality=90)
    return path


def event(**changes: object) -> LayoutContent:
    content = LayoutContent(
        title="Šventinis vakaras",
        when="2026 m. gruodžio 3 d., 17 val.",
        place="Kauno apskrities viešoji biblioteka, Radastų g. 2",
        text="Skaitome ir dainuojame kartu. Įėjimas nemokamas.",
        image=None,
        image_credit="Nuotr. Ūla Žemaitė",
        image_alt="Skaitytojai bibliotekoje",
        organiser="Kauno apskrities viešoji biblioteka",
    )
    return dataclasses.replace(content, **changes)


def style(**changes: object) -> LayoutStyle:
    return dataclasses.replace(default_style(), **changes)


def text_runs(pdf: bytes) -> list[tuple[str, float, float, float]]:
    """Each piece of text on the page: (text, font size in pt, x, y of its baseline start)."""
    runs = []

    def visit(text, cm, tm, font, size):
        if text.strip():
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            runs.append((text, round(size * abs(cm[3]), 2), x, y))

    PdfReader(io.BytesIO(pdf)).pages[0].extract_text(visitor_text=visit)
    return runs


def title_lines(pdf: bytes) -> list[tuple[str, float, float, float]]:
    """The title is the largest type on the poster."""
    runs = text_runs(pdf)
    largest = max(size for _, size, _, _ in runs)
    return [run for run in runs if run[1] == largest]


def words(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize(("paper", "width_mm", "height_mm"), [("A4", 210, 297), ("A3", 297, 420)])
def test_poster_sheet_is_trim_plus_bleed_plus_a_slug_for_the_crop_marks(paper, width_mm, height_mm):
    layout = poster_pdf(event(), default_style(), paper=paper)

    page = PdfReader(io.BytesIO(layout.data)).pages[0]
    assert layout.media_type == "application/pdf"
    assert (layout.width, layout.height) == (width_mm, height_mm)
    # 3 mm bleed and 7 mm of slug beyond it on every side.
    assert float(page.mediabox.width) == pytest.approx((width_mm + 20) * MM, abs=0.01)
    assert float(page.mediabox.height) == pytest.approx((height_mm + 20) * MM, abs=0.01)
    trim = [float(v) for v in page.trimbox]
    assert trim == pytest.approx(
        [10 * MM, 10 * MM, (width_mm + 10) * MM, (height_mm + 10) * MM], abs=0.01
    )
    bleed = [float(v) for v in page.bleedbox]
    assert bleed == pytest.approx(
        [7 * MM, 7 * MM, (width_mm + 13) * MM, (height_mm + 13) * MM], abs=0.01
    )


def test_every_font_of_the_poster_is_embedded():
    layout = poster_pdf(event(title=f"Raidės {LITHUANIAN}"), default_style())

    fonts = PdfReader(io.BytesIO(layout.data)).pages[0]["/Resources"]["/Font"]
    assert len(fonts) >= 2  # the bold heading and the regular text
    for ref in fonts.values():
        font = ref.get_object()
        for descendant in font.get("/DescendantFonts", [font]):
            descriptor = descendant.get_object()["/FontDescriptor"].get_object()
            assert "/FontFile2" in descriptor or "/FontFile3" in descriptor


@pytest.mark.parametrize("paper", ["A4", "A3"])
def test_lithuanian_letters_come_back_out_of_the_poster(paper):
    title = "Žąsų ūkis, čiuožykla ir šventė: ĄČĘĖĮŠŲŪŽ ąčęėįšųūž"
    layout = poster_pdf(event(title=title), style(template="text-only"), paper=paper)

    text = words(PdfReader(io.BytesIO(layout.data)).pages[0].extract_text())
    assert title in text
    assert "2026 m. gruodžio 3 d., 17 val." in text
    assert layout.warnings == []


def test_a_longer_title_is_set_smaller_then_broken_into_lines_then_shortened_with_a_warning():
    kit = style(template="text-only")
    short = title_lines(poster_pdf(event(title="Vakaras"), kit).data)
    smaller = title_lines(poster_pdf(event(title="Žiemos šventė"), kit).data)
    wrapped = title_lines(
        poster_pdf(
            event(title="Žiemos šventė Kaune su poetais, muzikantais ir jų bičiuliais"), kit
        ).data
    )
    very_long = (
        "Tarptautinė konferencija apie bibliotekų ateitį, skaitmeninį raštingumą, "
        "vietos bendruomenių istoriją, jaunimo skaitymo įpročius ir dar daugybę kitų "
        "labai svarbių, bet ne plakatui skirtų dalykų"
    )
    cut = poster_pdf(event(title=very_long), kit)
    cut_lines = title_lines(cut.data)

    assert len(short) == 1 and len(smaller) == 1
    assert smaller[0][1] < short[0][1]
    assert len(wrapped) > 1
    assert wrapped[0][1] <= smaller[0][1]
    shortened = words(" ".join(run[0] for run in cut_lines))
    assert shortened.endswith("…")
    assert very_long.startswith(shortened.removesuffix("…"))
    assert len(cut.warnings) == 1
    assert cut.warnings[0].startswith("The title is too long for the poster: it was shortened")
    assert shortened in cut.warnings[0]


def test_nothing_is_set_outside_the_trim_of_a_crowded_poster():
    crowded = event(
        title="Nebeprisikiškiakopūstaudavome " * 3,
        place="Vieta " * 40,
        text="Labai ilgas aprašymas, kuris niekaip netelpa. " * 80,
        organiser="Kauno apskrities viešoji biblioteka " * 4,
    )
    layout = poster_pdf(crowded, default_style())

    page = PdfReader(io.BytesIO(layout.data)).pages[0]
    left, bottom, right, top = (float(v) for v in page.trimbox)
    safe = 5 * MM  # the usual safety margin inside the trim
    for text, _size, x, y in text_runs(layout.data):
        assert left + safe <= x <= right - safe, text
        assert bottom + safe <= y <= top - safe, text
    assert any(warning.startswith("The place is too long") for warning in layout.warnings)
    assert any(warning.startswith("The text is too long") for warning in layout.warnings)


def test_a_word_longer_than_the_line_never_runs_past_the_right_margin(tmp_path):
    too_wide = event(title="Nebeprisikiškiakopūstaudavome" * 2, image=photo(tmp_path, 1200, 800))
    layout = social_png(too_wide, style(template="image-top"), 1080, 1350)

    picture = Image.open(io.BytesIO(layout.data)).convert("RGB")
    # The panel below the picture, right of the text column (the margin is 6 % of 1080 px):
    # only the white background may show there.
    margin = picture.crop((1080 - 60, int(1350 * 0.47), 1080, 1350))
    assert margin.getcolors() == [(margin.width * margin.height, (255, 255, 255))]
    assert any("title" in warning for warning in layout.warnings)


def test_a_low_resolution_image_gets_a_print_warning_and_a_sharp_one_none(tmp_path):
    blurry = poster_pdf(event(image=photo(tmp_path, 400, 300, "small.jpg")), default_style())
    # A4's picture with its bleed is 216 × 140 mm: 2551 × 1649 px at 300 dpi.
    sharp = poster_pdf(event(image=photo(tmp_path, 2600, 1700, "large.jpg")), default_style())

    assert blurry.warnings == ["The image is 47 dpi at this size; print needs 300 dpi."]
    assert sharp.warnings == []


def test_the_same_image_is_sharp_enough_for_a4_but_not_for_a3(tmp_path):
    image = photo(tmp_path, 2600, 1700)

    assert poster_pdf(event(image=image), default_style(), paper="A4").warnings == []
    a3 = poster_pdf(event(image=image), default_style(), paper="A3")
    assert len(a3.warnings) == 1 and "print needs 300 dpi" in a3.warnings[0]


@pytest.mark.parametrize("template", list(TEMPLATES))
def test_social_images_have_exactly_the_pixels_each_channel_asks_for(tmp_path, template):
    image = photo(tmp_path, 2400, 1600)

    layouts = social_pngs(event(image=image), style(template=template))

    assert [(layout.width, layout.height) for layout in layouts] == list(SOCIAL_SIZES)
    for layout, size in zip(layouts, SOCIAL_SIZES, strict=True):
        assert layout.media_type == "image/png"
        assert Image.open(io.BytesIO(layout.data)).size == size
        assert not any("blurred" in warning for warning in layout.warnings)
    single = social_png(event(image=image), style(template=template), 1200, 630)
    assert Image.open(io.BytesIO(single.data)).size == (1200, 630)


def test_the_photo_lies_under_the_text_of_an_opaque_social_image(tmp_path):
    red = tmp_path / "red.jpg"
    Image.new("RGB", (1600, 1200), (220, 30, 30)).save(red, quality=95)
    kit = style(template="full-image", primary="#1F4E79", background="#FFFFFF")

    layouts = social_pngs(event(image=red), kit, [(1080, 1350), (1920, 1080)])

    for layout in layouts:
        picture = Image.open(io.BytesIO(layout.data))
        assert picture.mode == "RGB"  # nothing left see-through
        photo = picture.getpixel((layout.width - 20, 20))  # beside the band
        assert all(abs(a - b) <= 3 for a, b in zip(photo, (220, 30, 30), strict=True))
        # The band (the primary, 8 % see-through) and its white text are over the photo.
        band = picture.getpixel((30, layout.height - 30))
        mixed = [0.92 * k + 0.08 * p for k, p in zip((0x1F, 0x4E, 0x79), photo, strict=True)]
        assert all(abs(a - b) <= 2 for a, b in zip(band, mixed, strict=True))
        colours = {colour for _, colour in picture.getcolors(maxcolors=10_000_000)}
        assert (255, 255, 255) in colours


def test_a_see_through_photo_shows_the_kits_background(tmp_path):
    clear = tmp_path / "clear.png"
    Image.new("RGBA", (1600, 1200), (0, 0, 0, 0)).save(clear)

    layout = social_png(event(image=clear), style(background="#FFF4E0"), 1080, 1080)

    picture = Image.open(io.BytesIO(layout.data))
    assert picture.getpixel((540, 100)) == (0xFF, 0xF4, 0xE0)  # in the picture area


def test_a_photo_whose_pixels_cannot_be_decoded_is_left_to_typst(tmp_path, monkeypatch):
    from sklaida.design.layouts import engine

    def broken(*args, **kwargs):
        raise pyvips.Error("truncated")

    monkeypatch.setattr(engine, "_photo", broken)
    image = photo(tmp_path, 1600, 1200)

    layouts = social_pngs(event(image=image), style(template="full-image"), [(1080, 1080)])

    picture = Image.open(io.BytesIO(layouts[0].data)).convert("RGB")
    assert picture.size == (1080, 1080)
    assert picture.getpixel((540, 100)) not in {(255, 255, 255), (0x1F, 0x4E, 0x79)}
    assert layouts[0].warnings == []


def test_the_kit_colours_are_in_the_social_image():
    kit = style(template="text-only", primary="#B0122E", accent="#00A86B")

    layout = social_png(event(), kit, 1080, 1080)

    picture = Image.open(io.BytesIO(layout.data)).convert("RGB")
    assert picture.getpixel((10, 10)) == (0xB0, 0x12, 0x2E)
    colours = {colour for _, colour in picture.getcolors(maxcolors=1_000_000)}
    assert (0x00, 0xA8, 0x6B) in colours  # the accent rule under the title


def test_a_small_image_on_a_large_social_image_is_said_to_look_blurred(tmp_path):
    layout = social_png(event(image=photo(tmp_path, 600, 400)), default_style(), 1920, 1080)

    assert any("600×400 px" in warning and "blurred" in warning for warning in layout.warnings)


def test_a_template_with_a_picture_but_no_image_falls_back_to_text_only_and_says_so():
    layout = social_png(event(image=None), style(template="full-image"), 1080, 1080)

    assert "This template needs an image; the text-only one was used." in layout.warnings
    picture = Image.open(io.BytesIO(layout.data)).convert("RGB")
    assert picture.getpixel((10, 10)) == (0x1F, 0x4E, 0x79)  # the default kit's primary


def test_a_kit_font_missing_from_its_files_is_replaced_and_reported():
    layout = social_png(event(), style(heading_font="Kit Serif", template="text-only"), 1080, 1080)

    assert layout.warnings == [
        "The brand kit's font “Kit Serif” is not among its font files; Open Sans was used."
    ]


def test_text_that_looks_like_markup_is_printed_as_typed():
    title = '#set page(width: 1pt) *bold* $x$ "quoted" \\ [link]'

    layout = poster_pdf(event(title=title), default_style())

    assert words(title) in words(PdfReader(io.BytesIO(layout.data)).pages[0].extract_text())


def test_an_unknown_paper_or_template_is_refused():
    with pytest.raises(ValueError, match="paper"):
        poster_pdf(event(), default_style(), paper="Letter")
    with pytest.raises(ValueError, match="template"):
        social_png(event(), style(template="collage"), 1080, 1080)
