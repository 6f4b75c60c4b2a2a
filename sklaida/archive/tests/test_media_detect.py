"""What a file is, from its content: supported types, refused types, broken headers and
decompression bombs."""

from __future__ import annotations

import time
import zipfile

import pytest
from django.utils import translation

from sklaida.archive import media
from sklaida.archive.tests import media_files


def refusal(path) -> str:
    """The English message a person sees when the file is refused."""
    with translation.override("en"), pytest.raises(media.UnsupportedFile) as refused:
        media.detect(path)
    return str(refused.value)


@pytest.mark.parametrize(
    ("maker", "kind", "mime_type", "extension"),
    [
        (lambda path: media_files.jpeg_with_exif(path), "image", "image/jpeg", ".jpg"),
        (lambda path: media_files.picture(path.with_suffix(".png")), "image", "image/png", ".png"),
        (lambda path: media_files.picture(path.with_suffix(".tif")), "image", "image/tiff", ".tif"),
        (
            lambda path: media_files.picture(path.with_suffix(".webp")),
            "image",
            "image/webp",
            ".webp",
        ),
        (lambda path: media_files.picture(path.with_suffix(".gif")), "image", "image/gif", ".gif"),
        (lambda path: media_files.heic(path), "image", "image/heic", ".heic"),
        (lambda path: media_files.pdf(path), "document", "application/pdf", ".pdf"),
    ],
)
def test_pictures_and_documents_are_known_by_their_content_not_their_name(
    tmp_path, maker, kind, mime_type, extension
):
    made = maker(tmp_path / "file")
    misnamed = made.rename(tmp_path / "IMG_0001.bin")

    assert media.detect(misnamed) == media.Detected(kind, mime_type, extension)


@pytest.mark.parametrize(
    ("suffix", "mime_type"),
    [
        (".mp4", "video/mp4"),
        (".mov", "video/quicktime"),
        (".webm", "video/webm"),
        (".mkv", "video/x-matroska"),
        (".avi", "video/x-msvideo"),
        (".mpg", "video/mpeg"),
    ],
)
def test_videos_of_every_supported_container_are_detected(tmp_path, suffix, mime_type):
    clip = media_files.video(tmp_path / f"clip{suffix}", seconds=1, width=320, height=240)

    assert media.detect(clip) == media.Detected("video", mime_type, suffix)


@pytest.mark.parametrize(
    ("suffix", "mime_type"),
    [
        (".mp3", "audio/mpeg"),
        (".wav", "audio/wav"),
        (".flac", "audio/flac"),
        (".ogg", "audio/ogg"),
        (".opus", "audio/ogg"),
        (".m4a", "audio/mp4"),
    ],
)
def test_recordings_of_every_supported_format_are_detected(tmp_path, suffix, mime_type):
    recording = media_files.audio(tmp_path / f"recording{suffix}", seconds=1)

    assert media.detect(recording) == media.Detected("audio", mime_type, suffix)


def test_a_video_container_holding_only_sound_is_a_recording(tmp_path):
    memo = media_files.video(tmp_path / "memo.mp4", seconds=1)
    sound_only = tmp_path / "voice.mp4"
    media_files._ffmpeg(["-i", str(memo), "-vn", "-c", "copy", str(sound_only)])

    assert media.detect(sound_only) == media.Detected("audio", "audio/mp4", ".m4a")


def test_a_text_file_named_like_a_photo_is_refused_and_the_message_says_what_it_is(tmp_path):
    notes = tmp_path / "photo.jpg"
    notes.write_text("Pastabos po renginio: padėkoti savanoriams.\n", encoding="utf-8")

    message = refusal(notes)

    assert (
        message == "The file is not a photo, video, audio, PDF or design file (it is text/plain)."
    )


def test_a_zip_archive_named_like_a_photo_is_refused(tmp_path):
    archive = tmp_path / "photo.jpg"
    with zipfile.ZipFile(archive, "w") as bundle:
        bundle.writestr("IMG_0001.JPG", b"\xff\xd8\xff\xe0 not really")

    assert "(it is application/zip)" in refusal(archive)


def test_an_empty_file_is_refused(tmp_path):
    empty = tmp_path / "IMG_0002.JPG"
    empty.touch()

    assert refusal(empty) == "The file is empty."


def test_a_jpeg_whose_header_is_garbage_is_refused(tmp_path):
    damaged = media_files.damaged_jpeg_header(tmp_path / "IMG_0003.JPG")

    assert refusal(damaged) == "The photo cannot be read: the file is damaged or incomplete."


def test_a_jpeg_cut_off_in_its_picture_data_passes_detection(tmp_path):
    # Its header is whole, and detection reads only headers: the missing picture data
    # is found when renditions are made (see test_media_renditions), where the asset
    # then shows "failed" with the reason, and the original is kept as it came.
    truncated = media_files.truncated_jpeg(tmp_path / "IMG_0004.JPG")

    assert media.detect(truncated).kind == "image"


def test_a_video_that_ffprobe_cannot_open_is_refused(tmp_path):
    # Without +faststart the index (moov) is written last; an interrupted copy loses it.
    clip = media_files.video(tmp_path / "clip.mp4", seconds=1, faststart=False)
    cut = tmp_path / "cut.mp4"
    cut.write_bytes(clip.read_bytes()[: clip.stat().st_size // 2])

    assert refusal(cut) == "The video cannot be read: the file is damaged or incomplete."


def test_a_png_declaring_ten_billion_pixels_is_refused_from_its_header(tmp_path):
    bomb = media_files.png_bomb(tmp_path / "poster.png", width=100_000, height=100_000)
    assert bomb.stat().st_size < 10_000

    started = time.perf_counter()
    message = refusal(bomb)

    # Decoding would need 10 GB and minutes; reading the header takes milliseconds.
    assert time.perf_counter() - started < 2
    assert message.startswith("The picture is too large: 100,000 × 100,000 pixels.")
    assert "up to 250 megapixels" in message


def test_a_picture_with_a_side_over_65000_pixels_is_refused_even_under_the_pixel_limit(tmp_path):
    strip = media_files.png_bomb(tmp_path / "strip.png", width=70_000, height=10)

    assert refusal(strip).startswith("The picture is too large: 70,000 × 10 pixels.")


def test_the_pixel_limit_comes_from_the_settings(tmp_path, settings):
    settings.ARCHIVE_MAX_PIXELS = 100_000
    photo = media_files.jpeg_with_exif(tmp_path / "IMG_0005.JPG", width=400, height=300)

    message = refusal(photo)

    assert message.startswith("The picture is too large: 400 × 300 pixels.")
    assert "up to 0.1 megapixels" in message


def test_a_large_but_legal_photo_is_accepted(tmp_path):
    panorama = media_files.large_jpeg(tmp_path / "panorama.jpg", width=12_000, height=8_400)

    assert media.detect(panorama) == media.Detected("image", "image/jpeg", ".jpg")
