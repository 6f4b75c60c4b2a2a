"""Renditions as a person sees them: JPEG sizes upright and in sRGB, posters and web copies
of videos, waveforms of recordings, PDF pages; bounded memory on huge photos; perceptual
hashes that find near-duplicates."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import magic
import pytest
import pyvips
from django.utils import translation

from sklaida.archive import media
from sklaida.archive.tests import media_files

ROOT = Path(__file__).resolve().parents[3]


def renditions_of(path: Path, out_dir: Path) -> media.RenditionSet:
    return media.make_renditions(path, media.detect(path), out_dir)


def size_of(path: Path) -> tuple[int, int]:
    header = pyvips.Image.new_from_file(str(path))
    return header.width, header.height


def colour_at(path: Path, x: int, y: int) -> list[float]:
    return pyvips.Image.new_from_file(str(path)).getpoint(x, y)


def probe(path: Path) -> dict:
    answer = subprocess.run(  # noqa: S603
        ["ffprobe", "-v", "error", "-print_format", "json", "-show_streams", str(path)],  # noqa: S607
        capture_output=True,
        check=True,
        timeout=30,
    )
    return json.loads(answer.stdout)


def test_a_photo_gets_web_preview_and_thumbnail_jpegs_without_its_metadata(tmp_path):
    photo = media_files.jpeg_with_exif(
        tmp_path / "IMG_0001.JPG", width=3000, height=2000, gps=(55.93, 23.31)
    )

    made = renditions_of(photo, tmp_path / "out")

    assert set(made.files) == {"web", "preview", "thumb"}
    assert size_of(made.files["web"]) == (2048, 1365)
    assert size_of(made.files["preview"]) == (1024, 683)
    assert size_of(made.files["thumb"]) == (320, 213)
    for name, path in made.files.items():
        assert path == tmp_path / "out" / f"{name}.jpg"
        assert magic.from_file(str(path), mime=True) == "image/jpeg"
        # No EXIF: neither the photographer's position nor the camera goes public.
        assert "exif-data" not in pyvips.Image.new_from_file(str(path)).get_fields()


def test_a_small_photo_is_never_enlarged(tmp_path):
    photo = media_files.jpeg_with_exif(tmp_path / "small.jpg", width=400, height=300)

    made = renditions_of(photo, tmp_path / "out")

    assert size_of(made.files["web"]) == (400, 300)
    assert size_of(made.files["preview"]) == (400, 300)
    assert size_of(made.files["thumb"]) == (320, 240)


def test_a_photo_with_exif_orientation_six_comes_out_upright_in_portrait(tmp_path):
    # Stored 400×300 with the white corner mark top-left; orientation 6 means "turn a
    # quarter clockwise to show", which brings the mark to the top-right.
    photo = media_files.jpeg_with_exif(
        tmp_path / "IMG_0002.JPG", width=400, height=300, orientation=6
    )

    made = renditions_of(photo, tmp_path / "out")

    assert size_of(made.files["web"]) == (300, 400)
    assert size_of(made.files["thumb"]) == (240, 320)
    assert min(colour_at(made.files["web"], 290, 10)) > 240  # the mark, now top-right
    assert min(colour_at(made.files["web"], 10, 10)) < 200  # the scene, not the mark


def test_a_cmyk_jpeg_comes_out_as_srgb(tmp_path):
    photo = media_files.cmyk_jpeg(tmp_path / "plakatas.jpg", colour=(40, 160, 90))
    assert pyvips.Image.new_from_file(str(photo)).interpretation == "cmyk"

    made = renditions_of(photo, tmp_path / "out")

    web = pyvips.Image.new_from_file(str(made.files["web"]))
    assert (web.bands, web.interpretation) == (3, "srgb")
    assert web.getpoint(200, 150) == pytest.approx([40, 160, 90], abs=6)


@pytest.mark.parametrize("profile", ["adobe-rgb", "p3"])
def test_an_adobe_rgb_or_display_p3_jpeg_is_converted_to_srgb_colours(tmp_path, profile):
    photo = media_files.wide_gamut_jpeg(
        tmp_path / "photo.jpg", profile=profile, colour=(40, 160, 90)
    )
    stored = colour_at(photo, 200, 150)
    # Read as if it were sRGB, the stored numbers would show another green.
    assert max(abs(a - b) for a, b in zip(stored, [40, 160, 90], strict=True)) > 15

    made = renditions_of(photo, tmp_path / "out")

    assert colour_at(made.files["web"], 200, 150) == pytest.approx([40, 160, 90], abs=6)


def test_a_sixteen_bit_png_with_transparency_comes_out_8_bit_on_white(tmp_path):
    picture = media_files.sixteen_bit_png(tmp_path / "scan.png", width=300, height=200)
    half_transparent = colour_at(picture, 150, 100)[:3]

    made = renditions_of(picture, tmp_path / "out")

    web = pyvips.Image.new_from_file(str(made.files["web"]))
    assert (web.bands, web.format) == (3, "uchar")
    expected = [(value / 257 + 255) / 2 for value in half_transparent]
    assert web.getpoint(150, 100) == pytest.approx(expected, abs=6)


def test_a_heic_photo_gets_jpeg_renditions(tmp_path):
    photo = media_files.heic(tmp_path / "IMG_0003.HEIC", width=640, height=480)

    made = renditions_of(photo, tmp_path / "out")

    assert magic.from_file(str(made.files["web"]), mime=True) == "image/jpeg"
    assert size_of(made.files["web"]) == (640, 480)
    assert size_of(made.files["thumb"]) == (320, 240)
    assert len(made.perceptual_hash) == 16


@pytest.mark.parametrize("suffix", [".png", ".tif", ".webp", ".gif"])
def test_other_picture_formats_get_the_same_renditions(tmp_path, suffix):
    picture = media_files.picture(tmp_path / f"picture{suffix}", width=1200, height=900)

    made = renditions_of(picture, tmp_path / "out")

    assert size_of(made.files["preview"]) == (1024, 768)
    assert magic.from_file(str(made.files["preview"]), mime=True) == "image/jpeg"


def test_a_jpeg_cut_off_in_its_picture_data_fails_at_renditions_with_a_reason(tmp_path):
    # Detection passes (its header is whole: see test_media_detect); the decoder finds the
    # end missing. libvips would otherwise pad the picture with grey and say nothing.
    truncated = media_files.truncated_jpeg(tmp_path / "IMG_0004.JPG")

    with translation.override("en"), pytest.raises(media.RenditionError) as failed:
        renditions_of(truncated, tmp_path / "out")

    assert str(failed.value) == (
        "The picture could not be decoded: the file is damaged or incomplete."
    )


def test_a_100_megapixel_photo_makes_renditions_in_bounded_memory(tmp_path):
    panorama = media_files.large_jpeg(tmp_path / "panorama.jpg", width=12_000, height=8_400)
    # Measured in a fresh process, as its peak resident size (VmHWM). Not ru_maxrss: Linux
    # carries that over from the forking pytest process, hiding any growth below it.
    script = (
        "import json, re, sys\n"
        "from pathlib import Path\n"
        "from sklaida.archive.media import Detected, make_renditions\n"
        "def peak_kb():\n"
        "    return int(re.search(r'VmHWM:\\s+(\\d+)', open('/proc/self/status').read())[1])\n"
        "before = peak_kb()\n"
        "made = make_renditions(Path(sys.argv[1]), Detected('image', 'image/jpeg', '.jpg'),"
        " Path(sys.argv[2]))\n"
        "print(json.dumps({'growth_mb': (peak_kb() - before) / 1024,"
        " 'web': str(made.files['web'])}))\n"
    )
    finished = subprocess.run(  # noqa: S603
        [sys.executable, "-c", script, str(panorama), str(tmp_path / "out")],
        cwd=ROOT,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "sklaida.settings"},
        capture_output=True,
        text=True,
        timeout=180,
        check=True,
    )
    measured = json.loads(finished.stdout.strip().splitlines()[-1])

    # Decoded whole, the picture alone would take 300 MB.
    assert measured["growth_mb"] < 100
    assert size_of(Path(measured["web"])) == (2048, 1434)


def test_a_video_gets_a_poster_previews_and_a_web_copy_that_plays(tmp_path):
    clip = media_files.video(tmp_path / "vakaras.mov", seconds=2, width=1600, height=900)

    made = renditions_of(clip, tmp_path / "out")

    assert set(made.files) == {"poster", "preview", "thumb", "proxy"}
    assert size_of(made.files["poster"]) == (1600, 900)
    assert size_of(made.files["preview"]) == (1024, 576)
    assert size_of(made.files["thumb"]) == (320, 180)
    streams = probe(made.files["proxy"])["streams"]
    assert [(s["codec_type"], s["codec_name"]) for s in streams] == [
        ("video", "h264"),
        ("audio", "aac"),
    ]
    assert (streams[0]["width"], streams[0]["height"]) == (1280, 720)
    assert float(streams[0]["duration"]) == pytest.approx(2, abs=0.1)
    # +faststart: the index comes before the data, so a browser plays while loading.
    proxy = made.files["proxy"].read_bytes()
    assert proxy.index(b"moov") < proxy.index(b"mdat")
    assert len(made.perceptual_hash) == 16


def test_a_video_held_upright_gets_portrait_poster_and_web_copy(tmp_path):
    clip = media_files.video(tmp_path / "upright.mp4", width=640, height=360, rotate=90)

    made = renditions_of(clip, tmp_path / "out")

    assert size_of(made.files["poster"]) == (360, 640)
    stream = probe(made.files["proxy"])["streams"][0]
    assert (stream["width"], stream["height"]) == (360, 640)


def test_a_video_without_sound_gets_a_silent_web_copy(tmp_path):
    clip = media_files.video(
        tmp_path / "silent.webm", seconds=1, width=320, height=240, sound=False
    )

    made = renditions_of(clip, tmp_path / "out")

    assert [s["codec_type"] for s in probe(made.files["proxy"])["streams"]] == ["video"]


def test_a_file_that_is_no_video_fails_at_renditions_with_a_reason(tmp_path):
    garbage = tmp_path / "broken.mp4"
    garbage.write_bytes(b"\x00\x00\x00\x18ftypmp42" + bytes(range(256)) * 40)

    with translation.override("en"), pytest.raises(media.RenditionError) as failed:
        media.make_renditions(garbage, media.Detected("video", "video/mp4", ".mp4"), tmp_path)

    assert "could not be decoded" in str(failed.value)


def test_a_recording_gets_a_waveform_and_a_thumbnail(tmp_path):
    recording = media_files.audio(tmp_path / "skaitymai.flac", seconds=3)

    made = renditions_of(recording, tmp_path / "out")

    assert set(made.files) == {"waveform", "thumb"}
    assert magic.from_file(str(made.files["waveform"]), mime=True) == "image/png"
    assert size_of(made.files["waveform"]) == (1200, 200)
    assert size_of(made.files["thumb"])[0] == 320
    assert made.perceptual_hash == ""


def test_a_pdf_gets_previews_of_its_first_page(tmp_path):
    document = media_files.pdf(tmp_path / "programa.pdf")

    made = renditions_of(document, tmp_path / "out")

    assert set(made.files) == {"preview", "thumb"}
    assert size_of(made.files["preview"]) == (595, 842)
    assert size_of(made.files["thumb"]) == (226, 320)


def photo(path: Path, picture: pyvips.Image, quality: int = 90) -> Path:
    picture.jpegsave(str(path), Q=quality)
    return path


def test_near_identical_photos_have_close_hashes_and_different_photos_far_ones(tmp_path):
    originals, variants = [], []
    for seed in range(1, 6):
        picture = media_files.scene(1600, 1200, seed=seed)
        originals.append(photo(tmp_path / f"original-{seed}.jpg", picture))
        # The same shot, brightened a little, resized and recompressed.
        edited = (picture * 1.08 + 6).cast("uchar").resize(0.75)
        variants.append(photo(tmp_path / f"edited-{seed}.jpg", edited, quality=70))

    hashes = [renditions_of(path, tmp_path / path.stem).perceptual_hash for path in originals]
    edited_hashes = [renditions_of(p, tmp_path / p.stem).perceptual_hash for p in variants]

    for original, edited in zip(hashes, edited_hashes, strict=True):
        assert media.hamming(original, edited) <= 6
    for index, one in enumerate(hashes):
        for other in hashes[index + 1 :]:
            assert media.hamming(one, other) > 12


def test_hamming_counts_the_differing_bits():
    assert media.hamming("0000000000000000", "0000000000000000") == 0
    assert media.hamming("0000000000000000", "000000000000000f") == 4
    assert media.hamming("ffffffffffffffff", "0000000000000000") == 64
    assert media.hamming("", "0000000000000000") == 64
