"""Signing in and the account's safety: the password, then the code when two-factor sign-in
is on; limits on password-reset e-mails; confirming a new e-mail address; turning
two-factor sign-in on and off.

Between the password and the code nobody is signed in: the session only remembers, for
a few minutes, whose password was right (`PENDING_SIGN_IN`). A wrong code counts as a
failed sign-in for django-axes, exactly like a wrong password.
"""

from __future__ import annotations

import datetime
import time
from collections.abc import Callable

import django_otp
from axes.handlers.proxy import AxesProxyHandler
from axes.helpers import get_lockout_response
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login as auth_login
from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.signals import user_login_failed
from django.contrib.auth.views import LoginView, PasswordResetView
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.utils.crypto import constant_time_compare
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST
from django_otp.plugins.otp_static.models import StaticDevice

from sklaida.core import accounts
from sklaida.core.forms import ProfileForm
from sklaida.core.forms_auth import (
    EmailChangeForm,
    QueuedPasswordResetForm,
    SecondFactorForm,
    SignInForm,
    TotpConfirmForm,
)
from sklaida.core.models import User
from sklaida.core.proxies import client_address
from sklaida.core.throttle import Limit, Throttled, hit

PENDING_SIGN_IN = "sklaida_pending_sign_in"
# Time to fetch the phone and type the code after the password was right.
PENDING_SECONDS = 300
RESET_WINDOW_SECONDS = 3600


def second_factor_setup_allowed(view: Callable) -> Callable:
    """Mark a view a person whose role requires two-factor sign-in may use before setting it up."""
    view.second_factor_setup_allowed = True
    return view


def keep_session(request: HttpRequest, *, remember: bool) -> None:
    """Until the browser closes (at most SESSION_COOKIE_AGE), or SESSION_REMEMBER_DAYS."""
    if remember:
        request.session.set_expiry(datetime.timedelta(days=settings.SESSION_REMEMBER_DAYS))
    else:
        request.session.set_expiry(0)


# Signing in -------------------------------------------------------------------------------


class SignInView(LoginView):
    authentication_form = SignInForm
    redirect_authenticated_user = True

    def form_valid(self, form: SignInForm) -> HttpResponse:
        user = form.get_user()
        remember = form.cleaned_data.get("remember", False)
        if user.two_factor_enabled:
            self.request.session[PENDING_SIGN_IN] = {
                "user": user.pk,
                "backend": user.backend,
                "password": user.get_session_auth_hash(),
                "remember": remember,
                "next": self.get_success_url(),
                "started": time.time(),
            }
            return redirect("login_code")
        auth_login(self.request, user)
        keep_session(self.request, remember=remember)
        return HttpResponseRedirect(self.get_success_url())


def locked_out(request: HttpRequest, original_response, credentials) -> HttpResponse:
    """django-axes' answer to a locked-out sign-in (AXES_LOCKOUT_CALLABLE), in our words."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return render(request, "registration/locked_out.html", {"minutes": minutes}, status=429)


def _pending_sign_in(request: HttpRequest) -> tuple[User, dict] | None:
    """Whose password was right a moment ago in this browser, if anyone's."""
    pending = request.session.get(PENDING_SIGN_IN)
    if not pending or time.time() - pending["started"] > PENDING_SECONDS:
        return None
    user = User.objects.filter(pk=pending["user"], is_active=True).first()
    # A password changed since then makes the first step void.
    if user is None or not constant_time_compare(pending["password"], user.get_session_auth_hash()):
        return None
    return user, pending


