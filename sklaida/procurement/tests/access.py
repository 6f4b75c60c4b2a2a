"""Who may use each procurement URL (checked by core/tests/test_access_matrix.py)."""

EXPECTED_ACCESS: dict = {}
