"""The editorial workflow: which moves are allowed, who approves, publishing only approved."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from django.utils.translation import gettext, override

from sklaida.communication.models import ChannelVariant, ContentItem
from sklaida.communication.services import content as services
from sklaida.communication.tests.factories import PNG, ChannelFactory, ContentItemFactory
from sklaida.core.services import add_attachment

Status = ContentItem.Status


def _walk(item, actor, *statuses):
    for status in statuses:
        services.change_status(actor=actor, item=item, status=status)
    return item


def test_an_item_goes_from_idea_to_published_and_every_step_is_recorded(personas):
    item = ContentItemFactory(publish_at=timezone.now() + datetime.timedelta(days=2))
    specialist, head = personas["specialiste"], personas["vadove"]

    _walk(item, specialist, Status.DRAFT, Status.EDITING)
    _walk(item, head, Status.APPROVED)
    _walk(item, specialist, Status.SCHEDULED, Status.PUBLISHED)

    item.refresh_from_db()
    assert item.status == Status.PUBLISHED
    assert item.published_at is not None
    history = [
        (c.from_status, c.to_status, c.changed_by.username) for c in item.status_changes.all()
    ]
    assert history == [
        ("idea", "draft", "specialiste"),
        ("draft", "editing", "specialiste"),
        ("editing", "approved", "vadove"),
        ("approved", "scheduled", "specialiste"),
        ("scheduled", "published", "specialiste"),
    ]


def test_approved_and_scheduled_items_can_go_back_to_editing(personas):
    approved = _walk(ContentItemFactory(), personas["vadove"], "draft", "editing", "approved")
    services.change_status(actor=personas["specialiste"], item=approved, status=Status.EDITING)
    assert approved.status == Status.EDITING

    scheduled = ContentItemFactory(publish_at=timezone.now())
    _walk(scheduled, personas["vadove"], "draft", "editing", "approved", "scheduled")
    services.change_status(actor=personas["specialiste"], item=scheduled, status=Status.EDITING)
    assert scheduled.status == Status.EDITING


def test_a_step_outside_the_workflow_is_refused(personas):
    item = ContentItemFactory()

    with pytest.raises(ValidationError) as refused:
        services.change_status(actor=personas["vadove"], item=item, status=Status.APPROVED)

    assert refused.value.code == "transition"
    assert ContentItem.objects.get(pk=item.pk).status == Status.IDEA
    assert not item.status_changes.exists()


def test_publishing_content_that_is_not_approved_is_refused_with_a_clear_message(
    personas, client_as
):
    item = _walk(ContentItemFactory(), personas["specialiste"], "draft", "editing")

    with pytest.raises(ValidationError) as refused:
        services.change_status(actor=personas["vadove"], item=item, status=Status.PUBLISHED)
    assert refused.value.code == "unapproved"

    response = client_as("specialiste").post(
        f"/komunikacija/turinys/{item.pk}/busena/", {"status": "scheduled"}, follow=True
    )
    with override("lt"):
        message = gettext("Only approved content can be published; have it approved first.")
    assert message in response.content.decode()
    assert ContentItem.objects.get(pk=item.pk).status == Status.EDITING


def test_only_the_head_or_the_items_approver_approves(personas):
    specialist, head = personas["specialiste"], personas["vadove"]
    item = _walk(ContentItemFactory(), specialist, "draft", "editing")

    with pytest.raises(ValidationError) as refused:
        services.change_status(actor=specialist, item=item, status=Status.APPROVED)
    assert refused.value.code == "approver"

    item.approver = specialist
    item.save()
    services.change_status(actor=specialist, item=item, status=Status.APPROVED)
    assert item.status == Status.APPROVED

    other = _walk(ContentItemFactory(), specialist, "draft", "editing")
    services.change_status(actor=head, item=other, status=Status.APPROVED)
    assert other.status == Status.APPROVED


def test_a_viewer_changes_nothing(personas):
    item = ContentItemFactory()
    with pytest.raises(PermissionDenied):
        services.change_status(actor=personas["stebetojas"], item=item, status=Status.DRAFT)


def test_an_image_without_a_description_stops_the_approval(personas):
    head = personas["vadove"]
    item = _walk(ContentItemFactory(), head, "draft", "editing")
    image = add_attachment(
        target=item,
        uploaded_by=head,
        file=SimpleUploadedFile("paroda.png", PNG, "image/png"),
    )
    variant = ChannelVariant(item=item, channel=ChannelFactory(name="Instagram"), image=image)
    warnings = services.save_variant(actor=head, variant=variant)
    assert len(warnings) == 1

    with pytest.raises(ValidationError) as refused:
        services.change_status(actor=head, item=item, status=Status.APPROVED)
    assert refused.value.code == "alt_text"
    assert "Instagram" in refused.value.messages[0]

    variant.image_alt = "Parodos atidarymas: lankytojai prie paveikslų"
    services.save_variant(actor=head, variant=variant)
    services.change_status(actor=head, item=item, status=Status.APPROVED)
    assert item.status == Status.APPROVED


def test_scheduling_needs_a_publication_time(personas):
    item = _walk(ContentItemFactory(), personas["vadove"], "draft", "editing", "approved")
    with pytest.raises(ValidationError) as refused:
        services.change_status(actor=personas["vadove"], item=item, status=Status.SCHEDULED)
    assert refused.value.code == "no_publish_time"


def test_the_item_page_offers_the_next_steps_and_shows_who_moved_it(personas, client_as):
    item = _walk(ContentItemFactory(), personas["specialiste"], "draft", "editing")

    specialist_page = client_as("specialiste").get(item.get_absolute_url()).content.decode()
    head_page = client_as("vadove").get(item.get_absolute_url()).content.decode()

    assert 'value="approved"' not in specialist_page
    assert 'value="approved"' in head_page
    assert str(personas["specialiste"]) in head_page
