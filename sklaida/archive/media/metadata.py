"""Technical and descriptive metadata read from a file's headers: EXIF, IPTC and XMP of
pictures (Pillow, libvips for HEIC, defusedxml), an SVG drawing's size, title and
description, ffprobe's tags of video and audio, a PDF's or an Illustrator file's document
info, a Photoshop file's size. Nothing is decoded; odd or broken fields are left empty."""

from __future__ import annotations

import contextlib
import logging
import re
import warnings
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from decimal import Decimal, InvalidOperation
from pathlib import Path
from zoneinfo import ZoneInfo

import pyvips
from defusedxml import ElementTree
from PIL import ExifTags, Image, IptcImagePlugin, UnidentifiedImageError

from sklaida.archive.media import design, probe, svg
from sklaida.archive.media.detection import IMAGE_TYPES, SVG, Detected

logger = logging.getLogger(__name__)

# Cameras record local time without a zone; ours are in Lithuania.
LOCAL_ZONE = ZoneInfo("Europe/Vilnius")
MICRODEGREE = Decimal("0.000001")
# What some cameras put in ImageDescription when nobody wrote one.
PLACEHOLDER_DESCRIPTIONS = {
    "",
    "olympus digital camera",
    "sony dsc",
    "digital camera",
    "minolta digital camera",
    "konica minolta digital camera",
    "default",
    "image",
}
# Tags too large or too private for the technical panel (maker notes, embedded
# thumbnails and profiles), and a TIFF's own layout.
SKIPPED_EXIF_TAGS = {0x927C, 0x9286, 0xC4A5, 0x02BC, 0x83BB, 0x8773, 0x0201, 0x0202}
SKIPPED_EXIF_TAGS |= {256, 257, 258, 259, 262, 273, 277, 278, 279, 284, 317, 322, 323, 324, 325}
SKIPPED_EXIF_TAGS |= {338, 339, 340, 341, 530, 531, 532}
RAW_TEXT_LIMIT = 300

IFD_EXIF, IFD_GPS = 0x8769, 0x8825
TAG = {
    "Make": 0x010F,
    "Model": 0x0110,
    "Orientation": 0x0112,
    "Artist": 0x013B,
    "Copyright": 0x8298,
    "ImageDescription": 0x010E,
    "XPTitle": 0x9C9B,
    "XPComment": 0x9C9C,
    "XPAuthor": 0x9C9D,
    "XPKeywords": 0x9C9E,
    "XPSubject": 0x9C9F,
    "DateTimeOriginal": 0x9003,
    "OffsetTimeOriginal": 0x9011,
    "LensMake": 0xA433,
    "LensModel": 0xA434,
}
IPTC = {
    "ObjectName": (2, 5),
    "Keywords": (2, 25),
    "DateCreated": (2, 55),
    "TimeCreated": (2, 60),
    "By-line": (2, 80),
    "City": (2, 90),
    "Sub-location": (2, 92),
    "Province-State": (2, 95),
    "Country": (2, 101),
    "Headline": (2, 105),
    "Credit": (2, 110),
    "CopyrightNotice": (2, 116),
    "Caption-Abstract": (2, 120),
}
NS = {
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "dc": "http://purl.org/dc/elements/1.1/",
    "photoshop": "http://ns.adobe.com/photoshop/1.0/",
    "Iptc4xmpCore": "http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/",
    "exif": "http://ns.adobe.com/exif/1.0/",
    "exifEX": "http://cipa.jp/exif/1.0/",
    "xmp": "http://ns.adobe.com/xap/1.0/",
    "tiff": "http://ns.adobe.com/tiff/1.0/",
    "aux": "http://ns.adobe.com/exif/1.0/aux/",
}
XMP_PROPERTIES = [
    "dc:title",
    "dc:description",
    "dc:creator",
    "dc:rights",
    "dc:subject",
    "photoshop:City",
    "photoshop:State",
    "photoshop:Country",
    "photoshop:DateCreated",
    "Iptc4xmpCore:Location",
    "exif:DateTimeOriginal",
    "exif:GPSLatitude",
    "exif:GPSLongitude",
    "xmp:CreateDate",
    "tiff:Make",
    "tiff:Model",
    "aux:Lens",
    "exifEX:LensModel",
]
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@dataclass
class TechnicalMetadata:
    width: int | None = None  # as displayed, after EXIF orientation
    height: int | None = None
    duration: float | None = None  # seconds
    codecs: str = ""  # "h264, aac"
    camera: str = ""
    lens: str = ""
    orientation: int = 1  # EXIF 1..8
    captured_at: datetime | None = None  # aware
    latitude: Decimal | None = None
    longitude: Decimal | None = None
    creator: str = ""
    copyright: str = ""
    title: str = ""
    description: str = ""
    keywords: list[str] = field(default_factory=list)
    place: str = ""
    raw: dict = field(default_factory=dict)  # JSON-serialisable, for the technical panel


