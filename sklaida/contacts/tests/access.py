"""Who may use each contacts URL (checked by core/tests/test_access_matrix.py).

Contacts are the department's: territory specialists and the administrator see none.
"""

from django.core.files.uploadedfile import SimpleUploadedFile

from sklaida.contacts.models import (
    Agreement,
    ContactList,
    DuplicateCandidate,
    Interaction,
    Organisation,
    Person,
    PersonImport,
)
from sklaida.testing.access import DEPARTMENT, DEPARTMENT_WORKERS, Rule


def _person(data: dict) -> dict:
    return {"pk": Person.objects.get(email="jonas.zemaitis@skrastas.example").pk}


def _organisation(data: dict) -> dict:
    return {"pk": Organisation.objects.get(name="Šiaulių kraštas").pk}


def _manual_list(data: dict) -> dict:
    return {"pk": ContactList.objects.get(kind=ContactList.Kind.MANUAL).pk}


def _duplicate(data: dict) -> dict:
    original = Person.objects.get(email="jonas.zemaitis@skrastas.example")
    copy = Person.objects.create(
        first_name="Jonas",
        last_name="Žemaitis",
        email=original.email.upper(),
        legal_basis=Person.LegalBasis.LEGITIMATE_INTEREST,
    )
    candidate = DuplicateCandidate.objects.create(
        person=copy, duplicate_of=original, reason=DuplicateCandidate.Reason.EMAIL
    )
    return {"pk": candidate.pk}


def _import_of(username: str, data: dict) -> dict:
    batch = PersonImport.objects.create(
        file=SimpleUploadedFile("kontaktai.csv", "Vardas;Pavardė\nOna;Onaitė\n".encode()),
        original_name="kontaktai.csv",
        uploaded_by=data[username],
        headers=["Vardas", "Pavardė"],
        mapping={"first_name": 0, "last_name": 1},
    )
    return {"pk": batch.pk}


def _own_import(data: dict) -> dict:
    # Each worker opens their own import; others get 404 (imports are personal work files).
    return _import_of("specialiste", data)


EXPECTED_ACCESS: dict[str, Rule] = {
    "contacts:person_list": Rule(DEPARTMENT),
    "contacts:person_export": Rule(DEPARTMENT, kwargs=lambda data: {"file_format": "xlsx"}),
    "contacts:person_create": Rule(DEPARTMENT_WORKERS),
    "contacts:person_detail": Rule(DEPARTMENT, kwargs=_person),
    "contacts:person_update": Rule(DEPARTMENT_WORKERS, kwargs=_person),
    "contacts:person_add_membership": Rule(
        DEPARTMENT_WORKERS,
        method="POST",
        kwargs=_person,
        data=lambda data: {"organisation": _organisation(data)["pk"], "role": "redaktorius"},
    ),
    "contacts:person_add_to_list": Rule(
        DEPARTMENT_WORKERS,
        method="POST",
        kwargs=_person,
        data=lambda data: {"contact_list": _manual_list(data)["pk"]},
    ),
    "contacts:person_anonymise": Rule(
        DEPARTMENT_WORKERS,
        method="POST",
        kwargs=lambda data: {
            "pk": Person.objects.create(
                first_name="Laikinas",
                last_name="Asmuo",
                legal_basis=Person.LegalBasis.LEGITIMATE_INTEREST,
            ).pk
        },
    ),
    # The head answers for the department's personal data (core.permissions).
    "contacts:personal_data": Rule(frozenset({"vadove"})),
    "contacts:organisation_list": Rule(DEPARTMENT),
    "contacts:organisation_create": Rule(DEPARTMENT_WORKERS),
    "contacts:organisation_detail": Rule(DEPARTMENT, kwargs=_organisation),
    "contacts:organisation_update": Rule(DEPARTMENT_WORKERS, kwargs=_organisation),
    "contacts:interaction_create": Rule(DEPARTMENT_WORKERS),
    "contacts:interaction_update": Rule(
        DEPARTMENT_WORKERS, kwargs=lambda data: {"pk": Interaction.objects.first().pk}
    ),
    "contacts:agreement_list": Rule(DEPARTMENT),
    "contacts:agreement_create": Rule(DEPARTMENT_WORKERS),
    "contacts:agreement_detail": Rule(
        DEPARTMENT, kwargs=lambda data: {"pk": Agreement.objects.first().pk}
    ),
    "contacts:agreement_update": Rule(
        DEPARTMENT_WORKERS, kwargs=lambda data: {"pk": Agreement.objects.first().pk}
    ),
    "contacts:list_index": Rule(DEPARTMENT),
    "contacts:list_create": Rule(DEPARTMENT_WORKERS),
    "contacts:list_save_search": Rule(
        DEPARTMENT_WORKERS,
        method="POST",
        data=lambda data: {"name": f"Paieška {Person.objects.count()}", "q": "žemaitis"},
    ),
    "contacts:list_detail": Rule(DEPARTMENT, kwargs=_manual_list),
    "contacts:list_update": Rule(DEPARTMENT_WORKERS, kwargs=_manual_list),
    "contacts:list_remove_person": Rule(
        DEPARTMENT_WORKERS,
        method="POST",
        kwargs=lambda data: {**_manual_list(data), "person_pk": _person(data)["pk"]},
    ),
    "contacts:duplicate_list": Rule(DEPARTMENT_WORKERS),
    "contacts:duplicate_merge": Rule(DEPARTMENT_WORKERS, kwargs=_duplicate),
    "contacts:import_upload": Rule(DEPARTMENT_WORKERS),
    "contacts:import_mapping": Rule(frozenset({"specialiste"}), kwargs=_own_import),
    "contacts:import_detail": Rule(frozenset({"specialiste"}), kwargs=_own_import),
    "contacts:import_apply": Rule(frozenset({"specialiste"}), method="POST", kwargs=_own_import),
}
