"""Design requests: made from event provision and following the event, moved on the board
by the people allowed to, proofs numbered and compared, approval filed in the archive."""

from __future__ import annotations

import datetime
import json

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from sklaida.archive.models import Asset
from sklaida.core.models import Task
from sklaida.design import services
from sklaida.design.models import DesignRequest, Proof
from sklaida.design.tests.factories import DesignRequestFactory, pdf_file, png_file
from sklaida.events.services import events as event_services
from sklaida.events.services import provision
from sklaida.events.tests.factories import EventFactory, at

S = DesignRequest.Status


@pytest.fixture
def hall_checklist(personas):
    return {t.name: t for t in provision.ensure_default_templates()}["Renginys salėje"]


def test_visual_provision_items_become_design_requests_due_with_their_tasks(
    personas, hall_checklist, client_as
):
    event = EventFactory(
        title="Kalėdinis koncertas",
        starts_at=at(timezone.localdate() + datetime.timedelta(days=40), 17),
    )
    provision.apply_template(actor=personas["specialiste"], event=event, template=hall_checklist)

    requests = {r.provision_item.title: r for r in DesignRequest.objects.filter(event=event)}
    # Only the visual items: the poster and the social image, not the microphones.
    assert set(requests) == {"Plakatas (dizaino užsakymas)", "Vaizdas socialiniams tinklams"}
    poster = requests["Plakatas (dizaino užsakymas)"]
    assert poster.product == DesignRequest.Product.POSTER
    assert poster.deadline == poster.provision_item.task.due_date
    assert poster.deadline == timezone.localdate(event.starts_at) - datetime.timedelta(days=21)
    assert poster.requester == event.responsible
    assert [str(size.paper) for size in poster.formats.all()] == ["A3", "A4"]
    social = requests["Vaizdas socialiniams tinklams"]
    assert social.product == DesignRequest.Product.SOCIAL_IMAGE
    assert social.formats.filter(paper="px").exists()

    page = client_as("stebetojas").get(event.get_absolute_url()).content.decode()
    assert "Plakatas (dizaino užsakymas) — Kalėdinis koncertas" in page


def test_a_request_follows_its_event_when_the_event_moves(personas, hall_checklist):
    event = EventFactory(starts_at=at(timezone.localdate() + datetime.timedelta(days=40), 17))
    provision.apply_template(actor=personas["specialiste"], event=event, template=hall_checklist)
    poster = DesignRequest.objects.get(event=event, product=DesignRequest.Product.POSTER)
    before = poster.deadline
    delivered = DesignRequestFactory(event=event, status=S.DELIVERED, deadline=before)

    event_services.move_event(
        actor=personas["specialiste"],
        event=event,
        starts_at=event.starts_at + datetime.timedelta(days=7),
    )

    poster.refresh_from_db()
    delivered.refresh_from_db()
    assert poster.deadline == before + datetime.timedelta(days=7)
    assert poster.deadline == poster.provision_item.task.due_date
    assert delivered.deadline == before  # finished work keeps its date


def test_delivering_the_request_closes_the_provision_task(personas, hall_checklist):
    event = EventFactory(starts_at=at(timezone.localdate() + datetime.timedelta(days=40), 17))
    provision.apply_template(actor=personas["specialiste"], event=event, template=hall_checklist)
    request = DesignRequest.objects.get(event=event, product=DesignRequest.Product.POSTER)
    designer, requester = personas["specialiste"], request.requester

    request = services.move(actor=designer, request=request, to_status=S.ACCEPTED)
    services.add_proof(actor=designer, request=request, checked=_checked(png_file()))
    request.refresh_from_db()
    request = services.move(actor=requester, request=request, to_status=S.APPROVED)
    assert request.provision_item.task.status != Task.Status.DONE
    request = services.move(actor=designer, request=request, to_status=S.DELIVERED)

    task = Task.objects.get(pk=request.provision_item.task_id)
    assert task.status == Task.Status.DONE
    assert task.completed_at is not None


def _checked(uploaded):
    from sklaida.design import files

    return files.check_proof(uploaded)


