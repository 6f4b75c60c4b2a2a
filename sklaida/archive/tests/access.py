"""Who may use each archive URL (checked by core/tests/test_access_matrix.py)."""

from sklaida.testing.access import Rule

EXPECTED_ACCESS: dict[str, Rule] = {}
