"""Renditions made from an original: JPEG sizes of a picture (libvips, decoded once with
shrink-on-load), an SVG drawing drawn by librsvg, a video's poster frame and web proxy and
an audio waveform (ffmpeg), a PDF's or an Illustrator file's first page, the preview a
design file carries; and the perceptual hash that finds near-duplicates."""

from __future__ import annotations

import ctypes
import ctypes.util
import logging
from dataclasses import dataclass
from pathlib import Path

import pyvips
from django.utils.translation import gettext as _

from sklaida.archive.media import design, probe, svg
from sklaida.archive.media.detection import SVG, Detected, format_name
from sklaida.archive.media.errors import RenditionError, UnsupportedFile
from sklaida.archive.media.metadata import icc_description

logger = logging.getLogger(__name__)

# Long edge in pixels; a smaller original is never enlarged.
RENDITION_SIZES = {"thumb": 320, "preview": 1024, "web": 2048}
VIDEO_PICTURE_SIZES = {"thumb": 320, "preview": 1024, "poster": 2048}
DOCUMENT_SIZES = {"thumb": 320, "preview": 1024}
# Documents whose preview is their first page, drawn by libvips' PDF loader.
PAGE_TYPES = {"application/pdf", design.ILLUSTRATOR}
JPEG_QUALITY = 82
# The web copy: long edge at most 1280 px (so at most 1280 wide), even sides as H.264 4:2:0
# needs them; a phone video held upright stays upright (ffmpeg applies the rotation).
PROXY_SCALE = (
    "scale=w='if(gte(iw,ih),trunc(min(1280,iw)/2)*2,-2)'"
    ":h='if(gte(iw,ih),-2,trunc(min(1280,ih)/2)*2)'"
)
WAVEFORM_SIZE = "1200x200"
WAVEFORM_COLOUR = "0x1f4e79"
POSTER_AT = 0.1  # of the duration: past fades and slates

# Each file is opened once and never again, so libvips' operation cache only holds
# memory and open files; without it memory stays flat over thousands of files.
pyvips.cache_set_max(0)
pyvips.cache_set_max_mem(0)
pyvips.cache_set_max_files(0)


@dataclass
class RenditionSet:
    files: dict[str, Path]  # rendition name → file written in out_dir
    perceptual_hash: str = ""  # 16 hex digits, "" when there is no picture


def make_renditions(path: Path, detected: Detected, out_dir: Path) -> RenditionSet:
    """Write the renditions of `path` into `out_dir`.

    Raises RenditionError (a translated sentence) when the file's decoder fails.
    """
    path, out_dir = Path(path), Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    try:
        return _renditions_by_kind(path, detected, out_dir)
    finally:
        _release_freed_memory()


def _renditions_by_kind(path: Path, detected: Detected, out_dir: Path) -> RenditionSet:
    if detected.kind == "image" and detected.mime_type == SVG:
        return _drawing_renditions(path, out_dir)
    if detected.kind == "image":
        return picture_renditions(path, detected.mime_type, out_dir, RENDITION_SIZES)
    if detected.kind == "video":
        return _video_renditions(path, out_dir)
    if detected.kind == "audio":
        return _audio_renditions(path, out_dir)
    if detected.kind == "document":
        made = _document_renditions(path, detected, out_dir)
        # White first pages look alike; a document's hash would only find false twins.
        return RenditionSet(made.files, "")
    return RenditionSet({}, "")


def no_preview_note(extension: str) -> str:
    """What a document's page says when its renditions are made and there are none: the
    format carries no preview picture (an IDML package, a PostScript-era AI file)."""
    return _(
        "This %(format)s file carries no preview picture, so there is nothing to show "
        "here. Download the original to open it in its program."
    ) % {"format": format_name(extension)}


def hamming(a: str, b: str) -> int:
    """How many of the 64 bits of two perceptual hashes differ (64 when one is missing)."""
    try:
        return (int(a, 16) ^ int(b, 16)).bit_count()
    except (TypeError, ValueError):
        return 64


