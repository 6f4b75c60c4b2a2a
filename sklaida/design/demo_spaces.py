"""Demo space projects (4.4): signs and wall graphics in the demo's spaces, some hanging
now, one taken down, some planned, dated relative to the demo's today."""

from __future__ import annotations

import datetime
from decimal import Decimal

from auditlog.context import set_actor
from django.utils import timezone

from sklaida.core import services as core_services
from sklaida.core.demo import COUNTY_LIBRARY, TERRITORY_LIBRARY_OF_DEMO_SPECIALIST
from sklaida.core.models import Library, Space, User
from sklaida.design import services_spaces as services
from sklaida.design.models import SpaceItem, SpaceProject

Kind = SpaceItem.Kind
Status = SpaceProject.Status

# library, title, responsible, status, description, comment, items: (space, kind, title,
# width, height, material, quantity, cost of one, installed (days from today), removed)
PROJECTS = [
    (
        COUNTY_LIBRARY,
        "Edukacijų klasės ženklinimas",
        "specialiste",
        Status.COMPLETED,
        "Nauja durų lentelė ir sienų grafika vaikams, atėjusiems į edukacinius užsiėmimus: "
        "abėcėlė ir krypties rodyklės iki klasės durų.",
        "Lipduko spalvas suderinome su vizualinio identiteto gidu.",
        [
            (
                "Edukacijų klasė",
                Kind.SIGN,
                "Senoji durų lentelė „Kompiuterių klasė“",
                300,
                150,
                "Plastikas",
                1,
                None,
                -900,
                -60,
            ),
            (
                "Edukacijų klasė",
                Kind.SIGN,
                "Durų lentelė „Edukacijų klasė“",
                300,
                150,
                "Aliuminio kompozitas, 3 mm",
                1,
                "38.50",
                -60,
                None,
            ),
            (
                "Edukacijų klasė",
                Kind.WALL_GRAPHIC,
                "Sieninis lipdukas su abėcėle",
                2400,
                1200,
                "Matinė vinilo plėvelė",
                1,
                "186.00",
                -55,
                None,
            ),
            (
                "Edukacijų klasė",
                Kind.SIGN,
                "Krypties rodyklės laiptinėje",
                400,
                120,
                "PVC putplastis, 5 mm",
                4,
                "12.40",
                -55,
                None,
            ),
        ],
    ),
    (
        COUNTY_LIBRARY,
        "Parodų salės sienų grafika",
        "vadove",
        Status.IN_PROGRESS,
        "Parodų erdvės įvadiniai stendai ir nuolatinė sienų grafika su Povilo Višinskio "
        "citata; raidės virš įėjimo dar gaminamos.",
        "Citatos šriftą tvirtino skyriaus vadovė; montuoti tik po parodos atidarymo.",
        [
            (
                "Parodų erdvė",
                Kind.EXHIBITION_PANEL,
                "Parodos „Šiaulių krašto fotografai“ įvadinis stendas",
                1000,
                2000,
                "PVC putplastis, 5 mm",
                2,
                "74.90",
                -20,
                40,
            ),
            (
                "Parodų erdvė",
                Kind.WALL_GRAPHIC,
                "Sienų grafika su Povilo Višinskio citata",
                3500,
                900,
                "Matinė vinilo plėvelė",
                1,
                "420.00",
                14,
                None,
            ),
            (
                "Parodų erdvė",
                Kind.DECORATION,
                "Erdvės pavadinimo raidės virš įėjimo",
                None,
                None,
                "Akrilas, 10 mm",
                12,
                "15.20",
                None,
                None,
            ),
        ],
    ),
    (
        TERRITORY_LIBRARY_OF_DEMO_SPECIALIST,
        "Renginių salės ženklinimas Joniškyje",
        "specialiste",
        Status.PLANNED,
        "Joniškio bibliotekos prašymu: salės pavadinimas ir informacinis stendas prie įėjimo.",
        "",
        [
            (
                "Renginių salė",
                Kind.SIGN,
                "Informacinis stendas prie salės įėjimo",
                700,
                1000,
                "Aliuminio rėmas, spausdintas plakatas",
                1,
                "145.00",
                30,
                None,
            ),
        ],
    ),
]


def _day(today: datetime.date, offset: int | None) -> datetime.date | None:
    return None if offset is None else today + datetime.timedelta(days=offset)


def load_space_projects(*, today: datetime.date | None = None) -> None:
    """Create the demo's space projects once (a project already there is left alone)."""
    today = today or timezone.localdate()
    users = {
        user.username: user for user in User.objects.filter(username__in=["vadove", "specialiste"])
    }
    for library_name, title, responsible, status, description, comment, items in PROJECTS:
        if SpaceProject.objects.filter(title=title).exists():
            continue
        library = Library.objects.get(name=library_name)
        actor = users[responsible]
        with set_actor(actor):
            project = services.create_project(
                actor=actor,
                title=title,
                library=library,
                responsible=actor,
                description=description,
            )
            for space, kind, what, width, height, material, quantity, cost, put, taken in items:
                services.add_item(
                    actor=actor,
                    project=project,
                    space=Space.objects.get(library=library, name=space),
                    kind=kind,
                    title=what,
                    width_mm=width,
                    height_mm=height,
                    material=material,
                    quantity=quantity,
                    unit_cost=Decimal(cost) if cost else None,
                    installed_on=_day(today, put),
                    removed_on=_day(today, taken),
                )
            for step in _steps_to(status):
                services.update_project(actor=actor, project=project, status=step)
            if comment:
                core_services.add_comment(target=project, author=users["vadove"], body=comment)


def _steps_to(status: str) -> list[str]:
    """The moves from planned to `status`, one at a time, as the department would make them."""
    order = [Status.PLANNED, Status.IN_PROGRESS, Status.INSTALLED, Status.COMPLETED]
    return order[1 : order.index(status) + 1]
