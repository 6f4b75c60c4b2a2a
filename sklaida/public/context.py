"""What every public page needs: the Library's name and the same page in the other language."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest
from django.urls import translate_url
from django.utils.translation import get_language

from sklaida.core.models import Library
from sklaida.design.theme import current_theme
from sklaida.public.structured_data import absolute

# Each language's name in itself, as a person looking for their language reads it.
LANGUAGE_NAMES = {"lt": "Lietuvių", "en": "English"}


def language_versions(request: HttpRequest) -> list[dict]:
    """This page in each language: code, own name, path and absolute URL, whether it is this one."""
    current = (get_language() or settings.LANGUAGE_CODE)[:2]
    path = request.get_full_path()
    versions = []
    for code, _name in settings.LANGUAGES:
        translated = path if code == current else translate_url(path, code)
        versions.append(
            {
                "code": code,
                "name": LANGUAGE_NAMES.get(code, code),
                "path": translated,
                "url": absolute(translated),
                "is_current": code == current,
            }
        )
    return versions


def library_name() -> str:
    county = Library.objects.filter(kind=Library.Kind.COUNTY).only("name").first()
    return county.name if county else "Sklaida"


def public_context(request: HttpRequest) -> dict:
    return {
        "library_name": library_name(),
        "language_versions": language_versions(request),
        # The current brand kit (design/theme.py), or None: the site keeps its own look.
        "theme": current_theme(),
    }
