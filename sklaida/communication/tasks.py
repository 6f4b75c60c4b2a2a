"""Background jobs of communication: thin wrappers that call services."""

from __future__ import annotations

from django_tasks import task


@task()
def check_links(*, urls: list[str]) -> int:
    """Request each address and store whether it works; returns how many failed."""
    from sklaida.communication.checks.links import check_url

    return sum(not check_url(url).ok for url in urls)


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


@task()
def send_press_mailing(*, mailing_id: int) -> int:
    """Send a press mailing to each of its recipients; returns how many messages left."""
    from sklaida.communication.services import press

    return press.deliver_mailing(mailing_id=mailing_id).sent


@task()
def resume_stalled_sending() -> int:
    """Every minute: newsletter issues and press mailings whose worker died are resumed."""
    from sklaida.communication.services import newsletter, press

    return newsletter.resume_stalled() + press.resume_stalled()


@task()
def purge_stale_subscribers() -> int:
    """Forget unconfirmed and long-unsubscribed newsletter addresses (retention)."""
    from sklaida.communication.services import newsletter

    return newsletter.purge_stale_subscribers()
