"""Sending a press release to a contact list through a real local SMTP server."""

from __future__ import annotations

import datetime
from collections import Counter

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone, translation
from django.utils.html import escape

from sklaida.communication.models import ContentItem, PressMailing, PressRecipient
from sklaida.communication.services import press as services
from sklaida.communication.tests.factories import ContentItemFactory, journalist
from sklaida.contacts.models import ContactList, Person
from sklaida.contacts.tests.factories import (
    ContactListFactory,
    MembershipFactory,
    OrganisationFactory,
)
from sklaida.core.selectors import attachments_on
from sklaida.core.services import add_attachment
from sklaida.testing.queries import queries_to_render
from sklaida.testing.smtp import PickyMailbox, serving

pytestmark = pytest.mark.django_db(transaction=False)

GREYLISTED = "laikinai@skrastas.example"
REFUSED = "nera@skrastas.example"
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
COVERING = "Laba diena, siunčiame kvietimą į Knygų savaitę. Būsime dėkingi už žinutę."


def lithuanian(text: str) -> str:
    """What the (Lithuanian) pages show for `text`, whether or not it is translated yet."""
    with translation.override("lt"):
        return escape(translation.gettext(text))


@pytest.fixture
def server(settings):
    settings.NEWSLETTER_RATE_PER_SECOND = 0
    settings.NEWSLETTER_RETRY_PAUSE = 0
    with serving(settings, PickyMailbox(greylisted=GREYLISTED, refused=REFUSED)) as mailbox:
        yield mailbox


@pytest.fixture
def release(personas) -> ContentItem:
    item = ContentItemFactory(
        kind=ContentItem.Kind.PRESS_RELEASE,
        status=ContentItem.Status.APPROVED,
        title="Šiaulių bibliotekoje prasideda Knygų savaitė",
        summary="Savaitę truks susitikimai su rašytojais.",
        body="Knygų savaitė vyks lapkričio 30 – gruodžio 6 d. Įėjimas nemokamas.",
    )
    add_attachment(
        target=item,
        uploaded_by=personas["specialiste"],
        file=SimpleUploadedFile("Programa.pdf", PDF, content_type="application/pdf"),
    )
    return item


def media_list(*persons: Person) -> ContactList:
    return ContactListFactory(name="Regiono žiniasklaida", persons=persons)


def compose(client: Client, item: ContentItem, contact_list: ContactList) -> PressMailing:
    response = client.post(
        f"/komunikacija/turinys/{item.pk}/spaudai/",
        {
            "contact_list": contact_list.pk,
            "subject": f"Pranešimas spaudai: {item.title}",
            "message": COVERING,
            "attachments": [attachment.pk for attachment in attachments_on(item)],
        },
    )
    mailing = PressMailing.objects.latest("pk")
    assert response.url == mailing.get_absolute_url()
    return mailing


def send(client: Client, mailing: PressMailing, capture) -> None:
    with capture(execute=True):
        response = client.post(f"/komunikacija/spaudai/{mailing.pk}/siusti/")
    assert response.status_code == 302


def test_a_press_release_that_is_not_approved_cannot_be_sent_to_the_press(
    personas, client_as, release
):
    ContentItem.objects.filter(pk=release.pk).update(status=ContentItem.Status.EDITING)
    release.refresh_from_db()
    contact_list = media_list(journalist("Rasa", "rasa@skrastas.example"))
    client = client_as("specialiste")

    with pytest.raises(ValidationError) as refused:
        services.create_mailing(
            by=personas["specialiste"],
            item=release,
            contact_list=contact_list,
            subject=release.title,
            message="",
            attachments=[],
        )
    item_page = client.get(f"/komunikacija/turinys/{release.pk}/").content.decode()
    response = client.post(
        f"/komunikacija/turinys/{release.pk}/spaudai/",
        {"contact_list": contact_list.pk, "subject": release.title},
        follow=True,
    )

    with translation.override("en"):
        assert refused.value.messages == ["Only an approved text can be sent to the press."]
    assert f"/komunikacija/turinys/{release.pk}/spaudai/" not in item_page
    assert lithuanian("Only an approved text can be sent to the press.") in (
        response.content.decode()
    )
    assert not PressMailing.objects.filter(item=release).exists()


