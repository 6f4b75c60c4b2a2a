"""The current brand kit as the public site wears it: logo addresses, colours and fonts
turned into a small stylesheet of Bootstrap variables and @font-face rules.

The kit is read once and kept in the cache under a marker that any change of a kit, logo,
colour or font (or of the Library's name, the logo's text alternative) replaces, so every
web process builds it afresh after a change and never between. The marker is replaced at
once and again after the change is committed: a request that read the old rows in between
cannot leave them cached under the new marker.

Addresses are those of the public views (public/views/theme.py), reversed by name in the
default language, so a page in either language links the same file and caches it once.
"""

from __future__ import annotations

import hashlib
import uuid
from dataclasses import dataclass, field
from urllib.parse import quote

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.urls import reverse
from django.utils import translation

from sklaida.core.models import Library
from sklaida.design import colours
from sklaida.design.models import HEX_COLOUR, BrandKit, KitColour, KitFont, KitLogo

MARKER_KEY = "design:theme:marker"
# Kept a day at most; a change replaces the marker long before.
TIMEOUT_SECONDS = 86400
# The system fonts Bootstrap falls back to, kept after the kit's own.
FALLBACK_FONTS = (
    'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Liberation Sans", Arial, '
    "sans-serif"
)
FONT_FORMATS = {".ttf": "truetype", ".otf": "opentype"}
_NO_THEME = "none"


@dataclass(frozen=True)
class Theme:
    """What the public pages take from the current kit."""

    version: int
    name: str  # the Library's name: the logo's text alternative
    css: str
    logo_url: str = ""  # for light backgrounds, SVG or PNG; "" when the kit has none
    email_logo_url: str = ""  # a PNG for light backgrounds (mail programs seldom show SVG)
    primary: str = ""  # "#7A1F5C", or "" when the kit names no primary colour
    on_primary: str = ""  # black or white, the text on the primary colour
    link_colour: str = ""  # the primary colour when text may be set in it, else ""
    font_families: tuple[str, ...] = field(default_factory=tuple)

    @property
    def fingerprint(self) -> str:
        return hashlib.sha256(self.css.encode()).hexdigest()[:12]

    @property
    def stylesheet_url(self) -> str:
        with translation.override(settings.LANGUAGE_CODE):
            return f"{reverse('public:theme_css')}?v={self.fingerprint}"


def kit_file_url(kit: BrandKit, part: KitLogo | KitFont) -> str:
    """The public address of a logo or font file of the kit: the kit's version and the
    file's name are in it, so it can be cached for long and changes with the file."""
    kind = "logo" if isinstance(part, KitLogo) else "font"
    name = part.file.name.rsplit("/", 1)[-1]
    with translation.override(settings.LANGUAGE_CODE):
        return reverse(
            "public:theme_file",
            kwargs={"version": kit.version, "kind": kind, "pk": part.pk, "name": quote(name)},
        )


def css_string(text: str) -> str:
    """A CSS string literal of untrusted text (a font's family name): nothing in it can
    close the string or the rule."""
    escaped = "".join(
        ch if ch.isprintable() and ch not in '"\\<>' else f"\\{ord(ch):x} " for ch in text
    )
    return f'"{escaped}"'


def _shade(hex_colour: str, amount: float) -> str:
    """Bootstrap's shade-color(): the colour mixed with black by `amount`."""
    red, green, blue = colours.rgb(hex_colour)
    return "#{:02X}{:02X}{:02X}".format(
        *(round(value * (1 - amount)) for value in (red, green, blue))
    )


def _rgb_text(hex_colour: str) -> str:
    return ", ".join(str(value) for value in colours.rgb(hex_colour))


def _valid(hex_colour: str) -> bool:
    return bool(HEX_COLOUR.regex.match(hex_colour or ""))


def _font_face(kit: BrandKit, font: KitFont) -> str:
    extension = "." + font.file.name.rsplit(".", 1)[-1].lower() if "." in font.file.name else ""
    source = f'url("{kit_file_url(kit, font)}")'
    if extension in FONT_FORMATS:
        source += f' format("{FONT_FORMATS[extension]}")'
    return (
        "@font-face {\n"
        f"  font-family: {css_string(font.family)};\n"
        f"  src: {source};\n"
        f"  font-weight: {font.css_weight};\n"
        f"  font-style: {font.css_style};\n"
        "  font-display: swap;\n"
        "}\n"
    )


def _button_rules(primary: str) -> str:
    hover, active = _shade(primary, 0.15), _shade(primary, 0.2)
    text = colours.readable_on(primary)
    return (
        ".btn-primary {\n"
        f"  --bs-btn-color: {text};\n"
        f"  --bs-btn-bg: {primary};\n"
        f"  --bs-btn-border-color: {primary};\n"
        f"  --bs-btn-hover-color: {colours.readable_on(hover)};\n"
        f"  --bs-btn-hover-bg: {hover};\n"
        f"  --bs-btn-hover-border-color: {active};\n"
        f"  --bs-btn-focus-shadow-rgb: {_rgb_text(primary)};\n"
        f"  --bs-btn-active-color: {colours.readable_on(active)};\n"
        f"  --bs-btn-active-bg: {active};\n"
        f"  --bs-btn-active-border-color: {active};\n"
        f"  --bs-btn-disabled-color: {text};\n"
        f"  --bs-btn-disabled-bg: {primary};\n"
        f"  --bs-btn-disabled-border-color: {primary};\n"
        "}\n"
    )


