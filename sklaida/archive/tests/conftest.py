"""Archive tests keep resumable uploads' staging files in the test's own folder."""

import pytest

from sklaida.settings import folder


@pytest.fixture(autouse=True)
def upload_staging(settings, tmp_path):
    # Through the same conversion as settings.py, so the code meets the type it meets
    # in production (an `environ.Path` here once hid a crash of the upload form).
    settings.ARCHIVE_UPLOAD_STAGING = folder(tmp_path / "uploads")
    return settings.ARCHIVE_UPLOAD_STAGING
