"""Demo events of the county library: a year of events, the annual plan, exhibitions, tours."""

from __future__ import annotations

import datetime
import random
from decimal import Decimal

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.text import slugify

from sklaida.contacts.models import Organisation, Person
from sklaida.core import demo, search
from sklaida.core.models import Booking, Library, Space, User
from sklaida.events.models import (
    ActivityPlan,
    Attendance,
    Audience,
    Event,
    EventType,
    Exhibit,
    PlannedActivity,
    Registration,
    TourBooking,
    VisitorCount,
)
from sklaida.events.services import events as services
from sklaida.events.services import provision

T = EventType
STREAM_URL = "https://www.youtube.com/@biblioteka-demo"
UNANNOUNCED = (Event.Status.PLANNED, Event.Status.CONFIRMED)
ANNOUNCED_AHEAD = datetime.timedelta(days=21)
CONSENT = (
    "Jūsų vardą ir kontaktus naudosime tik šio renginio registracijai ir priminimui. "
    "Renginyje fotografuojama; nuotraukos gali būti skelbiamos bibliotekos svetainėje ir "
    "socialiniuose tinkluose. Registracijos duomenys ištrinami praėjus 30 dienų po renginio."
)

# The annual plan: title, type, audiences, quarter months (start, end), planned events,
# budget, partner organisation (contains), what realises it (title prefix of events).
PLAN = [
    (
        "Knygų pristatymai su Šiaulių krašto autoriais",
        T.BOOK_PRESENTATION,
        ["adults", "seniors"],
        (1, 12),
        8,
        "1200",
        "rašytojų",
    ),
    (
        "Vaikų vasaros skaitymų programa",
        T.EDUCATION,
        ["children", "families"],
        (6, 8),
        6,
        "900",
        "gimnazija",
    ),
    ("Kompiuterinio raštingumo mokymai senjorams", T.WORKSHOP, ["seniors"], (1, 12), 10, "400", ""),
    (
        "Šiaulių fotografijos paroda",
        T.EXHIBITION,
        ["adults", "youth"],
        (3, 4),
        1,
        "1500",
        "muziejus",
    ),
    (
        "Lietuvos valstybės atkūrimo dienos minėjimas",
        T.EVENT,
        ["adults", "seniors"],
        (2, 2),
        1,
        "300",
        "",
    ),
    ("Kino vakarai jaunimui", T.SCREENING, ["youth"], (1, 6), 5, "250", ""),
    (
        "Koncertų ciklas „Muzika bibliotekoje“",
        T.CONCERT,
        ["adults", "families"],
        (4, 12),
        6,
        "2000",
        "teatras",
    ),
    (
        "Paskaitų ciklas apie Šiaulių istoriją",
        T.LECTURE,
        ["adults", "seniors"],
        (9, 12),
        4,
        "600",
        "muziejus",
    ),
    (
        "Seminarai teritorijos bibliotekų specialistams",
        T.SEMINAR,
        ["professionals"],
        (3, 11),
        4,
        "800",
        "",
    ),
    ("Kūrybinės dirbtuvės šeimoms", T.WORKSHOP, ["families", "children"], (1, 12), 8, "700", ""),
    (
        "Kalėdinė paroda „Žiemos pasaka“",
        T.EXHIBITION,
        ["children", "families"],
        (12, 12),
        1,
        "500",
        "",
    ),
    ("Prieinamos bibliotekos dienos", T.EVENT, ["disabilities"], (10, 10), 2, "450", ""),
    (
        "Ekskursijos moksleiviams po biblioteką",
        T.EXCURSION,
        ["children", "youth"],
        (9, 12),
        6,
        "0",
        "gimnazija",
    ),
    ("Tarptautinė vaikų knygos diena", T.EVENT, ["children"], (4, 4), 1, "350", ""),
]

