"""Checks on uploaded files: size first, then the type read from the content itself."""

from __future__ import annotations

from pathlib import PurePath

import magic
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from sklaida.core.files import clean_filename

# Content type (as libmagic reads it) → file-name extensions it may carry.
ATTACHMENT_TYPES: dict[str, tuple[str, ...]] = {
    "application/pdf": (".pdf",),
    "image/jpeg": (".jpg", ".jpeg"),
    "image/png": (".png",),
    "image/gif": (".gif",),
    "image/webp": (".webp",),
    "text/plain": (".txt", ".csv"),
    "text/csv": (".csv",),
    "text/rtf": (".rtf",),
    "application/msword": (".doc",),
    "application/vnd.ms-excel": (".xls",),
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": (".docx",),
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": (".xlsx",),
    "application/vnd.openxmlformats-officedocument.presentationml.presentation": (".pptx",),
    "application/vnd.oasis.opendocument.text": (".odt",),
    "application/vnd.oasis.opendocument.spreadsheet": (".ods",),
    "application/vnd.oasis.opendocument.presentation": (".odp",),
}

ALLOWED_EXTENSIONS = sorted({ext for exts in ATTACHMENT_TYPES.values() for ext in exts})

# libmagic needs the start of the file only; office formats are recognised from their
# first zip entries.
_SNIFF_BYTES = 8192


def sniff_content_type(uploaded: UploadedFile) -> str:
    """The content type libmagic reads from the first bytes of the file."""
    uploaded.seek(0)
    head = uploaded.read(_SNIFF_BYTES)
    uploaded.seek(0)
    return magic.from_buffer(head, mime=True)


def validate_attachment(uploaded: UploadedFile) -> str:
    """Refuse a file that is too large, or whose content is not what its name says.

    Returns the content type read from the file.
    """
    limit = settings.ATTACHMENT_MAX_BYTES
    if uploaded.size > limit:
        raise ValidationError(
            _("The file is too large (%(size)s); the limit is %(limit)s.")
            % {"size": filesizeformat(uploaded.size), "limit": filesizeformat(limit)},
            code="too_large",
        )
    if uploaded.size == 0:
        raise ValidationError(_("The file is empty."), code="empty")
    name = clean_filename(uploaded.name or "")
    extension = PurePath(name).suffix.lower()
    if extension not in ALLOWED_EXTENSIONS:
        raise ValidationError(
            _("Files of this type cannot be attached. Allowed: %(extensions)s.")
            % {"extensions": ", ".join(ALLOWED_EXTENSIONS)},
            code="extension",
        )
    content_type = sniff_content_type(uploaded)
    if extension not in ATTACHMENT_TYPES.get(content_type, ()):
        raise ValidationError(
            _(
                "The file's content does not match its name “%(name)s”. "
                "Save it again in its own program and upload it once more."
            )
            % {"name": name},
            code="content_mismatch",
        )
    return content_type


WEB_IMAGE_TYPES = ("image/jpeg", "image/png", "image/webp")


def validate_image(uploaded: UploadedFile) -> None:
    """An image for a public page: JPEG, PNG or WebP by content, within the size limit."""
    if not hasattr(uploaded, "seek") or getattr(uploaded, "_committed", False):
        return  # the stored file of an unchanged form
    content_type = validate_attachment(uploaded)
    if content_type not in WEB_IMAGE_TYPES:
        raise ValidationError(_("Upload a JPEG, PNG or WebP image."), code="not_an_image")
