"""File-level processing of the media archive: what a file is, what its headers say, and
the renditions made from it. Pure functions over local paths; no models, no database."""

import logging

from sklaida.archive.media.detection import (
    Detected,
    detect,
    download_name,
    extension_agrees,
    format_name,
    mismatch_note,
)
from sklaida.archive.media.errors import RenditionError, UnsupportedFile
from sklaida.archive.media.metadata import TechnicalMetadata, read_metadata
from sklaida.archive.media.originals import KeptOriginal, kept_original
from sklaida.archive.media.renditions import (
    RENDITION_SIZES,
    RenditionSet,
    hamming,
    make_renditions,
    no_preview_note,
)

# libvips reports every step of every thumbnail at INFO: far too much for a server log.
logging.getLogger("pyvips").setLevel(logging.WARNING)

__all__ = [
    "RENDITION_SIZES",
    "Detected",
    "KeptOriginal",
    "RenditionError",
    "RenditionSet",
    "TechnicalMetadata",
    "UnsupportedFile",
    "detect",
    "download_name",
    "extension_agrees",
    "format_name",
    "hamming",
    "kept_original",
    "make_renditions",
    "mismatch_note",
    "no_preview_note",
    "read_metadata",
]
