"""The equipment inventory, its bookings and the improvement proposals' workflow (3.3)."""

from __future__ import annotations

import datetime
import io
import random
import zoneinfo
from decimal import Decimal

import openpyxl
import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from sklaida.archive.demo_equipment import load_equipment_demo
from sklaida.archive.models import Broadcast, Proposal
from sklaida.archive.services import equipment as services
from sklaida.conftest import TODAY
from sklaida.core.models import Booking, Equipment, Library, Space
from sklaida.events.services import events as event_services
from sklaida.events.tests.factories import EventFactory, at
from sklaida.testing.queries import queries_to_render
from sklaida.testing.spreadsheets import FORMULA, assert_inert_in_xlsx

VILNIUS = zoneinfo.ZoneInfo("Europe/Vilnius")
# After the demo's events (which end 100 days from today), still to come.
DAY = timezone.localdate() + datetime.timedelta(days=200)


def county() -> Library:
    return Library.objects.get(kind=Library.Kind.COUNTY)


def item(**fields) -> Equipment:
    values = {
        "library": county(),
        "name": "Vaizdo kamera Panasonic HC-X2",
        "kind": Equipment.Kind.CAMERA,
        "inventory_number": "VK-0001",
        "location": "Fotostudija, 3 aukštas",
        "value": Decimal("2150.00"),
        **fields,
    }
    return Equipment.objects.create(**values)


# Bookings


def test_an_item_booked_for_an_event_cannot_be_booked_for_an_overlapping_time(client_as, personas):
    camera = item()
    hall = Space.objects.get(name="Konferencijų salė")
    event = EventFactory.build(
        title="Knygos „Šiaurės vėjai“ pristatymas",
        slug="",
        space=hall,
        starts_at=at(DAY, 18),
        ends_at=at(DAY, 20),
    )
    event_services.save_event(
        actor=personas["specialiste"],
        event=event,
        relations=event_services.Relations(equipment=[camera]),
    )

    response = client_as("specialiste").post(
        f"/archyvas/iranga/{camera.pk}/rezervuoti/",
        {
            "starts_at": f"{DAY}T19:00",
            "ends_at": f"{DAY}T21:00",
            "purpose": "Interviu filmavimas",
        },
    )

    assert response.status_code == 200
    errors = response.context["form"].non_field_errors()
    assert len(errors) == 1
    assert "Knygos „Šiaurės vėjai“ pristatymas" in errors[0]
    assert "Vaizdo kamera Panasonic HC-X2" in errors[0]
    assert "Knygos „Šiaurės vėjai“ pristatymas" in response.content.decode()
    assert list(Booking.objects.filter(equipment=camera).values_list("title", flat=True)) == [
        event.title
    ]


def test_a_free_time_is_booked_and_shown_on_the_items_page(client_as, personas):
    camera = item()
    client = client_as("specialiste")

    page = client.post(
        f"/archyvas/iranga/{camera.pk}/rezervuoti/",
        {
            "starts_at": f"{DAY}T09:00",
            "ends_at": f"{DAY}T12:00",
            "purpose": "Fotografavimas Šiaulių knygų mugėje",
        },
        follow=True,
    ).content.decode()

    booking = Booking.objects.get(equipment=camera)
    assert (booking.starts_at, booking.ends_at) == (at(DAY, 9), at(DAY, 12))
    assert "Fotografavimas Šiaulių knygų mugėje" in page
    assert f"/archyvas/iranga/rezervacijos/{booking.pk}/atsaukti/" in page


def test_a_booking_overlapping_another_items_booking_is_refused_naming_it(personas):
    camera = item()
    services.book_equipment(
        actor=personas["vadove"],
        equipment=camera,
        starts_at=at(DAY, 10),
        ends_at=at(DAY, 12),
        purpose="Filmavimas Kultūros naktyje",
    )

    with pytest.raises(ValidationError, match="Filmavimas Kultūros naktyje") as refused:
        services.book_equipment(
            actor=personas["specialiste"],
            equipment=camera,
            starts_at=at(DAY, 11),
            ends_at=at(DAY, 13),
            purpose="Seminaro įrašas",
        )
    assert len(refused.value.messages) == 1
    # Touching times do not clash: one booking may end at 12:00 and the next start then.
    services.book_equipment(
        actor=personas["specialiste"],
        equipment=camera,
        starts_at=at(DAY, 12),
        ends_at=at(DAY, 13),
        purpose="Seminaro įrašas",
    )
    assert Booking.objects.filter(equipment=camera).count() == 2


