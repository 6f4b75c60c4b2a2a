"""Typesets posters (print-ready PDF) and social images (PNG) with Typst, offline.

Why Typst: it shapes text properly (kerning, Lithuanian letters in the kit's own font),
embeds font subsets in the PDF and renders the same layout to PNG, all inside the Python
package, with no browser or system fonts. One Typst file (`layout.typ`) holds the three
templates and the fitting rule; this module prepares its data, checks fonts and images,
sets the PDF's print boxes and turns what the layout reports into the user's warnings.
"""

from __future__ import annotations

import json
import math
import os
import re
import tempfile
from abc import ABC, abstractmethod
from collections.abc import Iterator, Mapping, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path
from typing import Any

import pyvips
import typst
from django.utils.translation import get_language, gettext, ngettext, override
from django.utils.translation import gettext_lazy as _
from pypdf import PdfWriter
from pypdf.generic import RectangleObject

from .fonts import FALLBACK_FAMILY, VENDORED_FILES, FontBook, font_book

TEMPLATE_FILE = Path(__file__).resolve().parent / "layout.typ"

TEMPLATES: dict[str, Any] = {
    "image-top": _("Image on top"),
    "full-image": _("Full-page image"),
    "text-only": _("Text only"),
}
TEMPLATES_WITH_IMAGE = {"image-top", "full-image"}

PAPER_SIZES_MM: dict[str, tuple[int, int]] = {"A4": (210, 297), "A3": (297, 420)}
BLEED_MM = 3.0
# Crop marks start at the bleed's edge and run 6 mm; the slug beyond the bleed holds them
# with 1 mm to spare, so the sheet is trim + 2 × 10 mm each way.
MARK_LENGTH_MM = 6.0
SLUG_MM = 7.0
PRINT_DPI = 300

SOCIAL_SIZES: tuple[tuple[int, int], ...] = ((1080, 1080), (1080, 1350), (1200, 630), (1920, 1080))

PT_PER_MM = 72 / 25.4
# Formats Typst places directly; anything else libvips reads (TIFF, HEIC…) is converted.
TYPST_IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".gif", ".webp"}
TYPST_LOADERS = {"jpegload", "pngload", "gifload", "webpload"}
COLOUR = re.compile(r"#[0-9A-Fa-f]{6}")


@dataclass(frozen=True)
class LayoutContent:
    """What the layout says."""

    title: str
    when: str  # as it should read, e.g. "2026 m. gruodžio 3 d., 17 val."
    place: str
    text: str
    image: Path | None
    image_credit: str
    image_alt: str
    organiser: str  # the Library's name


@dataclass(frozen=True)
class LayoutStyle:
    """How it looks: from the brand kit."""

    heading_font: str
    body_font: str  # family names, as in the font files
    font_files: tuple[Path, ...]  # the kit's TTF/OTF files
    primary: str
    accent: str
    text: str
    background: str  # "#RRGGBB"
    logo: Path | None  # SVG or PNG
    template: str = "image-top"


@dataclass(frozen=True)
class Layout:
    """A generated file. `width`/`height`: the trim in mm for a PDF, pixels for a PNG."""

    data: bytes
    warnings: list[str]
    media_type: str
    width: int
    height: int


def default_style() -> LayoutStyle:
    """A neutral kit in the vendored Open Sans, for libraries that have not set up theirs."""
    return LayoutStyle(
        heading_font=FALLBACK_FAMILY,
        body_font=FALLBACK_FAMILY,
        font_files=VENDORED_FILES,
        primary="#1F4E79",
        accent="#F2A900",
        text="#1A1A1A",
        background="#FFFFFF",
        logo=None,
    )