def test_the_board_shows_each_column_and_moves_a_card_by_its_form(client_as, personas):
    request = DesignRequestFactory(title="Skaitymo iššūkio plakatas")
    client = client_as("specialiste")

    board = client.get(reverse("design:board")).content.decode()
    assert "Skaitymo iššūkio plakatas" in board
    for label in ("Paprašyta", "Priimta", "Vykdoma", "Maketas", "Prašoma pataisyti", "Patvirtinta"):
        assert label in board

    response = client.post(
        reverse("design:request_move", args=[request.pk]), {"status": "accepted", "next": "board"}
    )
    assert response.url == reverse("design:board")
    request.refresh_from_db()
    assert request.status == S.ACCEPTED
    # Accepting names the one who accepted as the designer, and the move is recorded.
    assert request.designer == personas["specialiste"]
    change = request.status_changes.get()
    assert (change.from_status, change.to_status, change.changed_by) == (
        "requested",
        "accepted",
        personas["specialiste"],
    )


def test_a_dragged_card_gets_an_answer_the_board_can_show(client_as, personas):
    request = DesignRequestFactory()
    client = client_as("specialiste")
    url = reverse("design:request_move", args=[request.pk])

    skipped = client.post(url, {"status": "approved"}, HTTP_ACCEPT="application/json")
    assert skipped.status_code == 400
    assert "negali tapti" in json.loads(skipped.content)["message"]

    moved = client.post(url, {"status": "accepted"}, HTTP_ACCEPT="application/json")
    assert json.loads(moved.content) == {"ok": True}


def test_only_the_requester_or_the_head_approves_a_proof(client_as, personas):
    specialist, head = personas["specialiste"], personas["vadove"]
    request = DesignRequestFactory(requester=specialist, designer=specialist)
    request = services.move(actor=specialist, request=request, to_status=S.ACCEPTED)
    request = services.move(actor=specialist, request=request, to_status=S.IN_PROGRESS)
    services.add_proof(actor=specialist, request=request, checked=_checked(png_file()))
    other = DesignRequestFactory(requester=head, designer=specialist, status=S.PROOF)
    Proof.objects.create(
        request=other,
        number=1,
        file="design/x.png",
        original_name="x.png",
        media_type="image/png",
        uploaded_by=specialist,
    )

    # The specialist designed `other` but did not ask for it: approving is not hers.
    assert not services.may_move(specialist, other, S.APPROVED)
    assert services.may_move(head, other, S.APPROVED)
    page = client_as("specialiste").get(other.get_absolute_url()).content.decode()
    assert "Perkelti į „Patvirtinta“" not in page
    refused = client_as("specialiste").post(
        reverse("design:request_move", args=[other.pk]), {"status": "approved"}, follow=True
    )
    assert "Šį perkėlimą gali atlikti tik užsakovas" in refused.content.decode()
    other.refresh_from_db()
    assert other.status == S.PROOF
    # A viewer reads the board but moves nothing.
    assert (
        client_as("stebetojas")
        .post(reverse("design:request_move", args=[request.pk]), {"status": "changes"})
        .status_code
        == 403
    )


def test_proofs_are_numbered_and_shown_side_by_side_with_their_comments(
    client_as, personas, django_capture_on_commit_callbacks
):
    specialist, head = personas["specialiste"], personas["vadove"]
    request = DesignRequestFactory(title="Metų knygos kvietimas", requester=head)
    client = client_as("specialiste")
    url = reverse("design:proof_upload", args=[request.pk])

    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"file": pdf_file("kvietimas.pdf"), "note": ""})
        client.post(url, {"file": png_file("kvietimas-2.png"), "note": "Didesnė data."})
    client_as("vadove").post(
        reverse("design:proof_comment", args=[request.pk, 2]), {"body": "Logotipą – į apačią."}
    )

    request.refresh_from_db()
    assert request.status == S.PROOF
    assert request.designer == specialist
    assert list(request.proofs.values_list("number", "media_type")) == [
        (1, "application/pdf"),
        (2, "image/png"),
    ]
    assert all(proof.preview for proof in request.proofs.all())  # the PDF's first page too
    page = client_as("vadove").get(request.get_absolute_url()).content.decode()
    assert "2 versija" in page and "1 versija" in page
    assert reverse("design:proof_file", args=[request.pk, 1, "perziura"]) in page
    assert reverse("design:proof_file", args=[request.pk, 2, "perziura"]) in page
    assert "Logotipą – į apačią." in page
    assert "Didesnė data." in page
    # The requester was told of each version by e-mail.
    subjects = [m.subject for m in mail.outbox if m.to == [head.email]]
    assert subjects == [
        "Paruoštas „Metų knygos kvietimas“ 1 maketas",
        "Paruoštas „Metų knygos kvietimas“ 2 maketas",
    ]


