"""Account security: e-mail changes confirmed by link, two-factor sign-in, lockouts.

Why these rules. A password reset goes to the account's e-mail address, and colleagues
trust the name beside a comment; so an address counts only once its owner has opened a
link sent to it (and the old address hears of the change), two accounts never share an
address (a database constraint, case-insensitive), and names are the administrator's to
set (core.forms.ProfileForm no longer offers them; `User.clean` refuses a name another
active user already has).

Two-factor sign-in uses django-otp: a TOTP device (any authenticator app) and a static
device holding ten one-time recovery codes. `User.two_factor_enabled` mirrors "has a
confirmed device" (kept by the signal receiver below), so the middleware needs no query
to know whether a session must have passed the code. Roles listed in
`OTP_REQUIRED_FOR_ROLES` must turn it on before they may do anything else.
"""

from __future__ import annotations

import base64
import datetime
import re

import qrcode
import qrcode.image.svg
from axes.models import AccessLog
from axes.utils import reset as reset_sign_in_attempts
from django.conf import settings
from django.core import checks, signing
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_otp import devices_for_user
from django_otp.models import Device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from sklaida.core import notifications
from sklaida.core.models import User
from sklaida.core.permissions import Role, roles_of

EMAIL_CHANGE_SALT = "sklaida.core.email-change"
RECOVERY_CODE_COUNT = 10
TOTP_CODE = re.compile(r"\d{6}")


# E-mail address -------------------------------------------------------------------------


def email_taken(email: str, *, by_other_than: User) -> bool:
    return User.objects.filter(email__iexact=email).exclude(pk=by_other_than.pk).exists()


def request_email_change(*, user: User, new_email: str) -> None:
    """Send a confirmation link to `new_email` and tell the current address about it.

    Nothing changes until the link is opened; the link names the old address too, so it
    works once and stops working if the address changes another way meanwhile.
    """
    new_email = User.objects.normalize_email(new_email.strip())
    if new_email.casefold() == user.email.casefold():
        raise ValidationError(_("This is already your e-mail address."), code="same")
    if email_taken(new_email, by_other_than=user):
        raise ValidationError(_("Another account already uses this e-mail address."), code="taken")
    token = signing.dumps(
        {"user": user.pk, "new": new_email, "old": user.email}, salt=EMAIL_CHANGE_SALT
    )
    confirm_url = notifications.absolute_url(reverse("core:email_confirm", args=[token]))
    notifications.send_to_address(
        address=new_email,
        language=user.language,
        template="core/email/email_change_confirm",
        context={"recipient": user, "new_email": new_email, "confirm_url": confirm_url},
    )
    if user.email:
        notifications.send_to_address(
            address=user.email,
            language=user.language,
            template="core/email/email_change_requested",
            context={"recipient": user, "new_email": new_email},
        )


def read_email_change(*, user: User, token: str) -> str:
    """The new address a link confirms for `user`; ValidationError if it cannot be used."""
    try:
        claim = signing.loads(token, salt=EMAIL_CHANGE_SALT, max_age=settings.EMAIL_CHANGE_TIMEOUT)
    except signing.SignatureExpired as error:
        raise ValidationError(
            _("This link has expired. Ask for the change again on your profile."),
            code="expired",
        ) from error
    except signing.BadSignature as error:
        raise ValidationError(_("This link is not valid."), code="invalid") from error
    if claim["user"] != user.pk:
        raise ValidationError(
            _("This link was sent for another account. Sign in as its owner to open it."),
            code="other_user",
        )
    if claim["old"] != user.email:
        raise ValidationError(
            _("This link has already been used, or your address has changed since."),
            code="used",
        )
    return claim["new"]


@transaction.atomic
def confirm_email_change(*, user: User, token: str) -> str:
    """Make the address of the link the user's own; returns it."""
    new_email = read_email_change(user=user, token=token)
    if email_taken(new_email, by_other_than=user):
        raise ValidationError(_("Another account already uses this e-mail address."), code="taken")
    user.email = new_email
    try:
        # The savepoint keeps the transaction usable if another account took the address
        # between the check and the write (the database constraint refuses it).
        with transaction.atomic():
            user.save(update_fields=["email"])
    except IntegrityError as error:
        raise ValidationError(
            _("Another account already uses this e-mail address."), code="taken"
        ) from error
    return new_email


# Two-factor sign-in -----------------------------------------------------------------------


def second_factor_required(user: User) -> bool:
    """Whether the user's role obliges her to sign in with a code."""
    required = set(settings.OTP_REQUIRED_FOR_ROLES)
    if not required or not user.is_authenticated:
        return False
    if Role.ADMIN in required and user.is_superuser:
        return True
    return bool(required & {role.value for role in roles_of(user)})


def pending_totp_device(user: User) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=False).order_by("-pk").first()


def start_totp_enrolment(*, user: User) -> TOTPDevice:
    """A new, unconfirmed authenticator for the user to scan (an unfinished one is reused)."""
    device = pending_totp_device(user)
    if device is None:
        device = TOTPDevice.objects.create(
            user=user, name=str(_("Authenticator app")), confirmed=False
        )
    return device