def read_metadata(path: Path, detected: Detected) -> TechnicalMetadata:
    """What the file's headers say about it. Never raises for odd metadata."""
    metadata = TechnicalMetadata()
    readers = {
        "image": _read_picture,
        "video": _read_stream_file,
        "audio": _read_stream_file,
        "document": _read_document,
    }
    reader = readers.get(detected.kind)
    if reader is None:
        return metadata
    try:
        reader(Path(path), detected, metadata)
    except Exception:  # a file's odd headers must not stop its ingest
        logger.warning("Could not read all metadata of %s", path, exc_info=True)
    return metadata


# Pictures


@dataclass
class _Sources:
    """The three kinds of embedded metadata of one picture, each possibly empty."""

    exif: Image.Exif | None = None
    iptc: dict = field(default_factory=dict)  # name → str or list[str]
    xmp: dict = field(default_factory=dict)  # "dc:title" → str or list[str]


def _read_picture(path: Path, detected: Detected, metadata: TechnicalMetadata) -> None:
    if detected.mime_type == SVG:
        _read_drawing(path, metadata)
        return
    loader = IMAGE_TYPES.get(detected.mime_type, (None, None, None))[2]
    header = _vips_header(path, loader)
    sources = _Sources()
    if header is not None:
        _fill_picture_geometry(header, metadata)
    if detected.mime_type in {"image/heic", "image/heif"}:
        # Pillow does not read HEIF; libvips hands over the raw EXIF and XMP blocks.
        if header is not None:
            sources.exif = _exif_from_bytes(_blob(header, "exif-data"))
            sources.xmp = _parse_xmp(_blob(header, "xmp-data"))
    else:
        _read_with_pillow(path, sources)

    exif = sources.exif
    ifd0 = dict(exif) if exif is not None else {}
    exif_ifd = _sub_ifd(exif, IFD_EXIF)
    gps_ifd = _sub_ifd(exif, IFD_GPS)
    xmp, iptc = sources.xmp, sources.iptc

    if detected.mime_type in {"image/heic", "image/heif"}:
        # HEIF turns the picture in its container and the decoder applies it; an EXIF
        # orientation inside must be ignored.
        metadata.orientation = _vips_orientation(header) if header is not None else 1
    else:
        orientation = _integer(ifd0.get(TAG["Orientation"]))
        metadata.orientation = orientation if orientation in range(1, 9) else 1

    _fill_technical(metadata, ifd0, exif_ifd, gps_ifd, xmp, iptc)
    _fill_descriptive(metadata, ifd0, xmp, iptc)
    metadata.raw.update(
        {
            key: value
            for key, value in {
                "exif": _raw_exif(ifd0, exif_ifd, gps_ifd),
                "iptc": {name: _jsonable(value) for name, value in iptc.items()},
                "xmp": {name: _jsonable(value) for name, value in xmp.items()},
            }.items()
            if value
        }
    )


