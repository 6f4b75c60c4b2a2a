"""Media files made on the spot for tests, the bench and the demo: photos with EXIF, IPTC
and XMP as cameras and photo software write them, HEIC, CMYK and wide-gamut JPEGs, broken
and oversized files, video, audio and PDF. Each function writes one file and returns its path.

Everything is generated with libvips, Pillow and ffmpeg; nothing is downloaded.
"""

from __future__ import annotations

import random
import struct
import subprocess
import zlib
from pathlib import Path

import pyvips
from PIL import Image
from PIL.TiffImagePlugin import IFDRational

# What a camera of the department would write.
CAMERA_MAKE = "Canon"
CAMERA_MODEL = "Canon EOS R6"
LENS = "RF24-105mm F4 L IS USM"
PHOTOGRAPHER = "Rūta Petraitytė"
TAKEN = "2026:05:14 18:03:00"  # EXIF's own format, local time without a zone
FFMPEG_TIMEOUT = 120

IFD_EXIF, IFD_GPS = 0x8769, 0x8825


# Pictures


def scene(width: int, height: int, *, seed: int = 0) -> pyvips.Image:
    """An 8-bit sRGB picture with a colour gradient and a few shapes placed by `seed`.

    Different seeds give clearly different pictures (for near-duplicate tests); the
    content is lopsided, so a turned picture is told apart from an upright one.
    """
    rng = random.Random(seed)
    xyz = pyvips.Image.xyz(width, height)
    across, down = xyz[0] / width, xyz[1] / height
    start = [rng.randint(0, 255) for _ in range(3)]
    end = [rng.randint(0, 255) for _ in range(3)]
    weight = across if rng.random() < 0.5 else down
    if rng.random() < 0.5:
        weight = 1 - weight
    bands = [weight * (end[band] - start[band]) + start[band] for band in range(3)]
    picture = bands[0].bandjoin(bands[1:]).cast("uchar").copy(interpretation="srgb")
    unit = min(width, height)
    shapes = []
    for _ in range(6):
        colour = [rng.randint(0, 255) for _ in range(3)]
        left, top = rng.randint(0, width - 1), rng.randint(0, height - 1)
        if rng.random() < 0.5:
            shapes.append(("circle", colour, left, top, rng.randint(unit // 10, unit // 3)))
        else:
            size = rng.randint(unit // 8, unit // 2), rng.randint(unit // 8, unit // 2)
            shapes.append(("rect", colour, left, top, *size))
    # A bright block in the top-left corner marks which way is up.
    shapes.append(("rect", [255, 255, 255], 0, 0, max(width // 8, 1), max(height // 8, 1)))
    for kind, colour, *place in shapes:
        if kind == "circle":
            picture = picture.draw_circle(colour, *place, fill=True)
        else:
            picture = picture.draw_rect(colour, *place, fill=True)
    return picture


def photo_like(width: int, height: int, *, seed: int = 0) -> pyvips.Image:
    """A picture that compresses like a photograph: sky-to-ground gradients, soft texture,
    sensor grain, shapes and a caption. A 6000×4000 one is 5–10 MB as a JPEG of quality 92."""
    rng = random.Random(seed)
    xyz = pyvips.Image.xyz(width, height)
    across, down = xyz[0] / width, xyz[1] / height
    tint = [rng.uniform(-30, 30) for _ in range(3)]
    red = across * 80 + down * 120 + 60 + tint[0]
    green = down * 90 + 90 + tint[1]
    blue = 200 - down * 140 + tint[2]
    texture = pyvips.Image.gaussnoise(
        max(width // 16, 1), max(height // 16, 1), sigma=40, mean=0, seed=seed
    )
    texture = texture.resize(16, kernel="linear").crop(0, 0, width, height)
    grain = pyvips.Image.gaussnoise(width, height, sigma=6, mean=0, seed=seed + 1)
    # Drawing works on a copy in memory: make it once, as 8-bit (72 MB for 24 MP).
    picture = (red.bandjoin([green, blue]) + texture + grain).cast("uchar").copy_memory()
    picture = picture.copy(interpretation="srgb")
    unit = min(width, height)
    for _ in range(5):
        colour = [rng.randint(30, 230) for _ in range(3)]
        left, top = rng.randint(0, width - 1), rng.randint(0, height - 1)
        radius = rng.randint(unit // 20, unit // 5)
        picture = picture.draw_circle(colour, left, top, radius, fill=True)
    caption = pyvips.Image.text(
        "Šiaulių apskrities biblioteka", width=width // 2, dpi=max(72, unit // 8), font="sans bold"
    )
    left, top = width // 10, height - height // 5
    caption = caption.crop(
        0, 0, min(caption.width, width - left), min(caption.height, height - top)
    )
    area = picture.crop(left, top, caption.width, caption.height)
    return picture.insert(caption.ifthenelse([250, 250, 245], area, blend=True), left, top)


def camera_exif(
    *,
    orientation: int = 1,
    taken: str | None = TAKEN,
    offset: str | None = None,
    artist: str | None = PHOTOGRAPHER,
    make: str | None = CAMERA_MAKE,
    model: str | None = CAMERA_MODEL,
    lens: str | None = LENS,
    copyright: str | None = None,
    description: str | None = None,
    gps: tuple[float, float] | None = None,
) -> Image.Exif:
    """EXIF as a camera writes it. Text goes in as UTF-8 bytes, as exiftool and Lithuanian
    photo software write it into EXIF's "ASCII" fields; `gps` is (latitude, longitude)
    in decimal degrees, negative for south and west."""
    exif = Image.Exif()
    for tag, value in (
        (0x010F, make),
        (0x0110, model),
        (0x013B, artist),
        (0x8298, copyright),
        (0x010E, description),
    ):
        if value is not None:
            exif[tag] = value.encode("utf-8")
    exif[0x0112] = orientation
    details = exif.get_ifd(IFD_EXIF)
    if taken is not None:
        details[0x9003] = taken
    if offset is not None:
        details[0x9011] = offset
    if lens is not None:
        details[0xA434] = lens
    if gps is not None:
        latitude, longitude = gps
        position = exif.get_ifd(IFD_GPS)
        position[0] = b"\x02\x03\x00\x00"
        position[1] = "N" if latitude >= 0 else "S"
        position[2] = _degrees_minutes_seconds(abs(latitude))
        position[3] = "E" if longitude >= 0 else "W"
        position[4] = _degrees_minutes_seconds(abs(longitude))
    return exif


def _degrees_minutes_seconds(value: float) -> tuple[IFDRational, IFDRational, IFDRational]:
    degrees = int(value)
    minutes = int((value - degrees) * 60)
    seconds = round(((value - degrees) * 60 - minutes) * 60 * 10000)
    return IFDRational(degrees, 1), IFDRational(minutes, 1), IFDRational(seconds, 10000)


def jpeg_with_exif(
    path: Path,
    *,
    width: int = 400,
    height: int = 300,
    seed: int = 0,
    quality: int = 90,
    **exif_fields,
) -> Path:
    """A camera JPEG: `scene` pixels and the EXIF of `camera_exif(**exif_fields)`
    (orientation, taken, offset, artist, make, model, lens, copyright, description, gps)."""
    pixels = scene(width, height, seed=seed).jpegsave_buffer(Q=quality, strip=True)
    exif = camera_exif(**exif_fields).tobytes()
    path.write_bytes(_with_segments(pixels, [_segment(0xE1, exif)]))
    return path


def photo_jpeg(path: Path, *, width: int = 6000, height: int = 4000, seed: int = 0) -> Path:
    """A camera-sized photograph with camera EXIF, as the ingest bench uses (24 MP,
    5–10 MB)."""
    pixels = photo_like(width, height, seed=seed).jpegsave_buffer(Q=92, strip=True)
    taken = f"2026:05:14 18:{seed // 60 % 60:02d}:{seed % 60:02d}"
    exif = camera_exif(taken=taken).tobytes()
    path.write_bytes(_with_segments(pixels, [_segment(0xE1, exif)]))
    return path


def tagged_jpeg(
    path: Path,
    *,
    title: str = "Poezijos vakaras „Žodžių šviesa“",
    description: str = "Skaito Rūta Petraitytė; klausosi ąžuolų alėjos lankytojai.",
    keywords: tuple[str, ...] = ("poezija", "vakaras", "Šiauliai"),
    creator: str = PHOTOGRAPHER,
    copyright: str = "© Šiaulių apskrities Povilo Višinskio viešoji biblioteka",
    city: str = "Šiauliai",
    sublocation: str = "Konferencijų salė",
    created: str = "2026-05-14T18:03:00+03:00",
    iptc: bool = True,
    xmp: bool = True,
    raw_xmp: bytes | None = None,
    exif: Image.Exif | None = None,
    width: int = 400,
    height: int = 300,
    seed: int = 0,
) -> Path:
    """A JPEG with descriptive metadata as photo software writes it: IPTC (Photoshop's
    APP13, UTF-8 declared) and/or XMP (APP1), optionally with camera EXIF as well.
    `raw_xmp` replaces the XMP packet with the given bytes (for broken-XMP tests)."""
    pixels = scene(width, height, seed=seed).jpegsave_buffer(Q=90, strip=True)
    segments = []
    if exif is not None:
        segments.append(_segment(0xE1, exif.tobytes()))
    if iptc:
        segments.append(
            _segment(
                0xED,
                iptc_block(
                    {
                        (2, 5): [title],
                        (2, 120): [description],
                        (2, 25): list(keywords),
                        (2, 80): [creator],
                        (2, 116): [copyright],
                        (2, 90): [city],
                        (2, 92): [sublocation],
                        (2, 55): [created[:10].replace("-", "")],
                        (2, 60): [created[11:19].replace(":", "") + created[19:].replace(":", "")],
                    }
                ),
            )
        )
    if raw_xmp is not None:
        segments.append(_segment(0xE1, b"http://ns.adobe.com/xap/1.0/\x00" + raw_xmp))
    elif xmp:
        packet = xmp_packet(
            title=title,
            description=description,
            keywords=keywords,
            creator=creator,
            copyright=copyright,
            city=city,
            location=sublocation,
            created=created,
        )
        segments.append(_segment(0xE1, b"http://ns.adobe.com/xap/1.0/\x00" + packet))
    path.write_bytes(_with_segments(pixels, segments))
    return path


def iptc_block(datasets: dict[tuple[int, int], list[str]]) -> bytes:
    """Photoshop's APP13 payload holding IPTC-IIM datasets, declared UTF-8 (1:90)."""
    records = [(1, 90, b"\x1b%G")]
    for (record, number), values in datasets.items():
        records += [(record, number, value.encode("utf-8")) for value in values]
    iim = b"".join(
        b"\x1c" + bytes([record, number]) + struct.pack(">H", len(data)) + data
        for record, number, data in records
    )
    resource = b"8BIM" + struct.pack(">H", 0x0404) + b"\x00\x00" + struct.pack(">I", len(iim)) + iim
    if len(iim) % 2:
        resource += b"\x00"
    return b"Photoshop 3.0\x00" + resource


def xmp_packet(
    *,
    title: str,
    description: str,
    keywords: tuple[str, ...],
    creator: str,
    copyright: str,
    city: str,
    location: str,
    created: str,
) -> bytes:
    """An XMP packet as Lightroom writes one: language alternatives, a creator sequence,
    a keyword bag and location fields as attributes."""
    from xml.sax.saxutils import escape, quoteattr

    subjects = "".join(f"<rdf:li>{escape(word)}</rdf:li>" for word in keywords)
    return f"""<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/"
    xmlns:Iptc4xmpCore="http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/"
    photoshop:City={quoteattr(city)}
    photoshop:DateCreated={quoteattr(created)}
    Iptc4xmpCore:Location={quoteattr(location)}>
   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">{escape(title)}</rdf:li></rdf:Alt></dc:title>
   <dc:description><rdf:Alt>
    <rdf:li xml:lang="x-default">{escape(description)}</rdf:li>
   </rdf:Alt></dc:description>
   <dc:creator><rdf:Seq><rdf:li>{escape(creator)}</rdf:li></rdf:Seq></dc:creator>
   <dc:rights><rdf:Alt>
    <rdf:li xml:lang="x-default">{escape(copyright)}</rdf:li>
   </rdf:Alt></dc:rights>
   <dc:subject><rdf:Bag>{subjects}</rdf:Bag></dc:subject>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>""".encode()


def _segment(marker: int, payload: bytes) -> bytes:
    return bytes([0xFF, marker]) + struct.pack(">H", len(payload) + 2) + payload


def _with_segments(jpeg: bytes, segments: list[bytes]) -> bytes:
    """Put APPn segments into a JPEG after its own APP0/APPn headers."""
    position = 2  # after SOI
    while jpeg[position] == 0xFF and 0xE0 <= jpeg[position + 1] <= 0xEF:
        position += 2 + struct.unpack(">H", jpeg[position + 2 : position + 4])[0]
    return jpeg[:position] + b"".join(segments) + jpeg[position:]


def picture(path: Path, *, width: int = 400, height: int = 300, seed: int = 0) -> Path:
    """`scene` in the format its suffix names: .jpg, .png, .tif, .webp, .gif, .heic."""
    scene(width, height, seed=seed).write_to_file(str(path))
    return path


def heic(
    path: Path,
    *,
    width: int = 640,
    height: int = 480,
    seed: int = 0,
    exif: Image.Exif | None = None,
) -> Path:
    """A HEIC photo as a phone writes it, with camera EXIF inside when given."""
    image = scene(width, height, seed=seed)
    if exif is not None:
        image = image.copy()
        image.set_type(pyvips.GValue.blob_type, "exif-data", exif.tobytes())
    image.heifsave(str(path), Q=60, compression="hevc")
    return path


def cmyk_jpeg(path: Path, *, width: int = 400, height: int = 300, colour=(40, 160, 90)) -> Path:
    """A print shop's CMYK JPEG of one sRGB colour, with libvips' CMYK profile embedded."""
    pixels = (
        pyvips.Image.black(width, height).new_from_image(list(colour)).copy(interpretation="srgb")
    )
    pixels.icc_export(output_profile="cmyk").jpegsave(str(path), Q=95)
    return path


def wide_gamut_jpeg(
    path: Path,
    *,
    profile: str = "adobe-rgb",
    width: int = 400,
    height: int = 300,
    colour=(40, 160, 90),
) -> Path:
    """A JPEG in a wide-gamut RGB space, its profile embedded, holding one sRGB colour:
    its numbers differ from the sRGB ones, so a viewer that ignores the profile shows
    another colour. `profile` is "adobe-rgb" (Adobe RGB (1998), as cameras offer) or
    "p3" (Display P3, as phones shoot)."""
    pixels = (
        pyvips.Image.black(width, height).new_from_image(list(colour)).copy(interpretation="srgb")
    )
    if profile == "adobe-rgb":
        profile_file = path.with_name(f"{path.stem}-adobe-rgb.icc")
        profile_file.write_bytes(adobe_rgb_profile())
        pixels.icc_export(output_profile=str(profile_file)).jpegsave(str(path), Q=95)
        profile_file.unlink()
    else:
        pixels.icc_export(output_profile=profile).jpegsave(str(path), Q=95)
    return path


def adobe_rgb_profile() -> bytes:
    """An ICC v2 matrix/TRC display profile with the Adobe RGB (1998) primaries (adapted
    to D50, as ICC wants) and its 563/256 gamma, written out field by field."""

    def fixed(value: float) -> bytes:  # s15Fixed16Number
        return struct.pack(">i", round(value * 65536))

    def xyz(x: float, y: float, z: float) -> bytes:
        return b"XYZ " + bytes(4) + fixed(x) + fixed(y) + fixed(z)

    name = b"Adobe RGB (1998)"
    description = b"desc" + bytes(4) + struct.pack(">I", len(name) + 1) + name + b"\x00"
    description += bytes(4 + 4 + 2 + 1 + 67)  # no Unicode or ScriptCode names
    tags = [
        (b"desc", description),
        (b"cprt", b"text" + bytes(4) + b"No copyright, test profile\x00"),
        (b"wtpt", xyz(0.9642, 1.0, 0.8249)),
        (b"rXYZ", xyz(0.60974, 0.31111, 0.01947)),
        (b"gXYZ", xyz(0.20528, 0.62567, 0.06087)),
        (b"bXYZ", xyz(0.14919, 0.06322, 0.74457)),
    ]
    gamma = b"curv" + bytes(4) + struct.pack(">IH", 1, 563) + bytes(2)
    tags += [(b"rTRC", gamma), (b"gTRC", gamma), (b"bTRC", gamma)]
    table_size = 4 + 12 * len(tags)
    offset, table, data = 128 + table_size, b"", b""
    for signature, body in tags:
        body += bytes(-len(body) % 4)  # tags start on 4-byte boundaries
        table += signature + struct.pack(">II", offset + len(data), len(body))
        data += body
    size = 128 + table_size + len(data)
    header = struct.pack(">I", size) + b"lcms" + bytes.fromhex("02100000") + b"mntrRGB XYZ "
    header += struct.pack(">6H", 2026, 5, 14, 18, 3, 0) + b"acsp" + bytes(24)
    header += struct.pack(">I", 0) + fixed(0.9642) + fixed(1.0) + fixed(0.8249)
    header += bytes(128 - len(header))
    return header + struct.pack(">I", len(tags)) + table + data


def sixteen_bit_png(path: Path, *, width: int = 300, height: int = 200) -> Path:
    """A 16-bit RGB PNG with an alpha channel (half-transparent), as scanners and
    editors write them."""
    colour = scene(width, height).cast("ushort") * 257
    alpha = (pyvips.Image.black(width, height) + 32768).cast("ushort")
    colour.bandjoin(alpha).copy(interpretation="rgb16").pngsave(str(path))
    return path


def large_jpeg(path: Path, *, width: int = 12_000, height: int = 8_400) -> Path:
    """A real, legal 100-megapixel JPEG (a panorama or a scan), written in a stream."""
    xyz = pyvips.Image.xyz(width, height)
    red = xyz[0] * (255 / width)
    green = xyz[1] * (255 / height)
    blue = (xyz[0] + xyz[1]) * (255 / (width + height))
    grain = pyvips.Image.gaussnoise(width, height, sigma=4, mean=0)
    image = (red.bandjoin([green, blue]) + grain).cast("uchar").copy(interpretation="srgb")
    image.jpegsave(str(path), Q=80, strip=True)
    return path


def truncated_jpeg(path: Path, *, keep: float = 0.5) -> Path:
    """A JPEG cut off part way through its picture data, as an interrupted copy leaves
    it: the header is whole, the picture is not."""
    whole = scene(800, 600).jpegsave_buffer(Q=90)
    path.write_bytes(whole[: int(len(whole) * keep)])
    return path


def damaged_jpeg_header(path: Path) -> Path:
    """A file that starts like a JPEG and then holds nothing readable."""
    path.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(random.Random(1).randbytes(200)))
    return path


def png_bomb(path: Path, *, width: int = 100_000, height: int = 100_000) -> Path:
    """A few-kilobyte PNG whose header declares `width` × `height` pixels: decoding it
    would take tens of gigabytes (a decompression bomb)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    rows = zlib.compress((b"\x00" + b"\x00" * width) * 8, 9)
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)  # 8-bit greyscale
    path.write_bytes(
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", rows) + chunk(b"IEND", b"")
    )
    return path


# Video, audio, documents

# Suffix → (video encoder arguments, audio encoder arguments).
VIDEO_CODECS = {
    ".mp4": (["-c:v", "libx264", "-pix_fmt", "yuv420p"], ["-c:a", "aac"]),
    ".mov": (["-c:v", "libx264", "-pix_fmt", "yuv420p"], ["-c:a", "aac"]),
    ".mkv": (["-c:v", "libx264", "-pix_fmt", "yuv420p"], ["-c:a", "aac"]),
    ".webm": (["-c:v", "libvpx", "-b:v", "500k"], ["-c:a", "libopus"]),
    ".avi": (["-c:v", "mpeg4"], ["-c:a", "libmp3lame"]),
    ".mpg": (["-c:v", "mpeg2video"], ["-c:a", "mp2"]),
}
AUDIO_CODECS = {
    ".mp3": ["-c:a", "libmp3lame"],
    ".wav": ["-c:a", "pcm_s16le"],
    ".flac": ["-c:a", "flac"],
    ".ogg": ["-c:a", "libvorbis"],
    ".opus": ["-c:a", "libopus"],
    ".m4a": ["-c:a", "aac"],
}


def _ffmpeg(arguments: list[str]) -> None:
    subprocess.run(  # noqa: S603 - a test helper running ffmpeg with fixed arguments
        ["ffmpeg", "-nostdin", "-hide_banner", "-loglevel", "error", "-y", *arguments],  # noqa: S607
        check=True,
        timeout=FFMPEG_TIMEOUT,
    )


def video(
    path: Path,
    *,
    seconds: float = 2,
    width: int = 640,
    height: int = 360,
    sound: bool = True,
    creation_time: str | None = None,
    title: str | None = None,
    location: str | None = None,
    rotate: int | None = None,
    faststart: bool = True,
) -> Path:
    """A test-card video with a 440 Hz tone, in the container its suffix names (.mp4,
    .mov, .mkv, .webm, .avi, .mpg). `creation_time` is ISO 8601 in UTC, `location`
    ISO 6709 ("+55.9349+023.3137/"), `rotate` a display rotation in degrees as phones set."""
    inputs = ["-f", "lavfi", "-i", f"testsrc=size={width}x{height}:rate=25:duration={seconds}"]
    if sound:
        inputs += ["-f", "lavfi", "-i", f"sine=frequency=440:sample_rate=48000:duration={seconds}"]
    tags = []
    for key, value in (("creation_time", creation_time), ("title", title), ("location", location)):
        if value is not None:
            tags += ["-metadata", f"{key}={value}"]
    video_codec, audio_codec = VIDEO_CODECS[path.suffix.lower()]
    codecs = video_codec + (audio_codec if sound else [])
    flags = (
        ["-movflags", "+faststart"] if faststart and path.suffix.lower() in {".mp4", ".mov"} else []
    )
    target = path.with_name(f"unrotated-{path.name}") if rotate else path
    _ffmpeg([*inputs, *codecs, *tags, *flags, str(target)])
    if rotate:
        _ffmpeg(
            [
                "-i",
                str(target),
                "-c",
                "copy",
                "-metadata:s:v:0",
                f"rotate={rotate}",
                *tags,
                str(path),
            ]
        )
        target.unlink()
    return path


def audio(
    path: Path,
    *,
    seconds: float = 2,
    title: str | None = None,
    artist: str | None = None,
) -> Path:
    """A rising tone in the format its suffix names (.mp3, .wav, .flac, .ogg/.opus, .m4a)."""
    tags = []
    for key, value in (("title", title), ("artist", artist)):
        if value is not None:
            tags += ["-metadata", f"{key}={value}"]
    _ffmpeg(
        [
            "-f",
            "lavfi",
            "-i",
            f"sine=frequency=330:beep_factor=2:sample_rate=48000:duration={seconds}",
            *AUDIO_CODECS[path.suffix.lower()],
            *tags,
            str(path),
        ]
    )
    return path


def pdf(
    path: Path, *, title: str = "Renginių programa – gegužė", author: str = PHOTOGRAPHER
) -> Path:
    """A one-page A4 PDF with a title and an author in its document information."""
    page = Image.frombytes("RGB", (595, 842), scene(595, 842, seed=7).write_to_memory())
    page.save(path, "PDF", title=title, author=author, resolution=72)
    return path