def poster_pdf(content: LayoutContent, style: LayoutStyle, paper: str = "A4") -> Layout:
    """A print-ready poster: trim + 3 mm bleed, crop marks in the slug, fonts embedded.

    The PDF's TrimBox and BleedBox are set, so a print shop's software finds the page.
    """
    if paper not in PAPER_SIZES_MM:
        raise ValueError(f"Unknown paper size {paper!r}; expected one of {sorted(PAPER_SIZES_MM)}")
    width_mm, height_mm = PAPER_SIZES_MM[paper]
    width, height, bleed = width_mm * PT_PER_MM, height_mm * PT_PER_MM, BLEED_MM * PT_PER_MM
    # The sheet at 300 dpi; the image keeps up to 1.5 times that, sparing the printer's
    # own resampling, and is scaled down only beyond it.
    sheet = ((width + 2 * bleed) / 72 * PRINT_DPI, (height + 2 * bleed) / 72 * PRINT_DPI)
    with _prepared(content, style, need=sheet, oversize=1.5) as prepared:
        data, warnings, _report = _compile(
            prepared, width=width, height=height, bleed=bleed, messages=_PosterMessages()
        )
    return Layout(
        data=_with_print_boxes(data, width_mm, height_mm),
        warnings=warnings,
        media_type="application/pdf",
        width=width_mm,
        height=height_mm,
    )


def social_png(content: LayoutContent, style: LayoutStyle, width: int, height: int) -> Layout:
    """A social image of exactly `width` × `height` pixels."""
    return social_pngs(content, style, [(width, height)])[0]


def social_pngs(
    content: LayoutContent,
    style: LayoutStyle,
    sizes: Sequence[tuple[int, int]] = SOCIAL_SIZES,
) -> list[Layout]:
    """One social image per (width, height), in that order; faster than one call each.

    Typst typesets each size with the photo's place left transparent; libvips decodes and
    scales the photo once, lays it under each page and writes the PNG, several times faster
    than Typst compresses a photo. The photo is decoded while Typst typesets, and the sizes
    are rendered in parallel: Typst and libvips let go of the interpreter while they work.
    """
    for width, height in sizes:
        if not (100 <= width <= 8000 and 100 <= height <= 8000):
            raise ValueError(f"Unsupported image size {width}×{height}")
    try:
        return _social_pngs(content, style, sizes, photo_under=True)
    except _UnreadablePhoto:
        # Its header read but its pixels did not: Typst places it, or says it cannot.
        return _social_pngs(content, style, sizes, photo_under=False)


class _UnreadablePhoto(Exception):
    pass


def _social_pngs(
    content: LayoutContent,
    style: LayoutStyle,
    sizes: Sequence[tuple[int, int]],
    *,
    photo_under: bool,
) -> list[Layout]:
    largest = (max(w for w, _ in sizes), max(h for _, h in sizes))
    # Django's translations are per thread; the workers speak the caller's language.
    language = get_language()
    with (
        _prepared(
            content, style, need=largest, oversize=1.0, photo_in_memory=photo_under
        ) as prepared,
        ThreadPoolExecutor(max_workers=min(len(sizes) + 1, os.cpu_count() or 1)) as pool,
    ):
        # Tasks are taken in the order they are submitted, so whatever a task waits for has
        # been taken before it: the photo is decoded while the sizes are typeset, and each
        # size is laid on the photo once both are done.
        photo = (
            pool.submit(_photo, prepared.photo_path, need=largest, background=style.background)
            if prepared.photo_path
            else None
        )

        def typeset(size: tuple[int, int]) -> tuple[bytes, list[str], dict[str, Any]]:
            width, height = size
            with override(language):
                return _compile(
                    prepared,
                    width=width,
                    height=height,
                    bleed=0,
                    messages=_ImageMessages(width, height),
                )

        pages = [pool.submit(typeset, size) for size in sizes]

        def finish(size: tuple[int, int], page: Future) -> Layout:
            data, warnings, report = page.result()
            if photo is not None and report.get("image_box"):
                try:
                    pixels = photo.result()
                except pyvips.Error as error:
                    raise _UnreadablePhoto from error
                data = _with_photo_under(data, pixels, report["image_box"], style.background)
            width, height = size
            return Layout(
                data=data, warnings=warnings, media_type="image/png", width=width, height=height
            )

        return list(pool.map(finish, sizes, pages))


# ------------------------------------------------------------------------------------------
# Rendering


