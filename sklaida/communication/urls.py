"""Staff pages of communication, under /komunikacija/."""

app_name = "communication"

urlpatterns: list = []

from django.urls import path  # noqa: E402

from sklaida.communication.views import newsletter  # noqa: E402

urlpatterns += [
    path("naujienlaiskis/", newsletter.newsletter_list, name="newsletter_list"),
    path("naujienlaiskis/naujas/", newsletter.newsletter_create, name="newsletter_create"),
    path("naujienlaiskis/<int:pk>/", newsletter.newsletter_detail, name="newsletter_detail"),
    path("naujienlaiskis/<int:pk>/keisti/", newsletter.newsletter_update, name="newsletter_update"),
    path(
        "naujienlaiskis/<int:pk>/perziura/",
        newsletter.newsletter_preview,
        name="newsletter_preview",
    ),
    path(
        "naujienlaiskis/<int:pk>/eiga/", newsletter.newsletter_progress, name="newsletter_progress"
    ),
    path("naujienlaiskis/<int:pk>/bandymas/", newsletter.newsletter_test, name="newsletter_test"),
    path("naujienlaiskis/<int:pk>/siusti/", newsletter.newsletter_send, name="newsletter_send"),
]
