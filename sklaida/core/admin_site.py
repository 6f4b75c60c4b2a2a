"""Django's admin site, reached through the one sign-in page of Sklaida.

The admin's own sign-in form knows neither lockouts' wording nor the second factor nor
"remember me"; so its address sends people to /prisijungti/, and the site lets in only
sessions that passed the code when the user has two-factor sign-in turned on.
"""

from __future__ import annotations

from django.contrib import admin
from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache


class SklaidaAdminSite(admin.AdminSite):
    def has_permission(self, request: HttpRequest) -> bool:
        user = request.user
        if not super().has_permission(request):
            return False
        # django-otp's middleware tells whether this session passed the code.
        passed_code = getattr(user, "is_verified", lambda: False)()
        return not user.two_factor_enabled or passed_code

    @method_decorator(never_cache)
    @login_not_required
    def login(self, request: HttpRequest, extra_context: dict | None = None) -> HttpResponse:
        next_url = request.GET.get("next", "")
        if not url_has_allowed_host_and_scheme(
            next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        ):
            next_url = ""
        next_url = next_url or reverse("admin:index", current_app=self.name)
        if not request.user.is_authenticated:
            return redirect_to_login(next_url, login_url=reverse("login"))
        if self.has_permission(request):
            return HttpResponseRedirect(next_url)
        # Signed in, but not an administrator: signing in again here would not change that.
        raise PermissionDenied