@time_machine.travel(datetime.datetime(2026, 11, 25, 9, tzinfo=VILNIUS), tick=False)
def test_a_clash_with_a_booking_of_several_days_names_its_first_and_last_day(client_as, personas):
    camera = item()
    services.book_equipment(
        actor=personas["vadove"],
        equipment=camera,
        starts_at=at(datetime.date(2026, 12, 1), 10),
        ends_at=at(datetime.date(2026, 12, 3), 18),
        purpose="Kultūros forumo filmavimas",
    )

    response = client_as("specialiste").post(
        f"/archyvas/iranga/{camera.pk}/rezervuoti/",
        {
            "starts_at": "2026-12-02T09:00",
            "ends_at": "2026-12-02T11:00",
            "purpose": "Interviu filmavimas",
        },
    )

    assert (
        "Vaizdo kamera Panasonic HC-X2: laikas sutampa su „Kultūros forumo filmavimas“, "
        "2026 m. gruodžio 1 d. 10:00 – gruodžio 3 d. 18:00."
    ) in response.content.decode()


def test_an_item_not_in_use_is_not_booked_and_the_viewer_cannot_book(personas):
    broken = item(is_active=False, condition=Equipment.Condition.NEEDS_REPAIR)
    with pytest.raises(ValidationError):
        services.book_equipment(
            actor=personas["vadove"],
            equipment=broken,
            starts_at=at(DAY, 10),
            ends_at=at(DAY, 12),
            purpose="Filmavimas",
        )
    with pytest.raises(PermissionDenied):
        services.book_equipment(
            actor=personas["stebetojas"],
            equipment=item(inventory_number="VK-0002"),
            starts_at=at(DAY, 10),
            ends_at=at(DAY, 12),
            purpose="Filmavimas",
        )
    assert not Booking.objects.filter(equipment__library=county(), starts_at=at(DAY, 10)).exists()


def test_an_events_booking_is_named_on_the_item_page_and_only_own_bookings_are_cancelled(
    client_as, personas
):
    microphones = item(name="Mikrofonų rinkinys Shure", kind=Equipment.Kind.MICROPHONE)
    event = EventFactory(title="Paskaita „Šiaulių pramonės istorija“", starts_at=at(DAY, 17))
    Booking.objects.create(
        target=event,
        equipment=microphones,
        starts_at=event.blocked_from,
        ends_at=event.blocked_until,
        title=event.title,
    )
    past = Booking.objects.create(
        equipment=microphones,
        starts_at=timezone.now() - datetime.timedelta(days=3, hours=2),
        ends_at=timezone.now() - datetime.timedelta(days=3),
        title="Konferencija bibliotekininkams",
    )
    proposal = Proposal.objects.create(
        title="Belaidžių mikrofonų sistema",
        justification="Laidai trukdo scenoje.",
        replaces=microphones,
        estimated_cost=Decimal("1890.50"),
    )

    client = client_as("specialiste")
    page = client.get(f"/archyvas/iranga/{microphones.pk}/").content.decode()

    assert f'<a href="{event.get_absolute_url()}">{event.title}</a>' in page
    assert "Konferencija bibliotekininkams" in page
    assert proposal.title in page and "1\xa0890,50" in page
    event_booking = Booking.objects.get(equipment=microphones, object_id=event.pk)
    assert f"/rezervacijos/{event_booking.pk}/atsaukti/" not in page

    client.post(f"/archyvas/iranga/rezervacijos/{event_booking.pk}/atsaukti/")
    assert Booking.objects.filter(pk=event_booking.pk).exists()
    client.post(f"/archyvas/iranga/rezervacijos/{past.pk}/atsaukti/")
    assert not Booking.objects.filter(pk=past.pk).exists()