def test_a_proof_that_is_not_a_picture_or_pdf_is_refused_with_a_message(client_as, personas):
    request = DesignRequestFactory()
    fake = SimpleUploadedFile("plakatas.png", b"Tai tik tekstas, ne paveikslas.")

    response = client_as("specialiste").post(
        reverse("design:proof_upload", args=[request.pk]), {"file": fake}, follow=True
    )

    assert "Maketas turi būti PDF, PNG, JPEG arba WebP failas" in response.content.decode()
    assert not request.proofs.exists()


def test_approval_records_who_and_when_and_files_the_proof_in_the_archive(personas):
    specialist, head = personas["specialiste"], personas["vadove"]
    event = EventFactory(title="Advento skaitymai")
    request = DesignRequestFactory(title="Advento skaitymų plakatas", event=event, requester=head)
    services.add_proof(actor=specialist, request=request, checked=_checked(png_file(width=700)))
    request.refresh_from_db()

    request = services.move(actor=head, request=request, to_status=S.APPROVED)

    proof = request.proofs.get()
    assert proof.approved_by == head
    assert abs(proof.approved_at - timezone.now()) < datetime.timedelta(minutes=1)
    asset = Asset.objects.get(pk=proof.asset_id)
    assert asset.event == event
    assert asset.width == 700
    assert "Advento skaitymų plakatas" in asset.title
    assert asset.creator_name == specialist.get_full_name()
    assert asset.rights_holder  # the county library
    assert asset.licence == Asset.Licence.ALL_RIGHTS_RESERVED
    assert asset.access == Asset.Access.INTERNAL


def test_the_board_takes_the_same_queries_for_few_and_many_requests(
    client_as, personas, django_assert_max_num_queries
):
    client = client_as("specialiste")
    url = reverse("design:board")
    DesignRequestFactory.create_batch(2)
    client.get(url)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for status in (S.ACCEPTED, S.IN_PROGRESS, S.CHANGES):
        DesignRequestFactory.create_batch(8, status=status, designer=personas["specialiste"])
    with django_assert_max_num_queries(len(few)):
        client.get(url)


def test_the_designers_load_counts_open_requests_by_week(client_as, personas):
    from sklaida.design import selectors

    today = timezone.localdate()
    designer = personas["specialiste"]

    def load_of_designer():
        weeks, rows = selectors.designer_load(today=today)
        row = next((row for row in rows if row.designer == designer), None)
        return weeks, (row.overdue, list(row.weeks)) if row else (0, [0] * len(weeks))

    weeks, (overdue, by_week) = load_of_designer()
    late = today - datetime.timedelta(days=3)
    DesignRequestFactory(designer=designer, deadline=late, status=S.IN_PROGRESS)
    DesignRequestFactory(designer=designer, deadline=today + datetime.timedelta(days=8))
    DesignRequestFactory(
        designer=designer, deadline=today + datetime.timedelta(days=8), status=S.DELIVERED
    )

    _, (overdue_after, by_week_after) = load_of_designer()
    assert overdue_after == overdue + 1
    week = next(
        n
        for n, start in enumerate(weeks)
        if start <= today + datetime.timedelta(days=8) < start + datetime.timedelta(days=7)
    )
    expected = list(by_week)
    expected[week] += 1  # the delivered request does not count
    assert by_week_after == expected
    page = client_as("stebetojas").get(reverse("design:designer_load")).content.decode()
    assert designer.get_full_name() in page
    assert "Vėluoja" in page


def test_the_header_search_finds_a_request_by_its_brief_in_another_word_form(client_as, personas):
    DesignRequestFactory(title="Kvietimas į jubiliejų", brief="Bibliotekos jubiliejaus vakaras")

    page = client_as("stebetojas").get(reverse("core:search"), {"q": "jubiliejui"}).content.decode()

    assert "Dizaino užsakymai" in page
    assert "Kvietimas į jubiliejų" in page
