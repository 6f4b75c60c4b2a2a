"""Erasing a contact reaches every place she appears: her name, address and phone are seeded
into each place the apps registered (and a few free texts that only mention her), the
contact is anonymised, and the whole database is searched for any trace of her."""

from __future__ import annotations

import datetime
import json
import unicodedata
from pathlib import Path

from auditlog.models import LogEntry
from django.apps import apps
from django.contrib.admin.models import CHANGE
from django.contrib.admin.models import LogEntry as AdminLogEntry
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import models
from django.utils import timezone

from sklaida.archive.models import Asset
from sklaida.archive.tests.factories import AssetFactory
from sklaida.communication.models import Delivery, PressRecipient, Subscriber
from sklaida.communication.tests.factories import (
    NewsletterIssueFactory,
    PressMailingFactory,
    SubscriberFactory,
)
from sklaida.consultations.tests.factories import ConsultationFactory
from sklaida.contacts import services
from sklaida.contacts.models import (
    Agreement,
    ContactList,
    Interaction,
    Membership,
    Organisation,
    Person,
)
from sklaida.contacts.tests.factories import ContactListFactory
from sklaida.core import outbox
from sklaida.core import services as core_services
from sklaida.core.models import Attachment, Comment, Task
from sklaida.core.personal_data import places
from sklaida.core.search import matching
from sklaida.events.models import Event, EventType, Registration, TourBooking
from sklaida.events.services import registration as registration_services
from sklaida.events.tests.factories import EventFactory, TourBookingFactory

NAME = "Eglė Žvirblytė-Test"
EMAIL = "egle.zvirblyte@pastas.example"
OLD_EMAIL = "egle.senas@pastas.example"
PHONE = "+370 612 34567"
# What must be nowhere afterwards, compared without accents or capitals: every form of
# her surname (and its stem, which search indexes keep), her old address, her phone.
TRACES = ("zvirbl", "egle.senas", "612 34567", "61234567")


