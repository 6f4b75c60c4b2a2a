"""Files the design app takes — proofs, logos and fonts — checked by content, never by name."""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path, PurePath

import magic
import pyvips
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from sklaida.core.files import clean_filename

PREVIEW_SIDE = 1400
PROOF_TYPES = {
    "application/pdf": ".pdf",
    "image/png": ".png",
    "image/jpeg": ".jpg",
    "image/webp": ".webp",
}
LOGO_TYPES = {"image/png": ".png", "application/pdf": ".pdf"}
# sfnt files begin with one of these four bytes: TrueType, OpenType with CFF, Apple.
FONT_SIGNATURES = {b"\x00\x01\x00\x00": ".ttf", b"OTTO": ".otf", b"true": ".ttf"}


@dataclass(frozen=True)
class CheckedFile:
    name: str  # cleaned, with the extension its content has
    media_type: str
    data: bytes
    preview: bytes | None = None  # PNG of the first page, when one can be made


def _read(uploaded: UploadedFile, limit: int) -> bytes:
    if uploaded.size > limit:
        raise ValidationError(
            _("The file is too large (%(size)s); the limit is %(limit)s.")
            % {"size": filesizeformat(uploaded.size), "limit": filesizeformat(limit)}
        )
    uploaded.seek(0)
    data = uploaded.read()
    if not data:
        raise ValidationError(_("The file is empty."))
    return data


def _named(uploaded: UploadedFile, extension: str) -> str:
    name = clean_filename(uploaded.name or "") or "failas"
    path = PurePath(name)
    if path.suffix.lower() != extension:
        name = f"{path.stem or 'failas'}{extension}"
    return name


def preview_png(data: bytes, *, side: int = PREVIEW_SIDE) -> bytes | None:
    """A PNG of the picture or the first PDF page, at most `side` pixels a side; None
    when libvips cannot read it (the file is kept, only its preview is missing)."""
    with tempfile.NamedTemporaryFile(suffix=".bin") as copy:
        copy.write(data)
        copy.flush()
        try:
            image = pyvips.Image.thumbnail(copy.name, side, height=side, size="down")
            if image.hasalpha():
                image = image.flatten(background=[255, 255, 255])
            return image.pngsave_buffer(compression=6)
        except pyvips.Error:
            return None


def check_proof(uploaded: UploadedFile) -> CheckedFile:
    """A proof: PDF, PNG, JPEG or WebP by content, with a preview of its first page."""
    data = _read(uploaded, settings.DESIGN_MAX_UPLOAD_BYTES)
    media_type = magic.from_buffer(data[:8192], mime=True)
    if media_type not in PROOF_TYPES:
        raise ValidationError(
            _("A proof must be a PDF, PNG, JPEG or WebP file; this one is %(type)s.")
            % {"type": media_type}
        )
    return CheckedFile(
        _named(uploaded, PROOF_TYPES[media_type]), media_type, data, preview_png(data)
    )


def check_logo(uploaded: UploadedFile) -> CheckedFile:
    """A logo: SVG (kept only as the archive's sanitiser leaves it: no script, no
    reference outside the file), PNG or PDF, by content."""
    from sklaida.archive.media import svg
    from sklaida.archive.media.errors import UnsupportedFile

    data = _read(uploaded, settings.ATTACHMENT_MAX_BYTES)
    media_type = magic.from_buffer(data[:8192], mime=True)
    if media_type in ("image/svg+xml", "text/xml", "application/xml", "text/plain"):
        try:
            cleaned = svg.sanitise(data)
        except UnsupportedFile as refused:
            if media_type == "image/svg+xml":
                raise ValidationError(str(refused)) from refused
        else:
            return CheckedFile(_named(uploaded, ".svg"), "image/svg+xml", cleaned.content)
    if media_type not in LOGO_TYPES:
        raise ValidationError(
            _("A logo must be an SVG, PNG or PDF file; this one is %(type)s.")
            % {"type": media_type}
        )
    return CheckedFile(_named(uploaded, LOGO_TYPES[media_type]), media_type, data)


def check_font(uploaded: UploadedFile) -> CheckedFile:
    """A TrueType or OpenType font (the web and the poster engine both read these)."""
    data = _read(uploaded, settings.ATTACHMENT_MAX_BYTES)
    extension = FONT_SIGNATURES.get(data[:4])
    if extension is None:
        raise ValidationError(
            _(
                "Upload the font as a TrueType (.ttf) or OpenType (.otf) file; WOFF and other "
                "formats cannot be used for print."
            )
        )
    return CheckedFile(_named(uploaded, extension), "font/" + extension.lstrip("."), data)


def save_checked(field_file, checked: CheckedFile) -> None:
    """Store a checked file in a model's FileField (without saving the row)."""
    from django.core.files.base import ContentFile

    field_file.save(checked.name, ContentFile(checked.data), save=False)


def stored_path(field_file) -> Path:
    return Path(field_file.path)
