import re

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from sklaida.communication.models import AcceptedWord, LinkCheck
from sklaida.communication.tests.factories import PNG, ChannelFactory, ContentItemFactory
from sklaida.core.services import add_attachment

CHECK = reverse("communication:check_text")


def test_the_endpoint_lists_findings_grouped_by_rule_with_suggestions(client_as):
    response = client_as("specialiste").post(
        CHECK, {"text": 'Nuo 2026-11-25 vyks "Knygų savaitė" mūsų bibliotiekoje.', "limit": "20"}
    )
    content = response.content.decode()
    assert response.status_code == 200
    assert "Typography" in content or "Tipografija" in content
    assert "„Knygų savaitė“" in content
    assert "lapkričio 25" in content
    assert "bibliotiekoje" in content
    assert 'data-rule="spelling"' in content
    assert 'data-rule="length"' in content


def test_a_clean_text_has_no_remarks(client_as):
    response = client_as("vadove").post(CHECK, {"text": "Biblioteka kviečia į „Knygų savaitę“."})
    assert 'data-rule="typography"' not in response.content.decode()
    assert 'data-rule="readability-figure"' in response.content.decode()


def test_checking_queues_the_links_not_yet_checked(client_as, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        client_as("specialiste").post(CHECK, {"text": "Žr. http://127.0.0.1:9/programa"})
    assert len(callbacks) == 1
    assert not LinkCheck.objects.exists()  # nothing requested during the request itself


def test_viewers_may_not_use_the_checks(client_as):
    assert client_as("stebetojas").post(CHECK, {"text": "Tekstas"}).status_code == 403


def test_the_dictionary_page_adds_lists_and_removes_words(client_as):
    client = client_as("specialiste")
    page = reverse("communication:dictionary")
    response = client.post(
        reverse("communication:dictionary_add"), {"word": "Šmaižiukas"}, follow=True
    )
    assert "Šmaižiukas" in response.content.decode()
    assert 'role="status"' in response.content.decode()  # the demo check form
    duplicate = client.post(reverse("communication:dictionary_add"), {"word": "šmaižiukas"})
    assert duplicate.status_code == 400
    assert AcceptedWord.objects.filter(word__iexact="Šmaižiukas").count() == 1
    word = AcceptedWord.objects.get(word="Šmaižiukas")
    client.post(reverse("communication:dictionary_delete", args=[word.pk]))
    assert "Šmaižiukas" not in client.get(page).content.decode()


def test_viewers_read_the_dictionary_without_editing_it(client_as):
    AcceptedWord.objects.create(word="Šiaulėnai")
    content = client_as("stebetojas").get(reverse("communication:dictionary")).content.decode()
    assert "Šiaulėnai" in content
    assert "dictionary_add" not in content and "/zodynas/naujas/" not in content


def test_the_content_editor_has_its_title_lead_and_text_checked_together(client_as):
    client = client_as("specialiste")
    form = client.get(reverse("communication:item_create")).content.decode()
    assert 'hx-post="/komunikacija/tikrinti/"' in form

    response = client.post(
        reverse("communication:check_text"),
        {"title": "Paroda 2020-2026", "summary": "", "body": 'Kviečiame į "Knygų savaitę".'},
    )
    page = response.content.decode()
    assert "2020–2026" in page
    assert "„Knygų savaitę“" in page


def test_a_channel_text_is_checked_against_its_channels_limit_in_grouped_figures(client_as):
    channel = ChannelFactory(name="Bibliotekos svetainės naujienos", text_limit=2200)
    client = client_as("specialiste")

    form = client.get(reverse("communication:variant_create", args=[ContentItemFactory().pk]))
    text = "Skaitykite. " * 200  # 2 399 characters once the last space is trimmed
    response = client.post(CHECK, {"text": text, "channel": channel.pk})

    assert 'hx-post="/komunikacija/tikrinti/"' in form.content.decode()
    assert (
        "Bibliotekos svetainės naujienos: tekste 2\xa0399 ženklų, 199 daugiau nei riba (2\xa0200)."
    ) in response.content.decode()


def test_a_channel_texts_image_without_a_description_is_remarked_while_editing(client_as, personas):
    item = ContentItemFactory()
    image = add_attachment(
        target=item,
        uploaded_by=personas["specialiste"],
        file=SimpleUploadedFile("paroda.png", PNG, "image/png"),
    )
    client = client_as("specialiste")
    text = "Kviečiame į parodą."

    bare = client.post(CHECK, {"text": text, "image": image.pk, "image_alt": ""})
    described = client.post(
        CHECK, {"text": text, "image": image.pk, "image_alt": "Lankytojai prie paveikslų"}
    )

    assert "Paveikslėlis „paroda.png“ neturi aprašymo" in bare.content.decode()
    assert 'data-rule="alt_text"' not in described.content.decode()


def test_each_finding_names_its_field_line_and_excerpt_once(client_as):
    response = client_as("specialiste").post(
        CHECK,
        {
            "title": "Paroda",
            "summary": "",
            "body": 'Pirma eilutė.\r\nAntroje – "Knygų savaitė" ir 5 km žygis.',
        },
    )
    page = response.content.decode()
    assert page.count('data-original="&quot;Knygų savaitė&quot;"') == 1
    assert 'data-field="id_body" data-start="24" data-end="39"' in page
    assert "Tekstas, 2 eilutė" in page
    assert "<mark>&quot;Knygų savaitė&quot;</mark>" in page


def test_a_non_breaking_space_in_a_suggestion_is_visible(client_as):
    page = client_as("specialiste").post(CHECK, {"text": "Trasa 5 km ilgio."}).content.decode()
    suggestion = page.split('class="check-suggestion">')[1].split("</q>")[0]
    assert "⍽" in suggestion and "nekeliamas tarpas" in suggestion


def test_a_word_added_from_the_panel_with_a_model_word_rechecks_the_text(client_as):
    AcceptedWord.objects.filter(word="Višinskis").delete()
    client = client_as("specialiste")
    assert 'data-rule="spelling"' in client.post(CHECK, {"text": "Višinskiui"}).content.decode()

    response = client.post(
        reverse("communication:dictionary_add"),
        {"word": "Višinskis", "model_word": "Jonaitis"},
        HTTP_HX_REQUEST="true",
    )

    assert response.status_code == 200
    assert response["HX-Trigger"] == "checks-recheck"
    assert "„Višinskis“" in response.content.decode()
    assert 'data-rule="spelling"' not in client.post(CHECK, {"text": "Višinskiui"}).content.decode()


def test_the_panel_offers_to_add_a_flagged_word_with_a_model_word(client_as):
    page = client_as("specialiste").post(CHECK, {"text": "Grumbliaviru"}).content.decode()
    assert 'name="model_word"' in page
    assert '<option value="Jonaitis">Jonaitis (Jonaičio)</option>' in page


def test_the_content_editors_remarks_come_under_the_field_they_are_about(client_as):
    client = client_as("specialiste")
    form = client.get(reverse("communication:item_create")).content.decode()
    for name in ("title", "summary", "body"):
        assert f'id="id_{name}_checks"' in form
    body = re.search(r"<textarea[^>]*name=\"body\"[^>]*>", form).group(0)
    assert 'aria-describedby="id_body_checks"' in body
    assert "id_events_checks" not in form

    response = client.post(
        CHECK,
        {
            "title": "Paroda 2020-2026",
            "summary": "",
            "body": 'Kviečiame į "Knygų savaitę".',
            "beside_fields": "id_title id_summary id_body",
        },
    )
    page = response.content.decode()
    under = dict(
        re.findall(r'<ul[^>]*id="(id_\w+)_checks" hx-swap-oob="true">(.*?)</ul>', page, re.S)
    )
    assert "2020–2026" in under["id_title"]
    assert "„Knygų savaitę“" not in under["id_title"]
    assert "„Knygų savaitę“" in under["id_body"]
    assert "check-finding" not in under["id_summary"]
    panel = page.split('hx-swap-oob="true"')[0]
    assert "2 pastabos apie tekstą." in panel
    assert "„Knygų savaitę“" not in panel


def test_help_texts_stand_under_their_own_field(client_as):
    form = client_as("specialiste").get(reverse("communication:item_create")).content.decode()
    field = re.search(r'<select name="events".*?</select>\s*(<div[^>]*>[^<]*</div>)', form, re.S)
    assert 'id="id_events_helptext"' in field.group(1)
    assert "Praėjusių metų ir būsimi renginiai." in field.group(1)
