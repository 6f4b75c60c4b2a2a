"""Demo procurement: the coming year's plan with realistic lines and CPV codes, purchase
requests at each stage (one made from the archive's proposal passed to procurement, two
laptops requests that trip the split-purchase warning), a survey of three offers and the
contracts register."""

from __future__ import annotations

import datetime
from decimal import Decimal

from auditlog.context import set_actor

# Imported first so that the archive's and the projects' demos register (and run) before
# ours, whichever module is imported first: we use their proposal and budget line.
import sklaida.archive.demo
import sklaida.projects.demo  # noqa: F401
from sklaida.archive.models import Proposal
from sklaida.contacts.models import Organisation
from sklaida.core import demo
from sklaida.core.models import User
from sklaida.procurement import services
from sklaida.procurement.models import (
    Contract,
    Kind,
    PlanLine,
    ProcurementPlan,
    PurchaseRequest,
    SupplierSurvey,
    SurveyOffer,
)

S = PurchaseRequest.Status

# subject, CPV code, kind, estimated value excl. VAT, quarter, note
PLAN_LINES = [
    (
        "Programinės įrangos licencijos (biuro ir maketavimo)",
        "48000000-8",
        Kind.GOODS,
        "7800",
        1,
        "",
    ),
    ("Reklamos paslaugos socialiniuose tinkluose", "79341000-6", Kind.SERVICES, "6000", 1, ""),
    ("Renginių plakatų ir lankstinukų spausdinimas", "79810000-5", Kind.SERVICES, "12000", 1, ""),
    (
        "Nešiojamieji kompiuteriai darbuotojams ir renginiams",
        "30213100-6",
        Kind.GOODS,
        "38000",
        2,
        "Vienas pirkimas visiems metams.",
    ),
    (
        "Lazerinis projektorius Edukacijų klasei",
        "38652100-1",
        Kind.GOODS,
        "1450",
        2,
        "Pagal patvirtintą tobulinimo pasiūlymą.",
    ),
    (
        "Renginių organizavimo paslaugos (garsas, šviesos, scena)",
        "79952000-2",
        Kind.SERVICES,
        "18000",
        2,
        "",
    ),
    ("Renginių fotografavimo paslaugos", "79961000-8", Kind.SERVICES, "4200", 2, ""),
    ("Skaityklos baldai", "39130000-2", Kind.GOODS, "24000", 3, ""),
    (
        "Vaikų literatūros skyriaus patalpų remonto darbai",
        "45453000-7",
        Kind.WORKS,
        "95000",
        3,
        "Lėšos – savivaldybės investicijų programa.",
    ),
    (
        "Bibliobusas su įranga",
        "34100000-8",
        Kind.GOODS,
        "180000",
        4,
        "Jei bus skirtas finansavimas pagal ES programą.",
    ),
]


def plan_year(today: datetime.date) -> int:
    """The year being planned: the coming one from October on, else this one."""
    return today.year + 1 if today.month >= 10 else today.year


def _plan(year: int, head: User, specialist: User, today: datetime.date) -> dict[str, PlanLine]:
    plan, _created = ProcurementPlan.objects.get_or_create(
        year=year,
        defaults={
            "note": "Planas parengtas pagal skyrių poreikius ir patvirtintus projektus.",
            "approved_on": min(today, datetime.date(year, 1, 10)),
        },
    )
    if not plan.lines.exists():
        posters = _posters_budget_line()
        with set_actor(specialist):
            for subject, code, kind, value, quarter, note in PLAN_LINES:
                services.save_plan_line(
                    actor=specialist,
                    line=PlanLine(
                        plan=plan,
                        subject=subject,
                        cpv_code=code,
                        kind=kind,
                        estimated_value=Decimal(value),
                        quarter=quarter,
                        note=note,
                        budget_line=posters if code == "79810000-5" else None,
                    ),
                )
    return {line.cpv_code: line for line in plan.lines.all()}


def _posters_budget_line():
    """The projects demo's line for posters, which the printing is partly paid from."""
    from sklaida.projects.models import BudgetLine

    return BudgetLine.objects.filter(title="Skaitmeninė knygelė ir plakatai").first()


def _request(specialist: User, lines: dict[str, PlanLine], year: int, **fields) -> PurchaseRequest:
    code = fields.get("cpv_code", "")
    with set_actor(specialist):
        return services.create_request(
            actor=specialist,
            request=PurchaseRequest(
                plan_line=lines.get(code),
                needed_by=fields.pop("needed_by", datetime.date(year, 6, 1)),
                **fields,
            ),
        )


def _walk(request: PurchaseRequest, to: str, head: User, specialist: User, note: str = ""):
    """Move a request along its usual way up to `to` (the head approves)."""
    path = [S.SUBMITTED, S.APPROVED, S.IN_PROCUREMENT]
    targets = [S.SUBMITTED, S.REJECTED] if to == S.REJECTED else path[: path.index(to) + 1]
    for status in targets:
        actor = head if status in services.HEAD_MOVES else specialist
        with set_actor(actor):
            services.move_request(
                actor=actor,
                request=request,
                to_status=status,
                note=note if status == S.REJECTED else "",
            )
        request.refresh_from_db()


