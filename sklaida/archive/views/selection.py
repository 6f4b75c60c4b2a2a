"""The selection screen (3.1 "selects"): review an event's or a batch's photos by keyboard,
select, reject, rate, compare look-alikes."""

from __future__ import annotations

import datetime

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from sklaida.archive.models import Asset, IngestBatch
from sklaida.archive.selectors.access import visible_assets
from sklaida.archive.services import assets as services
from sklaida.archive.views.assets import asset_or_404
from sklaida.core.permissions import department_read_required, department_work_required
from sklaida.core.views import safe_next, wants_json
from sklaida.events.models import Event

# One evening's photos fit; a longer list is split by its filters (selection state).
REVIEW_LIMIT = 1000
# The selection screen's start: events of this many recent days, and this many uploads.
START_DAYS = 90
START_EVENTS = 30
START_BATCHES = 10


def _count_of(user, assets) -> Subquery:
    """How many of `assets` (tied to the outer event) the user may see, as a subquery."""
    visible = visible_assets(user, assets).order_by().values("event")
    return Subquery(visible.annotate(count=Count("pk")).values("count")[:1])


def review_start(request: HttpRequest) -> HttpResponse:
    """What waits for selection: recent events with photos and the latest uploads."""
    today = timezone.localdate()
    since = timezone.make_aware(
        datetime.datetime.combine(today - datetime.timedelta(days=START_DAYS), datetime.time())
    )
    of_event = Asset.objects.filter(event=OuterRef("pk"))
    events = (
        Event.objects.filter(starts_at__gte=since, starts_at__lte=timezone.now())
        .annotate(
            photo_count=Coalesce(_count_of(request.user, of_event), 0),
            unreviewed_count=Coalesce(
                _count_of(request.user, of_event.filter(selection=Asset.Selection.UNREVIEWED)),
                0,
            ),
        )
        .filter(photo_count__gt=0)
        .select_related("space")
        .order_by("-starts_at")[:START_EVENTS]
    )
    batches = IngestBatch.objects.select_related("event", "created_by")[:START_BATCHES]
    return render(
        request,
        "archive/review_start.html",
        {"events": events, "batches": batches, "days": START_DAYS},
    )


@department_read_required
def review(request: HttpRequest) -> HttpResponse:
    """`?event=<id>` or `?batch=<id>`: every visible asset of it, in the order taken."""
    queryset = visible_assets(request.user, Asset.objects.all())
    subject = None
    if request.GET.get("event", "").isdigit():
        subject = get_object_or_404(Event, pk=request.GET["event"])
        queryset = queryset.filter(event=subject)
    elif request.GET.get("batch", "").isdigit():
        subject = get_object_or_404(IngestBatch, pk=request.GET["batch"])
        queryset = queryset.filter(ingest_items__batch=subject).distinct()
    else:
        return review_start(request)
    counts = dict.fromkeys(Asset.Selection.values, 0)
    counts.update(
        queryset.order_by().values_list("selection").annotate(count=Count("pk", distinct=True))
    )
    state = request.GET.get("selection", "")
    if state in Asset.Selection.values:
        queryset = queryset.filter(selection=state)
    assets = list(queryset.order_by("captured_at", "pk")[:REVIEW_LIMIT])
    current_pk = request.GET.get("current", "")
    current = next((a for a in assets if str(a.pk) == current_pk), assets[0] if assets else None)
    position = assets.index(current) if current else 0
    following = assets[position + 1] if position + 1 < len(assets) else current
    query = request.GET.copy()
    query.pop("current", None)
    return render(
        request,
        "archive/review.html",
        {
            "subject": subject,
            "assets": assets,
            "counts": counts,
            "state": state,
            "selection_choices": Asset.Selection.choices,
            "ratings": range(1, 6),
            "current": current,
            "base_query": query.urlencode(),
            "following": following,
        },
    )


@require_POST
@department_work_required
def review_asset(request: HttpRequest, pk: int) -> HttpResponse:
    """Select / reject / rate one asset; the screen's script asks for JSON."""
    asset = asset_or_404(request, pk)
    selection = request.POST.get("selection") or None
    rating = request.POST.get("rating")
    try:
        services.review_asset(
            actor=request.user,
            asset=asset,
            selection=selection,
            rating=int(rating) if rating not in (None, "") else None,
        )
    except (ValidationError, ValueError) as refused:
        message = " ".join(getattr(refused, "messages", [_("Not a valid rating.")]))
        if wants_json(request):
            return JsonResponse({"error": message}, status=400)
        messages.error(request, message)
    else:
        if wants_json(request):
            return JsonResponse(
                {
                    "selection": asset.selection,
                    "selection_label": asset.get_selection_display(),
                    "rating": asset.rating,
                }
            )
    return redirect(safe_next(request) or asset_or_404(request, pk).get_absolute_url())


@department_read_required
def compare(request: HttpRequest, pk: int) -> HttpResponse:
    """An asset beside the one it looks like, to keep the better of the two."""
    asset = asset_or_404(request, pk)
    other = asset.near_duplicate_of
    if (
        other is None
        or not visible_assets(request.user, Asset.objects.filter(pk=other.pk)).exists()
    ):
        return redirect(asset.get_absolute_url())
    return render(
        request,
        "archive/compare.html",
        {"pair": [other, asset], "next": safe_next(request) or ""},
    )
