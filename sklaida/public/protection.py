"""Keeping robots and floods off the public forms (registration, tour booking, newsletter).

Three defences, each cheap for a person and costly for a script:

- a **honeypot** field people never see (robots fill every field in); a form that has
  it filled is thanked and nothing is done;
- a **time to fill**: the form carries the moment it was shown, signed so it cannot be
  forged; one sent back sooner than `PUBLIC_FORM_MIN_SECONDS` was not typed by a person.
  The form is shown again with what was typed and a message, so a quick person loses
  nothing and simply sends it again;
- **rate limits** per client address (`core.proxies.client_address`) and per e-mail
  address a form writes to (`core.addresses.mailbox_key`, so `name+1@`, `name+2@` … are
  one mailbox). Over a limit the form is shown again with HTTP 429, a `Retry-After`
  header and a message that says when to try again.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

from django import forms
from django.conf import settings
from django.core import signing
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from sklaida.core import throttle
from sklaida.core.addresses import mailbox_key
from sklaida.core.proxies import client_address

SIGNING_SALT = "sklaida.public.form-started"


@dataclass(frozen=True)
class FormLimits:
    per_client: throttle.Limit
    per_address: throttle.Limit | None = None


# A class signing its pupils up from one school network stays well under these; a script
# sending a thousand sign-ups in a minute is stopped after the first few.
REGISTRATION = FormLimits(
    per_client=throttle.Limit("registration-client", requests=20, seconds=10 * 60),
    per_address=throttle.Limit("registration-address", requests=5, seconds=60 * 60),
)
TOUR = FormLimits(
    per_client=throttle.Limit("tour-client", requests=5, seconds=60 * 60),
    per_address=throttle.Limit("tour-address", requests=3, seconds=24 * 60 * 60),
)
# Per address the newsletter sends at most one confirmation a day (the service decides).
NEWSLETTER = FormLimits(
    per_client=throttle.Limit("newsletter-client", requests=10, seconds=60 * 60),
)


def signed_start(moment: float | None = None) -> str:
    """The value of a form's hidden time stamp: when it was shown, signed."""
    return signing.dumps(time.time() if moment is None else moment, salt=SIGNING_SALT)


def _started_at(value: object) -> float | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        moment = signing.loads(value, salt=SIGNING_SALT)
    except signing.BadSignature:
        return None
    return float(moment) if isinstance(moment, int | float) else None


class StartedField(forms.CharField):
    """The hidden time stamp; a missing or forged one is replaced when the form is shown again."""

    widget = forms.HiddenInput

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(required=False, initial=signed_start, **kwargs)

    def bound_data(self, data: Any, initial: Any) -> Any:
        return data if _started_at(data) is not None else initial

    def clean(self, value: Any) -> float | None:
        return _started_at(super().clean(value))


class HumanCheckForm(forms.Form):
    """The honeypot and the time stamp; a public form inherits it first (before ModelForm)."""

    # A honeypot: people do not see this field, robots fill it in.
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )
    started = StartedField()

    def clean(self) -> dict:
        data = super().clean()
        started = data.get("started")
        if started is None or time.time() - started < settings.PUBLIC_FORM_MIN_SECONDS:
            self.add_error(
                None,
                _(
                    "The form was sent sooner than a person usually fills it in, so we have "
                    "not taken it yet. Please check what you typed and send it again."
                ),
            )
        return data

    @property
    def is_spam(self) -> bool:
        return bool(self.cleaned_data.get("website"))


def refusal_for_client(request: HttpRequest, limits: FormLimits) -> throttle.Throttled | None:
    """Count this sending of a form against its client's limit; the refusal once over it."""
    try:
        throttle.hit(limits.per_client, client_address(request))
    except throttle.Throttled as refusal:
        return refusal
    return None


def refusal_for_address(limits: FormLimits, address: str) -> throttle.Throttled | None:
    """Count a form that writes to `address` against that mailbox's limit."""
    if limits.per_address is None:
        return None
    try:
        throttle.hit(limits.per_address, mailbox_key(address))
    except throttle.Throttled as refusal:
        return refusal
    return None


def throttled_response(
    request: HttpRequest, template: str, context: dict[str, Any], refusal: throttle.Throttled
) -> HttpResponse:
    """The form's own page again, with what was typed, saying when to try again (HTTP 429)."""
    response = render(request, template, {**context, "throttled": refusal}, status=429)
    response["Retry-After"] = str(refusal.retry_after)
    return response