def _release_freed_memory() -> None:
    """Hand back to the system what libvips' threads freed. glibc keeps it in per-thread
    arenas, where it fragments: a worker grew by 50 MB over 20 photos without this, and
    stays flat with it (a few milliseconds a file)."""
    if _malloc_trim is not None:
        _malloc_trim(0)


def _find_malloc_trim():
    try:
        return ctypes.CDLL(ctypes.util.find_library("c")).malloc_trim
    except (OSError, AttributeError, TypeError):  # not glibc
        return None


_malloc_trim = _find_malloc_trim()


# Pictures


def picture_renditions(
    path: Path, mime_type: str, out_dir: Path, sizes: dict[str, int]
) -> RenditionSet:
    """JPEGs of the given long edges: the original is decoded once, shrunk on load to the
    largest size, and every smaller one is made from the one before it in memory."""
    files: dict[str, Path] = {}
    try:
        picture = _decoded_for(path, mime_type, max(sizes.values()))
        for name, size in sorted(sizes.items(), key=lambda item: -item[1]):
            picture = _fitted(picture, size).copy_memory()
            target = out_dir / f"{name}.jpg"
            picture.jpegsave(str(target), Q=JPEG_QUALITY, strip=True)
            files[name] = target
        return RenditionSet(files, difference_hash(picture))
    except pyvips.Error as error:
        logger.info("libvips could not decode %s: %s", path, error)
        raise RenditionError(
            _("The picture could not be decoded: the file is damaged or incomplete.")
        ) from error


def _decoded_for(path: Path, mime_type: str, size: int) -> pyvips.Image:
    """The picture upright, in 8-bit sRGB without alpha, with a long edge of at most
    `size`, in memory."""
    if mime_type == "image/jpeg":
        picture = _jpeg_shrunk(path, size)
    else:
        # thumbnail() knows each format's shrink-on-load (WebP, HEIF, PDF, pyramids)
        # and turns the picture upright itself.
        picture = pyvips.Image.thumbnail(
            str(path), size, height=size, size="down", fail_on="truncated"
        ).copy_memory()
    return _as_srgb(picture)


def _jpeg_shrunk(path: Path, size: int) -> pyvips.Image:
    """libjpeg scales by 1/2, 1/4 or 1/8 while it decodes; take the largest that stays
    above `size`, then resize the rest of the way.

    thumbnail() would decode a 6000-px JPEG at full size for a 2048-px rendition (it
    keeps a factor of two for its final resize), which costs twice as much."""
    header = pyvips.Image.jpegload(str(path), access="sequential")
    long_edge = max(header.width, header.height)
    shrink = 1
    while shrink < 8 and long_edge / (shrink * 2) >= size:
        shrink *= 2
    picture = pyvips.Image.jpegload(
        str(path), shrink=shrink, access="sequential", fail_on="truncated"
    )
    # Small now: turn it upright in memory, where random access is cheap.
    picture = _fitted(picture, size).copy_memory()
    if picture.get_typeof("orientation") and picture.get("orientation") != 1:
        picture = picture.autorot()
    return picture


def _fitted(picture: pyvips.Image, size: int) -> pyvips.Image:
    """Shrunk (Lanczos 3) to a long edge of `size`, or as it is when not larger.

    resize() rather than thumbnail_image(): on a picture in memory it does the same at
    half the cost (no box pre-shrink, no colour-space round trip)."""
    long_edge = max(picture.width, picture.height)
    if long_edge <= size:
        return picture
    return picture.resize(size / long_edge, kernel="lanczos3")