@dataclass(frozen=True)
class _Prepared:
    """What every size of one layout shares: checked fonts, the usable image, the data."""

    book: FontBook
    data: dict[str, Any]
    pixels: tuple[int, int] | None  # the image as seen, before any scaling
    warnings: list[str]
    # For social images: the photo Python lays under each size (see `_photo`); the layout
    # leaves its place transparent.
    photo_path: Path | None = None


@contextmanager
def _prepared(
    content: LayoutContent,
    style: LayoutStyle,
    *,
    need: tuple[float, float],
    oversize: float,
    photo_in_memory: bool = False,
) -> Iterator[_Prepared]:
    for name in ("primary", "accent", "text", "background"):
        if not COLOUR.fullmatch(getattr(style, name)):
            raise ValueError(f"The {name} colour must be #RRGGBB, not {getattr(style, name)!r}")
    if style.template not in TEMPLATES:
        raise ValueError(f"Unknown template {style.template!r}; expected one of {list(TEMPLATES)}")
    warnings: list[str] = []
    book = font_book(tuple(style.font_files))
    heading_font = _family(book, style.heading_font, warnings)
    body_font = _family(book, style.body_font, warnings)
    texts = _clean_texts(content)
    _check_letters(
        book, heading_font, texts["title"] + texts["when"] + texts["organiser"], warnings
    )
    _check_letters(
        book, body_font, texts["place"] + texts["text"] + texts["image_credit"], warnings
    )
    template = style.template
    with tempfile.TemporaryDirectory(prefix="sklaida-layout-") as scratch:
        image, pixels = None, None
        raster = content.image is not None and Path(content.image).suffix.lower() != ".svg"
        if template in TEMPLATES_WITH_IMAGE and photo_in_memory and raster:
            pixels = _photo_size(Path(content.image), warnings)
            # The layout only needs to know there is an image; it does not read it.
            image = str(Path(content.image).resolve()) if pixels else None
        elif template in TEMPLATES_WITH_IMAGE:
            image, pixels = _usable_image(
                content.image, Path(scratch), warnings, need=need, oversize=oversize
            )
        if template in TEMPLATES_WITH_IMAGE and image is None:
            if content.image is None:
                warnings.append(
                    gettext("This template needs an image; the text-only one was used.")
                )
            template = "text-only"
        data = {
            **texts,
            # A credit without its image would credit nothing.
            "image_credit": texts["image_credit"] if template != "text-only" else "",
            "image_alt": content.image_alt,
            "image": image if template != "text-only" else None,
            "photo_under": photo_in_memory and raster and template != "text-only",
            "logo": _usable_logo(style.logo, Path(scratch), warnings),
            "template": template,
            "heading_font": heading_font,
            "body_font": body_font,
            "fallback_font": FALLBACK_FAMILY,
            "colours": {
                "primary": style.primary,
                "accent": style.accent,
                "text": style.text,
                "background": style.background,
            },
        }
        yield _Prepared(
            book=book,
            data=data,
            pixels=pixels,
            warnings=warnings,
            photo_path=Path(image) if data["photo_under"] else None,
        )


def _compile(
    prepared: _Prepared,
    *,
    width: float,
    height: float,
    bleed: float,
    messages: _Messages,
    preview_ppi: float | None = None,
) -> tuple[bytes, list[str], dict[str, Any]]:
    """Typeset one size; sizes in pt (for a social image one pt is one pixel).

    Returns the file, the user's warnings and what the layout reported (fitting, image box).
    """
    data = {
        **prepared.data,
        "width": width,
        "height": height,
        "bleed": bleed,
        "slug": SLUG_MM * PT_PER_MM if bleed else 0,
        "mark_length": MARK_LENGTH_MM * PT_PER_MM,
        "whole_text_only": not bleed,
    }
    # Root "/" lets the layout read the image and logo where they are; it reads nothing
    # else, because the texts are data, never Typst code.
    compiler = typst.Compiler(
        TEMPLATE_FILE,
        root="/",
        font_paths=prepared.book.fonts,
        sys_inputs={"data": json.dumps(data, ensure_ascii=False)},
    )
    if preview_ppi:
        output = compiler.compile(format="png", ppi=preview_ppi)
    elif bleed:
        output = compiler.compile(format="pdf", timestamp=0)
    else:
        output = compiler.compile(format="png", ppi=72)
    report = json.loads(compiler.query("<sklaida-layout>", field="value", one=True))
    warnings = [*prepared.warnings, *messages.fitting(report)]
    if prepared.pixels and report.get("image_box"):
        warning = messages.resolution(prepared.pixels, report["image_box"])
        if warning:
            warnings.append(warning)
    return output, warnings, report