# Inventory


def test_the_inventory_lists_items_with_their_value_in_lithuanian_format(client_as, personas):
    store = "Testų sandėlis"
    item(location=store)
    item(
        name="Objektyvas Sigma 18–35 mm",
        kind=Equipment.Kind.LENS,
        inventory_number="OB-0001",
        location=store,
        value=Decimal("1234.50"),
    )
    item(
        name="Projektorius Optoma HD146X",
        kind=Equipment.Kind.PROJECTION,
        inventory_number="PR-0001",
        location=store,
        condition=Equipment.Condition.NEEDS_REPAIR,
        is_active=False,
        value=None,
    )
    client = client_as("stebetojas")

    response = client.get("/archyvas/iranga/", {"location": store})
    page = response.content.decode()
    assert '<html lang="lt">' in page
    assert response.headers["Content-Language"] == "lt"
    for name in ("Vaizdo kamera Panasonic HC-X2", "Objektyvas Sigma 18–35 mm", "Optoma HD146X"):
        assert name in page
    assert "2\xa0150,00" in page and "1\xa0234,50" in page
    assert "3\xa0384,50" in page  # the total
    assert "3 įrangos vienetai, bendra vertė – 3\xa0384,50\xa0€." in page
    assert response.context["totals"].items == 3
    assert response.context["totals"].without_value == 1
    assert "archyvas/iranga/nauja/" not in page  # the viewer adds nothing

    lenses = client.get("/archyvas/iranga/", {"location": store, "kind": "lens"})
    assert [i.name for i in lenses.context["page"].object_list] == ["Objektyvas Sigma 18–35 mm"]
    idle = client.get("/archyvas/iranga/", {"in_use": "no", "condition": "repair", "q": "Optoma"})
    assert [i.name for i in idle.context["page"].object_list] == ["Projektorius Optoma HD146X"]
    in_use = client.get("/archyvas/iranga/", {"location": store, "in_use": "yes"})
    assert in_use.context["totals"].items == 2


def test_the_inventory_downloads_as_xlsx_with_its_filter_and_total(client_as, personas):
    item()
    item(name="Objektyvas Sigma 18–35 mm", kind=Equipment.Kind.LENS, inventory_number="OB-1")

    response = client_as("vadove").get("/archyvas/iranga/iranga.xlsx", {"q": "Panasonic"})

    assert response["Content-Disposition"].startswith('attachment; filename="iranga-')
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert [row[1] for row in rows[1:-1]] == ["Vaizdo kamera Panasonic HC-X2"]
    assert rows[1][0] == "VK-0001" and rows[1][7] == 2150
    assert rows[-1][7] == 2150


def test_formulas_typed_into_an_item_are_inert_text_in_the_download(client_as, personas):
    item(name=FORMULA, location="+SUM(1+1)", notes="-2+3+cmd|' /C calc'!A0")

    response = client_as("vadove").get("/archyvas/iranga/iranga.xlsx")

    for text in (FORMULA, "+SUM(1+1)", "-2+3+cmd|' /C calc'!A0"):
        assert_inert_in_xlsx(response.content, text)


def test_the_inventory_list_makes_the_same_queries_for_few_and_many_items(client_as, personas):
    client = client_as("specialiste")
    item(inventory_number="A-1")
    few = queries_to_render(client, "/archyvas/iranga/")
    for number in range(25):
        camera = item(name=f"Kamera {number}", inventory_number=f"B-{number}")
        Booking.objects.create(
            equipment=camera,
            starts_at=at(DAY, 9),
            ends_at=at(DAY, 10),
            title="Filmavimas",
        )
    assert queries_to_render(client, "/archyvas/iranga/") == few
    assert queries_to_render(client, "/archyvas/iranga/", {"kind": "camera"}) == few