def test_only_a_press_release_goes_to_the_press(personas, release):
    news = ContentItemFactory(kind=ContentItem.Kind.NEWS, status=ContentItem.Status.APPROVED)

    with pytest.raises(ValidationError) as refused:
        services.create_mailing(
            by=personas["specialiste"],
            item=news,
            contact_list=media_list(journalist("Rasa", "rasa@skrastas.example")),
            subject=news.title,
            message="",
            attachments=[],
        )

    with translation.override("en"):
        assert refused.value.messages == ["Only a press release can be sent to the press."]


def test_each_journalist_gets_one_message_of_their_own_with_the_attached_file(
    personas, client_as, release, server, django_capture_on_commit_callbacks
):
    readers = [journalist(name, f"{name.lower()}@skrastas.example") for name in ("Rasa", "Egle")]
    readers.append(journalist("Ieva", "ieva@lrt.example"))
    without_address = journalist("Jonas", "")
    client = client_as("specialiste")

    item_page = client.get(f"/komunikacija/turinys/{release.pk}/").content.decode()
    form = client.get(f"/komunikacija/turinys/{release.pk}/spaudai/").content.decode()
    mailing = compose(client, release, media_list(*readers, without_address))
    preview = client.get(mailing.get_absolute_url()).content.decode()
    send(client, mailing, django_capture_on_commit_callbacks)

    assert f'href="/komunikacija/turinys/{release.pk}/spaudai/"' in item_page
    assert "<legend" in form and "Programa.pdf" in form
    assert f'value="{release.title}"' in form, "the subject defaults to the title"
    assert "Jonas Žurnalistė" in preview, "the person without an address is listed as left out"
    assert sorted(mail.envelope_to for mail in server.received) == sorted(
        [[reader.email] for reader in readers]
    )
    for mail in server.received:
        message = mail.message
        assert [address.addr_spec for address in message["To"].addresses] == mail.envelope_to
        assert message["Cc"] is None and message["Bcc"] is None
        # (Django folds a long encoded subject after "Subject:"; readers never see the space.)
        assert message["Subject"].strip() == f"Pranešimas spaudai: {release.title}"
        assert message["Reply-To"] == personas["specialiste"].email
        [attachment] = message.iter_attachments()
        assert attachment.get_filename() == "Programa.pdf"
        assert attachment.get_content() == PDF
        for part in ("plain", "html"):
            body = message.get_body(preferencelist=(part,)).get_content()
            assert COVERING in body
            assert release.title in body
            assert "Įėjimas nemokamas." in body
    mailing.refresh_from_db()
    assert (mailing.status, mailing.total, mailing.sent, mailing.failed, mailing.skipped) == (
        PressMailing.Status.SENT,
        3,
        3,
        0,
        1,
    )


def test_a_greylisted_journalist_is_retried_and_a_refused_one_is_reported_on_the_mailing_page(
    personas, client_as, release, server, django_capture_on_commit_callbacks
):
    contact_list = media_list(
        journalist("Rasa", "rasa@skrastas.example"),
        journalist("Laima", GREYLISTED),
        journalist("Nora", REFUSED),
    )
    mailing = compose(client_as("specialiste"), release, contact_list)

    send(client_as("specialiste"), mailing, django_capture_on_commit_callbacks)

    assert sorted(mail.envelope_to[0] for mail in server.received) == [
        GREYLISTED,
        "rasa@skrastas.example",
    ]
    retried = PressRecipient.objects.get(email=GREYLISTED)
    assert (retried.status, retried.attempts) == (PressRecipient.Status.SENT, 2)
    failed = PressRecipient.objects.get(email=REFUSED)
    assert (failed.status, failed.attempts) == (PressRecipient.Status.FAILED, 1)
    viewer = client_as("stebetojas")
    page = viewer.get(mailing.get_absolute_url()).content.decode()
    assert "550 5.1.1 No such mailbox" in page
    assert REFUSED in page and "Nora Žurnalistė" in page
    progress = viewer.get(f"/komunikacija/spaudai/{mailing.pk}/eiga/").content.decode()
    assert 'aria-valuenow="100"' in progress
    assert "hx-trigger" not in progress, "a finished mailing is no longer polled"


