"""Content items: the list, the calendar, an item with its workflow, versions and variants."""

from __future__ import annotations

import datetime

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from sklaida.communication.forms.content import (
    ChannelVariantForm,
    ContentFilterForm,
    ContentItemForm,
)
from sklaida.communication.models import ChannelVariant, ContentItem
from sklaida.communication.selectors import content as selectors
from sklaida.communication.selectors import press as press_selectors
from sklaida.communication.services import content as services
from sklaida.communication.services import press as press_services
from sklaida.communication.views.common import may_read, may_work
from sklaida.core import registry
from sklaida.core.forms import MoveForm
from sklaida.core.views import discussion_context, paginated, safe_next, wants_json

PER_PAGE = 50


def _item_or_404(request: HttpRequest, pk: int) -> ContentItem:
    try:
        return selectors.item_for(user=request.user, pk=pk)
    except ContentItem.DoesNotExist as missing:
        raise Http404 from missing


def _criteria(form: ContentFilterForm) -> selectors.ContentFilter:
    data = form.cleaned_data if form.is_valid() else {}
    return selectors.ContentFilter(
        q=data.get("q") or "",
        kind=data.get("kind") or "",
        status=data.get("status") or "",
        author=data["author"].pk if data.get("author") else None,
        channel=data["channel"].pk if data.get("channel") else None,
        campaign=data["campaign"].pk if data.get("campaign") else None,
    )


def item_list(request: HttpRequest) -> HttpResponse:
    may_read(request)
    form = ContentFilterForm(request.GET or None)
    items = selectors.item_list(user=request.user, criteria=_criteria(form))
    return render(
        request,
        "communication/item_list.html",
        {"form": form, **paginated(request, items, per_page=PER_PAGE)},
    )


CALENDAR_VIEWS = ("month", "week", "list")


def content_calendar(request: HttpRequest) -> HttpResponse:
    may_read(request)
    today = timezone.localdate()
    chosen = request.GET.get("view", "")
    view = chosen if chosen in CALENDAR_VIEWS else "month"
    try:
        day = datetime.date.fromisoformat(request.GET.get("date", ""))
    except ValueError:
        day = today
    filter_data = request.GET.copy()
    for name in ("view", "date"):
        filter_data.pop(name, None)
    form = ContentFilterForm(filter_data or None)
    period = selectors.content_calendar(
        user=request.user, view=view, day=day, today=today, criteria=_criteria(form)
    )
    return render(
        request,
        "communication/calendar.html",
        {
            "form": form,
            "view": view,
            "period": period,
            "today": today,
            "filters": filter_data.urlencode(),
        },
    )


def _moved(request: HttpRequest, *, title: str, move, current, fallback: str) -> HttpResponse:
    """Answer a calendar move (drag and drop asks for JSON; the "Move" form for a page)."""
    form = MoveForm(request.POST)
    if not form.is_valid():
        problem = _("Choose the new date and time.")
    else:
        moment = form.moment(current or timezone.now())
        try:
            move(moment)
        except ValidationError as error:
            problem = " ".join(error.messages)
        else:
            local = timezone.localtime(moment)
            message = _("“%(title)s” moved to %(date)s, %(time)s.") % {
                "title": title,
                "date": date_format(local, "DATE_FORMAT"),
                "time": local.strftime("%H:%M"),
            }
            messages.success(request, message)
            if wants_json(request):
                return JsonResponse({"ok": True, "message": message})
            return redirect(safe_next(request) or fallback)
    message = _("“%(title)s” was not moved: %(problem)s") % {"title": title, "problem": problem}
    if wants_json(request):
        return JsonResponse({"ok": False, "message": message}, status=409)
    messages.error(request, message)
    return redirect(safe_next(request) or fallback)


