"""Broadcasts, equipment, proposals and preservation pages in a real browser: free of
accessibility violations, and a booking made on an item's page."""

from __future__ import annotations

import datetime

from django.utils import timezone
from playwright.sync_api import Page, expect

from sklaida.archive.models import Broadcast, FixityAudit, Proposal
from sklaida.core.models import Booking, Equipment, Library
from sklaida.events.models import Event
from sklaida.testing.browser import assert_accessible


def test_the_archives_other_pages_are_accessible(sign_in, page: Page, personas):
    item = Equipment.objects.create(
        library=Library.objects.get(kind=Library.Kind.COUNTY),
        name="Fotoaparatas Canon EOS R6",
        kind=Equipment.Kind.CAMERA,
        value="2499.00",
    )
    event = Event.objects.filter(status=Event.Status.REPORTED).first()
    broadcast = Broadcast.objects.create(
        event=event,
        platform=Broadcast.Platform.FACEBOOK,
        url="https://www.facebook.com/biblioteka/videos/1",
        starts_at=event.starts_at,
        peak_viewers=12,
        total_viewers=40,
    )
    proposal = Proposal.objects.create(
        title="Nešiojamas transliacijų rinkinys",
        justification="Transliuoti renginius iš filialų.",
        estimated_cost="1800.00",
        proposed_by=personas["specialiste"],
    )
    FixityAudit.objects.create(status=FixityAudit.Status.FINISHED, total=0, checked=0)
    sign_in("vadove")
    for address, shown in [
        ("/archyvas/transliacijos/", "Facebook"),
        ("/archyvas/transliacijos/nauja/", "Renginys"),
        (f"/archyvas/transliacijos/{broadcast.pk}/", "40"),
        ("/archyvas/iranga/", "Fotoaparatas Canon EOS R6"),
        (f"/archyvas/iranga/{item.pk}/", "Fotoaparatas Canon EOS R6"),
        ("/archyvas/iranga/nauja/", ""),
        ("/archyvas/pasiulymai/", "Nešiojamas transliacijų rinkinys"),
        (f"/archyvas/pasiulymai/{proposal.pk}/", "Transliuoti renginius iš filialų."),
        ("/archyvas/saugojimas/", ""),
        ("/archyvas/rinkiniai/", ""),
        ("/archyvas/ikelti/", ""),
        (f"/veikla/renginiai/{event.pk}/", "Nuotraukos, vaizdo įrašai ir transliacijos"),
    ]:
        page.goto(address)
        if shown:
            expect(page.locator("main")).to_contain_text(shown)
        assert_accessible(page)


def test_equipment_is_booked_from_its_page_and_the_form_is_sent_by_enter(
    sign_in, page: Page, personas
):
    item = Equipment.objects.create(
        library=Library.objects.get(kind=Library.Kind.COUNTY),
        name="Projektorius Epson",
        kind=Equipment.Kind.PROJECTION,
    )
    day = timezone.localdate() + datetime.timedelta(days=40)
    sign_in("specialiste")
    page.goto(f"/archyvas/iranga/{item.pk}/rezervuoti/")
    page.get_by_label("Rezervuota nuo").fill(f"{day.isoformat()}T10:00")
    page.get_by_label("Rezervuota iki").fill(f"{day.isoformat()}T12:00")
    page.get_by_label("Paskirtis").fill("Skaidrės seminarui")
    page.get_by_label("Paskirtis").press("Enter")

    expect(page.locator("main")).to_contain_text("Skaidrės seminarui")
    assert Booking.objects.filter(equipment=item, title="Skaidrės seminarui").exists()
