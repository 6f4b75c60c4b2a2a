"""Background jobs that exist for tests of the job machinery itself."""

from __future__ import annotations

import time

from django_tasks import task


@task()
def take_a_while(*, seconds: float) -> None:
    """Keeps a worker busy, as a long video proxy or fixity audit would."""
    time.sleep(seconds)
