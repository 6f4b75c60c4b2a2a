"""Anonymising a person on request: the person disappears, the history of cooperation stays."""

from auditlog.models import LogEntry

from sklaida.contacts.models import Interaction, Membership, Person


def test_anonymising_erases_the_person_but_keeps_their_interactions_and_roles(client_as, personas):
    person = Person.objects.get(last_name="Žemaitis")
    interactions = set(Interaction.objects.filter(persons=person).values_list("pk", flat=True))
    assert interactions
    client = client_as("specialiste")

    response = client.post(f"/kontaktai/asmenys/{person.pk}/anonimizuoti/", follow=True)

    page = response.content.decode()
    assert "Asmens duomenys ištrinti; bendravimo įrašai išlieka be vardo." in page
    assert f"Anonimizuotas asmuo Nr. {person.pk}" in page
    assert "Žemaitis" not in page and "jonas.zemaitis" not in page
    person.refresh_from_db()
    assert (person.first_name, person.last_name, person.email, person.phone) == ("", "", "", "")
    assert set(Interaction.objects.filter(persons=person).values_list("pk", flat=True)) == (
        interactions
    )
    assert Membership.objects.get(person=person).organisation.name == "Šiaulių kraštas"
    assert "Žemaitis" not in client.get("/kontaktai/", {"q": "zemaitis"}).content.decode()


def test_the_audit_history_no_longer_holds_the_name(client_as, personas):
    person = Person.objects.get(last_name="Žemaitis")
    client = client_as("vadove")
    client.post(
        f"/kontaktai/asmenys/{person.pk}/redaguoti/",
        {
            "first_name": "Jonas",
            "last_name": "Žemaitis",
            "category": "journalist",
            "email": "j.zemaitis@skrastas.example",
            "country": "LT",
            "legal_basis": "legitimate_interest",
        },
    )
    assert any(
        "Žemaitis" in str(entry.changes) or "Žemaitis" in entry.object_repr
        for entry in LogEntry.objects.all()
    )

    client.post(f"/kontaktai/asmenys/{person.pk}/anonimizuoti/")

    leaks = [
        entry.pk
        for entry in LogEntry.objects.all()
        if "Žemaitis" in str(entry.changes)
        or "Žemaitis" in entry.object_repr
        or "zemaitis@" in str(entry.changes)
    ]
    assert leaks == []


def test_an_anonymised_person_cannot_be_edited_again(client_as, personas):
    person = Person.objects.get(last_name="Žemaitis")
    client = client_as("vadove")
    client.post(f"/kontaktai/asmenys/{person.pk}/anonimizuoti/")

    assert client.get(f"/kontaktai/asmenys/{person.pk}/redaguoti/").status_code == 403
