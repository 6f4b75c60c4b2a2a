"""What the headers of photos, videos, recordings and PDFs say, read into
TechnicalMetadata: EXIF, IPTC and XMP with Lithuanian letters, times, places and sizes."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from PIL import Image
from PIL.TiffImagePlugin import IFDRational

from sklaida.archive import media
from sklaida.archive.tests import media_files

VILNIUS = ZoneInfo("Europe/Vilnius")
MICRODEGREES = Decimal("0.000002")


def metadata_of(path) -> media.TechnicalMetadata:
    return media.read_metadata(path, media.detect(path))


def test_a_camera_photo_gives_camera_lens_photographer_and_the_moment_in_vilnius_time(tmp_path):
    photo = media_files.jpeg_with_exif(tmp_path / "IMG_0001.JPG")

    read = metadata_of(photo)

    assert read.camera == "Canon EOS R6"
    assert read.lens == "RF24-105mm F4 L IS USM"
    assert read.creator == "Rūta Petraitytė"
    assert read.captured_at == datetime(2026, 5, 14, 18, 3, tzinfo=VILNIUS)
    assert read.captured_at.utcoffset() == timedelta(hours=3)  # summer time
    assert (read.width, read.height, read.orientation) == (400, 300, 1)


def test_a_camera_that_records_its_time_offset_is_believed(tmp_path):
    photo = media_files.jpeg_with_exif(tmp_path / "IMG_0002.JPG", offset="+01:00")

    read = metadata_of(photo)

    assert read.captured_at.utcoffset() == timedelta(hours=1)
    assert read.captured_at.astimezone(UTC) == datetime(2026, 5, 14, 17, 3, tzinfo=UTC)


def test_gps_position_becomes_signed_decimal_degrees(tmp_path):
    north_east = media_files.jpeg_with_exif(tmp_path / "siauliai.jpg", gps=(55.934900, 23.3137))
    south_west = media_files.jpeg_with_exif(
        tmp_path / "buenos-aires.jpg", gps=(-34.603722, -58.381592)
    )

    siauliai, buenos_aires = metadata_of(north_east), metadata_of(south_west)

    assert abs(siauliai.latitude - Decimal("55.934900")) <= MICRODEGREES
    assert abs(siauliai.longitude - Decimal("23.313700")) <= MICRODEGREES
    assert abs(buenos_aires.latitude - Decimal("-34.603722")) <= MICRODEGREES
    assert abs(buenos_aires.longitude - Decimal("-58.381592")) <= MICRODEGREES
    assert buenos_aires.latitude.as_tuple().exponent == -6


def test_a_photo_turned_by_its_exif_orientation_reports_the_size_as_shown(tmp_path):
    photo = media_files.jpeg_with_exif(
        tmp_path / "IMG_0003.JPG", width=400, height=300, orientation=6
    )

    read = metadata_of(photo)

    assert (read.width, read.height, read.orientation) == (300, 400, 6)


def test_iptc_written_by_photo_software_is_read_with_lithuanian_letters(tmp_path):
    photo = media_files.tagged_jpeg(tmp_path / "vakaras.jpg", xmp=False)

    read = metadata_of(photo)

    assert read.title == "Poezijos vakaras „Žodžių šviesa“"
    assert read.description == "Skaito Rūta Petraitytė; klausosi ąžuolų alėjos lankytojai."
    assert read.creator == "Rūta Petraitytė"
    assert read.copyright == "© Šiaulių apskrities Povilo Višinskio viešoji biblioteka"
    assert read.keywords == ["poezija", "vakaras", "Šiauliai"]
    assert read.place == "Konferencijų salė, Šiauliai"
    assert read.captured_at == datetime(2026, 5, 14, 18, 3, tzinfo=VILNIUS)


def test_xmp_alone_gives_the_same_descriptive_fields(tmp_path):
    photo = media_files.tagged_jpeg(
        tmp_path / "vakaras.jpg",
        iptc=False,
        title="Ąžuolų alėja",
        keywords=("ąžuolai", "ruduo"),
        city="Kuršėnai",
        sublocation="Vaikų skyrius",
        created="2026-10-02T11:30:00",
    )

    read = metadata_of(photo)

    assert read.title == "Ąžuolų alėja"
    assert read.creator == "Rūta Petraitytė"
    assert read.copyright.startswith("© Šiaulių")
    assert read.keywords == ["ąžuolai", "ruduo"]
    assert read.place == "Vaikų skyrius, Kuršėnai"
    # No zone in the file: Lithuanian time (winter or summer as the date falls).
    assert read.captured_at == datetime(2026, 10, 2, 11, 30, tzinfo=VILNIUS)


def test_keywords_in_both_iptc_and_xmp_are_listed_once_in_their_order(tmp_path):
    photo = media_files.tagged_jpeg(
        tmp_path / "vakaras.jpg", keywords=("Poezija", "vakaras", "poezija", "Šiauliai")
    )

    assert metadata_of(photo).keywords == ["Poezija", "vakaras", "Šiauliai"]


def test_camera_exif_and_photo_software_fields_come_together(tmp_path):
    photo = media_files.tagged_jpeg(
        tmp_path / "vakaras.jpg",
        exif=media_files.camera_exif(artist="Ruta Petraityte", gps=(55.9349, 23.3137)),
    )

    read = metadata_of(photo)

    # The photo software's Unicode name wins over the camera's ASCII one.
    assert read.creator == "Rūta Petraitytė"
    assert read.camera == "Canon EOS R6"
    assert read.latitude is not None
    assert read.captured_at == datetime(2026, 5, 14, 18, 3, tzinfo=VILNIUS)


def test_a_heic_photo_gives_its_size_and_camera_exif(tmp_path):
    photo = media_files.heic(tmp_path / "IMG_0004.HEIC", exif=media_files.camera_exif())

    read = metadata_of(photo)

    assert (read.width, read.height) == (640, 480)
    assert read.camera == "Canon EOS R6"
    assert read.creator == "Rūta Petraitytė"
    assert read.captured_at == datetime(2026, 5, 14, 18, 3, tzinfo=VILNIUS)


def test_odd_and_broken_metadata_leaves_fields_empty_instead_of_failing(tmp_path):
    exif = Image.Exif()
    exif[0x0112] = 99  # no such orientation
    exif[0x010E] = "OLYMPUS DIGITAL CAMERA"  # what the camera writes when nobody did
    exif.get_ifd(0x8769)[0x9003] = "0000:00:00 00:00:00"  # clock never set
    gps = exif.get_ifd(0x8825)
    gps[1], gps[3] = "N", "E"
    gps[2] = (IFDRational(54, 0), IFDRational(0, 0), IFDRational(0, 0))
    gps[4] = (IFDRational(25, 1), IFDRational(0, 1), IFDRational(0, 1))
    billion_laughs = (
        b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
        b"<x:xmpmeta xmlns:x='adobe:ns:meta/'>&lol2;</x:xmpmeta>"
    )
    photo = media_files.tagged_jpeg(
        tmp_path / "odd.jpg", iptc=False, raw_xmp=billion_laughs, exif=exif
    )

    read = metadata_of(photo)

    assert read.orientation == 1
    assert read.description == ""
    assert read.captured_at is None
    assert (read.latitude, read.longitude) == (None, None)
    assert read.title == ""
    assert (read.width, read.height) == (400, 300)


def test_the_technical_summary_is_plain_json_with_the_letters_intact(tmp_path):
    photo = media_files.tagged_jpeg(tmp_path / "vakaras.jpg", exif=media_files.camera_exif())

    raw = metadata_of(photo).raw

    assert json.loads(json.dumps(raw)) == raw
    assert raw["exif"]["Model"] == "Canon EOS R6"
    assert raw["exif"]["Artist"] == "Rūta Petraitytė"
    assert raw["iptc"]["City"] == "Šiauliai"
    assert raw["xmp"]["dc:title"] == "Poezijos vakaras „Žodžių šviesa“"
    assert raw["picture"]["width"] == 400


def test_a_video_gives_duration_codecs_size_time_place_and_title(tmp_path):
    clip = media_files.video(
        tmp_path / "vakaras.mp4",
        seconds=2,
        width=640,
        height=360,
        creation_time="2026-05-14T15:03:00Z",
        title="Poezijos vakaras Šiauliuose",
        location="+55.9349+023.3137/",
    )

    read = metadata_of(clip)

    assert read.duration == pytest.approx(2, abs=0.1)
    assert read.codecs == "h264, aac"
    assert (read.width, read.height) == (640, 360)
    assert read.captured_at == datetime(2026, 5, 14, 15, 3, tzinfo=UTC)
    assert read.captured_at.astimezone(VILNIUS).hour == 18
    assert read.title == "Poezijos vakaras Šiauliuose"
    assert (read.latitude, read.longitude) == (Decimal("55.934900"), Decimal("23.313700"))
    assert [stream["codec_type"] for stream in read.raw["streams"]] == ["video", "audio"]


def test_a_phone_video_held_upright_reports_its_size_as_shown(tmp_path):
    clip = media_files.video(tmp_path / "upright.mp4", width=640, height=360, rotate=90)

    read = metadata_of(clip)

    assert (read.width, read.height) == (360, 640)


def test_a_recording_gives_duration_codec_title_and_artist(tmp_path):
    recording = media_files.audio(
        tmp_path / "skaitymai.mp3", seconds=3, title="Skaitymai", artist="Rūta Petraitytė"
    )

    read = metadata_of(recording)

    assert read.duration == pytest.approx(3, abs=0.1)
    assert read.codecs == "mp3"
    assert (read.title, read.creator) == ("Skaitymai", "Rūta Petraitytė")
    assert (read.width, read.height) == (None, None)


def test_a_pdf_gives_its_title_author_and_page_size(tmp_path):
    document = media_files.pdf(tmp_path / "programa.pdf")

    read = metadata_of(document)

    assert read.title == "Renginių programa – gegužė"
    assert read.creator == "Rūta Petraitytė"
    assert (read.width, read.height) == (595, 842)
    assert read.raw["document"]["pages"] == 1


def test_the_technical_summary_names_the_colour_profile(tmp_path):
    photo = media_files.wide_gamut_jpeg(tmp_path / "adobe.jpg", profile="adobe-rgb")

    picture = metadata_of(photo).raw["picture"]

    assert picture["icc_profile"] == "Adobe RGB (1998)"
    assert (picture["colour_space"], picture["bits_per_sample"]) == ("srgb", 8)