def _as_srgb(picture: pyvips.Image) -> pyvips.Image:
    """Colour-manage to sRGB when the file says it is in another space, drop alpha onto
    white, and make it 8-bit RGB."""
    profile = b""
    if picture.get_typeof("icc-profile-data"):
        profile = bytes(picture.get("icc-profile-data"))
    foreign_profile = profile and "srgb" not in icc_description(profile).lower().replace(" ", "")
    if picture.interpretation == "cmyk" or foreign_profile:
        # Through Lab with libvips' own sRGB formulas: its built-in sRGB ICC profile
        # shifts saturated colours (a P3 green lost half its red in a round trip).
        # Relative colorimetric, as Photoshop converts by default.
        try:
            picture = picture.icc_import(
                embedded=True,
                input_profile="cmyk" if picture.interpretation == "cmyk" else "srgb",
                intent="relative",
            ).colourspace("srgb")
        except pyvips.Error:
            logger.info("Colour profile not usable; converting without it", exc_info=True)
    if picture.hasalpha():
        maximum = 65535 if picture.format == "ushort" else 255
        picture = picture.flatten(background=[maximum], max_alpha=maximum)
    if picture.interpretation != "srgb" or picture.format != "uchar":
        picture = picture.colourspace("srgb")
    if picture.format != "uchar":
        picture = picture.cast("uchar")
    if picture.bands > 3:
        picture = picture.extract_band(0, n=3)
    return picture


def difference_hash(picture: pyvips.Image) -> str:
    """64-bit dHash: shrink to 9×8 grey and record whether each pixel is brighter than
    its right neighbour. Brightening, recompressing or resizing leaves it nearly alike."""
    grey = picture.colourspace("b-w").extract_band(0)
    tiny = grey.thumbnail_image(9, height=8, size="force")
    pixels = tiny.cast("uchar").write_to_memory()
    bits = 0
    for row in range(8):
        for column in range(8):
            left, right = pixels[row * 9 + column], pixels[row * 9 + column + 1]
            bits = bits << 1 | (left > right)
    return f"{bits:016x}"


# Drawings and design files

# A drawing has no pixels of its own: it is drawn at the largest rendition's size.
DRAWING_SIZE = max(RENDITION_SIZES.values())


def _drawing_renditions(path: Path, out_dir: Path) -> RenditionSet:
    """An SVG drawn by librsvg (libvips' svgload) as a PNG whose long edge is the web
    size, then the picture renditions of that PNG (flattened on white). Drawn from the
    sanitised bytes: the stored original already is, and sanitising again is cheap."""
    drawn = out_dir / "drawing.png"
    try:
        content = svg.sanitise(path.read_bytes()).content
        header = pyvips.Image.svgload_buffer(content)
        scale = DRAWING_SIZE / max(header.width, header.height, 1)
        pyvips.Image.svgload_buffer(content, scale=scale).pngsave(str(drawn))
    except (UnsupportedFile, pyvips.Error) as error:
        logger.info("librsvg could not draw %s: %s", path, error)
        raise RenditionError(
            _("The drawing could not be drawn: the SVG file is damaged or incomplete.")
        ) from error
    try:
        return picture_renditions(drawn, "image/png", out_dir, RENDITION_SIZES)
    finally:
        drawn.unlink(missing_ok=True)


def _document_renditions(path: Path, detected: Detected, out_dir: Path) -> RenditionSet:
    """A PDF's or an AI file's first page; the preview a design file carries; or none."""
    if detected.mime_type in PAGE_TYPES:
        with path.open("rb") as opened:
            is_pdf = opened.read(5) == b"%PDF-"  # an AI file of Illustrator 8 is PostScript
        if not is_pdf or not pyvips.type_find("VipsForeign", "pdfload"):
            return RenditionSet({}, "")
        return picture_renditions(path, "application/pdf", out_dir, DOCUMENT_SIZES)
    preview = design.embedded_preview(path, detected.mime_type, out_dir)
    if preview is None:
        return RenditionSet({}, "")
    try:
        return picture_renditions(preview, "", out_dir, DOCUMENT_SIZES)
    except RenditionError as error:
        raise RenditionError(
            _("The preview picture inside the file could not be decoded: it is damaged.")
        ) from error
    finally:
        preview.unlink(missing_ok=True)


