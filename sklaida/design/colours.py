"""Colour arithmetic of the brand kit: RGB from HEX, WCAG 2.1 contrast, CMYK as written."""

from __future__ import annotations

import re

from django.utils.translation import gettext as _

from sklaida.core.formatting import format_number

# WCAG 2.1 AA: normal text needs 4.5:1 against its background (1.4.3).
AA_TEXT = 4.5


def rgb(hex_colour: str) -> tuple[int, int, int]:
    """ "#1F4E79" → (31, 78, 121)."""
    value = hex_colour.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def relative_luminance(hex_colour: str) -> float:
    """WCAG 2.1 relative luminance, 0 (black) to 1 (white)."""

    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    red, green, blue = (channel(value) for value in rgb(hex_colour))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast(first: str, second: str) -> float:
    """The contrast ratio of two colours, 1 to 21, rounded down to two decimals so that
    a pair shown as 4.5 truly reaches 4.5."""
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    ratio = (lighter + 0.05) / (darker + 0.05)
    return int(ratio * 100) / 100


def ratio_text(ratio: float, decimal_places: int | None = 2) -> str:
    """4.5 → "4,50:1" in Lithuanian (a measured ratio), or "4,5:1" with `decimal_places`
    None (a requirement as WCAG writes it)."""
    return f"{format_number(ratio, decimal_places)}:1"


def text_contrast_problem(hex_colour: str, background: str = "#FFFFFF") -> str:
    """Why this colour may not be used for text on the background, or ""."""
    ratio = contrast(hex_colour, background)
    if ratio >= AA_TEXT:
        return ""
    return _(
        "%(colour)s on %(background)s has a contrast of %(ratio)s; text needs at least "
        "%(required)s (WCAG 2.1 AA). Choose a darker colour for text, or use this one only "
        "for areas without text."
    ) % {
        "colour": hex_colour.upper(),
        "background": background.upper(),
        "ratio": ratio_text(ratio),
        "required": ratio_text(AA_TEXT, None),
    }


CMYK_PARTS = re.compile(r"\d{1,3}(?:[.,]\d+)?")


def normalise_cmyk(text: str) -> str:
    """ "100/60/0/40", "C100 M60 Y0 K40" or "100, 60, 0, 40" → "100, 60, 0, 40".

    Raises ValueError with a message for anything that is not four percentages."""
    parts = CMYK_PARTS.findall(text)
    values = [float(part.replace(",", ".")) for part in parts]
    if len(values) != 4 or any(value > 100 for value in values):
        raise ValueError(_("Write CMYK as four percentages from 0 to 100, e.g. 100, 60, 0, 40."))
    return ", ".join(f"{round(value, 1):g}" for value in values)


def readable_on(hex_colour: str) -> str:
    """Black or white, whichever text is more legible on this colour (buttons)."""
    return (
        "#000000"
        if contrast(hex_colour, "#000000") >= contrast(hex_colour, "#FFFFFF")
        else "#FFFFFF"
    )
