"""`manage.py demo`: realistic Lithuanian data, only in demo mode, only on a demo database."""

import io

import pytest
from django.contrib.auth import authenticate
from django.core.management import CommandError, call_command
from django.test import RequestFactory

from sklaida.core.models import Library, Space, Task, User
from sklaida.core.permissions import Role, roles_of
from sklaida.core.tests.factories import UserFactory


def counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in (Library, Space, Task, User)}


def test_demo_creates_a_real_county_with_every_role(db, settings):
    settings.DEMO_MODE = True

    output = io.StringIO()
    call_command("demo", stdout=output)

    assert "sklaida-demo" in output.getvalue()

    county = Library.objects.get(kind=Library.Kind.COUNTY)
    assert county.name == "Šiaulių apskrities Povilo Višinskio viešoji biblioteka"
    assert Library.objects.filter(kind=Library.Kind.TERRITORY).count() == 7
    assert Space.objects.filter(library=county, capacity__gt=0).exists()
    expected = {
        "vadove": Role.HEAD,
        "specialiste": Role.SPECIALIST,
        "dizainere": Role.SPECIALIST,
        "teritorija": Role.TERRITORY,
        "stebetojas": Role.VIEWER,
        "admin": Role.ADMIN,
    }
    for username, role in expected.items():
        # django-axes checks every sign-in against its lockouts, so it needs the request.
        request = RequestFactory().post("/prisijungti/")
        user = authenticate(request, username=username, password="sklaida-demo")
        assert user is not None, username
        assert roles_of(user) == {role}
    assert User.objects.get(username="teritorija").library.kind == Library.Kind.TERRITORY
    assert Task.objects.filter(owner__username="specialiste").exists()


def test_running_the_demo_twice_changes_nothing(db, settings):
    settings.DEMO_MODE = True
    call_command("demo")
    before = counts()

    call_command("demo")

    assert counts() == before


@pytest.fixture
def empty_database(db) -> None:
    """No demo data (the session loaded it); the test's transaction brings it back after."""
    call_command("flush", interactive=False, verbosity=0)


def test_the_demo_refuses_outside_demo_mode_and_creates_no_users(empty_database, settings):
    settings.DEMO_MODE = False

    with pytest.raises(CommandError, match="DEMO_MODE=1"):
        call_command("demo")

    assert not User.objects.exists()


def test_the_demo_refuses_a_database_with_real_data(empty_database, settings):
    settings.DEMO_MODE = True
    UserFactory(username="ona.jonaitiene")

    with pytest.raises(CommandError, match="1 non-demo user"):
        call_command("demo")

    assert not User.objects.filter(username="vadove").exists()