def _survey(request, specialist: User, surveyed_on, offers: list, chosen: int, reason: str):
    saved = [
        SurveyOffer(
            organisation=organisation,
            supplier_name="" if organisation else name,
            price_excl_vat=Decimal(excl) if excl else None,
            price_incl_vat=Decimal(incl) if incl else None,
            note=note,
        )
        for organisation, name, excl, incl, note in offers
    ]
    with set_actor(specialist):
        services.save_survey(
            actor=specialist,
            request=request,
            survey=SupplierSurvey(
                surveyed_on=surveyed_on,
                method=SupplierSurvey.Method.WRITTEN,
                choice_reason=reason,
            ),
            offers=saved,
            chosen=saved[chosen],
        )
    request.refresh_from_db()
    return saved[chosen]


def _contract(request, specialist: User, number: str, signed_on, starts_on, ends_on, offer):
    with set_actor(specialist):
        services.save_contract(
            actor=specialist,
            contract=Contract(
                number=number,
                subject=request.subject,
                organisation=offer.organisation,
                supplier_name="" if offer.organisation else offer.supplier_name,
                value_excl_vat=offer.price_excl_vat,
                value_incl_vat=offer.price_incl_vat,
                signed_on=signed_on,
                starts_on=starts_on,
                ends_on=ends_on,
                request=request,
            ),
        )
    request.refresh_from_db()