@never_cache
@sensitive_post_parameters("code")
@login_not_required
def sign_in_code(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect(settings.LOGIN_REDIRECT_URL)
    found = _pending_sign_in(request)
    if found is None:
        request.session.pop(PENDING_SIGN_IN, None)
        messages.info(request, _("Sign in again with your user name and password."))
        return redirect("login")
    user, pending = found
    credentials = {"username": user.get_username()}
    if not AxesProxyHandler.is_allowed(request, credentials):
        return get_lockout_response(request, None, credentials)

    form = SecondFactorForm(request.POST or None, autofocus=True)
    if request.method == "POST" and form.is_valid():
        device, problem = accounts.verify_second_factor(user=user, code=form.cleaned_data["code"])
        if device is not None:
            del request.session[PENDING_SIGN_IN]
            auth_login(request, user, backend=pending["backend"])
            django_otp.login(request, device)
            keep_session(request, remember=pending["remember"])
            if isinstance(device, StaticDevice):
                left = accounts.recovery_codes_left(user)
                messages.warning(
                    request,
                    ngettext(
                        "You signed in with a recovery code; %(count)d code is left. "
                        "Make new ones on your profile.",
                        "You signed in with a recovery code; %(count)d codes are left. "
                        "Make new ones on your profile.",
                        left,
                    )
                    % {"count": left},
                )
            return HttpResponseRedirect(pending["next"])
        # django-axes counts it; at the limit its middleware answers with the lockout page.
        user_login_failed.send(sender=__name__, credentials=credentials, request=request)
        form.add_error("code", problem)
    return render(request, "registration/sign_in_code.html", {"form": form})


# Password reset ---------------------------------------------------------------------------


def reset_request_allowed(request: HttpRequest, email: str) -> bool:
    """At most N reset e-mails an hour from one client, and M to one address.

    The address counts whether or not an account has it, so the limit reveals nothing.
    """
    per_client = Limit(
        "reset-client", settings.PASSWORD_RESET_LIMIT_PER_CLIENT, RESET_WINDOW_SECONDS
    )
    per_address = Limit(
        "reset-address", settings.PASSWORD_RESET_LIMIT_PER_ADDRESS, RESET_WINDOW_SECONDS
    )
    try:
        hit(per_client, client_address(request))
        hit(per_address, email.strip().casefold())
    except Throttled:
        return False
    return True


class LimitedPasswordResetView(PasswordResetView):
    form_class = QueuedPasswordResetForm

    def form_valid(self, form: QueuedPasswordResetForm) -> HttpResponse:
        if not reset_request_allowed(self.request, form.cleaned_data["email"]):
            form.add_error(
                None,
                _(
                    "Too many requests for a new password. Try again in an hour, or ask "
                    "the administrator."
                ),
            )
            return self.render_to_response(self.get_context_data(form=form), status=429)
        return super().form_valid(form)


# E-mail address ---------------------------------------------------------------------------


def profile_page(
    request: HttpRequest,
    *,
    form: ProfileForm | None = None,
    email_form: EmailChangeForm | None = None,
    status: int = 200,
) -> HttpResponse:
    return render(
        request,
        "core/profile.html",
        {
            "form": form or ProfileForm(instance=request.user),
            "email_form": email_form or EmailChangeForm(),
        },
        status=status,
    )


@require_POST
def email_change(request: HttpRequest) -> HttpResponse:
    form = EmailChangeForm(request.POST)
    if form.is_valid():
        try:
            accounts.request_email_change(
                user=request.user, new_email=form.cleaned_data["new_email"]
            )
        except ValidationError as error:
            form.add_error("new_email", error)
        else:
            messages.success(
                request,
                _(
                    "We sent a link to %(email)s. Your address changes when you open it "
                    "(within a day)."
                )
                % {"email": form.cleaned_data["new_email"]},
            )
            return redirect("core:profile")
    return profile_page(request, email_form=form, status=400)


@never_cache
def email_confirm(request: HttpRequest, token: str) -> HttpResponse:
    """A GET shows what will change; the button POSTs, so a mail scanner changes nothing."""
    try:
        new_email = accounts.read_email_change(user=request.user, token=token)
    except ValidationError as error:
        return render(
            request, "core/email_confirm.html", {"problem": error.messages[0]}, status=400
        )
    if request.method == "POST":
        try:
            accounts.confirm_email_change(user=request.user, token=token)
        except ValidationError as error:
            return render(
                request, "core/email_confirm.html", {"problem": error.messages[0]}, status=400
            )
        messages.success(request, _("Your e-mail address is now %(email)s.") % {"email": new_email})
        return redirect("core:profile")
    return render(request, "core/email_confirm.html", {"new_email": new_email})


# Two-factor sign-in -----------------------------------------------------------------------


@second_factor_setup_allowed
def two_factor(request: HttpRequest) -> HttpResponse:
    user = request.user
    return render(
        request,
        "core/two_factor.html",
        {
            "required": accounts.second_factor_required(user),
            "codes_left": accounts.recovery_codes_left(user) if user.two_factor_enabled else 0,
            "off_form": SecondFactorForm(),
        },
    )


@never_cache
@sensitive_post_parameters("code")
@second_factor_setup_allowed
def two_factor_setup(request: HttpRequest) -> HttpResponse:
    """Start (POST without a code), show the QR code (GET), confirm the first code (POST)."""
    user = request.user
    if request.method == "POST" and "code" not in request.POST:
        accounts.start_totp_enrolment(user=user)
        return redirect("core:two_factor_setup")
    device = accounts.pending_totp_device(user)
    if device is None:
        return redirect("core:two_factor")
    form = TotpConfirmForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            codes = accounts.confirm_totp_enrolment(
                user=user, device=device, code=form.cleaned_data["code"]
            )
        except ValidationError as error:
            form.add_error("code", error)
        else:
            # This session has just shown the code: it counts as verified.
            django_otp.login(request, device)
            return render(request, "core/recovery_codes.html", {"codes": codes, "first": True})
    return render(
        request,
        "core/two_factor_setup.html",
        {
            "form": form,
            "qr_code": accounts.qr_code_data_uri(device),
            "manual_key": accounts.manual_key(device),
            "issuer": settings.OTP_TOTP_ISSUER,
            "account": user.get_username(),
        },
    )


@never_cache
@require_POST
@second_factor_setup_allowed
def recovery_codes(request: HttpRequest) -> HttpResponse:
    if not request.user.two_factor_enabled:
        return redirect("core:two_factor")
    codes = accounts.replace_recovery_codes(user=request.user)
    return render(request, "core/recovery_codes.html", {"codes": codes, "first": False})


@sensitive_post_parameters("code")
@require_POST
@second_factor_setup_allowed
def two_factor_off(request: HttpRequest) -> HttpResponse:
    user = request.user
    if accounts.second_factor_required(user):
        messages.error(
            request, _("Your role requires two-factor sign-in; it cannot be turned off.")
        )
        return redirect("core:two_factor")
    form = SecondFactorForm(request.POST)
    if form.is_valid():
        device, problem = accounts.verify_second_factor(user=user, code=form.cleaned_data["code"])
        if device is not None:
            accounts.turn_off_two_factor(user=user)
            messages.success(request, _("Two-factor sign-in is off."))
            return redirect("core:two_factor")
        form.add_error("code", problem)
    return render(
        request,
        "core/two_factor.html",
        {
            "required": False,
            "codes_left": accounts.recovery_codes_left(user),
            "off_form": form,
        },
        status=400,
    )
