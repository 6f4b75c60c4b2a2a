"""Channels with audience sizes, campaigns with targets, channel texts, list and calendar."""

from __future__ import annotations

import datetime

from django.utils import timezone

from sklaida.communication.models import AudienceSize, Campaign, ChannelVariant
from sklaida.communication.tests.factories import (
    CampaignFactory,
    ChannelFactory,
    ContentItemFactory,
)
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
    assert "1523" in page and "1480" in page and "1500" not in page
    assert "1523" in client.get("/komunikacija/kanalai/").content.decode()


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


def test_the_calendar_lists_items_and_channel_texts_by_day_and_reschedules(personas, client_as):
    when = datetime.datetime(2026, 12, 3, 10, 0, tzinfo=timezone.get_default_timezone())
    item = ContentItemFactory(title="Kalėdinė popietė", publish_at=when)
    ChannelVariant.objects.create(
        item=item, channel=ChannelFactory(name="Naujienlaiškis"), planned_at=when
    )
    client = client_as("specialiste")

    page = client.get("/komunikacija/kalendorius/", {"month": "2026-12"}).content.decode()
    assert page.count("Kalėdinė popietė") >= 2
    assert "Naujienlaiškis" in page
    assert "<caption>" in page and 'scope="row"' in page

    client.post(f"/komunikacija/turinys/{item.pk}/laikas/", {"publish_at": "2027-01-05T09:30"})
    item.refresh_from_db()
    assert timezone.localtime(item.publish_at).date() == datetime.date(2027, 1, 5)
    january = client.get("/komunikacija/kalendorius/", {"month": "2027-01"}).content.decode()
    assert "Kalėdinė popietė" in january
