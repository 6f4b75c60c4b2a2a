"""Channels with audience sizes, campaigns with targets, channel texts, list and calendar."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.utils import timezone

from sklaida.communication.models import (
    AudienceSize,
    Campaign,
    CampaignTarget,
    ChannelVariant,
    ContentItem,
)
from sklaida.communication.tests.factories import (
    CampaignFactory,
    ChannelFactory,
    ContentItemFactory,
)
from sklaida.events.models import Attendance, Audience, Event
from sklaida.events.tests.factories import EventFactory
from sklaida.testing.queries import queries_to_render


def test_a_specialist_registers_a_channel_without_any_password(personas, client_as):
    client = client_as("specialiste")
    response = client.post(
        "/komunikacija/kanalai/naujas/",
        {
            "name": "Bibliotekos „Instagram“",
            "kind": "instagram",
            "url": "instagram.com/biblioteka.example",
            "owner": personas["specialiste"].pk,
            "administrators": [personas["vadove"].pk],
            "text_limit": "2200",
            "image_sizes": "1080×1080",
            "access_note": "Bibliotekos slaptažodžių tvarkyklėje",
            "is_active": "on",
        },
        follow=True,
    )

    page = response.content.decode()
    assert "Bibliotekos „Instagram“" in page
    assert "https://instagram.com/biblioteka.example" in page
    assert "slaptažodžių tvarkyklėje" in page
    assert "Rasa Petrauskienė" in page


def test_audience_sizes_build_a_table_over_time_and_a_day_is_counted_once(personas, client_as):
    channel = ChannelFactory()
    client = client_as("specialiste")
    url = f"/komunikacija/kanalai/{channel.pk}/auditorija/"
    client.post(url, {"measured_on": "2026-10-01", "size": "1480"})
    client.post(url, {"measured_on": "2026-11-01", "size": "1500"})
    client.post(url, {"measured_on": "2026-11-01", "size": "1523"})

    sizes = list(AudienceSize.objects.filter(channel=channel).values_list("size", flat=True))
    assert sizes == [1523, 1480]
    page = client.get(channel.get_absolute_url()).content.decode()
    assert "1\xa0523" in page and "1\xa0480" in page and "1\xa0500" not in page
    assert "1\xa0523" in client.get("/komunikacija/kanalai/").content.decode()


def test_audiences_and_limits_are_grouped_by_thousands_while_addresses_keep_the_plain_key(
    personas, client_as
):
    channel = ChannelFactory(pk=7350, name="Bibliotekos „Facebook“", text_limit=63206)
    AudienceSize.objects.create(channel=channel, measured_on=datetime.date(2026, 11, 1), size=7350)
    client = client_as("specialiste")

    listing = client.get("/komunikacija/kanalai/").content.decode()
    detail = client.get("/komunikacija/kanalai/7350/").content.decode()
    personas["specialiste"].language = "en"
    personas["specialiste"].save(update_fields=["language"])
    in_english = client.get("/komunikacija/kanalai/").content.decode()

    assert 'href="/komunikacija/kanalai/7350/"' in listing
    assert "7\xa0350 <span" in listing and "<td>63\xa0206</td>" in listing
    assert "<td>7\xa0350</td>" in detail and "63\xa0206 ženklų" in detail
    assert 'action="/komunikacija/kanalai/7350/auditorija/"' in detail
    assert "7,350 <span" in in_english


def test_a_viewer_cannot_record_an_audience_size(personas, client_as):
    channel = ChannelFactory()
    response = client_as("stebetojas").post(
        f"/komunikacija/kanalai/{channel.pk}/auditorija/",
        {"measured_on": "2026-11-01", "size": "9"},
    )
    assert response.status_code == 403
    assert not channel.audience.exists()


def test_a_campaign_is_saved_with_its_targets_and_shows_its_content(personas, client_as):
    client = client_as("vadove")
    channel = ChannelFactory()
    response = client.post(
        "/komunikacija/kampanijos/nauja/",
        {
            "title": "Vasaros skaitymai 2026",
            "goal": "Pakviesti vaikus skaityti vasarą.",
            "starts_on": "2026-06-01",
            "ends_on": "2026-08-31",
            "audience": "Vaikai ir šeimos",
            "channels": [channel.pk],
            "budget": "1200.00",
            "owner": personas["vadove"].pk,
            "targets-TOTAL_FORMS": "2",
            "targets-INITIAL_FORMS": "0",
            "targets-0-indicator": "Užsiregistravę skaitytojai",
            "targets-0-target": "300",
            "targets-0-unit": "žm.",
            "targets-1-indicator": "",
            "targets-1-target": "",
            "targets-1-unit": "",
        },
    )
    assert response.status_code == 302
    campaign = Campaign.objects.get(title="Vasaros skaitymai 2026")
    assert [(t.indicator, int(t.target)) for t in campaign.targets.all()] == [
        ("Užsiregistravę skaitytojai", 300)
    ]
    ContentItemFactory(title="Vasaros skaitymų pradžia", campaign=campaign)

    page = client.get(campaign.get_absolute_url()).content.decode()
    assert "Užsiregistravę skaitytojai" in page
    assert "300 žm." in page
    assert "Vasaros skaitymų pradžia" in page
    assert channel.name in page


def test_a_campaign_page_shows_progress_against_its_targets_and_what_it_produced(
    personas, client_as
):
    campaign = CampaignFactory(title="Knygų Kalėdos", budget=Decimal("20000"))
    CampaignTarget.objects.create(
        campaign=campaign,
        indicator="Pasiekimas socialiniuose tinkluose",
        target=20000,
        unit="žm.",
        achieved=15000,
    )
    CampaignTarget.objects.create(
        campaign=campaign, indicator="Registracijos", target=200, unit="žm.", achieved=260
    )
    CampaignTarget.objects.create(
        campaign=campaign, indicator="Naujienlaiškio prenumeratos", target=50
    )
    ContentItemFactory(campaign=campaign, status=ContentItem.Status.PUBLISHED)
    ContentItemFactory(campaign=campaign, status=ContentItem.Status.DRAFT)
    held = EventFactory(status=Event.Status.HELD)
    Attendance.objects.create(
        event=held,
        audience=Audience.objects.get(code="adults"),
        on_site=40,
        live_viewers=25,
        recording_views=100,
    )
    campaign.events.set([held, EventFactory(status=Event.Status.ANNOUNCED)])

    page = client_as("stebetojas").get(campaign.get_absolute_url()).content.decode()

    assert '<dd class="col-sm-9">20\xa0000,00\xa0€</dd>' in page
    assert "20\xa0000 žm." in page and "15\xa0000 žm." in page
    assert 'aria-valuenow="75"' in page and "75&nbsp;%" in page
    assert 'aria-valuenow="100"' in page and "130&nbsp;%" in page  # exceeded, bar full
    assert "neįvesta" in page  # the third has no figure yet
    assert "1 paskelbta, 1 dar rengiama" in page
    assert "1 įvyko, 1 dar laukia" in page
    assert "40 vietoje, 125 nuotoliu" in page


def test_a_campaign_cannot_end_before_it_starts(personas, client_as):
    response = client_as("vadove").post(
        "/komunikacija/kampanijos/nauja/",
        {
            "title": "Atgal",
            "goal": "–",
            "starts_on": "2026-06-01",
            "ends_on": "2026-05-01",
            "owner": personas["vadove"].pk,
            "targets-TOTAL_FORMS": "0",
            "targets-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 200
    assert not Campaign.objects.filter(title="Atgal").exists()


def test_a_channel_text_over_the_limit_is_saved_with_a_warning(personas, client_as):
    item = ContentItemFactory()
    channel = ChannelFactory(name="X tinklas", text_limit=20)
    client = client_as("specialiste")

    response = client.post(
        f"/komunikacija/turinys/{item.pk}/kanalai/naujas/",
        {"channel": channel.pk, "text": "Kviečiame į parodą bibliotekoje!"},
        follow=True,
    )

    variant = ChannelVariant.objects.get(item=item)
    assert variant.text == "Kviečiame į parodą bibliotekoje!"
    page = response.content.decode()
    assert "alert-warning" in page
    assert "X tinklas" in page
    form_page = client.get(f"/komunikacija/kanalu-tekstai/{variant.pk}/redaguoti/").content.decode()
    assert 'aria-live="polite"' in form_page
    assert f'"{channel.pk}": 20' in form_page


def test_the_content_list_filters_by_channel_and_campaign(personas, client_as):
    channel, campaign = ChannelFactory(), CampaignFactory()
    on_channel = ContentItemFactory(title="Skelbimas feisbukui")
    ChannelVariant.objects.create(item=on_channel, channel=channel, text="Sveiki")
    in_campaign = ContentItemFactory(title="Kampanijos naujiena", campaign=campaign)
    client = client_as("stebetojas")

    by_channel = client.get("/komunikacija/", {"channel": channel.pk}).content.decode()
    by_campaign = client.get("/komunikacija/", {"campaign": campaign.pk}).content.decode()

    assert on_channel.title in by_channel and in_campaign.title not in by_channel
    assert in_campaign.title in by_campaign and on_channel.title not in by_campaign


def test_the_content_list_makes_the_same_queries_for_many_items(personas, client_as):
    client = client_as("specialiste")
    channel = ChannelFactory()

    def add_items(count):
        for _ in range(count):
            item = ContentItemFactory(campaign=CampaignFactory())
            ChannelVariant.objects.create(item=item, channel=channel, text="Sveiki")

    add_items(2)
    few = queries_to_render(client, "/komunikacija/")
    add_items(10)
    many = queries_to_render(client, "/komunikacija/")

    assert few == many
    assert many <= 12


def test_the_calendar_shows_items_and_channel_texts_in_month_week_and_list(personas, client_as):
    when = datetime.datetime(2026, 12, 3, 10, 0, tzinfo=timezone.get_default_timezone())
    item = ContentItemFactory(title="Kalėdinė popietė", publish_at=when)
    variant = ChannelVariant.objects.create(
        item=item, channel=ChannelFactory(name="Naujienlaiškis"), planned_at=when
    )
    client = client_as("specialiste")

    month = client.get("/komunikacija/kalendorius/", {"view": "month", "date": "2026-12-01"})
    cell = _cell(month.content.decode(), "2026-12-03")
    assert f'data-entry="item-{item.pk}"' in cell and f'data-entry="variant-{variant.pk}"' in cell
    assert "Naujienlaiškis" in cell

    week = client.get("/komunikacija/kalendorius/", {"view": "week", "date": "2026-12-02"})
    assert "2026 m. lapkričio 30 d. – 2026 m. gruodžio 6 d." in week.content.decode()
    assert f'data-entry="variant-{variant.pk}"' in _cell(week.content.decode(), "2026-12-03")

    listed = client.get("/komunikacija/kalendorius/", {"view": "list", "date": "2026-12-01"})
    page = listed.content.decode()
    for entry in (f"item-{item.pk}", f"variant-{variant.pk}"):  # each row says its day
        row = page[page.rindex("<tr", 0, page.index(f'data-entry="{entry}"')) :]
        assert row.split("</tr>")[0].count("2026 m. gruodžio 3 d., ketvirtadienis") == 1


def _cell(page: str, day: str) -> str:
    start = page.index(f'data-drop-date="{day}"')
    return page[start : page.index("</td>", start)]


def test_moving_an_item_and_a_channel_text_by_drag_and_by_form(personas, client_as):
    when = datetime.datetime(2026, 12, 3, 10, 0, tzinfo=timezone.get_default_timezone())
    item = ContentItemFactory(title="Kalėdinė popietė", publish_at=when)
    variant = ChannelVariant.objects.create(
        item=item, channel=ChannelFactory(name="Facebook"), planned_at=when
    )
    client = client_as("specialiste")

    # Drag and drop posts the day, keeps the time, and reads a JSON answer.
    dropped = client.post(
        f"/komunikacija/turinys/{item.pk}/laikas/",
        {"date": "2027-01-05"},
        headers={"Accept": "application/json"},
    )
    assert dropped.json() == {
        "ok": True,
        "message": "„Kalėdinė popietė“ perkelta į 2027 m. sausio 5 d., 10:00.",
    }
    item.refresh_from_db()
    assert timezone.localtime(item.publish_at) == datetime.datetime(
        2027, 1, 5, 10, 0, tzinfo=timezone.get_default_timezone()
    )

    # The keyboard's form gives a time as well and comes back to the calendar.
    page = client.post(
        f"/komunikacija/kanalu-tekstai/{variant.pk}/laikas/",
        {"date": "2027-01-06", "time": "18:30", "next": "/komunikacija/kalendorius/?view=week"},
        follow=True,
    )
    variant.refresh_from_db()
    assert timezone.localtime(variant.planned_at).strftime("%Y-%m-%d %H:%M") == "2027-01-06 18:30"
    assert "„Kalėdinė popietė (Facebook)“ perkelta į 2027 m. sausio 6 d., 18:30." in (
        page.content.decode()
    )


def test_published_content_keeps_its_place_in_the_calendar(personas, client_as):
    when = datetime.datetime(2026, 12, 3, 10, 0, tzinfo=timezone.get_default_timezone())
    item = ContentItemFactory(
        title="Metų skaitytojas", status=ContentItem.Status.PUBLISHED, publish_at=when
    )
    out = ChannelVariant.objects.create(
        item=item,
        channel=ChannelFactory(name="Facebook"),
        planned_at=when,
        published_url="https://www.facebook.com/biblioteka/posts/1",
    )
    client = client_as("specialiste")

    refused = client.post(
        f"/komunikacija/turinys/{item.pk}/laikas/",
        {"date": "2026-12-10"},
        headers={"Accept": "application/json"},
    )
    assert refused.status_code == 409
    assert "neperkelta" in refused.json()["message"]
    assert (
        client.post(
            f"/komunikacija/kanalu-tekstai/{out.pk}/laikas/",
            {"date": "2026-12-10"},
            headers={"Accept": "application/json"},
        ).json()["ok"]
        is False
    )
    item.refresh_from_db()
    assert timezone.localtime(item.publish_at) == when

    month = client.get("/komunikacija/kalendorius/", {"view": "month", "date": "2026-12-01"})
    assert 'draggable="true"' not in _cell(month.content.decode(), "2026-12-03")


def test_the_calendar_makes_the_same_queries_however_much_is_planned(personas, client_as):
    client = client_as("specialiste")
    channel = ChannelFactory()

    def plan(count):
        for number in range(count):
            when = datetime.datetime(
                2026, 12, 1 + number, 9, tzinfo=timezone.get_default_timezone()
            )
            item = ContentItemFactory(publish_at=when)
            ChannelVariant.objects.create(item=item, channel=channel, planned_at=when)

    url = "/komunikacija/kalendorius/?view=month&date=2026-12-01"
    plan(2)
    few = queries_to_render(client, url)
    plan(10)
    many = queries_to_render(client, url)
    assert few == many
