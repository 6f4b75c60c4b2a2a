"""Sklaida URLs. Every view needs a signed-in user unless it says `login_not_required`."""

from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.urls import include, path
from django.views.i18n import set_language

from sklaida.core.health import healthz
from sklaida.core.views import favicon
from sklaida.core.views_auth import (
    LimitedPasswordResetView,
    SignInView,
    second_factor_setup_allowed,
    sign_in_code,
)

urlpatterns = [
    path("prisijungti/", SignInView.as_view(), name="login"),
    path("prisijungti/kodas/", sign_in_code, name="login_code"),
    path(
        "atsijungti/",
        second_factor_setup_allowed(auth_views.LogoutView.as_view()),
        name="logout",
    ),
    path(
        "slaptazodis/priminti/",
        LimitedPasswordResetView.as_view(),
        name="password_reset",
    ),
    path(
        "slaptazodis/priminti/issiusta/",
        auth_views.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "slaptazodis/naujas/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "slaptazodis/naujas/pakeistas/",
        auth_views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
    path(
        "profilis/slaptazodis/",
        auth_views.PasswordChangeView.as_view(),
        name="password_change",
    ),
    path(
        "profilis/slaptazodis/pakeistas/",
        auth_views.PasswordChangeDoneView.as_view(),
        name="password_change_done",
    ),
    path("kalba/", login_not_required(set_language), name="set_language"),
    path("healthz", healthz, name="healthz"),
    path("favicon.ico", favicon, name="favicon"),
    path("admin/", admin.site.urls),
    path("kontaktai/", include("sklaida.contacts.urls")),
    path("konsultacijos/", include("sklaida.consultations.urls")),
    path("veikla/", include("sklaida.events.urls")),
    path("komunikacija/", include("sklaida.communication.urls")),
    path("archyvas/", include("sklaida.archive.urls")),
    path("dizainas/", include("sklaida.design.urls")),
    # Procurement (5.2) lives in the projects area of the menu, under its address.
    path("projektai/pirkimai/", include("sklaida.procurement.urls")),
    path("projektai/", include("sklaida.projects.urls")),
    path("", include("sklaida.core.urls")),
]

# The public's pages: Lithuanian without a prefix (/renginiai/), English under /en/
# with English paths (/en/events/); other tools link to these fixed addresses.
urlpatterns += i18n_patterns(
    path("", include("sklaida.public.urls")), prefix_default_language=False
)