def _fill_technical(
    metadata: TechnicalMetadata, ifd0: dict, exif_ifd: dict, gps_ifd: dict, xmp: dict, iptc: dict
) -> None:
    """Camera, lens, moment and position: the camera's EXIF first, it was there."""
    metadata.camera = _camera(
        _text(ifd0.get(TAG["Make"])) or _first(xmp.get("tiff:Make")),
        _text(ifd0.get(TAG["Model"])) or _first(xmp.get("tiff:Model")),
    )
    metadata.lens = (
        _text(exif_ifd.get(TAG["LensModel"]))
        or _first(xmp.get("exifEX:LensModel"))
        or _first(xmp.get("aux:Lens"))
    )
    metadata.captured_at = (
        _exif_moment(exif_ifd.get(TAG["DateTimeOriginal"]), exif_ifd.get(TAG["OffsetTimeOriginal"]))
        or _iso_moment(_first(xmp.get("exif:DateTimeOriginal")))
        or _iso_moment(_first(xmp.get("photoshop:DateCreated")))
        or _iptc_moment(_first(iptc.get("DateCreated")), _first(iptc.get("TimeCreated")))
        or _iso_moment(_first(xmp.get("xmp:CreateDate")))
    )
    latitude = _gps_degrees(gps_ifd.get(2), gps_ifd.get(1), limit=90)
    longitude = _gps_degrees(gps_ifd.get(4), gps_ifd.get(3), limit=180)
    if latitude is None or longitude is None:
        latitude = _xmp_degrees(_first(xmp.get("exif:GPSLatitude")), limit=90)
        longitude = _xmp_degrees(_first(xmp.get("exif:GPSLongitude")), limit=180)
    if latitude is not None and longitude is not None and (latitude or longitude):
        metadata.latitude, metadata.longitude = latitude, longitude


def _fill_descriptive(metadata: TechnicalMetadata, ifd0: dict, xmp: dict, iptc: dict) -> None:
    """Who, what and where: XMP first (Unicode by definition, and what photo software
    updates), then IPTC, then the camera's EXIF."""
    metadata.creator = (
        ", ".join(_many(xmp.get("dc:creator")))
        or ", ".join(_many(iptc.get("By-line")))
        or _text(ifd0.get(TAG["Artist"]))
        or _utf16(ifd0.get(TAG["XPAuthor"]))
    )
    metadata.copyright = (
        _first(xmp.get("dc:rights"))
        or _first(iptc.get("CopyrightNotice"))
        or _text(ifd0.get(TAG["Copyright"]))
    )
    metadata.title = (
        _first(xmp.get("dc:title"))
        or _first(iptc.get("ObjectName"))
        or _utf16(ifd0.get(TAG["XPTitle"]))
    )
    description = (
        _first(xmp.get("dc:description"))
        or _first(iptc.get("Caption-Abstract"))
        or _text(ifd0.get(TAG["ImageDescription"]))
        or _utf16(ifd0.get(TAG["XPComment"]))
    )
    if description.lower() not in PLACEHOLDER_DESCRIPTIONS and description != metadata.camera:
        metadata.description = description
    metadata.keywords = _unique(
        _many(xmp.get("dc:subject"))
        + _many(iptc.get("Keywords"))
        + _utf16(ifd0.get(TAG["XPKeywords"])).split(";")
    )
    if xmp.get("Iptc4xmpCore:Location") or xmp.get("photoshop:City"):
        place_parts = [_first(xmp.get("Iptc4xmpCore:Location")), _first(xmp.get("photoshop:City"))]
    else:
        place_parts = [_first(iptc.get("Sub-location")), _first(iptc.get("City"))]
    metadata.place = ", ".join(_unique(place_parts))


def _vips_header(path: Path, loader: str | None) -> pyvips.Image | None:
    if loader is None:
        return None
    try:
        return getattr(pyvips.Image, loader)(str(path), access="sequential")
    except pyvips.Error:
        return None


def _vips_orientation(header: pyvips.Image) -> int:
    if header.get_typeof("orientation"):
        value = header.get("orientation")
        return value if value in range(1, 9) else 1
    return 1