def test_the_journalists_contact_page_shows_the_press_release_and_how_sending_went(
    personas, client_as, release, server, django_capture_on_commit_callbacks
):
    reached = journalist("Rasa", "rasa@skrastas.example")
    refused = journalist("Nora", REFUSED)
    newspaper = OrganisationFactory(name="Šiaulių kraštas")
    MembershipFactory(person=refused, organisation=newspaper)
    mailing = compose(client_as("specialiste"), release, media_list(reached, refused))
    send(client_as("specialiste"), mailing, django_capture_on_commit_callbacks)
    client = client_as("stebetojas")

    reached_page = client.get(f"/kontaktai/asmenys/{reached.pk}/").content.decode()
    refused_page = client.get(f"/kontaktai/asmenys/{refused.pk}/").content.decode()
    newspaper_page = client.get(f"/kontaktai/organizacijos/{newspaper.pk}/").content.decode()

    for page in (reached_page, refused_page, newspaper_page):
        assert release.title in page
        assert lithuanian("Press release") in page
        assert f'href="{mailing.get_absolute_url()}"' in page
    assert lithuanian("Sent") in reached_page
    assert "550 5.1.1 No such mailbox" in refused_page
    assert "Nora Žurnalistė" in newspaper_page and "No such mailbox" in newspaper_page


def test_a_contact_page_makes_the_same_number_of_queries_however_many_press_releases(
    personas, client_as
):
    person = journalist("Rasa", "rasa@skrastas.example")
    newspaper = OrganisationFactory(name="Šiaulių kraštas")
    MembershipFactory(person=person, organisation=newspaper)
    client = client_as("stebetojas")

    def received_one_more() -> None:
        mailing = PressMailing.objects.create(
            item=ContentItemFactory(kind=ContentItem.Kind.PRESS_RELEASE),
            subject="Kvietimas",
            status=PressMailing.Status.SENT,
            started_at=timezone.now(),
            created_by=personas["specialiste"],
        )
        PressRecipient.objects.create(
            mailing=mailing,
            person=person,
            name=str(person),
            email=person.email,
            status=PressRecipient.Status.SENT,
            sent_at=timezone.now(),
        )

    received_one_more()
    few = queries_to_render(client, f"/kontaktai/asmenys/{person.pk}/")
    few_organisation = queries_to_render(client, f"/kontaktai/organizacijos/{newspaper.pk}/")
    for _ in range(4):
        received_one_more()

    assert queries_to_render(client, f"/kontaktai/asmenys/{person.pk}/") == few
    assert queries_to_render(client, f"/kontaktai/organizacijos/{newspaper.pk}/") == (
        few_organisation
    )


def test_running_the_job_again_sends_nobody_a_second_copy(
    personas, client_as, release, server, django_capture_on_commit_callbacks
):
    readers = [journalist(name, f"{name.lower()}@skrastas.example") for name in ("Rasa", "Egle")]
    readers.append(journalist("Ieva", "ieva@lrt.example"))
    mailing = compose(client_as("specialiste"), release, media_list(*readers))
    send(client_as("specialiste"), mailing, django_capture_on_commit_callbacks)
    # As if the worker died while handing the last copy over: it may have arrived.
    last = mailing.recipients.order_by("pk").last()
    PressRecipient.objects.filter(pk=last.pk).update(
        status=PressRecipient.Status.SENDING, sent_at=None
    )
    PressMailing.objects.filter(pk=mailing.pk).update(
        status=PressMailing.Status.SENDING,
        heartbeat_at=timezone.now() - datetime.timedelta(minutes=30),  # its worker is gone
        claimed_by="a-run-whose-worker-died",
    )

    services.deliver_mailing(mailing_id=mailing.pk)
    services.deliver_mailing(mailing_id=mailing.pk)

    copies = Counter(mail.envelope_to[0] for mail in server.received)
    assert copies == {reader.email: 1 for reader in readers}
    mailing.refresh_from_db()
    assert (mailing.status, mailing.sent, mailing.failed, mailing.unknown) == (
        PressMailing.Status.SENT,
        2,
        0,
        1,
    )
    page = client_as("stebetojas").get(mailing.get_absolute_url()).content.decode()
    assert "1 laiško likimas nežinomas" in page
    assert "Nežinoma, ar pasiekė" in page