def _clean_texts(content: LayoutContent) -> dict[str, str]:
    """Single spaces in one-line fields; the text keeps its paragraphs."""

    def line(value: str) -> str:
        return " ".join(value.split())

    paragraphs = [line(p) for p in re.split(r"\n\s*\n", content.text.replace("\r\n", "\n"))]
    text = "\n".join(p for p in paragraphs if p)
    return {
        "title": line(content.title),
        "when": line(content.when),
        "place": line(content.place),
        "text": text,
        "organiser": line(content.organiser),
        "image_credit": line(content.image_credit),
    }


def _family(book: FontBook, wanted: str, warnings: list[str]) -> str:
    found = book.family(wanted)
    if found:
        return found
    warnings.append(
        gettext(
            "The brand kit's font “%(family)s” is not among its font files; %(fallback)s was used."
        )
        % {"family": wanted, "fallback": FALLBACK_FAMILY}
    )
    return FALLBACK_FAMILY


def _check_letters(book: FontBook, family: str, text: str, warnings: list[str]) -> None:
    """Typst quietly takes a missing letter from the fallback font; the user should know."""
    covered = book.coverage.get(family)
    if covered is None or family == FALLBACK_FAMILY:
        return
    missing = sorted({c for c in text if not c.isspace() and ord(c) not in covered})
    if missing:
        warnings.append(
            gettext("The font “%(family)s” has no %(letters)s; %(fallback)s was used for them.")
            % {"family": family, "letters": " ".join(missing[:12]), "fallback": FALLBACK_FAMILY}
        )


def _usable_image(
    path: Path | None,
    scratch: Path,
    warnings: list[str],
    *,
    need: tuple[float, float],
    oversize: float,
    name: str = "image",
) -> tuple[str | None, tuple[int, int] | None]:
    """The image's path for Typst and its size in pixels as seen (after EXIF rotation).

    `need` is the most pixels the layout can use (its whole sheet); an image more than
    `oversize` times larger is scaled down first with libvips, which decodes a JPEG at a
    fraction of its size. Typst would otherwise decode and resample the full original on
    every render: a 12-megapixel photo costs it about 0.3 s per social image.
    """
    if path is None:
        return None, None
    path = Path(path).resolve()
    if path.suffix.lower() == ".svg" and path.is_file():
        return str(path), None
    try:
        picture = pyvips.Image.new_from_file(str(path), access="sequential")
        width, height = _upright_size(picture)
        upright = not picture.get_typeof("orientation") or picture.get("orientation") == 1
        scale = max(need[0] / width, need[1] / height)
        loader = picture.get("vips-loader") if picture.get_typeof("vips-loader") else ""
        if (
            upright
            and scale * oversize >= 1
            and path.suffix.lower() in TYPST_IMAGE_SUFFIXES
            and loader in TYPST_LOADERS
        ):
            return str(path), (width, height)
        scale = min(scale, 1.0)
        small = pyvips.Image.thumbnail(
            str(path),
            max(1, math.ceil(width * scale)),
            height=max(1, math.ceil(height * scale)),
            size="down",
        )
        if small.hasalpha():
            converted = scratch / f"{name}.png"
            small.write_to_file(str(converted), compression=1)
        else:
            converted = scratch / f"{name}.jpg"
            small.write_to_file(str(converted), Q=92)
        return str(converted), (width, height)
    except pyvips.Error:
        warnings.append(gettext("The image could not be read; the layout was made without it."))
        return None, None


