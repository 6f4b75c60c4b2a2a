"""Merging two records of the same person keeps everything both of them had."""

from sklaida.contacts.models import (
    Agreement,
    ContactList,
    DuplicateCandidate,
    Interaction,
    Organisation,
    Person,
)
from sklaida.contacts.tests.factories import InteractionFactory, MembershipFactory, PersonFactory


def test_merging_keeps_every_interaction_role_list_and_agreement_of_both(client_as, personas):
    kept = Person.objects.get(last_name="Šimkutė")
    copy = PersonFactory(
        first_name="Dalia", last_name="Šimkutė", email="dalia@gmail.example", phone="+370 600 11111"
    )
    copy.tags.add("poezija")
    MembershipFactory(
        person=copy,
        organisation=Organisation.objects.get(name="Leidykla „Saulės delta“"),
        role="autorė",
    )
    interactions_before = set(Interaction.objects.filter(persons=kept).values_list("pk", flat=True))
    copy_interactions = {
        InteractionFactory(persons=[copy], staff=personas["specialiste"]).pk for _ in range(2)
    }
    agreement = Agreement.objects.first()
    agreement.persons.add(copy)
    media = ContactList.objects.get(name="Regioninė žiniasklaida")
    media.persons.add(copy)
    candidate = DuplicateCandidate.objects.create(
        person=copy, duplicate_of=kept, reason=DuplicateCandidate.Reason.NAME_AND_ORGANISATION
    )
    client = client_as("specialiste")

    page = client.get(f"/kontaktai/dublikatai/{candidate.pk}/").content.decode()
    assert "Sujungti du įrašus" in page
    assert "dalia@gmail.example" in page and "dalia.simkute@rasytojai.example" in page
    response = client.post(
        f"/kontaktai/dublikatai/{candidate.pk}/",
        {"email": "remove", "phone": "remove"},
        follow=True,
    )

    assert "Du įrašai sujungti į vieną: „Dalia Šimkutė“." in response.content.decode()
    assert not Person.objects.filter(pk=copy.pk).exists()
    kept.refresh_from_db()
    assert kept.email == "dalia@gmail.example"
    assert kept.phone == "+370 600 11111"
    assert set(Interaction.objects.filter(persons=kept).values_list("pk", flat=True)) == (
        interactions_before | copy_interactions
    )
    assert {m.organisation.name for m in kept.memberships.all()} == {
        "Lietuvos rašytojų sąjungos Šiaulių skyrius",
        "Leidykla „Saulės delta“",
    }
    assert agreement.persons.filter(pk=kept.pk).exists()
    assert media.persons.filter(pk=kept.pk).exists()
    assert set(kept.tags.names()) == {"vaikų literatūra", "poezija"}
    assert not DuplicateCandidate.objects.exists()


def test_a_role_both_records_hold_is_kept_once(personas):
    from sklaida.contacts import services

    organisation = Organisation.objects.get(name="Šiaulių kraštas")
    kept = Person.objects.get(last_name="Žemaitis")
    copy = PersonFactory(first_name="Jonas", last_name="Žemaitis")
    MembershipFactory(person=copy, organisation=organisation, role="kultūros skilties redaktorius")

    services.merge_persons(actor=personas["vadove"], keep=kept, remove=copy)

    assert kept.memberships.filter(organisation=organisation).count() == 1


def test_records_marked_as_different_stay_apart(client_as, personas):
    kept = Person.objects.get(last_name="Žemaitis")
    other = PersonFactory(first_name="Jonas", last_name="Žemaitis", email="kitas.jonas@example.lt")
    candidate = DuplicateCandidate.objects.create(
        person=other, duplicate_of=kept, reason=DuplicateCandidate.Reason.NAME_AND_ORGANISATION
    )

    client_as("vadove").post(f"/kontaktai/dublikatai/{candidate.pk}/", {"dismiss": "1"})

    assert Person.objects.filter(pk=other.pk).exists()
    assert not DuplicateCandidate.objects.exists()


def test_a_viewer_cannot_merge(client_as, personas):
    kept = Person.objects.get(last_name="Žemaitis")
    copy = PersonFactory(first_name="Jonas", last_name="Žemaitis")
    candidate = DuplicateCandidate.objects.create(
        person=copy, duplicate_of=kept, reason=DuplicateCandidate.Reason.EMAIL
    )

    assert client_as("stebetojas").post(f"/kontaktai/dublikatai/{candidate.pk}/").status_code == 403
    assert Person.objects.filter(pk=copy.pk).exists()
