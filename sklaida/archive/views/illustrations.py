"""Choosing and removing the picture of an event's or a news item's public page (the
panel on their staff pages posts here and comes back with a message)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from sklaida.archive.forms_illustrations import IllustrationForm
from sklaida.archive.models import Asset
from sklaida.archive.selectors import illustrations as selectors
from sklaida.archive.services import illustrations as services
from sklaida.communication.models import ContentItem
from sklaida.communication.selectors.content import item_for
from sklaida.core.permissions import department_work_required
from sklaida.events.models import Event
from sklaida.events.selectors.events import event_for


def _target(request: HttpRequest, kind: str, pk: int) -> tuple[dict, object]:
    try:
        if kind == "event":
            event = event_for(user=request.user, pk=pk)
            return {"event": event}, event
        if kind == "item":
            item = item_for(user=request.user, pk=pk)
            return {"content_item": item}, item
    except (Event.DoesNotExist, ContentItem.DoesNotExist) as missing:
        raise Http404 from missing
    raise Http404


def _related_events(obj) -> list:
    return [obj] if isinstance(obj, Event) else list(obj.events.all())


@require_POST
@department_work_required
def illustration_choose(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    target, obj = _target(request, kind, pk)
    candidates = selectors.candidates(user=request.user, events=_related_events(obj))
    form = IllustrationForm(request.POST, candidates=candidates)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return redirect(obj)
    asset = Asset.objects.filter(pk=form.cleaned_data["chosen"]).first()
    if asset is None:
        messages.error(request, _("There is no file with this number in the archive."))
        return redirect(obj)
    try:
        services.choose_illustration(
            actor=request.user, asset=asset, alt_text=form.cleaned_data["alt_text"], **target
        )
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("The photo is now the picture of the public page."))
    return redirect(obj)


@require_POST
@department_work_required
def illustration_remove(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    target, obj = _target(request, kind, pk)
    if services.remove_illustration(actor=request.user, **target):
        messages.success(request, _("The public page no longer shows the archive's photo."))
    return redirect(obj)
