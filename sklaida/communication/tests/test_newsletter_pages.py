"""The newsletter's staff pages make the same number of queries however many issues, items
and deliveries there are."""

from __future__ import annotations

from sklaida.communication.models import Delivery, NewsletterIssue
from sklaida.communication.tests.factories import (
    ContentItemFactory,
    NewsletterIssueFactory,
    SubscriberFactory,
)
from sklaida.testing.queries import queries_to_render


def _issue_with(items: int, deliveries: int) -> NewsletterIssue:
    issue = NewsletterIssueFactory(status=NewsletterIssue.Status.SENT)
    issue.items.set(ContentItemFactory.create_batch(items))
    Delivery.objects.bulk_create(
        Delivery(issue=issue, subscriber=subscriber, status=Delivery.Status.SENT)
        for subscriber in SubscriberFactory.create_batch(deliveries)
    )
    return issue


def test_the_issue_list_does_not_grow_with_issues(personas, client_as):
    client = client_as("specialiste")
    _issue_with(items=1, deliveries=1)
    few = queries_to_render(client, "/komunikacija/naujienlaiskis/")
    for _ in range(8):
        _issue_with(items=2, deliveries=2)
    many = queries_to_render(client, "/komunikacija/naujienlaiskis/")
    assert few == many


def test_an_issue_page_does_not_grow_with_its_items_and_deliveries(personas, client_as):
    client = client_as("specialiste")
    small = _issue_with(items=1, deliveries=2)
    large = _issue_with(items=6, deliveries=30)

    assert queries_to_render(client, f"/komunikacija/naujienlaiskis/{small.pk}/") == (
        queries_to_render(client, f"/komunikacija/naujienlaiskis/{large.pk}/")
    )
    page = client.get(f"/komunikacija/naujienlaiskis/{large.pk}/").content.decode()
    assert "skaitytoja" in page  # the per-recipient table lists the addresses
