"""Choosing a space: the rooms come grouped by library, and long lists are searchable."""

from __future__ import annotations

import re

from django.urls import reverse

from sklaida.core.models import Space
from sklaida.events.forms import EventFilterForm, EventForm
from sklaida.events.views.calendar import CalendarFilterForm


def rendered_select(html: str, name: str) -> str:
    return re.search(rf'<select name="{name}"[^>]*>.*?</select>', html, re.S).group(0)


def groups_of(select: str) -> list[tuple[str, list[str]]]:
    return [
        (label, re.findall(r"<option [^>]*>([^<]*)</option>", options))
        for label, options in re.findall(
            r'<optgroup label="([^"]*)">(.*?)</optgroup>', select, re.S
        )
    ]


def spaces_by_library(spaces) -> list[tuple[str, list[str]]]:
    groups: dict[str, list[str]] = {}
    for space in spaces.select_related("library"):
        groups.setdefault(str(space.library), []).append(space.name)
    return list(groups.items())


def test_the_event_form_offers_the_rooms_grouped_by_library(personas, client_as):
    response = client_as("specialiste").get(reverse("events:create"))

    select = rendered_select(response.content.decode(), "space")
    active = Space.objects.filter(is_active=True)
    assert groups_of(select) == spaces_by_library(active)
    assert len(groups_of(select)) > 1
    assert "data-searchable" in select
    assert "— pasirinkite —" in select


def test_a_territory_specialist_sees_only_her_own_librarys_rooms(personas, client_as):
    response = client_as("teritorija").get(reverse("events:create"))

    select = rendered_select(response.content.decode(), "space")
    own = Space.objects.filter(is_active=True, library=personas["teritorija"].library)
    assert groups_of(select) == spaces_by_library(own)


def test_every_space_picker_of_the_event_screens_is_grouped_by_library(personas):
    forms = [EventForm(user=personas["specialiste"]), EventFilterForm(), CalendarFilterForm()]
    expected = spaces_by_library(Space.objects.filter(is_active=True))
    for form in forms:
        empty, *groups = form.fields["space"].choices
        assert empty[0] == ""
        assert [(library, [name for _v, name in spaces]) for library, spaces in groups] == expected
