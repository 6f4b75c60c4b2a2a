"""Design files made on the spot for tests: SVG drawings (clean and hostile), and minimal
but realistic Illustrator, Photoshop, InDesign (INDD and IDML) and Affinity files laid out
as those programs write them. Each function writes one file and returns its path.

Everything is built here from bytes, Pillow and libvips; nothing is downloaded.
"""

from __future__ import annotations

import base64
import struct
import zipfile
import zlib
from pathlib import Path

from sklaida.archive.tests.media_files import scene

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
# A one-pixel red PNG, as a design program embeds a placed picture.
RED_DOT_PNG = base64.b64encode(scene(1, 1).pngsave_buffer()).decode()


# SVG


def svg(path: Path, body: str = "", *, width: int = 400, height: int = 200, head: str = "") -> Path:
    """An SVG drawing of `width` × `height` px: a blue field with a red disc (what a user
    recognises in the preview), `body` added inside the root, `head` before it."""
    path.write_text(
        f'<?xml version="1.0" encoding="UTF-8"?>\n{head}'
        f'<svg xmlns="{SVG_NS}" xmlns:xlink="{XLINK_NS}" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}">\n'
        f"  <title>Vasaros skaitymų logotipas</title>\n"
        f'  <rect width="{width}" height="{height}" fill="#1f4e79"/>\n'
        f'  <circle cx="{width // 2}" cy="{height // 2}" r="{min(width, height) // 3}" '
        f'fill="#e30613"/>\n'
        f"{body}"
        f"</svg>\n",
        encoding="utf-8",
    )
    return path


def illustrator_svg(path: Path) -> Path:
    """An SVG as Illustrator exports it: a generator comment, a DOCTYPE pointing to the
    SVG 1.1 DTD, classes in a <style> element, and no width or height, only a viewBox."""
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n'
        "<!-- Generator: Adobe Illustrator 28.0.0, SVG Export Plug-In . SVG Version: 6.00 "
        "Build 0)  -->\n"
        '<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" '
        '"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">\n'
        f'<svg version="1.1" id="Layer_1" xmlns="{SVG_NS}" xmlns:xlink="{XLINK_NS}" '
        'x="0px" y="0px" viewBox="0 0 300 300" style="enable-background:new 0 0 300 300;" '
        'xml:space="preserve">\n'
        '<style type="text/css">\n\t.st0{fill:#E30613;}\n\t.st1{fill:#FFFFFF;}\n</style>\n'
        '<rect class="st1" width="300" height="300"/>\n'
        '<circle class="st0" cx="150" cy="150" r="120"/>\n'
        "</svg>\n",
        encoding="utf-8",
    )
    return path


# Illustrator: a PDF with Illustrator's own data beside the page


def illustrator(
    path: Path,
    *,
    width: int = 400,
    height: int = 300,
    title: str = "Plakatas",
    editing_data: bool = True,
) -> Path:
    """An .ai file as Illustrator saves it with "Create PDF Compatible File" on: a PDF
    whose page shows the artwork (a red and a blue block on white), XMP naming Illustrator
    as the creator tool, and the private data (/AIMetaData, /AIPrivateData1 with its %AI
    marks) that Illustrator reads back. Without `editing_data`, a PDF exported from
    Illustrator for the printer: the same page and creator, no private data."""
    content = (
        b"1 1 1 rg 0 0 %d %d re f\n1 0 0 rg 20 20 200 100 re f\n0 0 1 rg 250 150 100 100 re f\n"
    )
    content %= (width, height)
    xmp = (
        '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>\n'
        '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF '
        'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        '<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/" '
        'xmlns:illustrator="http://ns.adobe.com/illustrator/1.0/">'
        "<xmp:CreatorTool>Adobe Illustrator 28.0 (Windows)</xmp:CreatorTool>"
        "<illustrator:Type>Document</illustrator:Type>"
        "</rdf:Description></rdf:RDF></x:xmpmeta>\n"
        '<?xpacket end="w"?>'
    ).encode()
    metadata = (
        b"%!PS-Adobe-3.0 \r%%Creator: Adobe Illustrator(R) 24.0\r%%AI8_CreatorVersion: 28.0.0"
        b"\r%%For: (Ruta Petraityte) ()\r%%Title: (Plakatas.ai)\r%%EndComments\r"
    )
    private = b"%AI24_ZStandard_Data" + zlib.compress(b"layers and artboards " * 40)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R /Metadata 6 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] /Contents 4 0 R %s>>"
        % (width, height, b"/PieceInfo << /Illustrator 7 0 R >> " if editing_data else b""),
        _stream(content),
        b"<< /Creator (Adobe Illustrator 28.0 \\(Windows\\)) /Producer (Adobe PDF library 17.00) "
        b"/Title (" + title.encode("latin-1") + b") >>",
        _stream(xmp, b"/Type /Metadata /Subtype /XML"),
        b"<< /LastModified (D:20260514180300+03'00') /Private 8 0 R >>",
        b"<< /AIMetaData 9 0 R /AIPrivateData1 10 0 R /ContainerVersion 12 "
        b"/CreatorVersion 28 /NumBlock 1 /RoundtripVersion 24 >>",
        _stream(metadata),
        _stream(private),
    ]
    path.write_bytes(_pdf(objects if editing_data else objects[:6], info=5))
    return path