def _usable_logo(path: Path | None, scratch: Path, warnings: list[str]) -> str | None:
    if path is None:
        return None
    logo, _size = _usable_image(path, scratch, [], need=(1, 1), oversize=math.inf, name="logo")
    if logo is None:
        warnings.append(gettext("The logo could not be read; the layout was made without it."))
    return logo


def _photo_size(path: Path, warnings: list[str]) -> tuple[int, int] | None:
    """A social image's photo's size in pixels as seen, from its header alone."""
    try:
        return _upright_size(pyvips.Image.new_from_file(str(path), access="sequential"))
    except pyvips.Error:
        warnings.append(gettext("The image could not be read; the layout was made without it."))
        return None


def _upright_size(picture: pyvips.Image) -> tuple[int, int]:
    """Width and height as seen, after the EXIF orientation's turn."""
    if picture.get_typeof("orientation") and picture.get("orientation") in (5, 6, 7, 8):
        return picture.height, picture.width
    return picture.width, picture.height


def _photo(path: Path, *, need: tuple[float, float], background: str) -> pyvips.Image:
    """A social image's photo, decoded once into memory: upright, 8-bit sRGB, opaque.

    It is scaled down (never up) to cover `need`, the largest size, so each size only
    scales it once more to its own picture area; a transparent photo is flattened onto
    the background, as the layout would show it.
    """
    width, height = _upright_size(pyvips.Image.new_from_file(str(path), access="sequential"))
    scale = min(max(need[0] / width, need[1] / height), 1.0)
    # `thumbnail` turns the photo by its EXIF orientation and decodes a JPEG at a fraction
    # of its size where that keeps the quality.
    small = pyvips.Image.thumbnail(
        str(path),
        max(1, math.ceil(width * scale)),
        height=max(1, math.ceil(height * scale)),
        size="down",
    )
    if small.interpretation != "srgb" or small.format != "uchar":
        small = small.colourspace("srgb").cast("uchar")
    if small.hasalpha():
        small = small.flatten(background=_rgb(background)).cast("uchar")
    return small.extract_band(0, n=3).copy_memory()


def _rgb(colour: str) -> list[int]:
    return [int(colour[i : i + 2], 16) for i in (1, 3, 5)]


# Zlib level and row filter for a social image's PNG. Measured on the bench's photo: the
# fastest level with the "average" filter gives files within 5 % of the size Typst wrote;
# higher levels take 2–5 times as long for files 5–10 % smaller.
PNG_COMPRESSION = 1
PNG_FILTER = "avg"


def _with_photo_under(
    page_png: bytes, photo: pyvips.Image, box: Mapping[str, float], background: str
) -> bytes:
    """The page (the photo's place transparent) over the photo, as an opaque RGB PNG.

    The photo covers the box the way Typst's `fit: "cover"` would: scaled to fill it,
    centred, the overflow cut off; the paper is under all of it, as in the layout.
    """
    page = pyvips.Image.new_from_buffer(page_png, "")
    x, y, w, h = box["x"], box["y"], box["width"], box["height"]
    left, top = max(0, math.floor(x + 1e-6)), max(0, math.floor(y + 1e-6))
    right = min(page.width, math.ceil(x + w - 1e-6))
    bottom = min(page.height, math.ceil(y + h - 1e-6))
    canvas = page.new_from_image(_rgb(background))
    if right > left and bottom > top:
        scale = max(w / photo.width, h / photo.height)
        scaled = photo if abs(scale - 1) < 1e-9 else photo.resize(scale)
        # Where the scaled photo's top left corner falls on the page.
        origin_x = x + (w - photo.width * scale) / 2
        origin_y = y + (h - photo.height * scale) / 2
        need_w, need_h = right - left, bottom - top
        if scaled.width < need_w or scaled.height < need_h:  # a pixel lost to rounding
            scaled = scaled.gravity(
                "centre", max(need_w, scaled.width), max(need_h, scaled.height), extend="copy"
            )
        crop_x = min(max(0, round(left - origin_x)), scaled.width - need_w)
        crop_y = min(max(0, round(top - origin_y)), scaled.height - need_h)
        area = _edges_blended(
            scaled.crop(crop_x, crop_y, need_w, need_h),
            _rgb(background),
            # How much of the first and last column and row the box covers.
            (left + 1 - x, top + 1 - y, x + w - (right - 1), y + h - (bottom - 1)),
        )
        canvas = canvas.insert(area, left, top)
    # The page over the photo by its alpha: 255 keeps the page's colour exactly, 0 shows
    # the photo, and in between they are mixed ("over" onto an opaque image).
    flat = page[3].ifthenelse(page.extract_band(0, n=3), canvas, blend=True)
    return flat.pngsave_buffer(compression=PNG_COMPRESSION, filter=PNG_FILTER)


