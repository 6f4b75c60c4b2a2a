"""Who may use each consultations URL (checked by core/tests/test_access_matrix.py).

A territory specialist works with her own library's consultations only.
"""

from sklaida.consultations.models import Consultation
from sklaida.testing.access import DEPARTMENT, DEPARTMENT_WORKERS, Rule

TERRITORY = frozenset({"teritorija"})
REPORT_READERS = DEPARTMENT


def _own_request(data: dict) -> dict:
    """A fresh request of the territory specialist's library (each request may change it)."""
    consultation = Consultation.objects.create(
        library=data["teritorija"].library,
        topic=Consultation.Topic.EVENTS,
        question="Kaip pasiruošti vasaros skaitymams?",
        requested_by=data["teritorija"],
    )
    return {"pk": consultation.pk}


EXPECTED_ACCESS: dict[str, Rule] = {
    "consultations:list": Rule(DEPARTMENT | TERRITORY),
    "consultations:request": Rule(DEPARTMENT_WORKERS | TERRITORY),
    "consultations:create": Rule(DEPARTMENT_WORKERS),
    "consultations:report": Rule(REPORT_READERS),
    "consultations:detail": Rule(DEPARTMENT | TERRITORY, kwargs=_own_request),
    "consultations:schedule": Rule(
        DEPARTMENT_WORKERS,
        method="POST",
        kwargs=_own_request,
        data=lambda data: {
            "date": "2026-12-10",
            "form": "online",
            "consultants": [data["specialiste"].pk],
        },
    ),
    "consultations:record": Rule(DEPARTMENT_WORKERS, kwargs=_own_request),
    "consultations:cancel": Rule(
        DEPARTMENT_WORKERS | TERRITORY, method="POST", kwargs=_own_request
    ),
}