def qr_code_svg(device: TOTPDevice) -> str:
    """The device's otpauth:// address as an SVG picture, drawn here (no outside service)."""
    image = qrcode.make(
        device.config_url,
        image_factory=qrcode.image.svg.SvgPathImage,
        error_correction=qrcode.constants.ERROR_CORRECT_M,
        box_size=8,
        border=4,
    )
    return image.to_string(encoding="unicode")


def qr_code_data_uri(device: TOTPDevice) -> str:
    svg = qr_code_svg(device).encode()
    return "data:image/svg+xml;base64," + base64.b64encode(svg).decode("ascii")


def manual_key(device: TOTPDevice) -> str:
    """The secret in base32, in groups of four, for apps that cannot scan."""
    key = base64.b32encode(device.bin_key).decode("ascii").rstrip("=")
    return " ".join(key[i : i + 4] for i in range(0, len(key), 4))


@transaction.atomic
def confirm_totp_enrolment(*, user: User, device: TOTPDevice, code: str) -> list[str]:
    """Turn two-factor sign-in on once the app shows the right code; returns recovery codes.

    Any earlier authenticator of the user is removed: one phone at a time.
    """
    if device.user_id != user.pk or device.confirmed:
        raise ValidationError(_("Start the set-up again."), code="stale")
    if not device.verify_token(_digits(code)):
        raise ValidationError(
            _("The code is not right. Check the time on your phone and enter the newest code."),
            code="invalid",
        )
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
    return replace_recovery_codes(user=user)


@transaction.atomic
def replace_recovery_codes(*, user: User) -> list[str]:
    """Ten new one-time codes for when the phone is lost; earlier codes stop working."""
    # The device stays (only its tokens change): a session that signed in with a recovery
    # code remembers that device, and would otherwise lose its second factor.
    device = StaticDevice.objects.filter(user=user).order_by("pk").first()
    if device is None:
        device = StaticDevice.objects.create(user=user, name=str(_("Recovery codes")))
    StaticDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _index in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create([StaticToken(device=device, token=code) for code in codes])
    return codes


def recovery_codes_left(user: User) -> int:
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


@transaction.atomic
def turn_off_two_factor(*, user: User) -> None:
    """Remove the user's authenticator and recovery codes (her choice, or the admin's)."""
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()


def verify_second_factor(*, user: User, code: str) -> tuple[Device | None, str]:
    """The device that accepts `code` (app code or recovery code), and why not if none.

    Six digits go to the authenticator, anything else to the recovery codes, so a typo
    slows down only the device it was meant for (django-otp throttles each device).
    """
    code = "".join(code.split()).lower()
    wanted = TOTPDevice if TOTP_CODE.fullmatch(code) else StaticDevice
    with transaction.atomic():
        for device in devices_for_user(user, for_verify=True):
            if not isinstance(device, wanted):
                continue
            allowed, details = device.verify_is_allowed()
            if not allowed:
                wait = details.get("locked_until")
                return None, str(
                    _("Too many wrong codes. Wait until %(time)s and try again.")
                    % {"time": timezone.localtime(wait).strftime("%H:%M:%S")}
                    if wait
                    else _("Too many wrong codes. Wait a little and try again.")
                )
            if device.verify_token(code):
                return device, ""
    return None, str(_("The code is not right."))


def _digits(code: str) -> str:
    return "".join(code.split())


def sync_two_factor_flag(sender, instance: Device, **kwargs) -> None:
    """Receiver of device saves and deletions: keep `User.two_factor_enabled` true to the devices.

    Saving the user (rather than a bare UPDATE) puts the change in the audit history.
    """
    if kwargs.get("raw"):
        return
    user = User.objects.filter(pk=instance.user_id).first()
    if user is None:
        return
    enabled = any(True for _device in devices_for_user(user, confirmed=True))
    if user.two_factor_enabled != enabled:
        user.two_factor_enabled = enabled
        user.save(update_fields=["two_factor_enabled"])


def check_required_roles(**kwargs) -> list[checks.CheckMessage]:
    """A system check: OTP_REQUIRED_FOR_ROLES names only roles that exist."""
    unknown = sorted(set(settings.OTP_REQUIRED_FOR_ROLES) - set(Role.values))
    if not unknown:
        return []
    return [
        checks.Error(
            f"OTP_REQUIRED_FOR_ROLES names unknown roles: {', '.join(unknown)}.",
            hint=f"Use any of: {', '.join(Role.values)}.",
            id="sklaida.E001",
        )
    ]


# Lockouts and the sign-in log ---------------------------------------------------------------


def lift_sign_in_lockout(*, user: User) -> int:
    """Forget the failed sign-ins of the user's name, so she may try again now."""
    return reset_sign_in_attempts(username=user.get_username())


def delete_old_sign_in_logs(*, now: datetime.datetime | None = None) -> int:
    """Forget successful sign-ins older than SIGN_IN_LOG_DAYS (they hold addresses)."""
    now = now or timezone.now()
    cutoff = now - datetime.timedelta(days=settings.SIGN_IN_LOG_DAYS)
    deleted, _details = AccessLog.objects.filter(attempt_time__lt=cutoff).delete()
    return deleted
