"""Demo projects: six real Lithuanian and European funders with their calls and rules, and
a project at every stage of the lifecycle — one still breaking its call's co-financing
rule, one in implementation with events, indicators and invoices, one owing its report,
and a territory library's application the department helps with (5.4)."""

from __future__ import annotations

import datetime
from decimal import Decimal

from auditlog.context import set_actor
from django.utils import timezone

from sklaida.contacts.models import Organisation
from sklaida.core import demo
from sklaida.core.models import Library, User
from sklaida.events.models import Event
from sklaida.projects import services
from sklaida.projects.models import (
    Activity,
    BudgetLine,
    CostCap,
    CostCategory,
    Expense,
    Funder,
    FundingCall,
    Indicator,
    Partner,
    Project,
    TeamMember,
)

S = Project.Status
D = Decimal

FUNDERS = [
    # name, short name, kind, website
    ("Lietuvos kultūros taryba", "LKT", Funder.Kind.NATIONAL, "https://www.ltkt.lt"),
    (
        "Lietuvos Respublikos kultūros ministerija",
        "KM",
        Funder.Kind.NATIONAL,
        "https://lrkm.lrv.lt",
    ),
    ("Šiaulių miesto savivaldybė", "", Funder.Kind.MUNICIPALITY, "https://www.siauliai.lt"),
    ("Kūrybiška Europa", "", Funder.Kind.EUROPEAN, "https://www.kurybiskaeuropa.eu"),
    (
        "Erasmus+ (Švietimo mainų paramos fondas)",
        "Erasmus+",
        Funder.Kind.EUROPEAN,
        "https://www.erasmus-plius.lt",
    ),
    ("Nordplus", "", Funder.Kind.INTERNATIONAL, "https://www.nordplusonline.org"),
]


def _calls(today: datetime.date) -> dict[str, FundingCall]:
    funders = {}
    for name, short, kind, website in FUNDERS:
        funders[short or name], _created = Funder.objects.get_or_create(
            name=name, defaults={"short_name": short, "kind": kind, "website": website}
        )
    at_noon = datetime.time(12)

    def deadline(days: int) -> datetime.datetime:
        return timezone.make_aware(
            datetime.datetime.combine(today + datetime.timedelta(days=days), at_noon)
        )

    specs = [
        (
            "lkt",
            funders["LKT"],
            "Kultūros ir meno sklaida regionuose 2027",
            "Regionų kultūra",
            {
                "deadline": deadline(45),
                "min_request": D("1000"),
                "max_request": D("30000"),
                "max_funding_share": D("90"),
                "report_within_working_days": 10,
                "eligible_costs": "Honorarai, kelionės, viešinimas, medžiagos. Netinkamos: "
                "ilgalaikio turto įsigijimas, administravimas virš 7 %.",
                "scoring_criteria": "Aktualumas (30), turinio kokybė (30), sklaida ir "
                "prieinamumas (20), biudžeto pagrįstumas (20).",
            },
            [(CostCategory.ADMINISTRATION, D("7")), (CostCategory.EQUIPMENT, D("20"))],
        ),
        (
            "lkt-past",
            funders["LKT"],
            "Kultūros ir meno sklaida regionuose 2026",
            "Regionų kultūra",
            {
                "deadline": deadline(-330),
                "min_request": D("1000"),
                "max_request": D("30000"),
                "max_funding_share": D("90"),
                "report_within_working_days": 10,
            },
            [(CostCategory.ADMINISTRATION, D("7"))],
        ),
        (
            "km",
            funders["KM"],
            "Viešųjų bibliotekų veiklos skatinimas",
            "Bibliotekų programa",
            {
                "deadline": deadline(-200),
                "max_request": D("15000"),
                "max_funding_share": D("80"),
                "report_within_working_days": 15,
                "report_no_later_than": datetime.date(today.year, 12, 20),
            },
            [],
        ),
        (
            "savivaldybe",
            funders["Šiaulių miesto savivaldybė"],
            "Kultūros projektų dalinis finansavimas 2027",
            "Kultūros programa",
            {
                "deadline": deadline(-20),
                "min_request": D("500"),
                "max_request": D("5000"),
                "max_funding_share": D("80"),
                "report_within_working_days": 20,
            },
            [],
        ),
        (
            "ke",
            funders["Kūrybiška Europa"],
            "Europos bendradarbiavimo projektai – mažos apimties",
            "Kultūros paprogramė",
            {
                "deadline": deadline(-60),
                "max_request": D("200000"),
                "max_funding_share": D("80"),
                "report_within_working_days": 40,
            },
            [],
        ),
        (
            "erasmus",
            funders["Erasmus+"],
            "KA210-ADU mažos apimties partnerystės suaugusiųjų švietime",
            "2 pagrindinis veiksmas",
            {
                "deadline": deadline(-250),
                "lump_sums": "30000; 60000",
                "max_funding_share": D("100"),
                "report_within_working_days": 40,
            },
            [],
        ),
        (
            "nordplus",
            funders["Nordplus"],
            "Nordplus Adult 2027",
            "Nordplus Adult",
            {
                "deadline": deadline(-35),
                "max_request": D("40000"),
                "max_funding_share": D("100"),
                "report_within_working_days": 30,
            },
            [],
        ),
    ]
    calls = {}
    for key, funder, title, programme, fields, caps in specs:
        call, created = FundingCall.objects.get_or_create(
            funder=funder, title=title, defaults={"programme": programme, **fields}
        )
        if created:
            for category, share in caps:
                CostCap.objects.create(call=call, category=category, max_share=share)
        calls[key] = call
    return calls


