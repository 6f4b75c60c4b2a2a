"""The public calendar: upcoming events, a month, one event, and their iCalendar files."""

from __future__ import annotations

import datetime
import mimetypes

from django.contrib.auth.decorators import login_not_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from sklaida.core.views import paginated
from sklaida.events.models import Event
from sklaida.public import ical, selectors
from sklaida.public.cache import cached_page
from sklaida.public.context import library_name, public_context
from sklaida.public.forms import CalendarFilterForm
from sklaida.public.structured_data import (
    absolute,
    event_json_ld,
    online_link_is_public,
    open_graph,
    script_json,
)

PER_PAGE = 20
CALENDAR_CONTENT_TYPE = "text/calendar; charset=utf-8"


def _query_without_page(request: HttpRequest) -> str:
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()


def _with_query(url: str, query: str) -> str:
    return f"{url}?{query}" if query else url


@login_not_required
def event_list(request: HttpRequest) -> HttpResponse:
    def render_list() -> HttpResponse:
        form = CalendarFilterForm(request.GET or None)
        events = selectors.upcoming_events(criteria=form.criteria(), now=timezone.now())
        today = timezone.localdate()
        query = _query_without_page(request)
        return render(
            request,
            "public/event_list.html",
            {
                "form": form,
                "filtered": bool(query),
                "feed_url": _with_query(reverse("public:feed"), query),
                "month_url": _with_query(
                    reverse(
                        "public:event_month", kwargs={"year": today.year, "month": today.month}
                    ),
                    query,
                ),
                **paginated(request, events, per_page=PER_PAGE),
                **public_context(request),
            },
        )

    return cached_page(request, render_list)


@login_not_required
def event_month(request: HttpRequest, year: int, month: int) -> HttpResponse:
    if not (1 <= month <= 12 and 1900 < year < 2200):
        raise Http404

    def render_month() -> HttpResponse:
        form = CalendarFilterForm(request.GET or None)
        criteria = form.criteria()
        grid = selectors.month_of_events(year=year, month=month, criteria=criteria)
        query = _query_without_page(request)

        def month_url(day: datetime.date) -> str:
            return _with_query(
                reverse("public:event_month", kwargs={"year": day.year, "month": day.month}),
                query,
            )

        return render(
            request,
            "public/event_month.html",
            {
                "form": form,
                "month": grid,
                "today": timezone.localdate(),
                "previous_url": month_url(grid.previous),
                "next_url": month_url(grid.next),
                "list_url": _with_query(reverse("public:event_list"), query),
                "feed_url": _with_query(reverse("public:feed"), query),
                **public_context(request),
            },
        )

    return cached_page(request, render_month)


def _public_event_or_404(slug: str) -> Event:
    try:
        return selectors.public_event(slug=slug)
    except Event.DoesNotExist:
        raise Http404 from None


@login_not_required
def event_detail(request: HttpRequest, slug: str) -> HttpResponse:
    event = _public_event_or_404(slug)
    page_url = absolute(event.get_public_url())
    now = timezone.now()
    return render(
        request,
        "public/event_detail.html",
        {
            "event": event,
            "page_url": page_url,
            "json_ld": script_json(event_json_ld(event, page_url=page_url)),
            "open_graph": open_graph(event, page_url=page_url),
            "registration_open": selectors.registration_is_open(event, now=now),
            "online_link_is_public": online_link_is_public(event),
            **public_context(request),
        },
    )


@login_not_required
def event_image(request: HttpRequest, slug: str) -> FileResponse:
    """A public event's picture. Uploaded files are never served as a folder (consent
    documents and contact imports live beside them), only through views that check access."""
    event = selectors.public_events().filter(slug=slug).only("image").first()
    if event is None or not event.image:
        raise Http404
    try:
        handle = event.image.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    content_type = mimetypes.guess_type(event.image.name)[0] or "application/octet-stream"
    response = FileResponse(handle, content_type=content_type)
    # A new picture gets a new file name, and the address carries it (Event.public_image_url).
    response["Cache-Control"] = "public, max-age=86400"
    return response


def _calendar_response(content: bytes, *, filename: str | None = None) -> HttpResponse:
    response = HttpResponse(content, content_type=CALENDAR_CONTENT_TYPE)
    if filename:
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_not_required
def feed(request: HttpRequest) -> HttpResponse:
    def render_feed() -> HttpResponse:
        criteria = CalendarFilterForm(request.GET or None).criteria()
        events = selectors.feed_events(criteria=criteria, now=timezone.now())
        name = f"{_('Events')} · {library_name()}"
        return _calendar_response(ical.calendar_file(events, name=name))

    return cached_page(request, render_feed)


@login_not_required
def event_ical(request: HttpRequest, slug: str) -> HttpResponse:
    def render_event() -> HttpResponse:
        event = _public_event_or_404(slug)
        content = ical.calendar_file([event], name=event.public_title)
        return _calendar_response(content, filename=f"{event.slug}.ics")

    return cached_page(request, render_event)
