"""Images without a text alternative (alt) for people who cannot see them."""

from __future__ import annotations

import re
from collections.abc import Iterable

from django.utils.translation import gettext as _

from sklaida.communication.checks.findings import ALT_TEXT, Finding

FILE_NAME = re.compile(r"^[\w\-. ]+\.(?:jpe?g|png|gif|webp|svg|tiff?|heic)$", re.IGNORECASE)


def check_alt_text(images: Iterable[tuple[object, str | None]]) -> list[Finding]:
    """One finding per image whose alt text is empty or merely its file name.

    `images` are (image, alt) pairs; the image is shown by its str() (a name or a URL).
    """
    findings = []
    for image, alt in images:
        alt = (alt or "").strip()
        if not alt:
            message = _("The image “%(image)s” has no description (alt text).")
        elif FILE_NAME.match(alt):
            message = _("The description of the image “%(image)s” is just a file name.")
        else:
            continue
        findings.append(Finding(ALT_TEXT, message % {"image": image}))
    return findings
