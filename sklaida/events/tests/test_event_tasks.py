"""Tasks about events on the task lists: same titles told apart by the event's day."""

from __future__ import annotations

import datetime
import re

from django.utils import timezone

from sklaida.core.tests.factories import TaskFactory, UserFactory
from sklaida.events.tests.factories import EventFactory, at
from sklaida.testing.queries import queries_to_render


def day(n: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=n)


def title_cells(html: str) -> list[str]:
    """The text of each task row's first cell, its whitespace collapsed."""
    cells = re.findall(r'<tr id="task-\d+"[^>]*>\s*<td>(.*?)</td>', html, re.S)
    return [" ".join(re.sub(r"<[^>]+>", " ", cell).split()) for cell in cells]


def test_my_work_shows_beside_each_poster_task_the_day_of_its_evening(client, personas):
    me = UserFactory(role="specialist")
    for n in (3, 10):
        evening = EventFactory(title="Poezijos vakaras", starts_at=at(day(n), 18))
        TaskFactory(owner=me, title="Plakatas", due_date=day(n - 2), target=evening)
    client.force_login(me)

    page = client.get("/").content.decode()
    cells = title_cells(page)

    assert len(cells) == 2
    for cell, n in zip(cells, (3, 10), strict=True):
        when = day(n)
        assert cell.startswith("Plakatas ")
        assert f"{when.year} m." in cell
        assert f"{when.day} d." in cell
    assert cells[0] != cells[1]
    # A screen reader's "Mark done" buttons are told apart by the same day.
    buttons = re.findall(r"Pažymėti atlikta<span class=\"visually-hidden\">: ([^<]*)</span>", page)
    assert len(set(buttons)) == 2 and all(name.startswith("Plakatas (") for name in buttons)


def test_the_events_days_cost_no_query_per_task(client, personas):
    me = UserFactory(role="specialist")
    client.force_login(me)
    # One task due this week, one later: each part of "My work" is already on the page.
    for n in (3, 30):
        evening = EventFactory(starts_at=at(day(n), 18))
        TaskFactory(owner=me, title="Plakatas", due_date=day(n - 2), target=evening)
    few = queries_to_render(client, "/")
    for n in range(20):
        evening = EventFactory(starts_at=at(day(31 + n), 18))
        TaskFactory(owner=me, title="Plakatas", due_date=day(29 + n), target=evening)

    assert queries_to_render(client, "/") == few
