"""Public photo galleries: the public collections and their public assets' pictures."""

from __future__ import annotations

from django.contrib.auth.decorators import login_not_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from sklaida.archive.models import Asset, Collection
from sklaida.archive.renditions_serving import display_rendition, rendition_response
from sklaida.archive.selectors import collections as archive
from sklaida.core.views import paginated
from sklaida.public.context import public_context
from sklaida.public.structured_data import absolute

GALLERIES_PER_PAGE = 24
PICTURES_PER_PAGE = 48
# Public pictures may sit in browsers and proxies for a while, but not for long: an asset
# made internal again must stop being served soon.
PUBLIC_CACHE = "public, max-age=3600"


@login_not_required
def gallery_list(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "public/galleries/list.html",
        {
            "page_url": absolute(reverse("public:gallery_list")),
            **paginated(request, archive.public_galleries(), per_page=GALLERIES_PER_PAGE),
            **public_context(request),
        },
    )


@login_not_required
def gallery_detail(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        gallery = archive.public_gallery(pk=pk)
    except Collection.DoesNotExist:
        raise Http404 from None
    context = paginated(request, archive.gallery_assets(gallery), per_page=PICTURES_PER_PAGE)
    pictures = [(asset, display_rendition(asset)) for asset in context["page"].object_list]
    return render(
        request,
        "public/galleries/detail.html",
        {
            "gallery": gallery,
            "pictures": pictures,
            "page_url": absolute(reverse("public:gallery_detail", kwargs={"pk": gallery.pk})),
            **context,
            **public_context(request),
        },
    )


@login_not_required
def gallery_image(request: HttpRequest, pk: int, name: str) -> HttpResponse:
    """A rendition of a public asset; any other asset is not found (404)."""
    try:
        asset = archive.public_asset(pk=pk)
    except Asset.DoesNotExist:
        raise Http404 from None
    return rendition_response(asset, name, cache_control=PUBLIC_CACHE)
