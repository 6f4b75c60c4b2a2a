"""System checks of our own: what `manage.py check --deploy` must notice before start-up."""

from __future__ import annotations

from django.conf import settings
from django.core.checks import CheckMessage, Error, Tags, register


@register(Tags.staticfiles, deploy=True)
def static_files_are_collected(**kwargs) -> list[CheckMessage]:
    """With hashed static files every page looks its files up in the manifest, so without
    `collectstatic` every page would answer 500."""
    if not settings.STATIC_MANIFEST:
        return []
    manifest = settings.STATIC_ROOT / "staticfiles.json"
    if manifest.is_file():
        return []
    return [
        Error(
            f"No collected static files at {settings.STATIC_ROOT}.",
            hint="Run `manage.py collectstatic --no-input` before starting the server.",
            id="sklaida.E001",
        )
    ]