def test_the_mailing_page_previews_the_message_exactly_as_it_goes_out(
    personas, client_as, release, server, django_capture_on_commit_callbacks
):
    ContentItem.objects.filter(pk=release.pk).update(
        body=f'{release.body} <script>alert("Sveiki")</script>'
    )
    contact_list = media_list(journalist("Rasa", "rasa@skrastas.example"), journalist("Jonas", ""))
    client = client_as("specialiste")
    mailing = compose(client, release, contact_list)

    page = client.get(mailing.get_absolute_url()).content.decode()
    send(client, mailing, django_capture_on_commit_callbacks)

    assert escape(COVERING) in page
    assert release.title in page
    assert "Programa.pdf" in page
    assert "Jonas Žurnalistė" in page
    assert f'action="/komunikacija/spaudai/{mailing.pk}/siusti/"' in page
    [received] = server.received
    letter = services.render_letter(mailing)
    assert received.body.replace("\r\n", "\n") == letter.text
    assert escape(letter.text) in page
    assert escape(letter.html) in page, "the HTML shown in the frame is the HTML sent"
    assert "<script>alert" not in page, "the text is shown, never run"


def test_the_mailing_page_makes_the_same_number_of_queries_for_few_and_many_recipients(
    personas, client_as, release, server, django_capture_on_commit_callbacks
):
    specialist, viewer = client_as("specialiste"), client_as("stebetojas")
    few_list = media_list(journalist("Rasa", "rasa@skrastas.example"), journalist("Jonas", ""))
    many_list = ContactListFactory(
        persons=[journalist(f"Nr{n}", f"nr{n}@skrastas.example") for n in range(6)]
        + [journalist(f"Be adreso {n}", "") for n in range(3)]
    )
    few, many = compose(specialist, release, few_list), compose(specialist, release, many_list)

    draft_counts = [queries_to_render(viewer, page.get_absolute_url()) for page in (few, many)]
    for mailing in (few, many):
        send(specialist, mailing, django_capture_on_commit_callbacks)
    sent_counts = [queries_to_render(viewer, page.get_absolute_url()) for page in (few, many)]

    assert draft_counts[0] == draft_counts[1]
    assert sent_counts[0] == sent_counts[1]
    assert len(server.received) == 7


def test_anonymising_a_journalist_erases_her_address_from_the_mailings_she_got(
    personas, client_as, release, server, django_capture_on_commit_callbacks
):
    person = journalist("Rasa", "rasa@skrastas.example")
    mailing = compose(client_as("specialiste"), release, media_list(person))
    send(client_as("specialiste"), mailing, django_capture_on_commit_callbacks)

    client_as("specialiste").post(f"/kontaktai/asmenys/{person.pk}/anonimizuoti/")

    copy = PressRecipient.objects.get(mailing=mailing)
    assert (copy.person_id, copy.name, copy.email, copy.status) == (
        person.pk,
        "",
        "",
        PressRecipient.Status.SENT,
    )
    page = client_as("specialiste").get(mailing.get_absolute_url()).content.decode()
    assert "rasa@skrastas.example" not in page and "Rasa Žurnalistė" not in page


def test_an_address_that_cannot_be_sent_to_fails_alone_and_the_others_still_get_theirs(
    personas, client_as, release, server, django_capture_on_commit_callbacks
):
    # The form refuses such an address, but an import or an old record may hold one.
    unusable = journalist("Eglė", "eglė@skrastas.example")
    mailing = compose(
        client_as("specialiste"),
        release,
        media_list(unusable, journalist("Rasa", "rasa@skrastas.example")),
    )

    send(client_as("specialiste"), mailing, django_capture_on_commit_callbacks)

    assert [mail.envelope_to for mail in server.received] == [["rasa@skrastas.example"]]
    failed = PressRecipient.objects.get(person=unusable)
    assert (failed.status, failed.attempts) == (PressRecipient.Status.FAILED, 1)
    assert failed.last_error == translation.gettext(
        "The address has letters mail servers do not take (such as ė or š)."
    )
    mailing.refresh_from_db()
    assert (mailing.status, mailing.sent, mailing.failed) == (PressMailing.Status.SENT, 1, 1)