def _fill_picture_geometry(header: pyvips.Image, metadata: TechnicalMetadata) -> None:
    width, height = header.width, header.height
    if _vips_orientation(header) >= 5:  # 5..8 turn the picture a quarter
        width, height = height, width
    metadata.width, metadata.height = width, height
    picture = {
        "format": header.get("vips-loader") if header.get_typeof("vips-loader") else "",
        "width": width,
        "height": height,
        "bands": header.bands,
        "bits_per_sample": {"uchar": 8, "char": 8, "ushort": 16, "short": 16}.get(
            header.format, 32
        ),
        "colour_space": header.interpretation,
    }
    if header.get_typeof("n-pages") and header.get("n-pages") > 1:
        picture["pages"] = header.get("n-pages")
    profile = _blob(header, "icc-profile-data")
    if profile:
        picture["icc_profile"] = icc_description(profile)
    metadata.raw["picture"] = picture


def icc_description(profile: bytes) -> str:
    """The profile's name as its "desc" tag gives it, e.g. "sRGB IEC61966-2.1"."""
    try:
        count = int.from_bytes(profile[128:132], "big")
        for index in range(min(count, 100)):
            entry = 132 + index * 12
            signature = profile[entry : entry + 4]
            if signature != b"desc":
                continue
            offset = int.from_bytes(profile[entry + 4 : entry + 8], "big")
            kind = profile[offset : offset + 4]
            if kind == b"desc":  # ICC v2: ASCII with its length
                length = int.from_bytes(profile[offset + 8 : offset + 12], "big")
                return _clean(profile[offset + 12 : offset + 12 + length].decode("latin-1"))
            if kind == b"mluc":  # ICC v4: UTF-16BE records; take the first
                size = int.from_bytes(profile[offset + 20 : offset + 24], "big")
                start = int.from_bytes(profile[offset + 24 : offset + 28], "big")
                return _clean(profile[offset + start : offset + start + size].decode("utf-16-be"))
    except (ValueError, UnicodeDecodeError):
        pass
    return ""


def _blob(header: pyvips.Image, name: str) -> bytes:
    if header.get_typeof(name):
        value = header.get(name)
        return bytes(value) if value else b""
    return b""


def _read_with_pillow(path: Path, sources: _Sources) -> None:
    """Pillow reads the headers and stops before the pixels."""
    with warnings.catch_warnings():
        # detect() already refused pictures over the archive's own limit.
        warnings.simplefilter("ignore", Image.DecompressionBombWarning)
        try:
            picture = Image.open(path)
        except (UnidentifiedImageError, Image.DecompressionBombError, OSError, ValueError):
            return
    with picture:
        try:
            sources.exif = picture.getexif()
        except Exception:  # noqa: BLE001 — a broken EXIF block is simply no EXIF
            sources.exif = None
        try:
            iptc = IptcImagePlugin.getiptcinfo(picture) or {}
        except Exception:  # noqa: BLE001
            iptc = {}
        sources.iptc = _decode_iptc(iptc)
        xmp = picture.info.get("xmp") or picture.info.get("XML:com.adobe.xmp") or b""
        sources.xmp = _parse_xmp(xmp)


def _exif_from_bytes(data: bytes) -> Image.Exif | None:
    if not data:
        return None
    exif = Image.Exif()
    try:
        exif.load(data)
    except Exception:  # noqa: BLE001
        return None
    return exif


def _sub_ifd(exif: Image.Exif | None, tag: int) -> dict:
    if exif is None:
        return {}
    try:
        return dict(exif.get_ifd(tag))
    except Exception:  # noqa: BLE001
        return {}


def _decode_iptc(iptc: dict) -> dict:
    """IPTC datasets by name, as text. UTF-8 when the file says so (1:90) or when the
    bytes are valid UTF-8; else Windows-1257, the Baltic code page older tools wrote."""
    decoded: dict = {}
    names = {number: name for name, number in IPTC.items()}
    for number, value in iptc.items():
        name = names.get(number)
        if name is None:
            continue
        values = value if isinstance(value, list) else [value]
        texts = [_iim_text(item) for item in values]
        texts = [text for text in texts if text]
        if not texts:
            continue
        decoded[name] = texts if name == "Keywords" else texts[0]
    return decoded


