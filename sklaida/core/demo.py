"""Lithuanian demo data: Šiauliai county's libraries, their spaces, the demo personas, tasks.

Used by `manage.py demo` (and by the tests, which rely on the same personas). Every
function is idempotent: running it twice changes nothing the second time. Other apps add
their demo data from their own `demo.py` with `register(...)`; it runs after the core's.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass

from auditlog.context import set_actor
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone
from django.utils.module_loading import autodiscover_modules

from sklaida.core import services
from sklaida.core.models import Library, Space, SpaceEquipment, Task, User
from sklaida.core.permissions import Role

DEMO_PASSWORD = "sklaida-demo"  # noqa: S105 - documented demo password, demo mode only

COUNTY_LIBRARY = "Šiaulių apskrities Povilo Višinskio viešoji biblioteka"
TERRITORY_LIBRARY_OF_DEMO_SPECIALIST = (
    "Joniškio rajono savivaldybės Jono Avyžiaus viešoji biblioteka"
)

LIBRARIES = [
    # name, short name, kind, municipality, address (the town where no street is certain)
    (
        COUNTY_LIBRARY,
        "P. Višinskio biblioteka",
        Library.Kind.COUNTY,
        "Šiaulių miesto savivaldybė",
        "Aušros al. 62, Šiauliai",
    ),
    (
        "Šiaulių miesto savivaldybės viešoji biblioteka",
        "Šiaulių m. biblioteka",
        Library.Kind.TERRITORY,
        "Šiaulių miesto savivaldybė",
        "Šiauliai",
    ),
    (
        "Šiaulių rajono savivaldybės viešoji biblioteka",
        "Šiaulių r. biblioteka",
        Library.Kind.TERRITORY,
        "Šiaulių rajono savivaldybė",
        "Kuršėnai",
    ),
    (
        "Akmenės rajono savivaldybės viešoji biblioteka",
        "Akmenės r. biblioteka",
        Library.Kind.TERRITORY,
        "Akmenės rajono savivaldybė",
        "Naujoji Akmenė",
    ),
    (
        TERRITORY_LIBRARY_OF_DEMO_SPECIALIST,
        "Joniškio r. biblioteka",
        Library.Kind.TERRITORY,
        "Joniškio rajono savivaldybė",
        "Joniškis",
    ),
    (
        "Kelmės rajono savivaldybės viešoji biblioteka",
        "Kelmės r. biblioteka",
        Library.Kind.TERRITORY,
        "Kelmės rajono savivaldybė",
        "Kelmė",
    ),
    (
        "Pakruojo rajono savivaldybės viešoji biblioteka",
        "Pakruojo r. biblioteka",
        Library.Kind.TERRITORY,
        "Pakruojo rajono savivaldybė",
        "Pakruojis",
    ),
    (
        "Radviliškio rajono savivaldybės viešoji biblioteka",
        "Radviliškio r. biblioteka",
        Library.Kind.TERRITORY,
        "Radviliškio rajono savivaldybė",
        "Radviliškis",
    ),
]

EQUIPMENT = [
    "Projektorius",
    "Ekranas",
    "Garso sistema",
    "Mikrofonai",
    "Tiesioginės transliacijos įranga",
    "Indukcinė kilpa",
    "Kompiuteriai",
    "Pianinas",
    "Scena",
    "Parodų stendai",
]

SPACES = [
    # library, name, capacity, floor, step-free, equipment, description
    (
        COUNTY_LIBRARY,
        "Konferencijų salė",
        80,
        "2 aukštas",
        True,
        [
            "Projektorius",
            "Ekranas",
            "Garso sistema",
            "Mikrofonai",
            "Tiesioginės transliacijos įranga",
            "Indukcinė kilpa",
        ],
        "Knygų pristatymams, konferencijoms ir seminarams.",
    ),
    (
        COUNTY_LIBRARY,
        "Parodų erdvė",
        40,
        "1 aukštas",
        True,
        ["Parodų stendai", "Garso sistema"],
        "Dailės, fotografijos ir dokumentų parodoms.",
    ),
    (
        COUNTY_LIBRARY,
        "Edukacijų klasė",
        24,
        "3 aukštas",
        True,
        ["Kompiuteriai", "Projektorius", "Ekranas"],
        "Edukaciniams užsiėmimams ir kompiuterinio raštingumo mokymams.",
    ),
    (
        COUNTY_LIBRARY,
        "Muzikos ir meno skyriaus salė",
        50,
        "4 aukštas",
        False,
        ["Pianinas", "Garso sistema", "Scena"],
        "Koncertams ir muzikiniams vakarams.",
    ),
    (
        COUNTY_LIBRARY,
        "Vidinis kiemelis",
        120,
        "Lauke",
        True,
        ["Scena", "Garso sistema"],
        "Vasaros renginiams po atviru dangumi.",
    ),
    (
        TERRITORY_LIBRARY_OF_DEMO_SPECIALIST,
        "Renginių salė",
        50,
        "1 aukštas",
        True,
        ["Projektorius", "Ekranas", "Garso sistema"],
        "",
    ),
    (
        "Šiaulių miesto savivaldybės viešoji biblioteka",
        "Skaitykla",
        35,
        "2 aukštas",
        True,
        ["Projektorius"],
        "",
    ),
]


@dataclass(frozen=True)
class Persona:
    username: str
    first_name: str
    last_name: str
    role: Role
    library: str | None = None


PERSONAS = [
    Persona("vadove", "Rasa", "Petrauskienė", Role.HEAD, COUNTY_LIBRARY),
    Persona("specialiste", "Ieva", "Kazlauskaitė", Role.SPECIALIST, COUNTY_LIBRARY),
    Persona(
        "teritorija", "Aušra", "Jankauskienė", Role.TERRITORY, TERRITORY_LIBRARY_OF_DEMO_SPECIALIST
    ),
    Persona("stebetojas", "Vytautas", "Stankevičius", Role.VIEWER, COUNTY_LIBRARY),
    # The department's designer: design requests are hers to take.
    Persona("dizainere", "Gintarė", "Vaitkutė", Role.SPECIALIST, COUNTY_LIBRARY),
    Persona("admin", "Tomas", "Žukauskas", Role.ADMIN, COUNTY_LIBRARY),
]
DEMO_USERNAMES = frozenset(persona.username for persona in PERSONAS)
DEMO_LIBRARY_NAMES = frozenset(name for name, *_ in LIBRARIES)


def foreign_data() -> list[str]:
    """What in the database was not made by the demo (the demo must not mix with real data)."""
    found = []
    other_users = User.objects.exclude(username__in=DEMO_USERNAMES).count()
    if other_users:
        found.append(f"{other_users} non-demo user(s)")
    other_libraries = Library.objects.exclude(name__in=DEMO_LIBRARY_NAMES).count()
    if other_libraries:
        found.append(f"{other_libraries} non-demo library(ies)")
    return found


def create_libraries() -> dict[str, Library]:
    libraries = {}
    for name, short_name, kind, municipality, address in LIBRARIES:
        slug = short_name.split()[0].lower().replace(".", "")
        libraries[name], _created = Library.objects.get_or_create(
            name=name,
            defaults={
                "short_name": short_name,
                "kind": kind,
                "municipality": municipality,
                "address": address,
                "email": f"info@{slug}.biblioteka.example",
            },
        )
    equipment = {name: SpaceEquipment.objects.get_or_create(name=name)[0] for name in EQUIPMENT}
    for library, name, capacity, floor, step_free, items, description in SPACES:
        space, created = Space.objects.get_or_create(
            library=libraries[library],
            name=name,
            defaults={
                "capacity": capacity,
                "floor": floor,
                "step_free_access": step_free,
                "description": description,
            },
        )
        if created:
            space.equipment.set([equipment[item] for item in items])
    return libraries


def create_personas(libraries: dict[str, Library]) -> dict[str, User]:
    users = {}
    for persona in PERSONAS:
        user, created = User.objects.get_or_create(
            username=persona.username,
            defaults={
                "first_name": persona.first_name,
                "last_name": persona.last_name,
                "email": f"{persona.username}@biblioteka.example",
                "library": libraries.get(persona.library),
                "is_staff": persona.role == Role.ADMIN,
                "is_superuser": persona.role == Role.ADMIN,
            },
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save(update_fields=["password"])
        user.groups.add(Group.objects.get(name=persona.role.value))
        users[persona.username] = user
    return users


def create_tasks(
    users: dict[str, User], libraries: dict[str, Library], today: datetime.date
) -> None:
    def days(n: int) -> datetime.date:
        return today + datetime.timedelta(days=n)

    head, specialist, territory = users["vadove"], users["specialiste"], users["teritorija"]
    joniskis = libraries[TERRITORY_LIBRARY_OF_DEMO_SPECIALIST]
    plan = [
        # created by, owner, title, due, description, library, tags, done
        (
            specialist,
            specialist,
            "Išsiųsti lapkričio naujienlaiškį prenumeratoriams",
            days(-1),
            "Į naujienlaiškį įtraukti gruodžio renginius ir naujų knygų apžvalgą.",
            None,
            ["naujienlaiškis"],
            False,
        ),
        (
            specialist,
            specialist,
            "Atnaujinti renginių kalendorių bibliotekos svetainėje",
            days(0),
            "",
            None,
            ["svetainė"],
            False,
        ),
        (
            head,
            specialist,
            "Parengti pranešimą spaudai apie Šiaulių knygų mugę",
            days(2),
            "Pridėti 3–4 atrinktas nuotraukas iš archyvo ir organizatorių citatą.",
            None,
            ["spauda"],
            False,
        ),
        (
            head,
            specialist,
            "Paruošti Kalėdinio koncerto plakatą (A3) ir socialinių tinklų įrašą",
            days(5),
            "",
            None,
            ["dizainas", "renginys"],
            False,
        ),
        (
            specialist,
            specialist,
            "Suderinti parodos „Šiaulių fotografijos šimtmetis“ atidarymo programą",
            days(9),
            "Suderinti su kuratore, užsakyti garso sistemą Parodų erdvei.",
            None,
            ["paroda"],
            False,
        ),
        (
            head,
            head,
            "Patvirtinti I ketvirčio kultūrinės veiklos planą",
            days(6),
            "",
            None,
            ["planas"],
            False,
        ),
        (
            head,
            head,
            "Parengti metinės ataskaitos skyrių „Metodinė pagalba“",
            days(30),
            "Konsultacijų skaičius ir valandos pagal bibliotekas.",
            None,
            ["ataskaita"],
            False,
        ),
        (
            head,
            territory,
            "Pateikti Joniškio bibliotekos renginių statistiką už lapkritį",
            days(4),
            "Renginių skaičius, dalyviai gyvai ir virtualiai.",
            joniskis,
            ["statistika"],
            False,
        ),
        (
            specialist,
            specialist,
            "Surinkti idėjas 2027 m. Lietuvos kultūros tarybos projektui",
            None,
            "",
            None,
            ["projektai"],
            False,
        ),
        (head, specialist, "Užsakyti garso aparatūros remontą", days(-7), "", None, [], True),
    ]
    for creator, owner, title, due, description, library, tags, done in plan:
        if Task.objects.filter(title=title, owner=owner).exists():
            continue
        with set_actor(creator):
            task = services.create_task(
                actor=creator,
                title=title,
                owner=owner,
                due_date=due,
                description=description,
                library=library,
                tags=tags,
            )
            if done:
                services.change_task_status(task=task, actor=owner, status=Task.Status.DONE)
        if title.startswith("Parengti pranešimą spaudai"):
            with set_actor(head):
                services.add_comment(
                    target=task,
                    author=head,
                    body="Pranešimą išsiųskime regioninei žiniasklaidai iki ketvirtadienio.",
                )


@dataclass(frozen=True)
class DemoWorld:
    """What the core's demo made, for the demo data of other apps to build on."""

    users: dict[str, User]
    libraries: dict[str, Library]
    today: datetime.date


_app_loaders: dict[str, Callable[[DemoWorld], None]] = {}


def register(name: str, loader: Callable[[DemoWorld], None]) -> None:
    """Let an app add its demo data (idempotently) after the core's."""
    _app_loaders[name] = loader


@transaction.atomic
def load_demo(*, today: datetime.date | None = None) -> dict[str, User]:
    """Create (or complete) the demo data; returns the personas by user name."""
    libraries = create_libraries()
    users = create_personas(libraries)
    today = today or timezone.localdate()
    create_tasks(users, libraries, today)
    autodiscover_modules("demo")
    world = DemoWorld(users=users, libraries=libraries, today=today)
    for loader in _app_loaders.values():
        loader(world)
    return users