def _edges_blended(
    area: pyvips.Image, paper: list[int], cover: tuple[float, float, float, float]
) -> pyvips.Image:
    """Mix the photo's partly covered edge pixels with the paper, as Typst smooths a box
    edge that falls between pixels. `cover`: the left, top, right and bottom edge's share."""
    width, height = area.width, area.height
    edges = (
        (0, 0, 1, height, cover[0]),
        (0, 0, width, 1, cover[1]),
        (width - 1, 0, 1, height, cover[2]),
        (0, height - 1, width, 1, cover[3]),
    )
    for left, top, w, h, share in edges:
        if share < 0.998:
            share = min(max(share, 0.0), 1.0)
            strip = area.crop(left, top, w, h)
            mixed = (strip * share + [c * (1 - share) for c in paper]).rint().cast("uchar")
            area = area.insert(mixed, left, top)
    return area


def _with_print_boxes(pdf: bytes, width_mm: float, height_mm: float) -> bytes:
    """Set TrimBox and BleedBox (Typst writes only the MediaBox) as an incremental update."""
    off = (BLEED_MM + SLUG_MM) * PT_PER_MM
    bleed = BLEED_MM * PT_PER_MM
    width, height = width_mm * PT_PER_MM, height_mm * PT_PER_MM
    writer = PdfWriter(BytesIO(pdf), incremental=True)
    for page in writer.pages:
        page.trimbox = RectangleObject([off, off, off + width, off + height])
        page.bleedbox = RectangleObject(
            [off - bleed, off - bleed, off + width + bleed, off + height + bleed]
        )
    out = BytesIO()
    writer.write(out)
    return out.getvalue()


# ------------------------------------------------------------------------------------------
# Warnings: the same events in words for a poster and for a social image.

FIELD_LABELS = ("title", "when", "place", "text", "organiser", "image_credit")


class _Messages(ABC):
    """The warnings of one kind of layout; posters and social images word them apart."""

    def fitting(self, report: Mapping[str, Any]) -> list[str]:
        out = []
        for field in FIELD_LABELS:
            fitted = report.get(field) or {}
            phase = fitted.get("phase")
            if phase == "short" and field == "text":
                out.append(self.text_shortened(fitted["words"], fitted["total"]))
            elif phase == "short":
                out.append(self.shortened(field, fitted["text"]))
            elif phase == "cut":
                out.append(self.cut(field))
            elif phase == "omitted":
                out.append(self.omitted())
        return out

    @abstractmethod
    def shortened(self, field: str, text: str) -> str: ...

    def omitted(self) -> str:
        """The text was left out whole (social images do so rather than cut it)."""
        return self.cut("text")

    @abstractmethod
    def text_shortened(self, words: int, total: int) -> str: ...

    @abstractmethod
    def cut(self, field: str) -> str: ...

    @abstractmethod
    def resolution(self, pixels: tuple[int, int], box: Mapping[str, float]) -> str | None: ...