def _plain(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def traces_in_database() -> list[str]:
    """Every text, e-mail, slug and JSON value of every model's rows (the audit log and
    the admin's log included) that still holds a trace of her: "model.field #pk"."""
    found = []
    for model in apps.get_models(include_auto_created=True):
        names = [
            field.name
            for field in model._meta.concrete_fields
            if isinstance(field, models.CharField | models.TextField | models.JSONField)
        ]
        if not names:
            continue
        for pk, *values in model._default_manager.values_list("pk", *names).iterator():
            for name, value in zip(names, values, strict=True):
                text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
                if any(trace in _plain(text) for trace in TRACES):
                    found.append(f"{model._meta.label}.{name} #{pk}")
    return found


def seed_her_everywhere(personas, client_as) -> dict:
    """Her contact record, edited over time, and every place that holds her data."""
    head, specialist = personas["vadove"], personas["specialiste"]
    person = services.save_person(
        actor=specialist,
        person=Person(
            first_name="Eglė",
            last_name="Žvirblytė-Test",
            email=OLD_EMAIL,
            phone=PHONE,
            city="Šiauliai",
            notes=f"Skaitovė; telefonas {PHONE}.",
            legal_basis=Person.LegalBasis.CONSENT,
            consent_date=datetime.date(2026, 1, 5),
        ),
        tags=["skaitovai"],
        organisation=Organisation.objects.get(name="Šiaulių kraštas"),
        role="apžvalgininkė",
    )
    person.email = EMAIL
    services.save_person(actor=specialist, person=person)
    AdminLogEntry.objects.log_actions(
        user_id=head.pk, queryset=[person], action_flag=CHANGE, change_message="[]"
    )
    seeded = {"person": person}

    # Contacts: a list, an interaction and an agreement that mention her.
    services.add_to_list(
        actor=specialist, contact_list=ContactListFactory(name="Skaitovai"), persons=[person]
    )
    services.record_interaction(
        actor=specialist,
        kind=Interaction.Kind.CALL,
        date=timezone.localdate(),
        summary=f"Skambinau Eglei Žvirblytei-Test ({PHONE}) dėl skaitymų.",
        persons=[person],
    )
    services.save_agreement(
        actor=head,
        agreement=Agreement(
            organisation=Organisation.objects.get(name="Šiaulių kraštas"),
            subject="Sutartis su Egle Žvirblyte-Test dėl skaitymų",
            start_date=timezone.localdate(),
            owner=head,
        ),
        persons=[person],
    )

    # Core: a comment and a file on her record, a task about her.
    core_services.add_comment(
        target=person, author=specialist, body=f"{NAME} prašo rašyti tik į {EMAIL}."
    )
    seeded["attachment"] = core_services.add_attachment(
        target=person,
        uploaded_by=specialist,
        file=SimpleUploadedFile("Eglė Žvirblytė-Test sutikimas.txt", b"Sutinku.", "text/plain"),
    )
    core_services.create_task(
        actor=specialist,
        title="Paskambinti Eglei Žvirblytei-Test",
        owner=specialist,
        target=person,
    )
    outbox.queue_email(to=[EMAIL], subject="Laiškas", body="Sveiki, Egle Žvirblyte-Test.")

    # Events: she reads at an evening and curates an exhibition; she signed up for
    # another event under a tagged address and asked for a tour.
    evening = EventFactory(
        title="Eglės Žvirblytės-Test skaitymai",
        description="Skaito Eglė Žvirblytė-Test.",
        slug=f"egles-zvirblytes-test-skaitymai-{timezone.localdate():%Y-%m-%d}",
    )
    evening.performers.add(person)
    core_services.add_comment(
        target=evening, author=specialist, body="Žvirblytė-Test atvyks 17 val."
    )
    exhibition = EventFactory(title="Tapybos paroda", event_type=EventType.EXHIBITION)
    exhibition.curator = person
    exhibition.save()
    signed_up = EventFactory(registration=Event.Registration.OPEN, capacity=10)
    seeded["registration"] = registration_services.register(
        event=signed_up,
        name=NAME,
        email="Egle.Zvirblyte+renginiai@pastas.example",
        phone=PHONE,
        consent=True,
    )
    seeded["tour"] = TourBookingFactory(contact_name=NAME, contact_email=EMAIL, contact_phone=PHONE)

    # Communication: a newsletter subscription with a delivery, a press mailing copy.
    subscriber = SubscriberFactory(email=EMAIL, name=NAME)
    Delivery.objects.create(issue=NewsletterIssueFactory(), subscriber=subscriber)
    mailing = PressMailingFactory(contact_list=ContactListFactory(persons=[person]))
    PressRecipient.objects.create(mailing=mailing, person=person, name=NAME, email=EMAIL)

    # Archive: a photo showing her, one she took (her name in the file's metadata too).
    AssetFactory(title="Skaitymai", description=f"{NAME} skaito.", people=[person])
    AssetFactory(
        original_name="Egle_Zvirblyte-Test_autoportretas.jpg",
        creator=person,
        creator_name=NAME,
        rights_holder=NAME,
        technical={"Artist": NAME},
    )

    # Consultations: she was among the recipients.
    consultation = ConsultationFactory(library=personas["teritorija"].library, recipient_names=NAME)
    consultation.persons.add(person)

    # An earlier export of her data.
    services.export_personal_data(actor=head, person=person)
    return seeded


def test_erasing_a_contact_leaves_no_trace_of_her_anywhere_in_the_database(
    personas, client_as, django_capture_on_commit_callbacks
):
    seeded = seed_her_everywhere(personas, client_as)
    person = seeded["person"]
    stored = Path(seeded["attachment"].file.path)
    assert stored.exists()
    before = traces_in_database()
    # Each seeded place really holds her, so a place the erasure missed would show.
    for label in (
        "contacts.Person.last_name",
        "contacts.Interaction.summary",
        "contacts.Agreement.subject",
        "core.Comment.body",
        "core.Attachment.original_name",
        "core.Task.title",
        "core.OutgoingEmail.to",
        "events.Event.slug",
        "events.Registration.email",
        "events.TourBooking.contact_email",
        "communication.Subscriber.email",
        "communication.PressRecipient.email",
        "core.SearchEntry.title",
        "core.SearchEntry.body",
        "archive.Asset.technical",
        "consultations.Consultation.recipient_names",
        "auditlog.LogEntry.changes",
        "auditlog.LogEntry.object_repr",
        "admin.LogEntry.object_repr",
    ):
        assert any(trace.startswith(label) for trace in before), label

    with django_capture_on_commit_callbacks(execute=True):
        response = client_as("specialiste").post(
            f"/kontaktai/asmenys/{person.pk}/anonimizuoti/", follow=True
        )

    assert "Asmens duomenys ištrinti" in response.content.decode()
    assert traces_in_database() == []
    assert not stored.exists(), "the file of a deleted attachment is gone"
    assert not matching(Asset.objects.all(), "Žvirblytė").exists()


def test_what_happened_stays_without_her(personas, client_as, django_capture_on_commit_callbacks):
    seeded = seed_her_everywhere(personas, client_as)
    person = seeded["person"]
    label = f"Anonimizuotas asmuo Nr. {person.pk}"

    with django_capture_on_commit_callbacks(execute=True):
        client_as("specialiste").post(f"/kontaktai/asmenys/{person.pk}/anonimizuoti/")

    # Roles, interactions, agreements, events and photos keep their link to her record.
    assert Membership.objects.filter(person=person).exists()
    interaction = Interaction.objects.get(persons=person)
    assert interaction.summary == f"Skambinau {label} ({label}) dėl skaitymų."
    evening = Event.objects.get(performers=person)
    assert evening.title == f"{label} skaitymai"
    assert evening.slug.startswith(f"anonimizuotas-asmuo-nr-{person.pk}-skaitymai-")
    assert Asset.objects.filter(people=person).get().description == f"{label} skaito."
    assert Task.objects.get(title__startswith="Paskambinti").title == f"Paskambinti {label}"
    assert Comment.objects.get(body__endswith="atvyks 17 val.").body == f"{label} atvyks 17 val."
    # Seats and statuses stay for the counts; her sign-up, copies and lists do not.
    registration = Registration.objects.get(pk=seeded["registration"].pk)
    assert (registration.name, registration.email, registration.status) == (
        "",
        "",
        Registration.Status.CONFIRMED,
    )
    assert registration.anonymised_at is not None
    tour = TourBooking.objects.get(pk=seeded["tour"].pk)
    assert (tour.contact_name, tour.contact_email, tour.group_size) == ("", "", 24)
    copy = PressRecipient.objects.get(person=person)
    assert (copy.name, copy.email) == ("", "")
    assert not Subscriber.objects.filter(name=NAME).exists()
    assert not ContactList.objects.filter(persons=person).exists()
    assert not Attachment.objects.filter(object_id=person.pk, original_name__contains="sutikimas")
    # The history says what was done and by whom, not to whom.
    erasure = LogEntry.objects.get_for_object(person).filter(actor=personas["specialiste"]).first()
    assert erasure.object_repr == label
    assert erasure.changes["last_name"] == ["***", "***"]
    assert "anonymised_at" in erasure.changes


def test_every_app_declares_where_a_persons_data_lives():
    declared = {place.model._meta.label for place in places()}

    assert {
        "contacts.Person",
        "core.Comment",
        "core.Attachment",
        "events.Registration",
        "events.TourBooking",
        "events.Event",
        "communication.Subscriber",
        "communication.PressRecipient",
        "archive.Asset",
        "consultations.Consultation",
    } <= declared
