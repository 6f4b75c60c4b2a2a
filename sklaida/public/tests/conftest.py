"""Stand-ins for the public calendar's pages while this branch lacks them.

The public layout links the calendar (`public:event_list`) and the registration pages link
the event's page (`public:event_detail`); both come with the calendar part. Until it has
landed these stand-ins let the public pages render in tests; once it has, this does
nothing and can be deleted.
"""

import pytest
from django.contrib.auth.decorators import login_not_required
from django.http import HttpResponse
from django.urls import NoReverseMatch, clear_url_caches, path, reverse


@login_not_required
def _stand_in(request, **kwargs) -> HttpResponse:
    return HttpResponse("")


@pytest.fixture(autouse=True, scope="session")
def calendar_pages_stand_in() -> None:
    try:
        reverse("public:event_list")
    except NoReverseMatch:
        from sklaida.public import urls

        urls.urlpatterns += [
            path("stand-in/events/", _stand_in, name="event_list"),
            path("stand-in/events/<slug:slug>/", _stand_in, name="event_detail"),
        ]
        clear_url_caches()