def test_a_new_item_belongs_to_the_department_library_and_numbers_are_not_reused(
    client_as, personas
):
    client = client_as("specialiste")
    form = client.get("/archyvas/iranga/nauja/").context["form"]
    assert form["library"].value() == county().pk

    page = client.post(
        "/archyvas/iranga/nauja/",
        {
            "name": "LED šviestuvas Godox SL60W",
            "kind": "lighting",
            "library": county().pk,
            "inventory_number": "SV-0007",
            "condition": "new",
            "location": "Fotostudija",
            "purchase_date": "2025-03-14",
            "value": "189,99",
            "is_active": "on",
        },
        follow=True,
    ).content.decode()
    light = Equipment.objects.get(inventory_number="SV-0007")
    assert (light.library, light.value, light.kind) == (county(), Decimal("189.99"), "lighting")
    assert "LED šviestuvas Godox SL60W" in page and "189,99" in page

    again = client.post(
        "/archyvas/iranga/nauja/",
        {
            "name": "Kitas šviestuvas",
            "kind": "lighting",
            "library": county().pk,
            "inventory_number": "SV-0007",
            "condition": "new",
        },
    )
    assert "inventory_number" in again.context["form"].errors
    assert "LED šviestuvas Godox SL60W" in again.context["form"].errors["inventory_number"][0]
    assert Equipment.objects.filter(inventory_number="SV-0007").count() == 1


# Improvement proposals


def test_a_proposal_goes_from_draft_to_procurement_and_only_the_head_decides(client_as, personas):
    old = item(name="Projektorius Epson EB-X05", kind=Equipment.Kind.PROJECTION)
    specialist, head = client_as("specialiste"), client_as("vadove")
    specialist.post(
        "/archyvas/pasiulymai/naujas/",
        {
            "title": "Naujas lazerinis projektorius konferencijų salei",
            "kind": "equipment",
            "justification": "Senojo projektoriaus lempa blėsta, vaizdas neryškus.",
            "estimated_cost": "1250,50",
            "replaces": old.pk,
        },
    )
    proposal = Proposal.objects.get(title="Naujas lazerinis projektorius konferencijų salei")
    assert (proposal.status, proposal.estimated_cost) == ("draft", Decimal("1250.50"))
    assert proposal.proposed_by == personas["specialiste"]

    specialist.post(f"/archyvas/pasiulymai/{proposal.pk}/pateikti/")
    proposal.refresh_from_db()
    assert proposal.status == Proposal.Status.SUBMITTED

    assert specialist.post(f"/archyvas/pasiulymai/{proposal.pk}/pritarti/").status_code == 403
    proposal.refresh_from_db()
    assert proposal.status == Proposal.Status.SUBMITTED and proposal.decided_by is None
    page = specialist.get(f"/archyvas/pasiulymai/{proposal.pk}/").content.decode()
    assert "/pritarti/" not in page

    page = head.get(f"/archyvas/pasiulymai/{proposal.pk}/").content.decode()
    assert "/pritarti/" in page and "1\xa0250,50" in page
    head.post(f"/archyvas/pasiulymai/{proposal.pk}/pritarti/", {"note": "Pirkti 2027 m."})
    proposal.refresh_from_db()
    assert proposal.status == Proposal.Status.APPROVED
    assert (proposal.decided_by, proposal.decision_note) == (personas["vadove"], "Pirkti 2027 m.")
    assert proposal.decided_at is not None

    specialist.post(f"/archyvas/pasiulymai/{proposal.pk}/perduoti-pirkimams/")
    proposal.refresh_from_db()
    assert proposal.status == Proposal.Status.TO_PROCUREMENT

    listed = specialist.get("/archyvas/pasiulymai/", {"status": "procurement"})
    assert proposal in listed.context["page"].object_list
    assert "Projektorius Epson EB-X05" in listed.content.decode()


