"""Layouts generated from a request's event and the current brand kit (4.2, 4.3): the
content read from the event, the style read from the kit, files ready to download or to
upload as a proof."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from django.utils import formats, timezone, translation

from sklaida.core.models import Library
from sklaida.design import colours, files, kits, layouts
from sklaida.design.models import BrandKit, DesignRequest, KitColour, KitFont, RequestFormat

KINDS = ("A4", "A3", "social")


def when_text(starts_at) -> str:
    """ "2026 m. gruodžio 3 d., 17 val." (or "17.30 val."), in Lithuanian whatever the
    staff member's language: the poster is for the Library's public."""
    local = timezone.localtime(starts_at)
    with translation.override("lt"):
        day = formats.date_format(local, "DATE_FORMAT")
    hour = f"{local.hour}" if not local.minute else f"{local.hour}.{local.minute:02d}"
    return f"{day}, {hour} val."


def place_text(event) -> str:
    if event.venue:
        return event.venue
    parts = [event.space.name] if event.space_id else []
    parts.append(event.library.name)
    return ", ".join(parts)


def logo_background(template: str, *, has_image: bool, primary: str) -> str:
    """Which logo variant the layout's panel needs: the image-top layout sets its texts on
    paper; the others (and image-top without a picture, which falls back to text only) on
    the primary colour."""
    if template == "image-top" and has_image:
        return "light"
    return "dark" if colours.readable_on(primary) == "#FFFFFF" else "light"


def style_of(kit: BrandKit | None, template: str, *, has_image: bool = True) -> layouts.LayoutStyle:
    """The kit's fonts, colours and logo; the standard style where the kit has none."""
    standard = layouts.default_style()
    if kit is None:
        return layouts.LayoutStyle(**{**standard.__dict__, "template": template})
    heading, body = kit.font(KitFont.Role.HEADING), kit.font(KitFont.Role.BODY)
    # A file lost from the disk is left out (the standard font stands in), not an error.
    font_files = tuple(
        path for path in (Path(font.file.path) for font in kit.fonts.all()) if path.is_file()
    )

    def colour(role: str, fallback: str) -> str:
        found = kit.colour(role)
        return found.hex if found else fallback

    primary = colour(KitColour.Role.PRIMARY, standard.primary)
    wanted = logo_background(template, has_image=has_image, primary=primary)
    pictures = sorted(
        (row for row in kit.logos.all() if row.is_picture),
        key=lambda row: row.background != wanted,  # the wanted variant first
    )
    logo = pictures[0] if pictures else None
    return layouts.LayoutStyle(
        heading_font=heading.family if heading else standard.heading_font,
        body_font=body.family if body else standard.body_font,
        font_files=font_files or standard.font_files,
        primary=primary,
        accent=colour(KitColour.Role.ACCENT, standard.accent),
        text=colour(KitColour.Role.TEXT, standard.text),
        background=colour(KitColour.Role.BACKGROUND, standard.background),
        logo=Path(logo.file.path) if logo and Path(logo.file.path).is_file() else None,
        template=template,
    )


def current_style(template: str, *, has_image: bool = True) -> layouts.LayoutStyle:
    kit = kits.current_kit()
    if kit is not None:
        kit = BrandKit.objects.prefetch_related("fonts", "colours", "logos").get(pk=kit.pk)
    return style_of(kit, template, has_image=has_image)


@dataclass(frozen=True)
class Choices:
    """What the designer chose on the generate page."""

    template: str
    title: str
    text: str
    asset: object | None  # archive.Asset


@contextmanager
def content_for(request: DesignRequest, choices: Choices) -> Iterator[layouts.LayoutContent]:
    from sklaida.archive.services.ingest import local_copy

    event = request.event
    county = Library.objects.filter(kind=Library.Kind.COUNTY).first()

    def content(image: Path | None) -> layouts.LayoutContent:
        asset = choices.asset
        return layouts.LayoutContent(
            title=choices.title,
            when=when_text(event.starts_at),
            place=place_text(event),
            text=choices.text,
            image=image,
            image_credit=_credit(asset) if asset else "",
            image_alt=(asset.description or asset.title) if asset else "",
            organiser=county.name if county else event.library.name,
        )

    if choices.asset is None:
        yield content(None)
        return
    with local_copy(choices.asset) as path:
        yield content(path)


def _credit(asset) -> str:
    """The archive's credit line ("Nuotr. …, © …"), in Lithuanian as the poster is."""
    from sklaida.archive.selectors.illustrations import credit_line

    with translation.override("lt"):
        return credit_line(asset)


def social_sizes(request: DesignRequest) -> list[tuple[int, int]]:
    """The pixel sizes the request asks for, or the usual channel sizes."""
    asked = [
        (size.width, size.height)
        for size in request.formats.all()
        if size.paper == RequestFormat.Paper.PIXELS and size.width and size.height
    ]
    return asked or list(layouts.SOCIAL_SIZES)


@dataclass(frozen=True)
class Generated:
    name: str
    media_type: str
    data: bytes
    warnings: list[str]


def generate(request: DesignRequest, choices: Choices, kind: str) -> Generated:
    """A poster (A4, A3) as PDF, or every social size as PNGs in one ZIP."""
    style = current_style(choices.template, has_image=choices.asset is not None)
    stem = f"{request.pk}-{kind.lower()}"
    with content_for(request, choices) as content:
        if kind in ("A4", "A3"):
            poster = layouts.poster_pdf(content, style, paper=kind)
            return Generated(
                f"plakatas-{stem}.pdf", poster.media_type, poster.data, poster.warnings
            )
        pictures = layouts.social_pngs(content, style, social_sizes(request))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_STORED) as archive:
        for picture in pictures:
            archive.writestr(f"vaizdas-{picture.width}x{picture.height}.png", picture.data)
    warnings = list(dict.fromkeys(w for picture in pictures for w in picture.warnings))
    return Generated(f"vaizdai-{stem}.zip", "application/zip", buffer.getvalue(), warnings)


def as_proof(
    request: DesignRequest, choices: Choices, kind: str
) -> tuple[files.CheckedFile, list[str]]:
    """A generated poster (or the first social size) ready to become a proof."""
    if kind in ("A4", "A3"):
        made = generate(request, choices, kind)
        return files.CheckedFile(
            made.name, made.media_type, made.data, files.preview_png(made.data)
        ), made.warnings
    style = current_style(choices.template, has_image=choices.asset is not None)
    width, height = social_sizes(request)[0]
    with content_for(request, choices) as content:
        picture = layouts.social_png(content, style, width, height)
    name = f"vaizdas-{request.pk}-{width}x{height}.png"
    return (
        files.CheckedFile(name, "image/png", picture.data, files.preview_png(picture.data)),
        picture.warnings,
    )
