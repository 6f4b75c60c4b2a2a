"""Design programs' own files: Illustrator (AI), Photoshop (PSD, PSB), InDesign (INDD and
its IDML package) and Affinity, told apart by their content, and the preview picture each
carries inside, found without the program that made it.

They are kept as documents: the archive stores and finds them, and shows what they carry
(an AI file's PDF page, a PSD's composite image, an INDD's XMP thumbnail, an Affinity
file's PNG thumbnail). IDML packages and PostScript-era AI files carry none, and say so.
Nothing here runs a PostScript interpreter or ImageMagick: each preview is a plain PNG,
JPEG or TIFF handed to libvips, or a PDF page for libvips' PDF loader.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import logging
import mmap
import re
import struct
import warnings
import zipfile
from pathlib import Path

from defusedxml import ElementTree
from django.conf import settings
from django.utils.translation import gettext as _
from PIL import Image, UnidentifiedImageError

from sklaida.archive.media.errors import RenditionError

logger = logging.getLogger(__name__)

ILLUSTRATOR = "application/illustrator"
PHOTOSHOP = "image/vnd.adobe.photoshop"
INDESIGN = "application/x-adobe-indesign"
IDML = "application/vnd.adobe.indesign-idml-package"
AFFINITY = "application/x-affinity-designer"

# Type → canonical extension.
DESIGN_TYPES = {
    ILLUSTRATOR: ".ai",
    PHOTOSHOP: ".psd",
    INDESIGN: ".indd",
    IDML: ".idml",
    AFFINITY: ".afdesign",
}
# What a person calls each format.
FORMAT_NAMES = {
    ".svg": "SVG",
    ".ai": "Illustrator (AI)",
    ".psd": "Photoshop (PSD)",
    ".psb": "Photoshop (PSB)",
    ".indd": "InDesign (INDD)",
    ".idml": "InDesign (IDML)",
    ".afdesign": "Affinity",
}

# InDesign's master pages start with this GUID; Affinity's files with "\0\xffKA" and,
# after the version, the "Prsn" (Persona) tag written backwards.
INDD_GUID = bytes.fromhex("0606EDF5D81D46E5BD31EFE7FE74B71D")
AFFINITY_SIGNATURE = b"\x00\xffKA"
AFFINITY_TAG = b"nsrP"
# Illustrator's editing data beside the PDF page: the PieceInfo entries and the %AI
# comments of its private streams. A PDF that only names Illustrator as its creator
# (an export for the printer) has none of these, and stays a PDF.
ILLUSTRATOR_KEYS = (b"/AIPrivateData", b"/AIMetaData")
AI_COMMENT = re.compile(rb"%AI\d+_[A-Za-z]")
POSTSCRIPT_ILLUSTRATOR = re.compile(rb"%%Creator: Adobe Illustrator|%AI\d+_[A-Za-z]")
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
XMP_START = re.compile(rb"<\?xpacket begin=")
XMP_END = re.compile(rb"<\?xpacket end=[^>]{0,10}\?>")
XMP_GIMG = "{http://ns.adobe.com/xap/1.0/g/img/}"
# Limits that keep a hostile file from making us read or decode too much.
XMP_PACKET_LIMIT = 16 * 1024 * 1024
IDML_METADATA_LIMIT = 16 * 1024 * 1024
PSD_THUMBNAIL_RESOURCE = 1036


# Recognising


def recognise_by_signature(path: Path) -> str | None:
    """INDESIGN or AFFINITY from the first bytes (libmagic calls both plain data), or None."""
    with path.open("rb") as opened:
        head = opened.read(16)
    if head.startswith(INDD_GUID):
        return INDESIGN
    if head.startswith(AFFINITY_SIGNATURE) and head[8:12] == AFFINITY_TAG:
        return AFFINITY
    return None


def recognise(path: Path, found: str) -> tuple[str, str] | None:
    """(type, extension) of a design file that libmagic took for `found` (a PDF, a
    PostScript file, a Photoshop image, a ZIP), or None when it is not one."""
    if found == "application/pdf" and _has_illustrator_data(path):
        return ILLUSTRATOR, ".ai"
    if found == "application/postscript" and _postscript_by_illustrator(path):
        return ILLUSTRATOR, ".ai"
    if found == PHOTOSHOP:
        version = photoshop_header(path)[0]
        return PHOTOSHOP, ".psb" if version == 2 else ".psd"
    if found == "application/zip" and _is_idml(path):
        return IDML, ".idml"
    return None


def _has_illustrator_data(path: Path) -> bool:
    """Whether the PDF carries Illustrator's editing data. Read through a memory map with
    plain substring searches (gigabytes a second; a regular expression over a 300 MB PDF
    took six), so an AI file of hundreds of megabytes is never read into memory."""
    with path.open("rb") as opened, mmap.mmap(opened.fileno(), 0, access=mmap.ACCESS_READ) as data:
        if any(data.find(key) != -1 for key in ILLUSTRATOR_KEYS):
            return True
        position = data.find(b"%AI")
        while position != -1:
            if AI_COMMENT.match(data, position):
                return True
            position = data.find(b"%AI", position + 1)
    return False


def _postscript_by_illustrator(path: Path) -> bool:
    """An Illustrator file of the PostScript era says so in its first comments."""
    with path.open("rb") as opened:
        return POSTSCRIPT_ILLUSTRATOR.search(opened.read(64 * 1024)) is not None


class DamagedHeader(ValueError):
    """The file starts like a design format, but its header cannot be read."""


def photoshop_header(path: Path) -> tuple[int, int, int]:
    """(version, width, height) from a PSD or PSB header; raises DamagedHeader."""
    with path.open("rb") as opened:
        head = opened.read(26)
    if len(head) < 26 or head[:4] != b"8BPS":
        raise DamagedHeader(path)
    version, channels, height, width = struct.unpack(">H6xHII", head[4:22])
    if version not in (1, 2) or not 1 <= channels <= 56 or not width or not height:
        raise DamagedHeader(path)
    return version, width, height


def _is_idml(path: Path) -> bool:
    """An IDML package names its type in a first, uncompressed `mimetype` entry, as
    EPUB and OpenDocument do. Only that entry is read: never the whole archive."""
    try:
        with zipfile.ZipFile(path) as package:
            entry = package.getinfo("mimetype")
            if entry.file_size > 100:
                return False
            return package.read(entry).strip() == IDML.encode()
    except (zipfile.BadZipFile, KeyError, OSError, EOFError):
        return False


# Previews


def embedded_preview(path: Path, mime_type: str, out_dir: Path) -> Path | None:
    """The picture the design file carries, written into `out_dir` as a PNG, JPEG or
    TIFF file for the ordinary picture renditions; None when the file carries none.

    An AI file's preview is its PDF page, which the caller draws itself (pdfload).
    """
    if mime_type == PHOTOSHOP:
        return _photoshop_preview(path, out_dir)
    if mime_type == INDESIGN:
        return _write(out_dir / "embedded.jpg", _xmp_thumbnail_in(path))
    if mime_type == IDML:
        return _write(out_dir / "embedded.jpg", _idml_thumbnail(path))
    if mime_type == AFFINITY:
        return _write(out_dir / "embedded.png", _first_png(path))
    return None


def _write(target: Path, content: bytes | None) -> Path | None:
    if not content:
        return None
    target.write_bytes(content)
    return target


def _within_pixel_limit(width: int, height: int) -> bool:
    return width * height <= settings.ARCHIVE_MAX_PIXELS


def _photoshop_preview(path: Path, out_dir: Path) -> Path | None:
    """The composite image (what Photoshop shows with every layer on), read by Pillow;
    for a PSB, a picture over the pixel limit or a composite Pillow cannot read, the
    small JPEG thumbnail in the image resources. A PSD whose composite cannot be read
    and that has no thumbnail is damaged (RenditionError)."""
    try:
        version, width, height = photoshop_header(path)
    except DamagedHeader:
        return None
    composite_failed = False
    if version == 1 and _within_pixel_limit(width, height):
        target = out_dir / "composite.tif"
        with warnings.catch_warnings():
            # The header's size was checked against the archive's own limit above.
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            try:
                with Image.open(path, formats=["PSD"]) as composite:
                    composite.load()
                    # TIFF keeps CMYK and the ICC profile; libvips converts to sRGB.
                    composite.save(target, "TIFF", icc_profile=composite.info.get("icc_profile"))
                return target
            except (UnidentifiedImageError, Image.DecompressionBombError, OSError, ValueError):
                logger.info("Pillow could not read the composite of %s", path, exc_info=True)
                target.unlink(missing_ok=True)
                composite_failed = True
    thumbnail = _write(out_dir / "embedded.jpg", _photoshop_thumbnail(path))
    if thumbnail is None and composite_failed:
        raise RenditionError(
            _(
                "The picture in the Photoshop file could not be read: the file is damaged "
                "or incomplete."
            )
        )
    return thumbnail


def _photoshop_thumbnail(path: Path) -> bytes | None:
    """Resource 1036 of the image resources section: a 28-byte header, then a JFIF."""
    with path.open("rb") as opened:
        opened.seek(26)
        try:
            (colour_data,) = struct.unpack(">I", opened.read(4))
            opened.seek(colour_data, 1)
            (length,) = struct.unpack(">I", opened.read(4))
        except struct.error:
            return None
        resources = opened.read(length)
    position = 0
    while position + 12 <= len(resources) and resources[position : position + 4] == b"8BIM":
        (identifier,) = struct.unpack(">H", resources[position + 4 : position + 6])
        name_length = resources[position + 6]
        position += 6 + (name_length + 2) // 2 * 2  # the name, padded to even
        if position + 4 > len(resources):
            break
        (size,) = struct.unpack(">I", resources[position : position + 4])
        data = resources[position + 4 : position + 4 + size]
        position += 4 + size + size % 2
        if identifier == PSD_THUMBNAIL_RESOURCE and len(data) > 28:
            return data[28:]
    return None


def _xmp_thumbnail_in(path: Path) -> bytes | None:
    """The first XMP thumbnail (xmpGImg:image, a base64 JPEG) in the file's XMP packets."""
    with path.open("rb") as opened, mmap.mmap(opened.fileno(), 0, access=mmap.ACCESS_READ) as data:
        for start in XMP_START.finditer(data):
            end = XMP_END.search(data, start.start(), start.start() + XMP_PACKET_LIMIT)
            if end is None:
                continue
            thumbnail = xmp_thumbnail(data[start.start() : end.end()])
            if thumbnail:
                return thumbnail
    return None


