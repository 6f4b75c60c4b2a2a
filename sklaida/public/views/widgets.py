"""Widgets for the Library's other websites: upcoming events and latest news as JSON or HTML.

Only what the public calendar and news pages already show is given out, so any site may
read it (CORS `*`) and keep it for a few minutes.
"""

from __future__ import annotations

import datetime

from csp.decorators import csp_replace
from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.http import require_GET

from sklaida.communication.selectors import public_news
from sklaida.design.theme import current_theme
from sklaida.events.models import Event
from sklaida.public import selectors
from sklaida.public.context import library_name
from sklaida.public.pictures import event_picture
from sklaida.public.structured_data import absolute, place_name
from sklaida.public.views.news import news_url

DEFAULT_LIMIT = 5
MAX_LIMIT = 50
MAX_AGE_SECONDS = 300


def _limit(request: HttpRequest) -> int:
    try:
        limit = int(request.GET.get("limit", DEFAULT_LIMIT))
    except ValueError:
        return DEFAULT_LIMIT
    return max(1, min(limit, MAX_LIMIT))


def _iso(moment: datetime.datetime) -> str:
    return timezone.localtime(moment).isoformat()


def _upcoming(now: datetime.datetime, limit: int) -> list[Event]:
    # Cancelled events stay on the public calendar (marked), but a widget of what is on
    # next has no room to explain a cancellation: it lists what will take place.
    events = selectors.upcoming_events(criteria=selectors.PublicFilter(), now=now)
    return list(events.exclude(status=Event.Status.CANCELLED)[:limit])


def _event_data(event: Event) -> dict:
    picture = event_picture(event, "card")
    return {
        "title": event.public_title,
        "start": _iso(event.starts_at),
        "end": _iso(event.ends_at),
        "place": place_name(event) if event.format != Event.Format.ONLINE else "",
        "online": event.format != Event.Format.ON_SITE,
        "url": absolute(event.get_public_url()),
        "image": absolute(picture.url) if picture else None,
        "image_alt": picture.alt if picture else "",
        "image_credit": picture.credit if picture else "",
        "type": event.event_type,
        "type_name": str(event.get_event_type_display()),
    }


def _news_data(item) -> dict:
    return {
        "title": item.title,
        "summary": item.summary,
        "url": news_url(item),
        "date": _iso(item.published_at),
    }


def _short_cache(response: HttpResponse) -> HttpResponse:
    patch_cache_control(response, public=True, max_age=MAX_AGE_SECONDS)
    return response


@login_not_required
@require_GET
def events_json(request: HttpRequest) -> JsonResponse:
    now = timezone.now()
    limit = _limit(request)
    news = public_news.published_news(now=now)[:limit]
    response = JsonResponse(
        {
            "library": library_name(),
            "events_url": absolute(reverse("public:event_list")),
            "news_url": absolute(reverse("public:news_list")),
            "events": [_event_data(event) for event in _upcoming(now, limit)],
            "news": [_news_data(item) for item in news],
        },
        json_dumps_params={"ensure_ascii": False},
    )
    # Public data only (what the public pages show), so any website may read it.
    response["Access-Control-Allow-Origin"] = "*"
    return _short_cache(response)


# The snippet is made to be shown inside an <iframe> on the Library's other websites
# (branch libraries, the municipality), whose addresses we neither know nor control, so
# this one view lifts the site-wide X-Frame-Options: DENY. It is safe to frame: a
# read-only list of public links with no form, button or signed-in state that a framing
# page could trick a person into using (clickjacking needs something to click that acts).
@xframe_options_exempt
@csp_replace({"frame-ancestors": ["*"]})
@login_not_required
@require_GET
def events_html(request: HttpRequest) -> HttpResponse:
    now = timezone.now()
    limit = _limit(request)
    response = render(
        request,
        "public/widgets/events.html",
        {
            "library_name": library_name(),
            "theme": current_theme(),
            "events": [
                {"event": event, "url": absolute(event.get_public_url())}
                for event in _upcoming(now, limit)
            ],
            "news": [
                {"item": item, "url": news_url(item)}
                for item in public_news.published_news(now=now)[:limit]
            ],
            "events_url": absolute(reverse("public:event_list")),
            "news_url": absolute(reverse("public:news_list")),
        },
    )
    return _short_cache(response)
