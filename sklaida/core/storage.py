"""Where uploaded files are kept: Django's folder storage, minus the half-written file a full
or failing disk leaves behind."""

from __future__ import annotations

import errno
import logging
import os

from django.core.files.storage import FileSystemStorage

logger = logging.getLogger(__name__)

# What the disk says when it cannot take a file: full, over quota, read-only, too large,
# or not ours to write.
STORAGE_FAILURES = frozenset(
    {errno.ENOSPC, errno.EDQUOT, errno.EROFS, errno.EFBIG, errno.EACCES, errno.EPERM}
)


def is_storage_failure(error: BaseException) -> bool:
    return isinstance(error, OSError) and error.errno in STORAGE_FAILURES


class CarefulFileSystemStorage(FileSystemStorage):
    """A write that fails half-way removes what it wrote, so no file is ever kept cut short
    (Django's own storage leaves it under its final name)."""

    def _save(self, name: str, content) -> str:
        try:
            return super()._save(name, content)
        except FileExistsError:
            raise
        except OSError:
            # The name was free when the write began (O_EXCL), so this part is ours.
            try:
                os.remove(self.path(name))
            except FileNotFoundError:
                pass
            except OSError as cleanup:
                logger.warning("Could not remove the partial file %s: %s", name, cleanup)
            raise