def _iim_text(value) -> str:
    if not isinstance(value, bytes):
        return _clean(str(value))
    for encoding in ("utf-8", "cp1257"):
        try:
            return _clean(value.decode(encoding))
        except UnicodeDecodeError:
            continue
    return _clean(value.decode("latin-1"))


def _parse_xmp(data: bytes | str) -> dict:
    """The XMP properties we use, from anywhere in the packet: as attributes of an
    rdf:Description or as elements holding a value, an rdf:Alt, rdf:Seq or rdf:Bag."""
    if not data:
        return {}
    if isinstance(data, str):
        data = data.encode("utf-8")
    data = data.strip(b"\x00 \r\n\t")
    try:
        root = ElementTree.fromstring(data)
    except Exception:  # noqa: BLE001 — defusedxml refuses entities, broken XML is no XMP
        return {}
    wanted = {}
    for name in XMP_PROPERTIES:
        prefix, local = name.split(":")
        wanted[f"{{{NS[prefix]}}}{local}"] = name
    found: dict = {}
    for description in root.iter(f"{{{NS['rdf']}}}Description"):
        for attribute, value in description.attrib.items():
            if attribute in wanted and _clean(value):
                found.setdefault(wanted[attribute], _clean(value))
        for child in description:
            if child.tag in wanted:
                value = _xmp_value(child)
                if value:
                    found.setdefault(wanted[child.tag], value)
    return found


def _xmp_value(element) -> str | list[str]:
    for container in ("Alt", "Seq", "Bag"):
        holder = element.find(f"{{{NS['rdf']}}}{container}")
        if holder is None:
            continue
        items = holder.findall(f"{{{NS['rdf']}}}li")
        if container == "Alt":
            by_language = {item.get(XML_LANG, ""): _clean(item.text or "") for item in items}
            for language in ("lt", "lt-LT", "x-default"):
                if by_language.get(language):
                    return by_language[language]
            return next((text for text in by_language.values() if text), "")
        return [text for text in (_clean(item.text or "") for item in items) if text]
    resource = element.get(f"{{{NS['rdf']}}}resource")
    return _clean(element.text or resource or "")


def _raw_exif(ifd0: dict, exif_ifd: dict, gps_ifd: dict) -> dict:
    raw = {}
    for tags, names in (
        (ifd0, ExifTags.TAGS),
        (exif_ifd, ExifTags.TAGS),
        (gps_ifd, ExifTags.GPSTAGS),
    ):
        for tag, value in tags.items():
            if tag in SKIPPED_EXIF_TAGS or tag in (IFD_EXIF, IFD_GPS):
                continue
            name = names.get(tag, f"0x{tag:04x}")
            if name.startswith("XP"):
                value = _utf16(value)
            elif isinstance(value, str):
                value = _text(value)
            converted = _jsonable(value)
            if converted not in ("", None, [], {}):
                raw[name] = converted
    return raw


# Video and audio


