"""Who may use each projects URL (checked by core/tests/test_access_matrix.py).

Implementation and reporting are in access_implementation.py. The three entries below are
temporary stand-ins for the project list, overview and documents pages, so the project
tabs resolve; they go when those pages arrive.
"""

from sklaida.projects.tests.access_implementation import IMPLEMENTATION_ACCESS, _on_project
from sklaida.testing.access import DEPARTMENT, SIGNED_IN, Rule

EXPECTED_ACCESS: dict[str, Rule] = {
    "projects:project_list": Rule(SIGNED_IN),
    "projects:project_detail": Rule(DEPARTMENT, kwargs=_on_project),
    "projects:documents": Rule(DEPARTMENT, kwargs=_on_project),
    **IMPLEMENTATION_ACCESS,
}
