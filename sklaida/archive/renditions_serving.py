"""Sending rendition files (thumbnails, web-size pictures) from the archive's storage, and
the addresses of the staff's rendition view."""

from __future__ import annotations

import mimetypes

from django.http import FileResponse, Http404
from django.urls import reverse

from sklaida.archive.models import Asset, archive_storage

# The renditions a page shows, best first: a web-size picture, a preview, a video's poster
# frame, a thumbnail.
DISPLAY_RENDITIONS = ("web", "preview", "poster", "thumb")


def display_rendition(asset: Asset) -> str:
    """The name of the rendition to show the asset with on a page, or ""."""
    renditions = asset.renditions or {}
    return next((name for name in DISPLAY_RENDITIONS if name in renditions), "")


def rendition_url(asset: Asset | int, name: str) -> str:
    """The staff's address of an asset's rendition (the `archive:rendition` view), or ""
    when the asset has no such rendition."""
    if isinstance(asset, Asset):
        return asset.rendition_url(name)
    return reverse("archive:rendition", args=[asset, name])


def rendition_response(asset: Asset, name: str, *, cache_control: str) -> FileResponse:
    """The rendition file `name` of the asset (404 when it has none), streamed."""
    key = (asset.renditions or {}).get(name)
    if not key:
        raise Http404
    try:
        handle = archive_storage().open(key, "rb")
    except FileNotFoundError:
        raise Http404 from None
    content_type = mimetypes.guess_type(key)[0] or "application/octet-stream"
    response = FileResponse(handle, content_type=content_type)
    response["Cache-Control"] = cache_control
    return response
