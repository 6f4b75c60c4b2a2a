"""Every saved text is kept as a version, and any two versions compare word by word."""

from __future__ import annotations

from sklaida.communication.models import ContentItem, ContentVersion
from sklaida.communication.selectors.content import version_diff, word_diff
from sklaida.communication.services import content as services
from sklaida.communication.tests.factories import ContentItemFactory


def test_each_save_of_a_changed_text_makes_a_numbered_version(personas):
    specialist = personas["specialiste"]
    item = services.save_item(
        actor=specialist,
        item=ContentItem(kind="news", title="Vasaros skaitymai", body="Kviečiame vaikus."),
    )
    item.body = "Kviečiame vaikus ir tėvus."
    services.save_item(actor=personas["vadove"], item=item)
    item.kind = "article"  # not a text change: no new version
    services.save_item(actor=specialist, item=item)

    versions = list(item.versions.order_by("number"))
    assert [(v.number, v.body, v.saved_by.username) for v in versions] == [
        (1, "Kviečiame vaikus.", "specialiste"),
        (2, "Kviečiame vaikus ir tėvus.", "vadove"),
    ]
    assert item.author == specialist


def test_the_address_comes_from_the_title_with_a_number_when_taken(personas):
    first = services.save_item(
        actor=personas["specialiste"], item=ContentItem(kind="news", title="Šventinė popietė")
    )
    second = services.save_item(
        actor=personas["specialiste"], item=ContentItem(kind="news", title="Šventinė popietė")
    )
    assert first.slug == "sventine-popiete"
    assert second.slug == "sventine-popiete-2"


def test_the_diff_marks_removed_and_added_words():
    html = word_diff("Paroda veiks iki gruodžio 20 d.", "Paroda veiks iki sausio 10 d.")

    assert html == "Paroda veiks iki <del>gruodžio 20</del><ins>sausio 10</ins> d."


def test_the_diff_escapes_the_text():
    html = word_diff("<b>Sveiki</b>", "<b>Sveiki</b> visi & <script>")

    assert "<script>" not in html
    assert "&lt;script&gt;" in html
    assert "<ins>" in html


def test_version_diff_compares_title_lead_and_text(personas):
    item = ContentItemFactory()
    older = ContentVersion(item=item, number=1, title="Paroda", summary="Kviečiame", body="A b")
    newer = ContentVersion(item=item, number=2, title="Paroda", summary="Kviečiame", body="A c")

    fields = version_diff(older, newer)

    assert [field.changed for field in fields] == [False, False, True]
    assert fields[2].html == "A <del>b</del><ins>c</ins>"


def test_the_versions_page_compares_the_last_two_by_default_and_any_two_on_request(
    personas, client_as
):
    client = client_as("specialiste")
    item = services.save_item(
        actor=personas["specialiste"],
        item=ContentItem(kind="news", title="Knygų mainai", body="Atneškite vieną knygą."),
    )
    for body in ("Atneškite dvi knygas.", "Atneškite dvi ar tris knygas."):
        response = client.post(
            f"/komunikacija/turinys/{item.pk}/redaguoti/",
            {"kind": "news", "title": "Knygų mainai", "body": body},
        )
        assert response.status_code == 302

    page = client.get(f"/komunikacija/turinys/{item.pk}/versijos/").content.decode()
    assert "Atneškite dvi <ins>ar tris </ins>knygas." in page

    page = client.get(f"/komunikacija/turinys/{item.pk}/versijos/?old=1&new=3").content.decode()
    assert "<del>vieną knygą.</del><ins>dvi ar tris knygas.</ins>" in page, page