def _organisation(name: str, kind: str = Organisation.Kind.PARTNER, country: str = "LT"):
    organisation, _created = Organisation.objects.get_or_create(
        name=name, defaults={"kind": kind, "country": country}
    )
    return organisation


def _walk(project: Project, actor: User, statuses: list[str], **on_approval) -> Project:
    for status in statuses:
        project = services.move_project(
            actor=actor,
            project=project,
            to_status=status,
            **(on_approval if status == S.APPROVED else {}),
        )
    return project


def _budget(project: Project, lines: list[tuple]) -> list[BudgetLine]:
    return [
        BudgetLine.objects.create(
            project=project,
            category=category,
            title=title,
            funder_amount=funder,
            own_amount=own,
            other_amount=other,
            position=position,
        )
        for position, (category, title, funder, own, other) in enumerate(lines)
    ]


def _held_events(today: datetime.date, count: int) -> list[Event]:
    since = timezone.make_aware(
        datetime.datetime.combine(today - datetime.timedelta(days=150), datetime.time())
    )
    return list(
        Event.objects.filter(starts_at__gte=since, starts_at__lt=timezone.now())
        .exclude(status=Event.Status.CANCELLED)
        .order_by("starts_at")[:count]
    )


def _projects(world: demo.DemoWorld, calls: dict[str, FundingCall]) -> None:
    head, specialist = world.users["vadove"], world.users["specialiste"]
    today = world.today
    county = Library.objects.get(kind=Library.Kind.COUNTY)
    territory = world.users["teritorija"].library
    days = datetime.timedelta

    def new(title: str, **fields) -> Project:
        fields.setdefault("library", county)
        fields.setdefault("manager", specialist)
        project = Project(title=title, **fields)
        return services.create_project(actor=specialist, project=project)

    new(
        "Bibliotekos tinklalaidžių studija",
        funder=calls["lkt"].funder,
        summary="Idėja: įrengti nedidelę garso įrašų studiją ir kas mėnesį leisti "
        "tinklalaidę apie Šiaulių krašto rašytojus.",
    )

    challenge = new(
        "Skaitymo iššūkis „Vasara su knyga“ 2027",
        acronym="Vasara su knyga",
        call=calls["lkt"],
        starts_on=datetime.date(today.year + 1, 6, 1),
        ends_on=datetime.date(today.year + 1, 8, 31),
        summary="Vaikai ir paaugliai visoje apskrityje vasarą skaito, rašo atsiliepimus ir "
        "renka ženkliukus; rugsėjį – baigiamoji šventė.",
        goals="Skatinti vaikų ir paauglių skaitymą vasarą; sustiprinti apskrities "
        "bibliotekų bendradarbiavimą.",
        target_groups="7–14 metų vaikai, jų šeimos, mokytojai.",
        expected_results="30 skaitymo renginių, 900 dalyvių, 600 perskaitytų knygų atsiliepimų.",
    )
    challenge.territory_libraries.set([territory])
    _walk(challenge, specialist, [S.PREPARING])
    # The draft still asks the Council for more than its 90 % share: the budget page shows it.
    _budget(
        challenge,
        [
            (CostCategory.FEES, "Rašytojų ir iliustruotojų honorarai", D("6000"), D("300"), D("0")),
            (
                CostCategory.PUBLICITY,
                "Ženkliukai, plakatai, skaitymo pasai",
                D("3500"),
                D("200"),
                D("0"),
            ),
            (CostCategory.TRAVEL, "Kelionės į rajonų bibliotekas", D("1200"), D("100"), D("0")),
            (CostCategory.ADMINISTRATION, "Projekto administravimas", D("600"), D("0"), D("0")),
        ],
    )

    nordic = new(
        "Šiaurės šalių literatūros savaitė",
        call=calls["nordplus"],
        requested_amount=D("24800.00"),
        starts_on=datetime.date(today.year + 1, 3, 1),
        ends_on=datetime.date(today.year + 1, 10, 31),
        summary="Vertėjų ir rašytojų iš Latvijos, Estijos ir Suomijos susitikimai "
        "apskrities bibliotekose.",
    )
    _walk(nordic, specialist, [S.PREPARING, S.SUBMITTED])

    bridges = new(
        "Europos skaitymo tiltai",
        call=calls["ke"],
        role=Project.Role.PARTNER,
        lead_organisation=_organisation("Latvijos nacionalinė biblioteka", country="LV"),
        requested_amount=D("156000.00"),
        starts_on=datetime.date(today.year + 1, 2, 1),
        ends_on=datetime.date(today.year + 2, 7, 31),
        summary="Penkių šalių bibliotekos kuria daugiakalbes skaitymo programas migrantų šeimoms.",
    )
    _walk(bridges, specialist, [S.PREPARING, S.SUBMITTED, S.EVALUATION])

    seniors = new(
        "Skaitmeninio raštingumo dirbtuvės senjorams",
        call=calls["savivaldybe"],
        starts_on=today + days(30),
        ends_on=today + days(150),
        summary="Dešimt dirbtuvių senjorams: išmanusis telefonas, e. valdžios vartai, "
        "saugumas internete.",
    )
    _budget(
        seniors,
        [
            (CostCategory.FEES, "Lektorių honorarai", D("2400"), D("600"), D("0")),
            (CostCategory.MATERIALS, "Mokymo medžiaga", D("800"), D("200"), D("0")),
        ],
    )
    _walk(seniors, specialist, [S.PREPARING, S.SUBMITTED])
    _walk(seniors, head, [S.APPROVED], granted_amount=D("3000.00"))

    memory = new(
        "Miesto atminties žemėlapis",
        call=calls["lkt-past"],
        requested_amount=D("14500.00"),
        summary="Interaktyvus žemėlapis su šiauliečių prisiminimais apie miesto vietas.",
    )
    _walk(memory, specialist, [S.PREPARING, S.SUBMITTED, S.EVALUATION, S.REJECTED])

    writers = new(
        "Kraštiečių rašytojų skaitymai apskrities bibliotekose",
        acronym="Kraštiečiai",
        call=calls["lkt-past"],
        starts_on=today - days(120),
        ends_on=today + days(60),
        summary="Dvylika susitikimų su kraštiečiais rašytojais Šiaulių apskrities "
        "bibliotekose, vaizdo įrašai ir skaitmeninė knygelė.",
        goals="Supažindinti skaitytojus su krašto literatūra; pasiekti kaimo bibliotekų "
        "lankytojus.",
        target_groups="Suaugusieji, mokiniai, kaimo bibliotekų skaitytojai.",
        expected_results="12 renginių, 480 dalyvių, 6 vaizdo įrašai.",
    )
    writers.territory_libraries.set(Library.objects.filter(kind=Library.Kind.TERRITORY)[:3])
    lines = _budget(
        writers,
        [
            (CostCategory.FEES, "Rašytojų honorarai", D("7200"), D("0"), D("0")),
            (CostCategory.TRAVEL, "Kelionės į rajonų bibliotekas", D("1800"), D("200"), D("0")),
            (CostCategory.SERVICES, "Vaizdo įrašų montavimas", D("4500"), D("500"), D("0")),
            (
                CostCategory.PUBLICITY,
                "Skaitmeninė knygelė ir plakatai",
                D("3000"),
                D("300"),
                D("500"),
            ),
            (CostCategory.ADMINISTRATION, "Buhalterinė apskaita", D("1000"), D("0"), D("0")),
        ],
    )
    _walk(writers, specialist, [S.PREPARING, S.SUBMITTED, S.EVALUATION])
    _walk(writers, head, [S.APPROVED], granted_amount=D("17500.00"))
    services.move_project(
        actor=head, project=writers, to_status=S.CONTRACT, contract_number="S-26-0418"
    )
    _walk(writers, specialist, [S.IMPLEMENTATION])
    Partner.objects.create(
        project=writers,
        organisation=_organisation("Šiaulių dramos teatras", Organisation.Kind.CULTURAL),
        role="Skaitymų režisūra",
        contribution="Aktoriai skaito kūrinių ištraukas; salė baigiamajam renginiui.",
        contribution_amount=D("500.00"),
    )
    TeamMember.objects.create(project=writers, user=specialist, role="Projekto vadovė")
    TeamMember.objects.create(project=writers, name="Aušra Jankauskienė", role="Buhalterė")
    for number, (line, supplier, amount, what) in enumerate(
        [
            (lines[0], "Individuali veikla – V. Rašytojas", D("600.00"), "Susitikimo honoraras"),
            (lines[0], "Individuali veikla – R. Poetė", D("600.00"), "Susitikimo honoraras"),
            (lines[1], "UAB „Šiaulių autobusai“", D("186.40"), "Kelionė į Joniškį ir Kelmę"),
            (lines[2], "MB „Kadras“", D("1250.00"), "Trijų vaizdo įrašų montavimas"),
            (lines[3], "UAB „Spaudos namai“", D("412.35"), "Plakatai A3, 200 vnt."),
        ],
        start=1,
    ):
        Expense.objects.create(
            line=line,
            invoice_number=f"SF-{today.year}-{number:03d}",
            invoice_date=today - days(100 - number * 15),
            supplier=supplier,
            amount=amount,
            description=what,
            recorded_by=specialist,
        )
    events = _held_events(today, 4)
    activity = Activity.objects.create(
        project=writers,
        title="Susitikimai su rašytojais bibliotekose",
        starts_on=today - days(110),
        ends_on=today + days(40),
        responsible=specialist,
    )
    activity.events.set(events)
    Activity.objects.create(
        project=writers,
        title="Vaizdo įrašų montavimas ir paskelbimas",
        starts_on=today - days(60),
        ends_on=today + days(50),
        responsible=specialist,
    )
    Activity.objects.create(
        project=writers,
        title="Skaitmeninė knygelė paskelbta",
        is_milestone=True,
        starts_on=today + days(55),
        ends_on=today + days(55),
    )
    for position, (name, unit, source, planned, achieved) in enumerate(
        [
            ("Renginiai", "renginiai", Indicator.Source.EVENTS, 12, None),
            ("Dalyviai vietoje", "asmenys", Indicator.Source.PARTICIPANTS, 480, None),
            ("Vaizdo įrašai", "įrašai", Indicator.Source.MANUAL, 6, 3),
        ]
    ):
        Indicator.objects.create(
            project=writers,
            name=name,
            unit=unit,
            source=source,
            planned=planned,
            achieved_entered=achieved,
            position=position,
        )

    critics = new(
        "Jaunųjų kritikų mokykla",
        call=calls["lkt-past"],
        requested_amount=D("6400.00"),
        starts_on=today + days(20),
        ends_on=today + days(200),
        summary="Dešimties užsiėmimų ciklas paaugliams: kaip rašyti apie knygas ir filmus.",
    )
    _walk(critics, specialist, [S.PREPARING, S.SUBMITTED])
    _walk(critics, head, [S.APPROVED], granted_amount=D("5800.00"))
    services.move_project(
        actor=head, project=critics, to_status=S.CONTRACT, contract_number="S-26-0533"
    )

    anniversary = new(
        "Bibliotekos 70-mečio paroda „Knygų namai“",
        call=calls["km"],
        requested_amount=D("9600.00"),
        starts_on=today - days(260),
        ends_on=today - days(5),
        summary="Paroda apie bibliotekos istoriją su skaitmenintomis nuotraukomis ir "
        "prisiminimų įrašais.",
    )
    _walk(anniversary, specialist, [S.PREPARING, S.SUBMITTED])
    _walk(anniversary, head, [S.APPROVED], granted_amount=D("9600.00"))
    _walk(anniversary, specialist, [S.CONTRACT, S.IMPLEMENTATION, S.REPORTING])

    borders = new(
        "Knygos be sienų: suaugusiųjų skaitymo klubai",
        call=calls["erasmus"],
        role=Project.Role.PARTNER,
        lead_organisation=_organisation("Tartu miesto biblioteka", country="EE"),
        requested_amount=D("60000.00"),
        starts_on=today - days(700),
        ends_on=today - days(150),
        summary="Skaitymo klubų metodika suaugusiesiems, išbandyta trijose šalyse.",
    )
    _walk(borders, specialist, [S.PREPARING, S.SUBMITTED, S.EVALUATION])
    _walk(borders, head, [S.APPROVED], granted_amount=D("60000.00"))
    _walk(borders, specialist, [S.CONTRACT, S.IMPLEMENTATION, S.REPORTING, S.CLOSED])

    # A territory library's own application the department helps to prepare (5.4).
    camp = new(
        "Vaikų vasaros stovykla „Pasakų kalvė“",
        library=territory,
        funder=calls["savivaldybe"].funder,
        summary="Savaitės stovykla vaikams: pasakų kūrimas, iliustravimas ir knygelės išleidimas.",
    )
    _walk(camp, specialist, [S.PREPARING])


def load(world: demo.DemoWorld) -> None:
    if Project.objects.exists():
        return
    calls = _calls(world.today)
    with set_actor(world.users["specialiste"]):
        _projects(world, calls)


demo.register("projects", load)
