"""Real assets for tests: the bytes stored in the archive's storage and the row pointing
to them (until ingest lands, and for tests that need exact control over the bytes)."""

from __future__ import annotations

import hashlib
import tempfile
from pathlib import Path

from sklaida.archive import storage
from sklaida.archive.models import Asset


def _store(content: bytes, key: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "content"
        path.write_bytes(content)
        storage.put(key, path)


def stored_asset(
    *,
    content: bytes,
    name: str = "photo.jpg",
    renditions: tuple[str, ...] = ("thumb", "web"),
    rendition_content: bytes | None = None,
    **fields,
) -> Asset:
    """An image asset whose original is `content`; each named rendition is stored too, its
    bytes `b"<name> of <original name>"` so a test can tell which file it received (or
    `rendition_content`, e.g. a real JPEG for a browser to show)."""
    sha256 = hashlib.sha256(content).hexdigest()
    key = storage.original_key(sha256, Path(name).suffix.lower() or ".jpg")
    _store(content, key)
    stored_renditions = {}
    for rendition in renditions:
        rendition_key = storage.rendition_key(sha256, rendition, ".jpg")
        _store(rendition_content or f"{rendition} of {name}".encode(), rendition_key)
        stored_renditions[rendition] = rendition_key
    values = {
        "kind": Asset.Kind.IMAGE,
        "mime_type": "image/jpeg",
        "title": Path(name).stem,
        "rendition_status": Asset.Renditions.READY,
        **fields,
    }
    return Asset.objects.create(
        file=key,
        sha256=sha256,
        size=len(content),
        original_name=name,
        renditions=stored_renditions,
        **values,
    )
