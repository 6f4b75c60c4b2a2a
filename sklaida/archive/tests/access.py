"""Who may use each archive URL (checked by core/tests/test_access_matrix.py)."""

from sklaida.testing.access import Rule

EXPECTED_ACCESS: dict[str, Rule] = {}

# Collections, share links, ZIP, BagIt and preservation (preservation helper).
from sklaida.archive.tests.access_collections import COLLECTION_ACCESS  # noqa: E402

EXPECTED_ACCESS.update(COLLECTION_ACCESS)
