"""Request middleware of the core."""

import logging

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect, render
from django.urls import LocalePrefixPattern, Resolver404, URLResolver, get_resolver
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _

from sklaida.core import accounts
from sklaida.core.storage import is_storage_failure

logger = logging.getLogger(__name__)


def is_language_prefixed_page(request) -> bool:
    """Whether the path belongs to i18n_patterns, where the address says the language."""
    resolver = get_resolver(getattr(request, "urlconf", None))
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver) and isinstance(entry.pattern, LocalePrefixPattern):
            try:
                entry.resolve(request.path_info.removeprefix("/"))
            except Resolver404:
                continue
            return True
    return False


class UserLanguageMiddleware:
    """Staff pages: the language chosen in the profile, else the language cookie or browser.

    Public pages keep the language of their address (/renginiai/ or /en/events/), so a
    link to the English page gives the English page to everyone. Django's LocaleMiddleware,
    once i18n_patterns are in use, sets Lithuanian for every address without a prefix;
    staff pages are not among those patterns, so their language is chosen here.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not is_language_prefixed_page(request):
            user = getattr(request, "user", None)
            if user is not None and user.is_authenticated and user.language:
                language = user.language
            else:
                language = translation.get_language_from_request(request)
            translation.activate(language)
            request.LANGUAGE_CODE = language
        return self.get_response(request)


class SecondFactorMiddleware:
    """Two-factor sign-in, for every page: the code was given, or set-up comes first.

    - A user with two-factor sign-in on whose session never passed the code (opened before
      she turned it on, or by any way around the sign-in page) is signed out and asked to
      sign in again, code and all.
    - A user whose role is in OTP_REQUIRED_FOR_ROLES and who has no device yet may only
      use the set-up pages (views marked `second_factor_setup_allowed`), sign out and the
      pages that need no sign-in, until she has set it up.

    Costs no query for a user without two-factor sign-in while the setting is empty: the
    user row carries `two_factor_enabled`.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        user = request.user
        if not user.is_authenticated:
            return None
        needs_sign_in = getattr(view_func, "login_required", True)
        if user.two_factor_enabled:
            if user.is_verified():
                return None
            logout(request)
            messages.info(
                request,
                _("Two-factor sign-in is on for your account: sign in again with your code."),
            )
            return redirect_to_login(request.get_full_path()) if needs_sign_in else None
        if not needs_sign_in or getattr(view_func, "second_factor_setup_allowed", False):
            return None
        if accounts.second_factor_required(user):
            return redirect("core:two_factor")
        return None


class PermissionsPolicyMiddleware:
    """Tell browsers that no page of ours uses the camera, microphone, location or payments,
    so a script that got in somehow (or a framed page) cannot ask for them."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response


class StorageFailureMiddleware:
    """A disk that is full or read-only answers with a page that says so (HTTP 507) instead
    of the generic error; the storage has already removed any half-written file, and the
    request's database changes were rolled back with the exception."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not is_storage_failure(exception):
            return None
        logger.error("Storage failure on %s: %s", request.path, exception)
        referer = request.headers.get("Referer", "")
        back = referer if url_has_allowed_host_and_scheme(referer, {request.get_host()}) else ""
        return render(request, "core/storage_failed.html", {"back": back}, status=507)