def _read_stream_file(path: Path, detected: Detected, metadata: TechnicalMetadata) -> None:
    try:
        probed = probe.probe(path)
    except probe.ToolFailed:
        return
    container = probed.get("format", {})
    pictures = probe.picture_streams(probed)
    sounds = probe.sound_streams(probed)
    metadata.duration = probe.duration_of(probed)
    metadata.codecs = ", ".join(
        _unique([stream.get("codec_name", "") for stream in pictures[:1] + sounds[:1]])
    )
    if pictures and detected.kind == "video":
        metadata.width, metadata.height = _displayed_size(pictures[0])
    tags = {key.lower(): _clean(str(value)) for key, value in container.get("tags", {}).items()}
    for stream in pictures[:1] + sounds[:1]:
        for key, value in stream.get("tags", {}).items():
            tags.setdefault(key.lower(), _clean(str(value)))

    metadata.captured_at = _iso_moment(tags.get("com.apple.quicktime.creationdate")) or (
        _iso_moment(tags.get("creation_time"))
    )
    if metadata.captured_at and metadata.captured_at.year < 1971:
        metadata.captured_at = None  # an unset QuickTime clock (1904 or 1970)
    metadata.camera = _camera(
        _first_tag(tags, "com.apple.quicktime.make", "com.android.manufacturer", "make"),
        _first_tag(tags, "com.apple.quicktime.model", "com.android.model", "model"),
    )
    location = tags.get("com.apple.quicktime.location.iso6709") or tags.get("location", "")
    metadata.latitude, metadata.longitude = _iso6709(location)
    metadata.title = tags.get("title", "")
    metadata.creator = _first_tag(tags, "artist", "author", "composer")
    metadata.copyright = tags.get("copyright", "")
    metadata.description = _first_tag(tags, "description", "comment")
    metadata.keywords = _unique(tags.get("keywords", "").split(","))
    metadata.place = tags.get("com.apple.quicktime.location.name", "")

    metadata.raw["container"] = {
        key: _jsonable(container.get(key))
        for key in ("format_name", "format_long_name", "duration", "bit_rate", "size")
        if container.get(key) is not None
    }
    if tags:
        metadata.raw["tags"] = {key: _jsonable(value) for key, value in list(tags.items())[:40]}
    metadata.raw["streams"] = [_stream_summary(stream) for stream in pictures + sounds][:8]


def _first_tag(tags: dict, *names: str) -> str:
    return next((tags[name] for name in names if tags.get(name)), "")


def _displayed_size(stream: dict) -> tuple[int | None, int | None]:
    width, height = stream.get("width"), stream.get("height")
    if not width or not height:
        return None, None
    aspect = stream.get("sample_aspect_ratio", "1:1")
    match = re.fullmatch(r"(\d+):(\d+)", aspect or "")
    if match and int(match[1]) and int(match[2]) and match[1] != match[2]:
        width = round(width * int(match[1]) / int(match[2]))
    if abs(_rotation(stream)) % 180 == 90:
        width, height = height, width
    return width, height


def _rotation(stream: dict) -> int:
    for side_data in stream.get("side_data_list", []):
        if "rotation" in side_data:
            return _integer(side_data["rotation"]) or 0
    return _integer(stream.get("tags", {}).get("rotate")) or 0


def _stream_summary(stream: dict) -> dict:
    keys = (
        "codec_type",
        "codec_name",
        "profile",
        "width",
        "height",
        "pix_fmt",
        "avg_frame_rate",
        "sample_rate",
        "channels",
        "channel_layout",
        "bit_rate",
    )
    summary = {key: _jsonable(stream[key]) for key in keys if key in stream}
    if _rotation(stream):
        summary["rotation"] = _rotation(stream)
    return summary


# Drawings


def _read_drawing(path: Path, metadata: TechnicalMetadata) -> None:
    """The size librsvg gives the drawing (in CSS pixels) and its own <title> and <desc>."""
    content = svg.sanitise(path.read_bytes()).content
    try:
        header = pyvips.Image.svgload_buffer(content)
    except pyvips.Error:
        return
    metadata.width, metadata.height = header.width, header.height
    metadata.raw["drawing"] = {"width": header.width, "height": header.height}
    root = ElementTree.fromstring(content)
    for name in ("title", "desc"):
        element = root.find(f"{{{svg.SVG_NS}}}{name}")
        text = _clean(" ".join((element.text or "").split())) if element is not None else ""
        if name == "title":
            metadata.title = text
        else:
            metadata.description = text


# Documents


