"""ZIP downloads of originals, streamed: each file is read a megabyte at a time from the
archive's storage while the response is being sent, so no ZIP is built in memory or on
disk, whatever the number and size of the files."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from pathlib import PurePosixPath

import zipstream
from django.http import StreamingHttpResponse
from django.utils.http import content_disposition_header

from sklaida.archive import storage
from sklaida.archive.models import Asset

# Characters Windows refuses in file names, path separators and control characters.
UNSAFE = re.compile(r'[\x00-\x1f\x7f<>:"/\\|?*]+')
MAX_NAME = 150


def safe_name(name: str, *, default: str = "failas", strip_folders: bool = True) -> str:
    """A file name that unpacks the same on Windows, macOS and Linux, letters kept
    (Lithuanian ones too): no forbidden characters, not too long. An uploaded name loses
    its folders (`strip_folders`); a title made into a name keeps its words, a slash
    becoming "_"."""
    if strip_folders:
        name = name.replace("\\", "/").rsplit("/", 1)[-1]
    name = unicodedata.normalize("NFC", name)
    name = UNSAFE.sub("_", name).strip(" .")
    if not name:
        return default
    if len(name) > MAX_NAME:
        suffix = PurePosixPath(name).suffix[:16]
        name = name[: MAX_NAME - len(suffix)].rstrip(" .") + suffix
    return name


def member_names(assets: Iterable[Asset]) -> list[tuple[Asset, str]]:
    """Each asset with its name inside the ZIP: `0001-<original name>`, numbered in the
    given order, so two files of the same name never overwrite each other."""
    return [
        (asset, f"{number:04d}-{safe_name(asset.original_name)}")
        for number, asset in enumerate(assets, start=1)
    ]


def zip_stream(assets: Iterable[Asset]) -> zipstream.ZipStream:
    """The ZIP of the assets' originals, stored uncompressed (photos and videos are
    compressed already). Sized, so the download announces its length: each member's size
    is the size recorded at ingest, which the fixity audit keeps honest."""
    archive = zipstream.ZipStream(compress_type=zipstream.ZIP_STORED, sized=True)
    for asset, name in member_names(assets):
        # A generator is not started until the ZIP reaches this member.
        archive.add(storage.chunks(asset.file.name), name, size=asset.size)
    return archive


def zip_response(assets: Iterable[Asset], *, filename: str) -> StreamingHttpResponse:
    """A download of the assets' originals as one ZIP named `filename` (any letters)."""
    archive = zip_stream(assets)
    response = StreamingHttpResponse(archive, content_type="application/zip")
    response["Content-Length"] = str(len(archive))
    response["Content-Disposition"] = content_disposition_header(
        as_attachment=True,
        filename=safe_name(filename, default="archyvas.zip", strip_folders=False),
    )
    # Originals may be internal: keep them out of shared caches.
    response["Cache-Control"] = "private, no-store"
    return response
