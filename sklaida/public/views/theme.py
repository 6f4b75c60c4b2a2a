"""The brand kit for the public: the theme's stylesheet and the kit's logo and font files.

Uploaded files are never served as a folder; these views send only a logo or a font
of a kit that is or was current (a kit being prepared stays private), each under an
address carrying the kit's version and the file's name, so browsers may keep it a year.
"""

from __future__ import annotations

import mimetypes
from urllib.parse import unquote

from django.contrib.auth.decorators import login_not_required
from django.db.models import Q
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.views.decorators.http import require_GET

from sklaida.design.models import KitFont, KitLogo
from sklaida.design.theme import current_theme

# The address changes with the content, so an unchanged address may be kept for a year.
IMMUTABLE = "public, max-age=31536000, immutable"
# A stylesheet asked for by an older or no fingerprint: the current one, briefly.
SHORT = "public, max-age=300"
FONT_TYPES = {".ttf": "font/ttf", ".otf": "font/otf"}
# An SVG opened on its own must not run anything in our origin (it is sanitised when
# uploaded; this is the second lock).
SVG_POLICY = "default-src 'none'; style-src 'unsafe-inline'; sandbox"


@login_not_required
@require_GET
def theme_css(request: HttpRequest) -> HttpResponse:
    """The current kit's CSS; empty when no kit is current."""
    theme = current_theme()
    css = theme.css if theme else "/* No brand kit is current. */\n"
    response = HttpResponse(css, content_type="text/css; charset=utf-8")
    fresh = theme is not None and request.GET.get("v") == theme.fingerprint
    response["Cache-Control"] = IMMUTABLE if fresh else SHORT
    return response


def _kit_part(kind: str, version: int, pk: int) -> KitLogo | KitFont:
    model = {"logo": KitLogo, "font": KitFont}.get(kind)
    if model is None:
        raise Http404
    shown = Q(kit__is_current=True) | Q(kit__made_current_at__isnull=False)
    part = model.objects.filter(shown, pk=pk, kit__version=version).first()
    if part is None or not part.file:
        raise Http404
    if isinstance(part, KitLogo) and not part.is_picture:
        raise Http404
    return part


@login_not_required
@require_GET
def theme_file(request: HttpRequest, version: int, kind: str, pk: int, name: str) -> FileResponse:
    """A logo (SVG, PNG) or font (TTF, OTF) of a kit that is or was current."""
    part = _kit_part(kind, version, pk)
    stored_name = part.file.name.rsplit("/", 1)[-1]
    if unquote(name) != stored_name:
        raise Http404
    try:
        handle = part.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    if isinstance(part, KitLogo):
        content_type = part.media_type
    else:
        extension = "." + stored_name.rsplit(".", 1)[-1].lower()
        content_type = FONT_TYPES.get(extension) or (
            mimetypes.guess_type(stored_name)[0] or "application/octet-stream"
        )
    response = FileResponse(handle, content_type=content_type)
    response["Cache-Control"] = IMMUTABLE
    if content_type == "image/svg+xml":
        response["Content-Security-Policy"] = SVG_POLICY
    return response