def _read_document(path: Path, detected: Detected, metadata: TechnicalMetadata) -> None:
    if detected.mime_type == design.PHOTOSHOP:
        _version, metadata.width, metadata.height = design.photoshop_header(path)
        return
    if detected.mime_type not in {"application/pdf", design.ILLUSTRATOR}:
        return
    with path.open("rb") as opened:
        if opened.read(5) != b"%PDF-" or not pyvips.type_find("VipsForeign", "pdfload"):
            return
    try:
        header = pyvips.Image.pdfload(str(path), access="sequential")
    except pyvips.Error:
        return
    fields = {name: header.get(name) for name in header.get_fields() if name.startswith("pdf-")}
    metadata.width, metadata.height = header.width, header.height
    metadata.title = _clean(str(fields.get("pdf-title", "")))
    metadata.creator = _clean(str(fields.get("pdf-author", "")))
    metadata.description = _clean(str(fields.get("pdf-subject", "")))
    metadata.keywords = _unique(re.split(r"[,;]", str(fields.get("pdf-keywords", ""))))
    pages = header.get("n-pages") if header.get_typeof("n-pages") else None
    metadata.raw["document"] = {
        "pages": pages,
        **{name.removeprefix("pdf-"): _jsonable(value) for name, value in fields.items()},
    }


# Values


def _clean(text: str) -> str:
    """Text as shown: no NUL (PostgreSQL refuses it), no padding."""
    return text.replace("\x00", " ").strip()


def _text(value) -> str:
    """An EXIF ASCII field. Pillow decodes it as Latin-1, but Lithuanian software (and
    exiftool) writes UTF-8 there; undo that when the bytes are UTF-8."""
    if value is None:
        return ""
    if isinstance(value, bytes):
        return _iim_text(value.split(b"\x00")[0])
    text = str(value)
    with contextlib.suppress(UnicodeEncodeError, UnicodeDecodeError):
        text = text.encode("latin-1").decode("utf-8")
    # Fields end at a NUL; EXIF Copyright puts the photographer's part first.
    return _clean(text.split("\x00")[0])


def _utf16(value) -> str:
    """Windows' XP* tags: UTF-16LE bytes (Pillow may give a tuple of byte values)."""
    if isinstance(value, tuple):
        try:
            value = bytes(value)
        except (TypeError, ValueError):
            return ""
    if not isinstance(value, bytes):
        return ""
    return _clean(value.decode("utf-16-le", "ignore"))


def _first(value) -> str:
    if isinstance(value, list):
        return value[0] if value else ""
    return value or ""


def _many(value) -> list[str]:
    if isinstance(value, list):
        return value
    return [value] if value else []


def _unique(values: list[str]) -> list[str]:
    seen, kept = set(), []
    for value in values:
        value = _clean(value or "")
        if value and value.casefold() not in seen:
            seen.add(value.casefold())
            kept.append(value)
    return kept


def _integer(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _camera(make: str, model: str) -> str:
    """ "Canon" + "Canon EOS R6" is "Canon EOS R6"; "NIKON CORPORATION" + "NIKON Z 6" too."""
    make, model = _clean(make), _clean(model)
    if not make or not model:
        return make or model
    if model.casefold().startswith(make.split()[0].casefold()):
        return model
    return f"{make} {model}"


EXIF_MOMENT = re.compile(r"(\d{4})[:-](\d{2})[:-](\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?")
OFFSET = re.compile(r"([+-])(\d{2}):?(\d{2})")


def _exif_moment(value, offset) -> datetime | None:
    match = EXIF_MOMENT.match(_text(value))
    if not match:
        return None
    try:
        moment = datetime(*(int(part or 0) for part in match.groups()))  # noqa: DTZ001 — zone set below
    except ValueError:  # "0000:00:00 00:00:00" and other unset clocks
        return None
    if moment.year < 1900:
        return None
    zone = _offset_zone(_text(offset))
    return moment.replace(tzinfo=zone or LOCAL_ZONE)


def _offset_zone(text: str) -> timezone | None:
    match = OFFSET.fullmatch(text.strip())
    if not match:
        return None
    minutes = int(match[2]) * 60 + int(match[3])
    if minutes > 14 * 60:
        return None
    return timezone(timedelta(minutes=-minutes if match[1] == "-" else minutes))


def _iso_moment(value: str | None) -> datetime | None:
    """ISO 8601 from XMP or ffprobe; without a zone it is Lithuanian time."""
    if not value:
        return None
    text = value.strip().replace("Z", "+00:00")
    text = re.sub(r"([+-]\d{2})(\d{2})$", r"\1:\2", text)  # "+0300" → "+03:00"
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return None
    if moment.year < 1900 or "T" not in text and " " not in text:
        return None  # a date alone says nothing of the hour
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=LOCAL_ZONE)
    return moment