def test_a_proposal_refuses_an_illegal_transition_with_a_message(client_as, personas):
    proposal = Proposal.objects.create(
        title="Stabilizatorius kamerai",
        justification="Filmuojant judant vaizdas dreba.",
        proposed_by=personas["specialiste"],
    )
    head = personas["vadove"]

    with pytest.raises(ValidationError) as refused:
        services.approve_proposal(actor=head, proposal=proposal)
    assert refused.value.code == "illegal_transition"
    with pytest.raises(ValidationError):
        services.pass_to_procurement(actor=head, proposal=proposal)

    services.submit_proposal(actor=personas["specialiste"], proposal=proposal)
    with pytest.raises(ValidationError):
        services.submit_proposal(actor=personas["specialiste"], proposal=proposal)
    with pytest.raises(PermissionDenied):
        services.approve_proposal(actor=personas["specialiste"], proposal=proposal)
    with pytest.raises(PermissionDenied):
        services.reject_proposal(actor=personas["specialiste"], proposal=proposal, reason="Ne")
    with pytest.raises(ValidationError):
        services.reject_proposal(actor=head, proposal=proposal, reason="  ")

    services.reject_proposal(actor=head, proposal=proposal, reason="Lėšų šiemet nėra.")
    proposal.refresh_from_db()
    assert (proposal.status, proposal.decision_note) == ("rejected", "Lėšų šiemet nėra.")
    with pytest.raises(ValidationError):
        services.pass_to_procurement(actor=head, proposal=proposal)

    # Through the page the refusal is a message, and nothing changes.
    page = (
        client_as("vadove")
        .post(f"/archyvas/pasiulymai/{proposal.pk}/pritarti/", follow=True)
        .content.decode()
    )
    assert 'class="alert' in page
    proposal.refresh_from_db()
    assert proposal.status == Proposal.Status.REJECTED


def test_only_a_draft_proposal_can_be_changed(client_as, personas):
    proposal = Proposal.objects.create(
        title="Šviesos stovai",
        justification="Trūksta stovų.",
        status=Proposal.Status.SUBMITTED,
    )
    client = client_as("specialiste")

    response = client.post(
        f"/archyvas/pasiulymai/{proposal.pk}/keisti/",
        {"title": "Kita", "kind": "equipment", "justification": "Kita"},
    )

    assert response.status_code == 302
    proposal.refresh_from_db()
    assert proposal.title == "Šviesos stovai"
    with pytest.raises(ValidationError):
        proposal.title = "Kita"
        services.save_proposal(actor=personas["specialiste"], proposal=proposal)


def test_the_proposal_list_is_grouped_by_status(client_as, personas):
    for title, status in [
        ("Grafinė planšetė", Proposal.Status.DRAFT),
        ("Garso pultas", Proposal.Status.SUBMITTED),
        ("Dronas", Proposal.Status.REJECTED),
    ]:
        Proposal.objects.create(title=title, justification="Reikia.", status=status)

    response = client_as("stebetojas").get("/archyvas/pasiulymai/", {"status": "submitted"})

    titles = [proposal.title for proposal in response.context["page"].object_list]
    assert "Garso pultas" in titles and "Grafinė planšetė" not in titles
    counts = {tab["status"]: tab["count"] for tab in response.context["tabs"]}
    assert counts["submitted"] >= 1 and counts["rejected"] >= 1
    assert counts[""] == sum(count for status, count in counts.items() if status)


# Demo


def test_the_equipment_demo_is_complete_and_loads_only_once(personas):
    load_equipment_demo(today=TODAY, rng=random.Random(3))
    counts = (
        Equipment.objects.count(),
        Booking.objects.filter(equipment__isnull=False).count(),
        Proposal.objects.count(),
        Broadcast.objects.count(),
    )
    load_equipment_demo(today=TODAY, rng=random.Random(4))

    assert counts == (
        Equipment.objects.count(),
        Booking.objects.filter(equipment__isnull=False).count(),
        Proposal.objects.count(),
        Broadcast.objects.count(),
    )
    assert counts[0] >= 15 and counts[1] >= 3 and counts[3] >= 6
    assert set(Proposal.objects.values_list("status", flat=True)) >= {
        "draft",
        "submitted",
        "approved",
        "procurement",
    }
    assert Equipment.objects.filter(library=county()).exclude(value=None).count() >= 15
    # Every demo broadcast's viewers are among its event's live stream viewers.
    for broadcast in Broadcast.objects.select_related("event"):
        counted = sum(row.live_viewers for row in broadcast.event.attendance.all())
        assert counted == broadcast.total_viewers > 0