def _outline_button_rules(primary: str) -> str:
    return (
        ".btn-outline-primary {\n"
        f"  --bs-btn-color: {primary};\n"
        f"  --bs-btn-border-color: {primary};\n"
        f"  --bs-btn-hover-color: {colours.readable_on(primary)};\n"
        f"  --bs-btn-hover-bg: {primary};\n"
        f"  --bs-btn-hover-border-color: {primary};\n"
        f"  --bs-btn-focus-shadow-rgb: {_rgb_text(primary)};\n"
        f"  --bs-btn-active-color: {colours.readable_on(primary)};\n"
        f"  --bs-btn-active-bg: {primary};\n"
        f"  --bs-btn-active-border-color: {primary};\n"
        f"  --bs-btn-disabled-color: {primary};\n"
        f"  --bs-btn-disabled-border-color: {primary};\n"
        "}\n"
    )


def stylesheet(kit: BrandKit) -> tuple[str, str, str]:
    """The kit's CSS, its primary colour and the colour links take ("" for none)."""
    rules = [f"/* Brand kit, version {kit.version} */\n"]
    rules += [_font_face(kit, font) for font in kit.fonts.all() if font.file]
    variables = []
    primary_colour = kit.colour(KitColour.Role.PRIMARY)
    primary = primary_colour.hex.upper() if primary_colour and _valid(primary_colour.hex) else ""
    link = ""
    if primary:
        variables += [
            f"--bs-primary: {primary};",
            f"--bs-primary-rgb: {_rgb_text(primary)};",
            f"--sklaida-brand: {primary};",
            f"--bs-focus-ring-color: rgba({_rgb_text(primary)}, 0.25);",
        ]
        # A primary colour too light for text on white (the kit's form refuses one, but
        # an older kit may hold it) colours buttons and areas, never links.
        if not colours.text_contrast_problem(primary):
            link = primary
            hover = _shade(primary, 0.2)
            variables += [
                f"--bs-link-color: {link};",
                f"--bs-link-color-rgb: {_rgb_text(link)};",
                f"--bs-link-hover-color: {hover};",
                f"--bs-link-hover-color-rgb: {_rgb_text(hover)};",
            ]
    body_font = kit.font(KitFont.Role.BODY)
    heading_font = kit.font(KitFont.Role.HEADING)
    if body_font:
        variables.append(
            f"--bs-body-font-family: {css_string(body_font.family)}, {FALLBACK_FONTS};"
        )
    if heading_font:
        variables.append(
            f"--sklaida-heading-font-family: {css_string(heading_font.family)}, {FALLBACK_FONTS};"
        )
    if variables:
        rules.append(":root {\n" + "".join(f"  {line}\n" for line in variables) + "}\n")
    if heading_font:
        rules.append(
            "h1, h2, h3, h4, h5, h6, .h1, .h2, .h3, .h4, .h5, .h6, .navbar-brand {\n"
            "  font-family: var(--sklaida-heading-font-family);\n"
            "}\n"
        )
    if primary:
        rules.append(_button_rules(primary))
        if link:
            rules.append(_outline_button_rules(primary))
    return "".join(rules), primary, link


def _library_name() -> str:
    county = Library.objects.filter(kind=Library.Kind.COUNTY).only("name").first()
    return county.name if county else "Sklaida"


def build_theme(kit: BrandKit) -> Theme:
    """The theme of a kit (its logos, colours and fonts prefetched or not)."""
    css, primary, link = stylesheet(kit)
    pictures = [logo for logo in kit.logos.all() if logo.is_picture and logo.file]
    light = [logo for logo in pictures if logo.background == KitLogo.Background.LIGHT]
    email = [logo for logo in light if logo.media_type == "image/png"]
    return Theme(
        version=kit.version,
        name=_library_name(),
        css=css,
        logo_url=kit_file_url(kit, light[0]) if light else "",
        email_logo_url=kit_file_url(kit, email[0]) if email else "",
        primary=primary,
        on_primary=colours.readable_on(primary) if primary else "",
        link_colour=link,
        font_families=tuple(sorted({font.family for font in kit.fonts.all()})),
    )


def _marker() -> str:
    marker = cache.get(MARKER_KEY)
    if marker is None:
        cache.add(MARKER_KEY, uuid.uuid4().hex, timeout=None)
        marker = cache.get(MARKER_KEY, "")
    return marker


def current_kit() -> BrandKit | None:
    return (
        BrandKit.objects.filter(is_current=True)
        .prefetch_related("logos", "colours", "fonts")
        .first()
    )


def current_theme() -> Theme | None:
    """The theme of the current kit, or None when no kit is current (the site keeps its
    own look)."""
    key = f"design:theme:{_marker()}"
    cached = cache.get(key)
    if cached is not None:
        return None if cached == _NO_THEME else cached
    kit = current_kit()
    theme = build_theme(kit) if kit else None
    cache.set(key, theme or _NO_THEME, TIMEOUT_SECONDS)
    return theme


def theme_changed(**kwargs) -> None:
    """Signal receiver: a kit, logo, colour, font or the Library changed."""

    def renew() -> None:
        cache.set(MARKER_KEY, uuid.uuid4().hex, timeout=None)

    renew()
    transaction.on_commit(renew)


THEME_MODELS = (BrandKit, KitLogo, KitColour, KitFont, Library)


def connect() -> None:
    for model in THEME_MODELS:
        label = model._meta.label_lower
        post_save.connect(theme_changed, sender=model, dispatch_uid=f"theme-save-{label}")
        post_delete.connect(theme_changed, sender=model, dispatch_uid=f"theme-delete-{label}")