def test_an_address_the_mail_backend_refuses_fails_alone_with_the_reason(
    personas, client_as, release, server, django_capture_on_commit_callbacks
):
    # An address with a line break (from an old import) would inject a header; Django
    # refuses to build the message.
    injected = journalist("Ona", "ona@skrastas.example\nBcc: visi@example.lt")
    mailing = compose(
        client_as("specialiste"),
        release,
        media_list(injected, journalist("Rasa", "rasa@skrastas.example")),
    )

    send(client_as("specialiste"), mailing, django_capture_on_commit_callbacks)

    assert [mail.envelope_to for mail in server.received] == [["rasa@skrastas.example"]]
    failed = PressRecipient.objects.get(person=injected)
    assert failed.status == PressRecipient.Status.FAILED
    assert "Invalid address" in failed.last_error
    mailing.refresh_from_db()
    assert (mailing.status, mailing.sent, mailing.failed) == (PressMailing.Status.SENT, 1, 1)


def test_a_journalist_anonymised_before_the_job_ran_gets_nothing(
    personas, client_as, release, server, django_capture_on_commit_callbacks
):
    person = journalist("Rasa", "rasa@skrastas.example")
    client = client_as("specialiste")
    mailing = compose(client, release, media_list(person))
    with django_capture_on_commit_callbacks() as job:
        client.post(f"/komunikacija/spaudai/{mailing.pk}/siusti/")

    client.post(f"/kontaktai/asmenys/{person.pk}/anonimizuoti/")
    for enqueue in job:
        enqueue()

    assert server.received == []
    copy = PressRecipient.objects.get(mailing=mailing)
    assert copy.status == PressRecipient.Status.FAILED
    assert copy.last_error == translation.gettext("The person's e-mail address was erased.")


def test_a_press_release_taken_back_to_editing_after_composing_is_not_sent(
    personas, client_as, release, server, django_capture_on_commit_callbacks
):
    client = client_as("specialiste")
    mailing = compose(client, release, media_list(journalist("Rasa", "rasa@skrastas.example")))
    ContentItem.objects.filter(pk=release.pk).update(status=ContentItem.Status.EDITING)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/komunikacija/spaudai/{mailing.pk}/siusti/", follow=True)

    assert lithuanian("Only an approved text can be sent to the press.") in (
        response.content.decode()
    )
    mailing.refresh_from_db()
    assert mailing.status == PressMailing.Status.DRAFT
    assert not mailing.recipients.exists() and server.received == []


def test_a_mailing_whose_worker_died_is_resumed_from_its_page(
    personas, client_as, release, server, django_capture_on_commit_callbacks
):
    readers = [journalist("Rasa", "rasa@skrastas.example"), journalist("Ieva", "ieva@lrt.example")]
    mailing = compose(client_as("specialiste"), release, media_list(*readers))
    client = client_as("specialiste")
    # Sending started, but the job never ran: no worker took it for half an hour.
    with django_capture_on_commit_callbacks(execute=False):
        services.start_sending(mailing=mailing, by=personas["specialiste"])
    PressMailing.objects.filter(pk=mailing.pk).update(
        started_at=timezone.now() - datetime.timedelta(minutes=30)
    )

    page = client.get(f"/komunikacija/spaudai/{mailing.pk}/").content.decode()
    assert "Tęsti siuntimą" in page
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/komunikacija/spaudai/{mailing.pk}/testi/")

    assert sorted(mail.envelope_to[0] for mail in server.received) == [
        "ieva@lrt.example",
        "rasa@skrastas.example",
    ]
    mailing.refresh_from_db()
    assert (mailing.status, mailing.sent) == (PressMailing.Status.SENT, 2)


def test_the_mailing_page_keeps_the_text_as_sent_when_the_release_is_edited_later(
    personas, client_as, release, server, django_capture_on_commit_callbacks
):
    mailing = compose(
        client_as("specialiste"),
        release,
        media_list(journalist("Rasa", "rasa@skrastas.example")),
    )
    send(client_as("specialiste"), mailing, django_capture_on_commit_callbacks)
    ContentItem.objects.filter(pk=release.pk).update(body="Knygų savaitė nukelta į sausio mėnesį.")

    page = client_as("specialiste").get(f"/komunikacija/spaudai/{mailing.pk}/").content.decode()

    assert "Knygų savaitė vyks lapkričio 30 – gruodžio 6 d." in page
    assert "nukelta į sausio" not in page
    [received] = server.received
    assert "Knygų savaitė vyks lapkričio 30 – gruodžio 6 d." in (
        received.message.get_body(preferencelist=("plain",)).get_content()
    )
