"""The newsletter's public pages: sign-up (double opt-in), confirmation, unsubscribing."""

from __future__ import annotations

from django import forms
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy
from django.views.decorators.csrf import csrf_exempt

from sklaida.communication.models import Subscriber
from sklaida.communication.selectors import newsletter as selectors
from sklaida.communication.services import newsletter as services
from sklaida.public import protection
from sklaida.public.context import public_context
from sklaida.public.forms import EMAIL_TOO_LONG
from sklaida.public.protection import HumanCheckForm

EMAIL_MAX_LENGTH = Subscriber._meta.get_field("email").max_length


def consent_text() -> str:
    """What the visitor agrees to, stored word for word with the subscription."""
    return _(
        "I agree that the Library uses my e-mail address and name to send me its newsletter "
        "about events and news. I can unsubscribe at any time with the link in every "
        "newsletter; my data are then no longer used for sending."
    )


class SubscribeForm(HumanCheckForm):
    email = forms.EmailField(
        label=gettext_lazy("E-mail"),
        max_length=EMAIL_MAX_LENGTH,
        error_messages={"max_length": EMAIL_TOO_LONG},
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    name = forms.CharField(
        label=pgettext_lazy("person", "Name"),
        required=False,
        max_length=Subscriber._meta.get_field("name").max_length,
        widget=forms.TextInput(attrs={"autocomplete": "given-name"}),
    )
    consent = forms.BooleanField(
        error_messages={
            "required": gettext_lazy("Please agree, or we cannot send you the newsletter.")
        },
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["consent"].label = consent_text()


def _language() -> str:
    return "en" if (translation.get_language() or "").startswith("en") else "lt"


def _subscriber(token: str) -> Subscriber:
    try:
        return selectors.subscriber_by_token(token)
    except Subscriber.DoesNotExist as missing:
        raise Http404 from missing


@login_not_required
def subscribe(request: HttpRequest) -> HttpResponse:
    """The sign-up form; a valid one e-mails a confirmation link and shows what to do next."""
    form = SubscribeForm(request.POST or None)
    template = "public/newsletter/subscribe.html"
    context = {"form": form, **public_context(request)}
    if request.method == "POST":
        refusal = protection.refusal_for_client(request, protection.NEWSLETTER)
        if refusal:
            return protection.throttled_response(request, template, context, refusal)
    if request.method == "POST" and form.is_valid():
        if not form.is_spam:
            try:
                services.subscribe(
                    email=form.cleaned_data["email"],
                    name=form.cleaned_data["name"],
                    language=_language(),
                    consent_text=consent_text(),
                )
            except ValidationError as error:
                form.add_error(None, error)
        if not form.errors:
            return render(
                request,
                "public/newsletter/check_mailbox.html",
                {"email": form.cleaned_data["email"], **public_context(request)},
            )
    return render(request, template, context)


@login_not_required
def confirm(request: HttpRequest, token: str) -> HttpResponse:
    """The link in the confirmation e-mail: a button that starts the subscription.

    Only the POST of that button confirms. Mail programs and virus scanners open the links
    in a message by themselves; a GET that confirmed would subscribe whoever the sign-up
    form was given, which double opt-in exists to prevent.
    """
    subscriber = _subscriber(token)
    error = ""
    if request.method == "POST":
        try:
            services.confirm(token=token)
        except ValidationError as refused:
            error = " ".join(refused.messages)
        else:
            return redirect("public:newsletter_confirm", token=token)
    elif subscriber.status == Subscriber.Status.UNSUBSCRIBED:
        error = _("You have unsubscribed. To receive the newsletter again, sign up anew.")
    return render(
        request,
        "public/newsletter/confirmed.html",
        {
            "subscriber": subscriber,
            "is_active": subscriber.status == Subscriber.Status.ACTIVE,
            "error": error,
            **public_context(request),
        },
    )


# Deliberately exempt from CSRF: RFC 8058 one-click unsubscribe has the mail program POST
# "List-Unsubscribe=One-Click" to this address with no session and no CSRF token. The
# secret token in the address is what authorises the request, and all it can do is stop
# the newsletter for the one subscriber it names.
@csrf_exempt
@login_not_required
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    """GET shows a button (link scanners must not unsubscribe anyone); POST unsubscribes."""
    subscriber = _subscriber(token)
    if request.method == "POST":
        services.unsubscribe(token=token)
        if request.POST.get("List-Unsubscribe") == "One-Click":
            return HttpResponse(_("You have been unsubscribed."), content_type="text/plain")
        return redirect("public:newsletter_unsubscribe", token=token)
    return render(
        request,
        "public/newsletter/unsubscribe.html",
        {
            "subscriber": subscriber,
            "is_unsubscribed": subscriber.status == Subscriber.Status.UNSUBSCRIBED,
            **public_context(request),
        },
    )
