"""What the archive keeps of a file it accepts: the bytes as they came, except an SVG
drawing, which is kept only as its sanitised copy.

Why not the SVG as it came: an original is offered for download and may be opened in a
browser, where a script or an external reference in it would run or call out under the
archive's name. So the sanitised bytes are the original: the checksum is theirs (the
fixity audit and duplicate detection see what is stored), and the batch line says what
was removed. The file as uploaded is not kept anywhere.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sklaida.archive.media.detection import SVG, Detected, check_drawing


@dataclass(frozen=True)
class KeptOriginal:
    path: Path  # the file to store: the one given, or a sanitised copy in `folder`
    note: str = ""  # for the batch line: what was removed, or ""


def kept_original(path: Path, detected: Detected, folder: Path) -> KeptOriginal:
    """The file the archive stores for `path`. Raises UnsupportedFile as detect() does."""
    if detected.mime_type != SVG:
        return KeptOriginal(Path(path))
    sanitised = check_drawing(Path(path).read_bytes())
    copy = Path(folder) / "sanitised.svg"
    copy.write_bytes(sanitised.content)
    return KeptOriginal(copy, sanitised.removed.sentence())
