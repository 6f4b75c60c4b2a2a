"""The selection screen (3.1 "selects"): review an event's or a batch's photos by keyboard,
select, reject, rate, compare look-alikes."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
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
        return redirect("archive:list")
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
