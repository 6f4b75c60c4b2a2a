"""Background jobs of communication: thin wrappers that call services."""

from __future__ import annotations

from django_tasks import task


@task()
def send_newsletter_issue(*, issue_id: int) -> int:
    """Send an issue to every active subscriber; returns how many messages left."""
    # Imported here: the services import this module to enqueue these tasks.
    from sklaida.communication.services import newsletter

    return newsletter.deliver_issue(issue_id=issue_id).sent


@task()
def send_newsletter_test(*, issue_id: int, address: str, language: str) -> int:
    from sklaida.communication.services import newsletter

    return newsletter.deliver_test(issue_id=issue_id, address=address, language=language)