# Event catalogue: title, type, audiences, space, hour, hours, registration capacity (or None).
CATALOGUE = [
    (
        "Knygos pristatymas: „Saulės miesto kronikos“",
        T.BOOK_PRESENTATION,
        ["adults", "seniors"],
        "Konferencijų salė",
        17,
        2,
        60,
    ),
    (
        "Susitikimas su poete Aldona Žemaite",
        T.BOOK_PRESENTATION,
        ["adults"],
        "Konferencijų salė",
        17,
        2,
        None,
    ),
    (
        "Kompiuterinio raštingumo pamoka senjorams",
        T.WORKSHOP,
        ["seniors"],
        "Edukacijų klasė",
        10,
        2,
        12,
    ),
    (
        "Kino vakaras: lietuvių trumpametražiai filmai",
        T.SCREENING,
        ["youth"],
        "Konferencijų salė",
        18,
        2,
        None,
    ),
    (
        "Koncertas „Muzika bibliotekoje“",
        T.CONCERT,
        ["adults", "families"],
        "Muzikos ir meno skyriaus salė",
        18,
        2,
        50,
    ),
    (
        "Paskaita „Šiaulių pramonės istorija“",
        T.LECTURE,
        ["adults", "seniors"],
        "Konferencijų salė",
        17,
        1,
        None,
    ),
    (
        "Kūrybinės dirbtuvės šeimoms: knygos skirtukai",
        T.WORKSHOP,
        ["families", "children"],
        "Edukacijų klasė",
        11,
        2,
        20,
    ),
    (
        "Edukacija vaikams „Kaip gimsta knyga“",
        T.EDUCATION,
        ["children"],
        "Edukacijų klasė",
        10,
        1,
        25,
    ),
    (
        "Seminaras „Renginių viešinimas socialiniuose tinkluose“",
        T.SEMINAR,
        ["professionals"],
        "Konferencijų salė",
        10,
        4,
        40,
    ),
    (
        "Garsinių knygų klausymo popietė",
        T.EVENT,
        ["disabilities", "seniors"],
        "Muzikos ir meno skyriaus salė",
        14,
        2,
        None,
    ),
]

EXHIBITIONS = [
    # title, starts (days from today), weeks, exhibits
    (
        "Fotografijos paroda „Šiauliai iš paukščio skrydžio“",
        -230,
        6,
        ["Katedros aikštė", "Talšos ežeras", "Prisikėlimo aikštė", "Saulės laikrodis"],
    ),
    (
        "Dailės paroda „Žemaitijos spalvos“",
        -120,
        5,
        ["Ruduo Kurtuvėnuose", "Rasos rytas", "Senoji sodyba"],
    ),
    (
        "Kalėdinė paroda „Žiemos pasaka“",
        5,
        6,
        ["Eglutės žaislai iš šiaudų", "Vaikų piešiniai", "Senieji atvirukai"],
    ),
]


def _at(day: datetime.date, hour: int) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def _status_for(day: datetime.date, today: datetime.date, rng: random.Random) -> str:
    if day < today - datetime.timedelta(days=21):
        return Event.Status.REPORTED
    if day < today:
        return Event.Status.HELD
    if day <= today + datetime.timedelta(days=45):
        return Event.Status.ANNOUNCED
    return Event.Status.CONFIRMED if rng.random() < 0.5 else Event.Status.PLANNED


def _make_event(*, actor: User, relations: services.Relations, **fields) -> Event | None:
    """Save through the service (bookings, conflicts); a clash with another demo event skips."""
    event = Event(**fields)
    try:
        return services.save_event(actor=actor, event=event, relations=relations)
    except ValidationError:
        return None


