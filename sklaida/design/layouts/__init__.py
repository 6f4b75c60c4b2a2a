"""The layout engine: posters as print-ready PDF and social images as PNG, typeset by Typst.

No models here: the design app's views hand in a `LayoutContent` (what it says) and a
`LayoutStyle` (the brand kit) and get a `Layout` back with the file and the warnings a
user should read before printing or posting.
"""

from .engine import (
    BLEED_MM,
    PAPER_SIZES_MM,
    PRINT_DPI,
    SLUG_MM,
    SOCIAL_SIZES,
    TEMPLATES,
    Layout,
    LayoutContent,
    LayoutStyle,
    default_style,
    poster_pdf,
    social_png,
    social_pngs,
)

__all__ = [
    "BLEED_MM",
    "PAPER_SIZES_MM",
    "PRINT_DPI",
    "SLUG_MM",
    "SOCIAL_SIZES",
    "TEMPLATES",
    "Layout",
    "LayoutContent",
    "LayoutStyle",
    "default_style",
    "poster_pdf",
    "social_png",
    "social_pngs",
]