def _iptc_moment(date: str, time: str) -> datetime | None:
    match = re.fullmatch(r"(\d{4})(\d{2})(\d{2})", date or "")
    if not match or not time:
        return None
    hour = re.match(r"(\d{2})(\d{2})(\d{2})([+-]\d{4})?", time)
    if not hour:
        return None
    try:
        moment = datetime(*map(int, match.groups()), *map(int, hour.groups()[:3]))  # noqa: DTZ001
    except ValueError:
        return None
    zone = _offset_zone(hour[4] or "")
    return moment.replace(tzinfo=zone or LOCAL_ZONE)


def _number(value) -> float | None:
    try:
        if isinstance(value, tuple) and len(value) == 2:  # (numerator, denominator)
            return value[0] / value[1]
        return float(value)
    except (TypeError, ValueError, ZeroDivisionError):
        return None


def _gps_degrees(value, reference, *, limit: int) -> Decimal | None:
    if not isinstance(value, tuple | list) or not value:
        return None
    parts = [_number(part) for part in value[:3]]
    if any(part is None or part != part for part in parts):
        return None
    degrees = sum(part / 60**index for index, part in enumerate(parts))
    if _text(reference).upper() in {"S", "W"}:
        degrees = -degrees
    return _decimal_degrees(degrees, limit)


XMP_DEGREES = re.compile(r"(\d+),(\d+(?:\.\d+)?)(?:,(\d+(?:\.\d+)?))?([NSEW])")


def _xmp_degrees(text: str, *, limit: int) -> Decimal | None:
    """XMP writes "54,41.234N" or "54,41,14N"."""
    match = re.fullmatch(
        r"(\d+),(\d+(?:\.\d+)?)(?:,(\d+(?:\.\d+)?))?([NSEW])", (text or "").strip()
    )
    if not match:
        return None
    degrees = int(match[1]) + float(match[2]) / 60 + float(match[3] or 0) / 3600
    return _decimal_degrees(-degrees if match[4] in "SW" else degrees, limit)


def _iso6709(text: str) -> tuple[Decimal | None, Decimal | None]:
    """Video location as ISO 6709: "+54.6872+025.2797+112.000/"."""
    match = re.match(r"([+-]\d+(?:\.\d+)?)([+-]\d+(?:\.\d+)?)", text or "")
    if not match:
        return None, None
    latitude = _decimal_degrees(float(match[1]), 90)
    longitude = _decimal_degrees(float(match[2]), 180)
    if latitude is None or longitude is None or not (latitude or longitude):
        return None, None
    return latitude, longitude


def _decimal_degrees(degrees: float, limit: int) -> Decimal | None:
    if not -limit <= degrees <= limit:
        return None
    try:
        return Decimal(repr(degrees)).quantize(MICRODEGREE)
    except InvalidOperation:
        return None


def _jsonable(value):
    """A value the technical panel can store as JSON."""
    if isinstance(value, bool | int) or value is None:
        return value
    if isinstance(value, float):
        return value if value == value and abs(value) != float("inf") else None
    if isinstance(value, str):
        return _clean(value)[:RAW_TEXT_LIMIT]
    if isinstance(value, bytes):
        text = _iim_text(value)
        return text[:RAW_TEXT_LIMIT] if text.isprintable() and len(value) <= 256 else None
    if isinstance(value, list | tuple):
        items = [_jsonable(item) for item in value[:50]]
        return [item for item in items if item is not None]
    if isinstance(value, dict):
        return {str(key): _jsonable(item) for key, item in list(value.items())[:50]}
    number = _number(value)  # IFDRational and the like
    if number is not None:
        return round(number, 6) if number == number else None
    return _clean(str(value))[:RAW_TEXT_LIMIT]