def item_create(request: HttpRequest) -> HttpResponse:
    may_work(request)
    item = ContentItem(author=request.user)
    form = ContentItemForm(request.POST or None, instance=item)
    if request.method == "POST" and form.is_valid():
        try:
            services.save_item(
                actor=request.user, item=form.save(commit=False), events=form.cleaned_data["events"]
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The content item has been created."))
            return redirect(item)
    return render(
        request, "communication/item_form.html", {"form": form, "title": _("New content item")}
    )


def item_update(request: HttpRequest, pk: int) -> HttpResponse:
    may_work(request)
    item = _item_or_404(request, pk)
    form = ContentItemForm(request.POST or None, instance=item)
    if request.method == "POST" and form.is_valid():
        try:
            services.save_item(
                actor=request.user, item=form.save(commit=False), events=form.cleaned_data["events"]
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The content item has been saved."))
            return redirect(item)
    return render(
        request,
        "communication/item_form.html",
        {"form": form, "title": _("Edit the content item"), "item": item},
    )


def item_detail(request: HttpRequest, pk: int) -> HttpResponse:
    may_read(request)
    item = _item_or_404(request, pk)
    may_write = services.may_write(request.user)
    for variant in item.variants.all():  # the prefetched variants the page lists
        variant.warnings = services.variant_warnings(variant)
    may_approve = services.may_approve(request.user, item)
    next_statuses = [
        status
        for status in ContentItem.Status
        if status in services.TRANSITIONS[item.status]
        and (may_approve if status == ContentItem.Status.APPROVED else may_write)
    ]
    return render(
        request,
        "communication/item_detail.html",
        {
            "item": item,
            "may_write": may_write,
            "next_statuses": next_statuses,
            "version_count": item.versions.count(),
            "may_send_to_press": may_write and press_services.may_send(item),
            "press_mailings": press_selectors.mailings_of(item),
            # What other apps add to the item's page (the archive: its public picture).
            "panels": registry.panels_for(request, item),
            **discussion_context(request, item),
        },
    )


@require_POST
def item_status(request: HttpRequest, pk: int) -> HttpResponse:
    item = _item_or_404(request, pk)
    try:
        services.change_status(actor=request.user, item=item, status=request.POST.get("status", ""))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("The content item is now “%(status)s”.") % {"status": item.get_status_display()},
        )
    return redirect(item)


@require_POST
def item_reschedule(request: HttpRequest, pk: int) -> HttpResponse:
    may_work(request)
    item = _item_or_404(request, pk)
    return _moved(
        request,
        title=item.title,
        move=lambda moment: services.reschedule(actor=request.user, item=item, publish_at=moment),
        current=item.publish_at,
        fallback=reverse("communication:calendar"),
    )


@require_POST
def variant_reschedule(request: HttpRequest, pk: int) -> HttpResponse:
    may_work(request)
    variant = get_object_or_404(ChannelVariant.objects.select_related("channel", "item"), pk=pk)
    _item_or_404(request, variant.item_id)  # the same visibility as the item's page
    return _moved(
        request,
        title=f"{variant.item.title} ({variant.channel})",
        move=lambda moment: services.reschedule_variant(
            actor=request.user, variant=variant, planned_at=moment
        ),
        current=variant.planned_at,
        fallback=reverse("communication:calendar"),
    )


def item_versions(request: HttpRequest, pk: int) -> HttpResponse:
    may_read(request)
    item = _item_or_404(request, pk)
    versions = list(selectors.versions_of(item))
    by_number = {version.number: version for version in versions}
    newer = by_number.get(_number(request.GET.get("new"))) or (versions[0] if versions else None)
    older = by_number.get(_number(request.GET.get("old"))) or (
        versions[1] if len(versions) > 1 else newer
    )
    if older and newer and older.number > newer.number:
        older, newer = newer, older
    return render(
        request,
        "communication/item_versions.html",
        {
            "item": item,
            "versions": versions,
            "older": older,
            "newer": newer,
            "diff": selectors.version_diff(older, newer) if older and newer else [],
        },
    )


def _number(value: str | None) -> int | None:
    try:
        return int(value or "")
    except ValueError:
        return None


def _variant_page(
    request: HttpRequest, item: ContentItem, variant: ChannelVariant, title: str
) -> HttpResponse:
    form = ChannelVariantForm(
        request.POST or None, instance=variant, images=services.images_of(item)
    )
    if request.method == "POST" and form.is_valid():
        try:
            warnings = services.save_variant(actor=request.user, variant=form.save(commit=False))
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The channel text has been saved."))
            for warning in warnings:
                messages.warning(request, warning)
            return redirect(item)
    limits = {
        str(channel.pk): channel.text_limit or "" for channel in form.fields["channel"].queryset
    }
    return render(
        request,
        "communication/variant_form.html",
        {"form": form, "item": item, "title": title, "limits": limits},
    )


def variant_create(request: HttpRequest, pk: int) -> HttpResponse:
    may_work(request)
    item = _item_or_404(request, pk)
    return _variant_page(request, item, ChannelVariant(item=item), _("New channel text"))


def variant_update(request: HttpRequest, pk: int) -> HttpResponse:
    may_work(request)
    variant = get_object_or_404(ChannelVariant.objects.select_related("channel"), pk=pk)
    item = _item_or_404(request, variant.item_id)
    variant.item = item
    return _variant_page(request, item, variant, _("Edit the channel text"))
