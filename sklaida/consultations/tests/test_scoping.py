"""A territory specialist sees and asks for her own library's consultations, never another's."""

from sklaida.consultations.models import Consultation
from sklaida.consultations.tests.factories import ConsultationFactory
from sklaida.core.models import Library


def test_another_librarys_consultation_is_not_found_for_a_territory_specialist(client_as, personas):
    other = Library.objects.get(name__startswith="Kelmės")
    consultation = ConsultationFactory(library=other, question="Kelmės klausimas")
    client = client_as("teritorija")

    assert client.get(consultation.get_absolute_url()).status_code == 404
    assert client.post(f"/konsultacijos/{consultation.pk}/atsaukti/").status_code == 404
    assert "Kelmės klausimas" not in client.get("/konsultacijos/").content.decode()
    consultation.refresh_from_db()
    assert consultation.status == Consultation.Status.DONE


def test_a_territory_specialist_sees_her_own_librarys_history(client_as, personas):
    own = personas["teritorija"].library
    ConsultationFactory(library=own, advice="Patarėme dėl renginių viešinimo.")

    page = client_as("teritorija").get("/konsultacijos/").content.decode()

    assert "Joniškio r. biblioteka" in page
    assert "Kelmės r. biblioteka" not in page
    assert "Akmenės r. biblioteka" not in page


def test_a_territory_request_is_filed_for_her_own_library_whatever_is_posted(client_as, personas):
    other = Library.objects.get(name__startswith="Kelmės")

    response = client_as("teritorija").post(
        "/konsultacijos/prasymas/",
        {
            "library": other.pk,
            "topic": "social_media",
            "form": "online",
            "question": "Kaip vesti tiesiogines transliacijas?",
        },
        follow=True,
    )

    assert "Prašymas išsiųstas; skyrius atsakys ir pasiūlys datą." in response.content.decode()
    request = Consultation.objects.get(question="Kaip vesti tiesiogines transliacijas?")
    assert request.library == personas["teritorija"].library
    assert request.status == Consultation.Status.REQUESTED
    assert request.requested_by == personas["teritorija"]


def test_a_territory_specialist_cannot_record_or_report(client_as, personas):
    client = client_as("teritorija")

    assert client.get("/konsultacijos/nauja/").status_code == 403
    assert client.get("/konsultacijos/ataskaita/").status_code == 403