class _PosterMessages(_Messages):
    def shortened(self, field: str, text: str) -> str:
        message = {
            "title": gettext(
                "The title is too long for the poster: it was shortened to “%(text)s”."
            ),
            "when": gettext(
                "The date and time are too long for the poster: shortened to “%(text)s”."
            ),
            "place": gettext(
                "The place is too long for the poster: it was shortened to “%(text)s”."
            ),
            "organiser": gettext(
                "The organiser's name is too long for the poster: shortened to “%(text)s”."
            ),
            "image_credit": gettext(
                "The image credit is too long for the poster: shortened to “%(text)s”."
            ),
        }[field]
        return message % {"text": text}

    def text_shortened(self, words: int, total: int) -> str:
        return ngettext(
            "The text is too long for the poster: only the first %(words)d of its "
            "%(total)d word fit.",
            "The text is too long for the poster: only the first %(words)d of its "
            "%(total)d words fit.",
            total,
        ) % {"words": words, "total": total}

    def cut(self, field: str) -> str:
        return {
            "title": gettext(
                "The title does not fit the poster even at the smallest size: it was cut."
            ),
            "when": gettext("The date and time do not fit the poster: they were cut."),
            "place": gettext("The place does not fit the poster: it was cut."),
            "text": gettext("There is no room for the text on the poster: it was left out."),
            "organiser": gettext("The organiser's name does not fit the poster: it was cut."),
            "image_credit": gettext("The image credit does not fit the poster: it was cut."),
        }[field]

    def resolution(self, pixels: tuple[int, int], box: Mapping[str, float]) -> str | None:
        inches = (box["width"] / 72, box["height"] / 72)
        dpi = min(pixels[0] / inches[0], pixels[1] / inches[1])
        if dpi >= PRINT_DPI - 0.5:
            return None
        return gettext("The image is %(dpi)d dpi at this size; print needs %(need)d dpi.") % {
            "dpi": int(dpi),
            "need": PRINT_DPI,
        }


class _ImageMessages(_Messages):
    def __init__(self, width: int, height: int) -> None:
        self.size = f"{width}×{height}"

    def shortened(self, field: str, text: str) -> str:
        message = {
            "title": gettext(
                "The title is too long for the %(size)s image: it was shortened to “%(text)s”."
            ),
            "when": gettext(
                "The date and time are too long for the %(size)s image: shortened to “%(text)s”."
            ),
            "place": gettext(
                "The place is too long for the %(size)s image: it was shortened to “%(text)s”."
            ),
            "organiser": gettext(
                "The organiser's name is too long for the %(size)s image: shortened to “%(text)s”."
            ),
            "image_credit": gettext(
                "The image credit is too long for the %(size)s image: shortened to “%(text)s”."
            ),
        }[field]
        return message % {"text": text, "size": self.size}

    def omitted(self) -> str:
        return gettext("The text was left out of the %(size)s image: it does not fit whole.") % {
            "size": self.size
        }

    def text_shortened(self, words: int, total: int) -> str:
        return ngettext(
            "The text is too long for the %(size)s image: only the first %(words)d of its "
            "%(total)d word fit.",
            "The text is too long for the %(size)s image: only the first %(words)d of its "
            "%(total)d words fit.",
            total,
        ) % {"words": words, "total": total, "size": self.size}

    def cut(self, field: str) -> str:
        message = {
            "title": gettext(
                "The title does not fit the %(size)s image even at the smallest size: it was cut."
            ),
            "when": gettext("The date and time do not fit the %(size)s image: they were cut."),
            "place": gettext("The place does not fit the %(size)s image: it was cut."),
            "text": gettext(
                "There is no room for the text on the %(size)s image: it was left out."
            ),
            "organiser": gettext(
                "The organiser's name does not fit the %(size)s image: it was cut."
            ),
            "image_credit": gettext(
                "The image credit does not fit the %(size)s image: it was cut."
            ),
        }[field]
        return message % {"size": self.size}

    def resolution(self, pixels: tuple[int, int], box: Mapping[str, float]) -> str | None:
        # One pt is one pixel here; an image with fewer pixels than its area is enlarged.
        if min(pixels[0] / box["width"], pixels[1] / box["height"]) >= 0.995:
            return None
        return gettext(
            "The image is %(pixels)s px; the %(size)s image's picture area needs %(need)s px, "
            "so it will look blurred."
        ) % {
            "pixels": f"{pixels[0]}×{pixels[1]}",
            "size": self.size,
            "need": f"{round(box['width'])}×{round(box['height'])}",
        }