def _requests(year: int, lines, head: User, specialist: User, today: datetime.date) -> None:
    # The proposal the archive's demo passed to procurement becomes its request.
    proposal = Proposal.objects.filter(
        title="Transliacijų kompiuterio atnaujinimas", status=Proposal.Status.TO_PROCUREMENT
    ).first()
    if proposal is not None and not PurchaseRequest.objects.filter(proposal=proposal).exists():
        with set_actor(specialist):
            request = services.create_request_from_proposal(actor=specialist, proposal=proposal)
            request.cpv_code = "30213300-8"
            request.needed_by = datetime.date(year, 3, 1)
            request.technical_specification = (
                "Procesorius ne mažiau kaip 8 branduolių, 3,5 GHz\n"
                "Operatyvioji atmintis ne mažiau kaip 32 GB\n"
                "Vaizdo plokštė su aparatiniu H.264 ir H.265 kodavimu\n"
                "SSD diskas ne mažiau kaip 1 TB\n"
                "Garantija ne trumpesnė kaip 36 mėn."
            )
            services.update_request(actor=specialist, request=request)
        _walk(request, S.APPROVED, head, specialist)

    printing = _request(
        specialist,
        lines,
        year,
        subject="Renginių plakatų ir lankstinukų spausdinimas I pusmečiui",
        cpv_code="79810000-5",
        kind=Kind.SERVICES,
        estimated_value=Decimal("6500.00"),
        justification="Pusmečio renginių ciklui reikia A2 plakatų (300 vnt.) ir A5 lankstinukų "
        "(5 000 vnt.); savo spausdintuvu tokių kiekių neatspausdiname.",
        technical_specification="A2 plakatai, 170 g/m² kreidinis popierius, 4+0, 300 vnt.\n"
        "A5 lankstinukai, 130 g/m², 4+4, 5 000 vnt.\n"
        "Pristatymas į biblioteką per 5 darbo dienas nuo maketo pateikimo",
        needed_by=datetime.date(year, 1, 20),
        budget_line=_posters_budget_line(),
    )
    _walk(printing, S.APPROVED, head, specialist)
    publisher = Organisation.objects.filter(name="Leidykla „Saulės delta“").first()
    chosen = _survey(
        printing,
        specialist,
        today - datetime.timedelta(days=12),
        [
            (None, "UAB „Spaudos linija“", "5890.00", "7126.90", ""),
            (publisher, "Leidykla „Saulės delta“", "6240.00", "7550.40", "Pristatymas per 7 d."),
            (None, "UAB „Reklamos spaustuvė“", "6010.00", "7272.10", ""),
        ],
        0,
        "Mažiausia kaina; atitinka visus techninės specifikacijos reikalavimus.",
    )
    _contract(
        printing,
        specialist,
        f"PS-{year}-01",
        today - datetime.timedelta(days=5),
        datetime.date(year, 1, 1),
        datetime.date(year, 6, 30),
        chosen,
    )

    social = _request(
        specialist,
        lines,
        year,
        subject="Renginių reklama socialiniuose tinkluose",
        cpv_code="79341000-6",
        kind=Kind.SERVICES,
        estimated_value=Decimal("1800.00"),
        justification="Didiesiems metų renginiams pasiekti jaunesnę auditoriją.",
        technical_specification="Reklamos kampanijos Facebook ir Instagram tinkluose\n"
        "Mėnesinė ataskaita apie pasiekiamumą ir paspaudimus",
        needed_by=datetime.date(year, 1, 15),
    )
    _walk(social, S.APPROVED, head, specialist)
    social_offer = _survey(
        social,
        specialist,
        today - datetime.timedelta(days=20),
        [
            (None, "MB „Skaitmeninė kryptis“", "1750.00", "2117.50", ""),
            (None, "UAB „Socialinė medija“", None, None, ""),
        ],
        0,
        "Vienintelis pateiktas pasiūlymas, kaina neviršija numatytos vertės.",
    )
    _contract(
        social,
        specialist,
        f"PS-{year}-02",
        today - datetime.timedelta(days=15),
        datetime.date(year, 1, 1),
        datetime.date(year, 12, 31),
        social_offer,
    )
    with set_actor(specialist):
        services.move_request(actor=specialist, request=social, to_status=S.COMPLETED)

    laptops = _request(
        specialist,
        lines,
        year,
        subject="Nešiojamieji kompiuteriai renginių registracijai",
        cpv_code="30213100-6",
        kind=Kind.GOODS,
        estimated_value=Decimal("38000.00"),
        justification="Registracijai ir pristatymams renginiuose visose salėse.",
        technical_specification="14 colių ekranas\n16 GB operatyviosios atminties\n"
        "Garantija ne trumpesnė kaip 24 mėn.",
    )
    _walk(laptops, S.SUBMITTED, head, specialist)
    # A second laptops request: together they pass the low-value limit (the warning shows).
    _request(
        specialist,
        lines,
        year,
        subject="Nešiojamieji kompiuteriai darbuotojams",
        cpv_code="30213100-6",
        kind=Kind.GOODS,
        estimated_value=Decimal("34000.00"),
        justification="Seni darbuotojų kompiuteriai nebeatnaujinami.",
        needed_by=datetime.date(year, 9, 1),
    )
    photos = _request(
        specialist,
        lines,
        year,
        subject="Renginių fotografavimo paslaugos",
        cpv_code="79961000-8",
        kind=Kind.SERVICES,
        estimated_value=Decimal("4200.00"),
        justification="Didiesiems renginiams reikia profesionalaus fotografo.",
        technical_specification="Ne mažiau kaip 12 renginių per metus\n"
        "Ne mažiau kaip 40 apdorotų nuotraukų iš renginio per 3 darbo dienas",
    )
    _walk(photos, S.APPROVED, head, specialist)
    # Offers are still coming in: the survey is recorded, no offer chosen yet.
    with set_actor(specialist):
        services.save_survey(
            actor=specialist,
            request=photos,
            survey=SupplierSurvey(surveyed_on=today, method=SupplierSurvey.Method.WRITTEN),
            offers=[
                SurveyOffer(
                    supplier_name="Fotografė Rūta Vaitkienė (individuali veikla)",
                    price_excl_vat=Decimal("3960.00"),
                    price_incl_vat=Decimal("3960.00"),
                    note="Ne PVM mokėtoja",
                ),
                SurveyOffer(supplier_name="MB „Kadro šviesa“"),
            ],
        )
    furniture = _request(
        specialist,
        lines,
        year,
        subject="Skaityklos kėdės",
        cpv_code="39130000-2",
        kind=Kind.GOODS,
        estimated_value=Decimal("8600.00"),
        justification="Dalis skaityklos kėdžių nusidėvėjusios.",
    )
    _walk(
        furniture,
        S.REJECTED,
        head,
        specialist,
        note="Baldus pirksime kartu su visu skaityklos komplektu trečiąjį ketvirtį.",
    )


def _standing_contract(specialist: User, year: int) -> None:
    """A service contract signed earlier without a request in Sklaida."""
    if Contract.objects.filter(number=f"PS-{year - 1}-14").exists():
        return
    with set_actor(specialist):
        services.save_contract(
            actor=specialist,
            contract=Contract(
                number=f"PS-{year - 1}-14",
                subject="Bibliotekos interneto svetainės priežiūra",
                supplier_name="UAB „Tinklo meistrai“",
                value_excl_vat=Decimal("3600.00"),
                value_incl_vat=Decimal("4356.00"),
                signed_on=datetime.date(year - 1, 12, 1),
                starts_on=datetime.date(year, 1, 1),
                ends_on=datetime.date(year, 12, 31),
                procedure="low_value",
            ),
        )


def load(world: demo.DemoWorld) -> None:
    head, specialist = world.users["vadove"], world.users["specialiste"]
    year = plan_year(world.today)
    lines = _plan(year, head, specialist, world.today)
    if not PurchaseRequest.objects.filter(year=year).exclude(proposal__isnull=False).exists():
        _requests(year, lines, head, specialist, world.today)
    _standing_contract(specialist, year)


demo.register("procurement", load)
