"""Who may use each public URL (checked by core/tests/test_access_matrix.py)."""

from sklaida.events.tests.factories import TourBookingFactory
from sklaida.testing.access import EVERYONE, Rule

EXPECTED_ACCESS: dict[str, Rule] = {
    "public:tour_request": Rule(EVERYONE),
    "public:tour_request_thanks": Rule(EVERYONE),
    "public:tour_answer": Rule(EVERYONE, kwargs=lambda data: {"token": TourBookingFactory().token}),
}