# Video and audio


def _video_renditions(path: Path, out_dir: Path) -> RenditionSet:
    try:
        probed = probe.probe(path)
    except probe.ToolFailed as error:
        logger.info("ffprobe could not read %s: %s", path, error)
        raise RenditionError(_video_damaged()) from error
    streams = probe.picture_streams(probed)
    if not streams:
        raise RenditionError(_("The video holds no pictures."))
    stream = f"0:{streams[0]['index']}"
    duration = probe.duration_of(probed) or 0.0
    frame = out_dir / "frame.jpg"
    try:
        _extract_frame(path, stream, frame, [duration * POSTER_AT, 0.0] if duration > 1 else [0.0])
        made = picture_renditions(frame, "image/jpeg", out_dir, VIDEO_PICTURE_SIZES)
    finally:
        frame.unlink(missing_ok=True)
    proxy = out_dir / "proxy.mp4"
    try:
        probe.run_ffmpeg(
            ["-i", str(path), "-map", stream, "-map", "0:a:0?"]
            + ["-vf", PROXY_SCALE, "-c:v", "libx264", "-preset", "veryfast", "-crf", "23"]
            + ["-pix_fmt", "yuv420p", "-c:a", "aac", "-b:a", "128k", "-ac", "2"]
            + ["-map_metadata", "-1", "-movflags", "+faststart", str(proxy)],
            timeout=120 + 3 * duration,
        )
    except probe.ToolFailed as error:
        proxy.unlink(missing_ok=True)
        logger.info("ffmpeg could not make the proxy of %s: %s", path, error)
        raise RenditionError(_video_damaged()) from error
    return RenditionSet({**made.files, "proxy": proxy}, made.perceptual_hash)


def _video_damaged() -> str:
    return _("The video could not be decoded: the file is damaged or incomplete.")


def _extract_frame(path: Path, stream: str, frame: Path, moments: list[float]) -> None:
    """The first of `moments` (seconds) that yields a frame, as a JPEG in square pixels."""
    last_error: probe.ToolFailed | None = None
    for moment in moments:
        try:
            probe.run_ffmpeg(
                ["-ss", f"{moment:.3f}", "-i", str(path), "-map", stream, "-frames:v", "1"]
                + ["-vf", "scale='trunc(iw*sar/2)*2':'trunc(ih/2)*2',setsar=1"]
                + ["-q:v", "2", "-f", "image2", str(frame)],
                timeout=120,
            )
        except probe.ToolFailed as error:
            last_error = error
            continue
        if frame.exists() and frame.stat().st_size > 0:
            return
    logger.info("ffmpeg found no frame in %s: %s", path, last_error)
    raise RenditionError(_video_damaged())


def _audio_renditions(path: Path, out_dir: Path) -> RenditionSet:
    try:
        duration = probe.duration_of(probe.probe(path)) or 0.0
        waveform = out_dir / "waveform.png"
        probe.run_ffmpeg(
            ["-i", str(path), "-filter_complex"]
            + [
                f"[0:a:0]aformat=channel_layouts=mono,"
                # Square-root scale: quiet speech still shows; peaks: no sound is hidden.
                f"showwavespic=s={WAVEFORM_SIZE}:colors={WAVEFORM_COLOUR}"
                f":scale=sqrt:filter=peak[wave]"
            ]
            + ["-map", "[wave]", "-frames:v", "1", str(waveform)],
            timeout=60 + duration / 5,
        )
    except probe.ToolFailed as error:
        logger.info("ffmpeg could not draw the waveform of %s: %s", path, error)
        raise RenditionError(
            _("The recording could not be decoded: the file is damaged or incomplete.")
        ) from error
    thumb = picture_renditions(waveform, "image/png", out_dir, {"thumb": 320})
    return RenditionSet({"waveform": waveform, **thumb.files}, "")