def _attendance(event: Event, groups: list[Audience], rng: random.Random) -> list[Attendance]:
    capacity = event.capacity or event.space.capacity
    return [
        Attendance(
            event=event,
            audience=audience,
            on_site=rng.randint(capacity // 4, capacity) // len(groups),
            live_viewers=rng.choice([0, 0, 15, 40]),
            recording_views=rng.choice([0, 0, 60, 180]),
        )
        for audience in groups
    ]


def _plan(world: demo.DemoWorld, year: int, approved: bool) -> dict[str, PlannedActivity]:
    plan, _created = ActivityPlan.objects.get_or_create(
        year=year,
        defaults={
            "title": f"{year} m. kultūrinės veiklos planas",
            "status": ActivityPlan.Status.APPROVED if approved else ActivityPlan.Status.DRAFT,
            "approved_on": datetime.date(year - 1, 12, 18) if approved else None,
        },
    )
    activities = {}
    for index, (title, kind, audiences, months, count, budget, partner) in enumerate(PLAN):
        activity = PlannedActivity.objects.create(
            plan=plan,
            title=title,
            event_type=kind,
            starts_on=datetime.date(year, months[0], 1),
            ends_on=(
                datetime.date(year, months[1] + 1, 1) - datetime.timedelta(days=1)
                if months[1] < 12
                else datetime.date(year, 12, 31)
            ),
            planned_count=count,
            responsible=world.users["specialiste" if index % 3 else "vadove"],
            budget=Decimal(budget),
            funding_source="Savivaldybės biudžetas" if index % 2 else "Lietuvos kultūros taryba",
        )
        activity.audiences.set(Audience.objects.filter(code__in=audiences))
        if partner:
            activity.partners.set(Organisation.objects.filter(name__icontains=partner)[:1])
        activities[title] = activity
    return activities


def load(world: demo.DemoWorld) -> None:
    if ActivityPlan.objects.filter(year=world.today.year).exists():
        return
    rng = random.Random(2026)  # noqa: S311 - repeatable demo data, not security
    today = world.today
    county = Library.objects.get(name=demo.COUNTY_LIBRARY)
    spaces = {space.name: space for space in Space.objects.filter(library=county)}
    specialist, head = world.users["specialiste"], world.users["vadove"]
    activities = _plan(world, today.year, approved=True)
    _plan(world, today.year + 1, approved=False)
    performers = list(Person.objects.filter(category=Person.Category.CREATOR)[:6])
    partners = list(Organisation.objects.filter(kind=Organisation.Kind.CULTURAL)[:3])
    audiences = {audience.code: audience for audience in Audience.objects.all()}
    plan_for_type = {activity.event_type: activity for activity in activities.values()}

    # A year of the catalogue's events, made in bulk (one a day at most, so they never
    # clash); the events of exhibitions, territory and the cancellation go through services.
    events, event_audiences = [], []
    day = today - datetime.timedelta(days=320)
    while day <= today + datetime.timedelta(days=100):
        if day.weekday() < 6 and rng.random() < 0.42:
            title, kind, groups, space_name, hour, hours, capacity = rng.choice(CATALOGUE)
            status = _status_for(day, today, rng)
            starts_at = _at(day, hour)
            events.append(
                Event(
                    title=title,
                    slug=f"{slugify(title)}-{day:%Y-%m-%d}",
                    event_type=kind,
                    library=county,
                    planned_activity=plan_for_type.get(kind) if day.year == today.year else None,
                    starts_at=starts_at,
                    ends_at=starts_at + datetime.timedelta(hours=hours),
                    setup_minutes=30,
                    teardown_minutes=15,
                    space=spaces[space_name],
                    format=Event.Format.HYBRID if kind == T.LECTURE else Event.Format.ON_SITE,
                    online_url=STREAM_URL if kind == T.LECTURE else "",
                    responsible=specialist if rng.random() < 0.7 else head,
                    status=status,
                    announced_at=None if status in UNANNOUNCED else _at(day, 9) - ANNOUNCED_AHEAD,
                    summary=f"{title}. Laukiame visų, kam įdomu.",
                    description=(
                        "Renginys vyks bibliotekoje. Įėjimas nemokamas. "
                        "Daugiau informacijos – bibliotekos informacijos skyriuje."
                    ),
                    accessibility=(
                        "Į salę patenkama be laiptų, veikia indukcinė kilpa."
                        if space_name == "Konferencijų salė"
                        else "Į patalpą galima patekti liftu."
                    ),
                    registration=Event.Registration.OPEN if capacity else Event.Registration.NONE,
                    capacity=capacity,
                    consent_text=CONSENT if capacity else "",
                )
            )
            event_audiences.append(groups)
        day += datetime.timedelta(days=1)
    Event.objects.bulk_create(events)
    Event.audiences.through.objects.bulk_create(
        Event.audiences.through(event_id=event.pk, audience_id=audiences[code].pk)
        for event, groups in zip(events, event_audiences, strict=True)
        for code in groups
    )
    Event.partners.through.objects.bulk_create(
        Event.partners.through(event_id=event.pk, organisation_id=partners[0].pk)
        for event in events
        if partners and event.event_type in (T.CONCERT, T.LECTURE)
    )
    Event.performers.through.objects.bulk_create(
        Event.performers.through(
            event_id=event.pk, person_id=performers[index % len(performers)].pk
        )
        for index, event in enumerate(events)
        if performers and event.event_type == T.BOOK_PRESENTATION
    )
    search.index_many(Event.objects.filter(pk__in=[event.pk for event in events]))
    Booking.objects.bulk_create(
        Booking(
            content_type=ContentType.objects.get_for_model(Event),
            object_id=event.pk,
            space=event.space,
            starts_at=event.blocked_from,
            ends_at=event.blocked_until,
            title=event.title,
        )
        for event in events
    )
    Attendance.objects.bulk_create(
        row
        for event, groups in zip(events, event_audiences, strict=True)
        if event.status == Event.Status.REPORTED
        or (event.status == Event.Status.HELD and rng.random() < 0.5)
        for row in _attendance(event, [audiences[code] for code in groups], rng)
    )

    _provision(today, specialist)
    _exhibitions(world, county, spaces, rng)
    _registrations(today, rng)
    _tours(world, county, spaces, rng)
    _territory_events(world, audiences)
    _cancelled_event(today, specialist)


def _provision(today: datetime.date, specialist: User) -> None:
    """The usual checklists, applied to the next few announced events in the hall."""
    templates = provision.ensure_default_templates()
    hall_checklist = templates[0]
    coming = Event.objects.filter(
        status=Event.Status.ANNOUNCED, starts_at__date__gte=today, space__name="Konferencijų salė"
    ).order_by("starts_at")[:3]
    for event in coming:
        provision.apply_template(actor=specialist, event=event, template=hall_checklist)


def _exhibitions(world, county, spaces, rng) -> None:
    curator = Person.objects.filter(category=Person.Category.CREATOR).last()
    for title, start_offset, weeks, exhibits in EXHIBITIONS:
        start = world.today + datetime.timedelta(days=start_offset)
        starts_at = _at(start, 10)
        ends_at = _at(start + datetime.timedelta(weeks=weeks), 18)
        status = _status_for(ends_at.date(), world.today, rng)
        if start <= world.today <= ends_at.date():
            status = Event.Status.ANNOUNCED
        exhibition = _make_event(
            actor=world.users["specialiste"],
            relations=services.Relations(audiences=list(Audience.objects.filter(code="adults"))),
            title=title,
            slug="",
            event_type=T.EXHIBITION,
            library=county,
            starts_at=starts_at,
            ends_at=ends_at,
            space=spaces["Parodų erdvė"],
            responsible=world.users["specialiste"],
            status=status,
            announced_at=None if status in UNANNOUNCED else timezone.now(),
            summary=f"{title} – bibliotekos parodų erdvėje.",
            description="Parodą galima aplankyti bibliotekos darbo valandomis. Įėjimas nemokamas.",
            accessibility="Parodų erdvė pirmame aukšte, įėjimas be laiptų.",
            curator=curator,
        )
        if exhibition is None:
            continue
        for position, exhibit in enumerate(exhibits, start=1):
            Exhibit.objects.create(
                exhibition=exhibition, title=exhibit, author="Šiaulių kūrėjai", position=position
            )
        counted = exhibition.starts_at.date()
        while counted < min(exhibition.ends_at.date(), world.today):
            VisitorCount.objects.create(
                exhibition=exhibition, counted_on=counted, visitors=rng.randint(40, 160)
            )
            counted += datetime.timedelta(weeks=1)
        if status == Event.Status.REPORTED:
            Attendance.objects.create(
                event=exhibition,
                on_site=sum(exhibition.visitor_counts.values_list("visitors", flat=True)),
            )


def _registrations(today: datetime.date, rng: random.Random) -> None:
    """Sign-ups for the coming events with registration: some nearly full, one with a queue."""
    names = [
        "Ona Petraitienė",
        "Jonas Kazlauskas",
        "Rūta Vaitkutė",
        "Paulius Urbonas",
        "Eglė Stankutė",
        "Tomas Jankauskas",
        "Lina Žukauskienė",
        "Mantas Butkus",
    ]
    upcoming = Event.objects.filter(
        status=Event.Status.ANNOUNCED,
        registration=Event.Registration.OPEN,
        starts_at__date__gte=today,
    ).order_by("starts_at")[:6]
    for index, event in enumerate(upcoming):
        wanted = event.capacity + 3 if index == 0 else rng.randint(2, event.capacity // 2)
        taken = 0
        for number in range(wanted):
            seats = 2 if number % 4 == 0 else 1
            confirmed = taken + seats <= event.capacity
            Registration.objects.create(
                event=event,
                status=Registration.Status.CONFIRMED
                if confirmed
                else Registration.Status.WAITLISTED,
                seats=seats,
                name=names[number % len(names)],
                email=f"lankytojas{event.pk}-{number}@pastas.example",
                consent_text=event.consent_text,
                confirmed_at=timezone.now() if confirmed else None,
            )
            taken += seats if confirmed else 0
        Event.objects.filter(pk=event.pk).update(seats_confirmed=taken)


def _tours(world, county, spaces, rng) -> None:
    guide = world.users["specialiste"]
    requests = [
        (
            -60,
            TourBooking.GroupType.SCHOOL_CLASS,
            "Šiaulių Juliaus Janonio gimnazija",
            26,
            "15–16 metų",
            TourBooking.Status.HELD,
        ),
        (
            -35,
            TourBooking.GroupType.SENIORS,
            "Šiaulių trečiojo amžiaus universitetas",
            18,
            "65+",
            TourBooking.Status.HELD,
        ),
        (
            -12,
            TourBooking.GroupType.PROFESSIONALS,
            "Latvijos Jelgavos biblioteka",
            12,
            "suaugusieji",
            TourBooking.Status.HELD,
        ),
        (
            -5,
            TourBooking.GroupType.KINDERGARTEN,
            "Lopšelis-darželis „Eglutė“",
            15,
            "5–6 metų",
            TourBooking.Status.CANCELLED,
        ),
        (
            6,
            TourBooking.GroupType.SCHOOL_CLASS,
            "Šiaulių „Saulės“ gimnazija",
            24,
            "14–15 metų",
            TourBooking.Status.CONFIRMED,
        ),
        (
            9,
            TourBooking.GroupType.STUDENTS,
            "Šiaulių valstybinė kolegija",
            20,
            "19–22 metų",
            TourBooking.Status.CONFIRMED,
        ),
        (14, TourBooking.GroupType.TOURISTS, "", 8, "suaugusieji", TourBooking.Status.REQUESTED),
        (
            20,
            TourBooking.GroupType.SCHOOL_CLASS,
            "Kuršėnų Lauryno Ivinskio gimnazija",
            28,
            "10–11 metų",
            TourBooking.Status.REQUESTED,
        ),
    ]
    for offset, group, institution, size, age, status in requests:
        when = _at(world.today + datetime.timedelta(days=offset), 11)
        tour = TourBooking.objects.create(
            library=county,
            status=status,
            group_type=group,
            institution=institution,
            group_size=size,
            age=age,
            language=TourBooking.Language.ENGLISH
            if group == TourBooking.GroupType.TOURISTS
            else TourBooking.Language.LITHUANIAN,
            topic="Bibliotekos istorija ir skaitmeninės paslaugos",
            preferred_at=when,
            contact_name="Rasa Mockienė" if institution else "John Miller",
            contact_email=f"ekskursija{offset + 100}@pastas.example",
            starts_at=when if status != TourBooking.Status.REQUESTED else None,
            ends_at=when + datetime.timedelta(hours=1)
            if status != TourBooking.Status.REQUESTED
            else None,
            guide=guide if status != TourBooking.Status.REQUESTED else None,
            space=spaces["Konferencijų salė"] if status != TourBooking.Status.REQUESTED else None,
            participants=size - rng.randint(0, 3) if status == TourBooking.Status.HELD else None,
        )
        if status == TourBooking.Status.CONFIRMED:
            from sklaida.core.bookings import replace_bookings

            replace_bookings(
                holder=tour,
                title=str(tour),
                starts_at=tour.starts_at,
                ends_at=tour.ends_at,
                spaces=[tour.space],
            )


def _territory_events(world, audiences) -> None:
    """The territory specialist registers her library's events for the county statistics."""
    territory = world.users["teritorija"]
    hall = territory.library.spaces.first()
    for offset, title, kind, status in [
        (-40, "Vakaronė „Joniškio krašto tautosaka“", T.EVENT, Event.Status.REPORTED),
        (-10, "Edukacija vaikams „Pasakų valanda“", T.EDUCATION, Event.Status.HELD),
        (12, "Knygos „Žiemgalos keliais“ pristatymas", T.BOOK_PRESENTATION, Event.Status.ANNOUNCED),
    ]:
        starts_at = _at(world.today + datetime.timedelta(days=offset), 17)
        event = _make_event(
            actor=territory,
            relations=services.Relations(audiences=[audiences["adults"]]),
            title=title,
            slug="",
            event_type=kind,
            library=territory.library,
            starts_at=starts_at,
            ends_at=starts_at + datetime.timedelta(hours=2),
            space=hall,
            responsible=territory,
            status=status,
            announced_at=timezone.now(),
            is_public=False,
            summary=title,
        )
        if event and status == Event.Status.REPORTED:
            Attendance.objects.create(event=event, audience=audiences["adults"], on_site=34)


def _cancelled_event(today, specialist) -> None:
    event = (
        Event.objects.filter(status=Event.Status.ANNOUNCED, starts_at__date__gt=today)
        .exclude(event_type=T.EXHIBITION)
        .order_by("-starts_at")
        .first()
    )
    if event:
        services.cancel_event(
            actor=specialist, event=event, reason="Atlikėjas susirgo; renginys bus perkeltas."
        )


demo.register("events", load)
