"""Archive tests keep resumable uploads' staging files in the test's own folder."""

import pytest


@pytest.fixture(autouse=True)
def upload_staging(settings, tmp_path):
    settings.ARCHIVE_UPLOAD_STAGING = tmp_path / "uploads"
    return settings.ARCHIVE_UPLOAD_STAGING
