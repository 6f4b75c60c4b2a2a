"""The fonts a layout may use: the brand kit's files and the vendored Open Sans, nothing else.

Typst is given no system fonts and none of its own, so a layout looks the same on every
machine. Typst reads fonts from folders, not single files, and a kit's files may lie among
other files, so each kit's files are copied once per process into a folder of their own;
the font book built from that folder is cached, because discovery parses every file.
"""

from __future__ import annotations

import atexit
import hashlib
import shutil
import tempfile
import threading
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import typst
from fontTools.ttLib import TTCollection, TTFont

VENDORED_DIR = Path(__file__).resolve().parent.parent / "fonts"
FALLBACK_FAMILY = "Open Sans"
VENDORED_FILES = (VENDORED_DIR / "OpenSans-Regular.ttf", VENDORED_DIR / "OpenSans-Bold.ttf")

_staging_lock = threading.Lock()
_staging_root: Path | None = None


@dataclass(frozen=True)
class FontBook:
    """The fonts Typst sees for one kit, and which characters each family has."""

    fonts: typst.Fonts
    families: frozenset[str]
    coverage: dict[str, frozenset[int]]  # family -> code points

    def family(self, wanted: str) -> str | None:
        """The family as Typst names it, matched without regard to case; None if absent."""
        for family in self.families:
            if family.casefold() == wanted.strip().casefold():
                return family
        return None


def font_book(font_files: tuple[Path, ...]) -> FontBook:
    """The font book for a kit's files (plus the vendored fallback), built once per process."""
    files = tuple(sorted({Path(f).resolve() for f in font_files}))
    # A changed file under the same name must not be served from the cache.
    key = tuple((str(f), f.stat().st_size, f.stat().st_mtime_ns) for f in files if f.is_file())
    return _font_book(key)


@lru_cache(maxsize=32)
def _font_book(key: tuple[tuple[str, int, int], ...]) -> FontBook:
    folders = [str(VENDORED_DIR)]
    if key:
        folders.insert(0, str(_stage([Path(path) for path, _, _ in key])))
    fonts = typst.Fonts(
        include_system_fonts=False, include_embedded_fonts=False, font_paths=folders
    )
    coverage: dict[str, set[int]] = {}
    for info in fonts.fonts():
        if info.path:
            coverage.setdefault(info.family, set()).update(_code_points(info.path, info.index))
    return FontBook(
        fonts=fonts,
        families=frozenset(coverage) | frozenset(fonts.families()),
        coverage={family: frozenset(points) for family, points in coverage.items()},
    )


def _stage(files: list[Path]) -> Path:
    global _staging_root
    with _staging_lock:
        if _staging_root is None:
            _staging_root = Path(tempfile.mkdtemp(prefix="sklaida-fonts-"))
            atexit.register(shutil.rmtree, _staging_root, ignore_errors=True)
        digest = hashlib.sha256("\n".join(map(str, files)).encode()).hexdigest()[:16]
        folder = _staging_root / digest
        if not folder.exists():
            partial = Path(tempfile.mkdtemp(dir=_staging_root))
            for n, path in enumerate(files):
                # Numbered, so two kits' "Regular.ttf" never overwrite each other.
                shutil.copyfile(path, partial / f"{n:02d}-{path.name}")
            partial.rename(folder)
    return folder


@lru_cache(maxsize=128)
def _code_points(path: str, index: int) -> frozenset[int]:
    try:
        if path.lower().endswith((".ttc", ".otc")):
            with TTCollection(path, lazy=True) as collection:
                return frozenset(collection.fonts[index].getBestCmap() or {})
        with TTFont(path, lazy=True) as font:
            return frozenset(font.getBestCmap() or {})
    except Exception:  # noqa: BLE001 - a font fontTools cannot read simply reports no letters
        return frozenset()
