"""What a file is, decided from its content: kind, type and canonical extension, and the
header checks (readable, not a decompression bomb) that come before any pixel is decoded.
Design programs' files are recognised in `design`, SVG drawings parsed in `svg`."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import magic
import pyvips
from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from sklaida.archive.media import design, probe, svg
from sklaida.archive.media.errors import UnsupportedFile
from sklaida.core.formatting import format_number

# JPEG cannot be larger than 65 535 px a side; other formats can claim anything.
MAX_SIDE = 65_000

# libmagic's type → (the type we record, canonical extension, libvips loader).
IMAGE_TYPES = {
    "image/jpeg": ("image/jpeg", ".jpg", "jpegload"),
    "image/png": ("image/png", ".png", "pngload"),
    "image/tiff": ("image/tiff", ".tif", "tiffload"),
    "image/webp": ("image/webp", ".webp", "webpload"),
    "image/heic": ("image/heic", ".heic", "heifload"),
    "image/heif": ("image/heif", ".heif", "heifload"),
    "image/gif": ("image/gif", ".gif", "gifload"),
}
VIDEO_TYPES = {
    "video/mp4": ("video/mp4", ".mp4"),
    "video/quicktime": ("video/quicktime", ".mov"),
    "video/webm": ("video/webm", ".webm"),
    "video/x-matroska": ("video/x-matroska", ".mkv"),
    "video/x-msvideo": ("video/x-msvideo", ".avi"),
    "video/mpeg": ("video/mpeg", ".mpg"),
    "video/ogg": ("video/ogg", ".ogv"),
}
AUDIO_TYPES = {
    "audio/mpeg": ("audio/mpeg", ".mp3"),
    "audio/x-wav": ("audio/wav", ".wav"),
    "audio/wav": ("audio/wav", ".wav"),
    "audio/flac": ("audio/flac", ".flac"),
    "audio/x-flac": ("audio/flac", ".flac"),
    "audio/ogg": ("audio/ogg", ".ogg"),
    "audio/x-m4a": ("audio/mp4", ".m4a"),
    "audio/mp4": ("audio/mp4", ".m4a"),
    "audio/x-hx-aac-adts": ("audio/aac", ".aac"),
    "audio/aac": ("audio/aac", ".aac"),
}
DOCUMENT_TYPES = {"application/pdf": ("application/pdf", ".pdf")}
SVG = "image/svg+xml"
# What libmagic may call an SVG drawing that lacks an XML declaration or starts with a
# comment; it is taken for one only when an <svg> start tag comes early.
XML_TEXT_TYPES = {"text/xml", "application/xml", "text/plain"}
SVG_START = re.compile(rb"<svg[\s>]")
# A video container that holds only sound is a recording (a phone's voice memo in MP4).
SOUND_ONLY_CONTAINERS = {
    "video/mp4": ("audio/mp4", ".m4a"),
    "video/quicktime": ("audio/mp4", ".m4a"),
    "video/webm": ("audio/webm", ".webm"),
    "video/x-matroska": ("audio/x-matroska", ".mka"),
    "video/ogg": ("audio/ogg", ".ogg"),
}
# libmagic does not know every stream format (camcorder .MTS, MP3 without a tag); ffprobe
# is asked about those and trusted only for these.
PROBED_FORMATS = {
    "mpegts": ("video", "video/mp2t", ".mts"),
    "mp3": ("audio", "audio/mpeg", ".mp3"),
}


# Other extensions a file of each canonical extension honestly carries (a voice memo in
# an MP4 or MOV container is kept as .m4a; an Ogg recording may be called .oga).
EXTENSION_ALIASES = {
    ".jpg": {".jpeg", ".jpe", ".jfif"},
    ".tif": {".tiff"},
    ".heic": {".heif", ".hif"},
    ".heif": {".heic", ".hif"},
    ".mp4": {".m4v"},
    ".mov": {".qt"},
    ".mpg": {".mpeg", ".mpe", ".m2v"},
    ".mts": {".m2ts", ".ts"},
    ".m4a": {".mp4", ".m4b", ".mov"},
    ".ogg": {".oga", ".ogv"},
    ".opus": {".ogg", ".oga"},
    ".ogv": {".ogg"},
    ".mka": {".mkv"},
    ".wav": {".wave"},
    # An AI file is a PDF with Illustrator's data beside the page; Illustrator's "Save as
    # PDF" keeps that data, so a .pdf of that content is honestly named.
    ".ai": {".pdf", ".ait"},
    ".indd": {".indt"},
    # Designer, Photo and Publisher share one format (and Affinity 3 calls it .af).
    ".afdesign": {".afphoto", ".afpub", ".af"},
}
# What counts as an extension in a name ("Vakaras 2026.05.14" has none).
NAME_EXTENSION = re.compile(r"\.(?=[a-z0-9]*[a-z])[a-z0-9]{1,5}$")
FORMAT_NAMES = {".jpg": "JPEG", ".tif": "TIFF", **design.FORMAT_NAMES}


@dataclass(frozen=True)
class Detected:
    kind: str  # Asset.Kind: "image" | "video" | "audio" | "document"
    mime_type: str
    extension: str  # canonical, with the dot

    @property
    def format_name(self) -> str:
        """What a person calls the format: JPEG, PDF, MP4."""
        return format_name(self.extension)


def format_name(extension: str) -> str:
    """What a person calls the format of a canonical extension: ".jpg" → "JPEG"."""
    return FORMAT_NAMES.get(extension, extension.lstrip(".").upper())


def name_extension(name: str) -> str:
    """The extension of a file name, lower case with the dot, or "" when it has none."""
    found = NAME_EXTENSION.search(name.lower())
    return found.group(0) if found else ""


def extension_agrees(name: str, extension: str) -> bool:
    """Whether `name` carries the canonical `extension` (or one of its aliases), or none."""
    given = name_extension(name)
    return not given or given == extension or given in EXTENSION_ALIASES.get(extension, ())


def mismatch_note(name: str, detected: Detected) -> str:
    """A sentence for the person who brought the file when its name says another type
    than its content ("named .jpg, but it is a PDF document"), or ""."""
    if extension_agrees(name, detected.extension):
        return ""
    kinds = {
        "image": pgettext("kind of file named in a sentence", "photo"),
        "video": pgettext("kind of file named in a sentence", "video"),
        "audio": pgettext("kind of file named in a sentence", "recording"),
        "document": pgettext("kind of file named in a sentence", "document"),
    }
    if detected.mime_type == SVG:
        kind = pgettext("kind of file named in a sentence", "drawing")
    elif detected.mime_type in design.DESIGN_TYPES:
        kind = pgettext("kind of file named in a sentence", "design file")
    else:
        kind = kinds[detected.kind]
    return _(
        "The file is named %(extension)s, but it is a %(kind)s in %(format)s format; "
        "accepted as %(format)s."
    ) % {"extension": name_extension(name), "format": detected.format_name, "kind": kind}


def download_name(name: str, extension: str) -> str:
    """`name` with the extension its content has, for a file that was named otherwise."""
    if extension_agrees(name, extension):
        return name
    return name[: -len(name_extension(name))] + extension


def detect(path: Path) -> Detected:
    """The kind and type of the file at `path`, from its content (never its name).

    Raises UnsupportedFile for a type the archive does not take, a header that cannot be
    read, and a picture whose header claims more pixels than ARCHIVE_MAX_PIXELS.
    """
    path = Path(path)
    if path.stat().st_size == 0:
        raise UnsupportedFile(_("The file is empty."))
    # InDesign and Affinity files are plain data to libmagic; their signatures decide.
    signed = design.recognise_by_signature(path)
    if signed is not None:
        return Detected("document", signed, design.DESIGN_TYPES[signed])
    # Through an open file: libmagic would report a link as "inode/symlink".
    with path.open("rb") as opened:
        found = magic.from_descriptor(opened.fileno(), mime=True)
    if found in IMAGE_TYPES:
        mime_type, extension, loader = IMAGE_TYPES[found]
        _check_picture_header(path, loader)
        return Detected("image", mime_type, extension)
    if found == SVG or (found in XML_TEXT_TYPES and _starts_like_svg(path)):
        check_drawing(path.read_bytes())
        return Detected("image", SVG, ".svg")
    try:
        recognised = design.recognise(path, found)
    except design.DamagedHeader as error:
        raise UnsupportedFile(
            _("The Photoshop file cannot be read: its header is damaged or incomplete.")
        ) from error
    if recognised is not None:
        return Detected("document", *recognised)
    if found in DOCUMENT_TYPES:
        return Detected("document", *DOCUMENT_TYPES[found])
    if found in VIDEO_TYPES or found in AUDIO_TYPES:
        return _detect_stream_file(path, found)
    if found == "application/octet-stream":
        detected = _detect_by_probe(path)
        if detected is not None:
            return detected
    raise UnsupportedFile(
        _("The file is not a photo, video, audio, PDF or design file (it is %(type)s).")
        % {"type": found}
    )


def _starts_like_svg(path: Path) -> bool:
    with path.open("rb") as opened:
        return SVG_START.search(opened.read(4096)) is not None


def check_drawing(data: bytes) -> svg.Sanitised:
    """The SVG drawing made safe, after checking that librsvg can size it and that the
    size it declares is within the pixel limit. Raises UnsupportedFile."""
    sanitised = svg.sanitise(data)
    try:
        header = pyvips.Image.svgload_buffer(sanitised.content)
        width, height = header.width, header.height
    except pyvips.Error as error:
        raise UnsupportedFile(
            _("The SVG file cannot be read: it has no size, or its drawing is damaged.")
        ) from error
    _check_pixels(width, height)
    return sanitised


def _check_picture_header(path: Path, loader: str) -> None:
    """Read the header only (libvips decodes no pixel until asked) and refuse bombs."""
    try:
        header = getattr(pyvips.Image, loader)(str(path), access="sequential")
        width, height = header.width, header.height
    except pyvips.Error as error:
        raise UnsupportedFile(
            _("The photo cannot be read: the file is damaged or incomplete.")
        ) from error
    _check_pixels(width, height)


def _check_pixels(width: int, height: int) -> None:
    """Refuse a picture whose header claims more than the archive decodes."""
    if width > MAX_SIDE or height > MAX_SIDE or width * height > settings.ARCHIVE_MAX_PIXELS:
        raise UnsupportedFile(
            _(
                "The picture is too large: %(width)s × %(height)s pixels. The archive takes "
                "pictures of up to %(limit)s megapixels and %(side)s pixels a side."
            )
            % {
                "width": format_number(width),
                "height": format_number(height),
                "limit": _megapixels(settings.ARCHIVE_MAX_PIXELS),
                "side": format_number(MAX_SIDE),
            }
        )


def _megapixels(pixels: int) -> str:
    return format_number(round(pixels / 1_000_000, 1))


def _detect_stream_file(path: Path, found: str) -> Detected:
    """Video or audio: ffprobe must open it and find pictures or sound in it."""
    is_video = found in VIDEO_TYPES
    try:
        probed = probe.probe(path)
    except probe.ToolFailed as error:
        if is_video:
            message = _("The video cannot be read: the file is damaged or incomplete.")
        else:
            message = _("The recording cannot be read: the file is damaged or incomplete.")
        raise UnsupportedFile(message) from error
    pictures, sounds = probe.picture_streams(probed), probe.sound_streams(probed)
    if is_video and pictures:
        return Detected("video", *VIDEO_TYPES[found])
    if is_video and sounds:
        mime_type, extension = SOUND_ONLY_CONTAINERS.get(found, VIDEO_TYPES[found])
        return Detected("audio", mime_type, extension)
    if not is_video and sounds:
        mime_type, extension = AUDIO_TYPES[found]
        if mime_type == "audio/ogg" and sounds[0].get("codec_name") == "opus":
            extension = ".opus"
        return Detected("audio", mime_type, extension)
    raise UnsupportedFile(_("The file holds neither pictures nor sound."))


def _detect_by_probe(path: Path) -> Detected | None:
    try:
        probed = probe.probe(path)
    except probe.ToolFailed:
        return None
    format_names = probed.get("format", {}).get("format_name", "").split(",")
    for name in format_names:
        if name in PROBED_FORMATS:
            kind, mime_type, extension = PROBED_FORMATS[name]
            streams = probe.picture_streams(probed) if kind == "video" else []
            if kind == "video" and not streams:
                return None
            if kind == "audio" and not probe.sound_streams(probed):
                return None
            return Detected(kind, mime_type, extension)
    return None