def xmp_thumbnail(packet: bytes) -> bytes | None:
    """The JPEG of the first xmpGImg:image in an XMP packet, or None. Parsed with
    defusedxml (XMP declares no entities; a packet that does is not read)."""
    try:
        root = ElementTree.fromstring(packet)
    except (ElementTree.ParseError, ValueError) as error:
        logger.info("An XMP packet could not be read: %s", error)
        return None
    for element in root.iter():
        encoded = element.text if element.tag == f"{XMP_GIMG}image" else None
        encoded = encoded or element.get(f"{XMP_GIMG}image")
        if encoded:
            with contextlib.suppress(binascii.Error, ValueError):
                jpeg = base64.b64decode("".join(encoded.split()), validate=True)
                if jpeg.startswith(b"\xff\xd8"):
                    return jpeg
    return None


def _idml_thumbnail(path: Path) -> bytes | None:
    """IDML packages may carry the document's XMP (with a thumbnail) in
    META-INF/metadata.xml; most carry none."""
    try:
        with zipfile.ZipFile(path) as package:
            entry = package.getinfo("META-INF/metadata.xml")
            if entry.file_size > IDML_METADATA_LIMIT:
                return None
            return xmp_thumbnail(package.read(entry))
    except (zipfile.BadZipFile, KeyError, OSError, EOFError):
        return None


def _first_png(path: Path) -> bytes | None:
    """The first whole PNG stored in the file: its signature, then chunks up to IEND.
    One that declares more pixels than the archive decodes is passed over."""
    with path.open("rb") as opened, mmap.mmap(opened.fileno(), 0, access=mmap.ACCESS_READ) as data:
        start = data.find(PNG_SIGNATURE)
        while start != -1:
            end = _png_end(data, start)
            if end is not None:
                width, height = struct.unpack(">II", data[start + 16 : start + 24])
                if _within_pixel_limit(width, height):
                    return bytes(data[start:end])
            start = data.find(PNG_SIGNATURE, start + 1)
    return None


def _png_end(data, start: int) -> int | None:
    """Where the PNG starting at `start` ends (after IEND), or None if it is not whole."""
    position = start + len(PNG_SIGNATURE)
    if data[position + 4 : position + 8] != b"IHDR":
        return None
    while position + 12 <= len(data):
        (length,) = struct.unpack(">I", data[position : position + 4])
        kind = data[position + 4 : position + 8]
        position += 12 + length
        if position > len(data):
            return None
        if kind == b"IEND":
            return position
    return None