def _stream(data: bytes, entries: bytes = b"") -> bytes:
    return b"<< %s /Length %d >>\nstream\n%s\nendstream" % (entries, len(data), data)


def _pdf(objects: list[bytes], *, info: int) -> bytes:
    out = bytearray(b"%PDF-1.6\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R /Info %d 0 R >>\n" % (len(objects) + 1, info)
    out += b"startxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


def illustrator_postscript(path: Path) -> Path:
    """An Illustrator 8 file: PostScript, no PDF inside, hence no preview to show."""
    path.write_bytes(
        b"%!PS-Adobe-3.0 \n%%Creator: Adobe Illustrator(R) 8.0\n%%AI8_CreatorVersion: 8.0\n"
        b"%%For: (Dizainas) ()\n%%Title: (Logotipas.ai)\n%%BoundingBox: 0 0 200 100\n"
        b"%%EndComments\n%AI5_FileFormat 4.0\n%%EOF\n"
    )
    return path


# Photoshop


def photoshop(
    path: Path, *, width: int = 300, height: int = 200, thumbnail: bool = True, version: int = 1
) -> Path:
    """A flattened 8-bit RGB .psd as Photoshop writes it: the header, the image resources
    (with the small JPEG thumbnail, resource 1036, when asked), no layers, and the
    composite image, uncompressed and one channel after another."""
    picture = scene(width, height, seed=3)
    pixels = bytes(picture.write_to_memory())
    planes = b"".join(pixels[channel::3] for channel in range(3))
    resources = b""
    if thumbnail:
        small = scene(max(width // 4, 1), max(height // 4, 1), seed=3).jpegsave_buffer(Q=80)
        header = struct.pack(
            ">IIIIIIHH", 1, width // 4, height // 4, (width // 4) * 3, len(small), len(small), 24, 1
        )
        resources = _resource(1036, header + small)
    section_length = ">I" if version == 1 else ">Q"
    data = (
        b"8BPS"
        + struct.pack(">H6xHIIHH", version, 3, height, width, 8, 3)  # RGB, 8 bits a channel
        + struct.pack(">I", 0)  # colour mode data
        + struct.pack(">I", len(resources))
        + resources
        + struct.pack(section_length, 0)  # layer and mask information
        + struct.pack(">H", 0)  # raw composite
        + planes
    )
    path.write_bytes(data)
    return path


def _resource(identifier: int, data: bytes) -> bytes:
    padded = data + (b"\x00" if len(data) % 2 else b"")
    return (
        b"8BIM"
        + struct.pack(">H", identifier)
        + b"\x00\x00"
        + struct.pack(">I", len(data))
        + padded
    )


# InDesign

INDD_MASTER_PAGE = bytes.fromhex("0606EDF5D81D46E5BD31EFE7FE74B71D")
INDD_CONTIGUOUS_OBJECT = bytes.fromhex("DE393979518845B48E63EEF8AEE0DD38")


def indesign(path: Path, *, thumbnail: bool = True, width: int = 256, height: int = 362) -> Path:
    """An .indd as InDesign writes it: two 4 KB master pages starting with InDesign's
    GUID, the document's database, and its XMP in a contiguous object, with a page
    thumbnail as a base64 JPEG broken into lines by "&#xA;" (as InDesign escapes them)."""
    master = INDD_MASTER_PAGE + b"DOCUMENT" + b"\x01" + b"\x00" * (4096 - 25)
    packet = _xmp(
        "<xmp:CreatorTool>Adobe InDesign 19.0 (Windows)</xmp:CreatorTool>"
        + (_xmp_thumbnail(width, height) if thumbnail else "")
    )
    contiguous = (
        INDD_CONTIGUOUS_OBJECT
        + struct.pack("<II", 7, len(packet))
        + packet
        + bytes.fromhex("FDCEDBB70DF84BE6A89A3D5F1C5FA0B4")
    )
    database = bytes(range(256)) * 16
    path.write_bytes(master + master + database + contiguous)
    return path


def _xmp(inner: str) -> bytes:
    return (
        '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>\n'
        '<x:xmpmeta xmlns:x="adobe:ns:meta/" x:xmptk="Adobe XMP Core 9.1-c001">\n'
        ' <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">\n'
        '  <rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/" '
        'xmlns:xmpGImg="http://ns.adobe.com/xap/1.0/g/img/">\n'
        f"   {inner}\n"
        "  </rdf:Description>\n </rdf:RDF>\n</x:xmpmeta>\n"
        '<?xpacket end="r"?>'
    ).encode()


def _xmp_thumbnail(width: int, height: int) -> str:
    jpeg = scene(width, height, seed=5).jpegsave_buffer(Q=85)
    encoded = base64.b64encode(jpeg).decode()
    lines = "&#xA;".join(encoded[start : start + 76] for start in range(0, len(encoded), 76))
    return (
        '<xmp:Thumbnails><rdf:Alt><rdf:li rdf:parseType="Resource">'
        f"<xmpGImg:format>JPEG</xmpGImg:format><xmpGImg:width>{width}</xmpGImg:width>"
        f"<xmpGImg:height>{height}</xmpGImg:height><xmpGImg:image>{lines}</xmpGImg:image>"
        "</rdf:li></rdf:Alt></xmp:Thumbnails>"
    )


def idml(path: Path) -> Path:
    """An InDesign Markup package as InDesign exports it: a ZIP whose first entry,
    stored uncompressed, is `mimetype`; no preview picture inside."""
    with zipfile.ZipFile(path, "w") as package:
        package.writestr(
            zipfile.ZipInfo("mimetype"),
            "application/vnd.adobe.indesign-idml-package",
            compress_type=zipfile.ZIP_STORED,
        )
        package.writestr(
            "designmap.xml",
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<?aid style="50" type="document" readerVersion="6.0" featureSet="257" '
            'product="19.0(56)" ?>\n'
            '<Document xmlns:idPkg="http://ns.adobe.com/AdobeInDesign/idml/1.0/packaging" '
            'DOMVersion="19.0" Self="d"><idPkg:Spread src="Spreads/Spread_u1.xml"/></Document>',
            compress_type=zipfile.ZIP_DEFLATED,
        )
        package.writestr(
            "META-INF/container.xml",
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">'
            '<rootfiles><rootfile full-path="designmap.xml" media-type="text/xml"/></rootfiles>'
            "</container>",
            compress_type=zipfile.ZIP_DEFLATED,
        )
        package.writestr(
            "Spreads/Spread_u1.xml",
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><idPkg:Spread '
            'xmlns:idPkg="http://ns.adobe.com/AdobeInDesign/idml/1.0/packaging"/>',
            compress_type=zipfile.ZIP_DEFLATED,
        )
    return path


# Affinity


def affinity(path: Path, *, thumbnail: bool = True, width: int = 320, height: int = 240) -> Path:
    """An .afdesign as Affinity Designer writes it: its header ("\\0\\xffKA", version,
    "nsrP", "#Inf"), compressed document data, and the PNG thumbnail stored as it is."""
    header = b"\x00\xffKA" + struct.pack("<I", 10) + b"nsrP" + b"#Inf"
    header += struct.pack("<QQQ", 4096, 512, 2048) + b"Prot" + b"\x00" * 32 + b"#Fil"
    data = zlib.compress(b"artboard layer curve fill " * 200)
    png = scene(width, height, seed=9).pngsave_buffer() if thumbnail else b""
    path.write_bytes(header + data + png + zlib.compress(b"trailer " * 50))
    return path
