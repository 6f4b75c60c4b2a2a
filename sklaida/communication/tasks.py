"""Background jobs of communication: thin wrappers around the checks."""

from __future__ import annotations

from django_tasks import task


@task()
def check_links(*, urls: list[str]) -> int:
    """Request each address and store whether it works; returns how many failed."""
    from sklaida.communication.checks.links import check_url

    return sum(not check_url(url).ok for url in urls)
