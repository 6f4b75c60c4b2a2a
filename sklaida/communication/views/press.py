"""Staff screens of press mailings: compose from a press release, preview, send, follow."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from sklaida.communication.forms.press import PressMailingForm
from sklaida.communication.models import ContentItem, PressMailing
from sklaida.communication.selectors import content as content_selectors
from sklaida.communication.selectors import press as selectors
from sklaida.communication.services import press as services
from sklaida.communication.views.common import act_then_back, may_read, may_work
from sklaida.core.permissions import Capability, has_capability
from sklaida.core.views import paginated

PER_PAGE = 100


def _mailing_or_404(pk: int) -> PressMailing:
    try:
        return selectors.mailing(pk)
    except PressMailing.DoesNotExist as missing:
        raise Http404 from missing


def press_list(request: HttpRequest) -> HttpResponse:
    may_read(request)
    return render(
        request,
        "communication/press/list.html",
        paginated(request, selectors.mailing_list(), per_page=PER_PAGE),
    )


def _save(request: HttpRequest, item: ContentItem, mailing: PressMailing | None) -> HttpResponse:
    try:
        services.check_sendable(item)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(mailing or item)
    if mailing is None:
        initial = {"subject": item.title}
    else:
        initial = {
            "contact_list": mailing.contact_list,
            "subject": mailing.subject,
            "message": mailing.message,
            "attachments": list(mailing.attachments.all()),
        }
    form = PressMailingForm(request.POST or None, item=item, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            if mailing is None:
                mailing = services.create_mailing(by=request.user, item=item, **form.cleaned_data)
            else:
                mailing = services.update_mailing(
                    mailing=mailing, by=request.user, **form.cleaned_data
                )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return redirect(mailing)
    return render(
        request, "communication/press/form.html", {"form": form, "item": item, "mailing": mailing}
    )


def press_create(request: HttpRequest, pk: int) -> HttpResponse:
    """A new mailing of the press release `pk`."""
    may_work(request)
    try:
        item = content_selectors.item_for(user=request.user, pk=pk)
    except ContentItem.DoesNotExist as missing:
        raise Http404 from missing
    return _save(request, item, None)


def press_update(request: HttpRequest, pk: int) -> HttpResponse:
    may_work(request)
    mailing = _mailing_or_404(pk)
    if mailing.status != PressMailing.Status.DRAFT:
        raise Http404
    return _save(request, mailing.item, mailing)


def press_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """A draft shows the message as it will go and who gets it; a sent one, each recipient."""
    may_read(request)
    mailing = _mailing_or_404(pk)
    is_draft = mailing.status == PressMailing.Status.DRAFT
    return render(
        request,
        "communication/press/detail.html",
        {
            "mailing": mailing,
            "letter": services.render_letter(mailing),
            "audience": selectors.audience_of(mailing.contact_list) if is_draft else None,
            "is_draft": is_draft,
            "may_work": has_capability(request.user, Capability.WORK_IN_DEPARTMENT),
            **paginated(request, selectors.recipients_of(mailing), per_page=PER_PAGE),
        },
    )


def press_progress(request: HttpRequest, pk: int) -> HttpResponse:
    """The progress bar alone, polled by htmx every 2 s while the mailing is being sent."""
    may_read(request)
    return render(request, "communication/press/_progress.html", {"mailing": _mailing_or_404(pk)})


@require_POST
def press_resume(request: HttpRequest, pk: int) -> HttpResponse:
    may_work(request)
    mailing = _mailing_or_404(pk)
    return act_then_back(
        request,
        mailing,
        lambda: services.resume_sending(mailing=mailing, by=request.user),
        _("Sending has been resumed."),
    )


@require_POST
def press_send(request: HttpRequest, pk: int) -> HttpResponse:
    may_work(request)
    mailing = _mailing_or_404(pk)
    return act_then_back(
        request,
        mailing,
        lambda: services.start_sending(mailing=mailing, by=request.user),
        _("Sending has started."),
    )
