"""The newsletter: double opt-in subscriptions, composing issues and sending them by SMTP.

Sending keeps memory flat whatever the number of subscribers: Delivery rows are created
in chunks from an iterator over subscriber ids, and messages are built and sent one at a
time in batches of deliveries read by primary key.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from email.utils import parseaddr
from functools import partial

from auditlog.context import disable_auditlog
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from sklaida.communication import tasks
from sklaida.communication.models import ContentItem, Delivery, NewsletterIssue, Subscriber
from sklaida.communication.privacy import SUBSCRIBER_FIELDS
from sklaida.communication.selectors import newsletter as selectors
from sklaida.communication.services import sending
from sklaida.core import registry, throttle
from sklaida.core import services as core_services
from sklaida.core.addresses import mailbox_key
from sklaida.core.jobs import failure_recorded
from sklaida.core.models import User
from sklaida.core.notifications import absolute_url, send_to_address
from sklaida.core.permissions import Capability, has_capability

SUBSCRIBER_TRANSITIONS: dict[str, set[str]] = {
    Subscriber.Status.PENDING: {Subscriber.Status.ACTIVE, Subscriber.Status.UNSUBSCRIBED},
    Subscriber.Status.ACTIVE: {Subscriber.Status.UNSUBSCRIBED},
    # Signing up again starts the double opt-in anew.
    Subscriber.Status.UNSUBSCRIBED: {Subscriber.Status.PENDING},
}

# An address gets at most one confirmation link in this time.
CONFIRMATION_INTERVAL = datetime.timedelta(days=1)
# … and, when subscribed already, at most one note saying so a day.
ALREADY_SUBSCRIBED_NOTE = throttle.Limit("newsletter-already-subscribed", 1, 24 * 60 * 60)
CHUNK = 1000  # subscriber ids read and Delivery rows created at a time
PURGE_CHUNK = 200  # subscribers forgotten per transaction
# Stands for each recipient's own unsubscribe address in the once-rendered message.
UNSUBSCRIBE_PLACEHOLDER = "https://sklaida.invalid/unsubscribe-placeholder/"


def _check_transition(table: dict[str, set[str]], current: str, new: str) -> None:
    if new not in table[current]:
        raise ValidationError(_("This change of status is not allowed."))


def _require_staff(user: User) -> None:
    if not has_capability(user, Capability.WORK_IN_DEPARTMENT):
        raise PermissionDenied


# --- Subscriptions -------------------------------------------------------------------


def _send_confirmation(subscriber: Subscriber) -> None:
    send_to_address(
        address=subscriber.email,
        language=subscriber.language,
        template="communication/email/newsletter_confirm",
        context={
            "subscriber": subscriber,
            "confirm_url": absolute_url(_localised(subscriber, subscriber.get_confirm_url)),
        },
    )


def _localised(subscriber: Subscriber, url_of, language: str | None = None) -> str:
    with translation.override(language or subscriber.language):
        return url_of()


def _tell_already_subscribed(subscriber: Subscriber, language: str) -> None:
    """Someone signed an active address up again: its owner hears that nothing changed."""
    try:
        throttle.hit(ALREADY_SUBSCRIBED_NOTE, mailbox_key(subscriber.email))
    except throttle.Throttled:
        return
    send_to_address(
        address=subscriber.email,
        language=language,
        template="communication/email/newsletter_already",
        context={
            "unsubscribe_url": absolute_url(
                _localised(subscriber, subscriber.get_unsubscribe_url, language)
            ),
        },
    )


def subscribe(*, email: str, name: str, language: str, consent_text: str) -> Subscriber:
    """Record the consent and e-mail a confirmation link; nobody is subscribed until it is followed.

    An unknown address becomes a pending subscriber; a pending or unsubscribed one gets
    a fresh link (and, when unsubscribed, starts the double opt-in again); an active one
    is left as it is and told by e-mail that it is subscribed already — the form answers
    the same in every case, so it does not tell strangers who is subscribed. An address
    gets at most one confirmation a day (`CONFIRMATION_INTERVAL`) and at most one such
    note a day: the form must not become a way to fill a stranger's mailbox.
    `consented_at` is when the last confirmation went.
    """
    email = email.strip()
    if not email:
        raise ValidationError({"email": _("Enter your e-mail address.")})
    if not consent_text.strip():
        raise ValidationError(_("The consent text is missing."))
    now = timezone.now()
    with transaction.atomic():
        subscriber = Subscriber.objects.select_for_update().filter(email__iexact=email).first()
        if subscriber is None:
            subscriber = Subscriber.objects.create(
                email=email,
                name=name.strip(),
                language=language,
                consent_text=consent_text,
                consented_at=now,
            )
        elif subscriber.status == Subscriber.Status.ACTIVE:
            _tell_already_subscribed(subscriber, language)
            return subscriber
        elif now - subscriber.consented_at < CONFIRMATION_INTERVAL:
            return subscriber
        else:
            if subscriber.status == Subscriber.Status.UNSUBSCRIBED:
                _check_transition(
                    SUBSCRIBER_TRANSITIONS, subscriber.status, Subscriber.Status.PENDING
                )
                subscriber.status = Subscriber.Status.PENDING
                subscriber.confirmed_at = None
                subscriber.unsubscribed_at = None
                subscriber.token = Subscriber._meta.get_field("token").default()
            subscriber.name = name.strip() or subscriber.name
            subscriber.language = language
            subscriber.consent_text = consent_text
            subscriber.consented_at = now
            subscriber.save()
        _send_confirmation(subscriber)
    return subscriber


def confirm(*, token: str) -> Subscriber:
    """The link in the confirmation e-mail: a pending subscriber becomes active."""
    with transaction.atomic():
        subscriber = Subscriber.objects.select_for_update().get(token=token)
        if subscriber.status == Subscriber.Status.ACTIVE:
            return subscriber
        if subscriber.status == Subscriber.Status.UNSUBSCRIBED:
            raise ValidationError(
                _("You have unsubscribed. To receive the newsletter again, sign up anew.")
            )
        _check_transition(SUBSCRIBER_TRANSITIONS, subscriber.status, Subscriber.Status.ACTIVE)
        subscriber.status = Subscriber.Status.ACTIVE
        subscriber.confirmed_at = timezone.now()
        subscriber.save(update_fields=["status", "confirmed_at"])
    return subscriber


def unsubscribe(*, token: str) -> Subscriber:
    """Stop sending to this subscriber; saying it twice is harmless."""
    with transaction.atomic():
        subscriber = Subscriber.objects.select_for_update().get(token=token)
        if subscriber.status == Subscriber.Status.UNSUBSCRIBED:
            return subscriber
        _check_transition(SUBSCRIBER_TRANSITIONS, subscriber.status, Subscriber.Status.UNSUBSCRIBED)
        subscriber.status = Subscriber.Status.UNSUBSCRIBED
        subscriber.unsubscribed_at = timezone.now()
        subscriber.save(update_fields=["status", "unsubscribed_at"])
    return subscriber


def purge_stale_subscribers(*, now: datetime.datetime | None = None) -> int:
    """Forget sign-ups never confirmed `NEWSLETTER_UNCONFIRMED_DAYS` after the last link
    was sent, and addresses `NEWSLETTER_UNSUBSCRIBED_DAYS` after they unsubscribed.

    The rows go with their deliveries, and their audit history keeps what happened
    without the address. Nothing is kept to "remember" an unsubscription: nobody is on
    the list without confirming a link themselves, so a forgotten address gets nothing
    until its owner signs up again. Returns how many subscribers were deleted.
    """
    now = now or timezone.now()
    unconfirmed = now - datetime.timedelta(days=settings.NEWSLETTER_UNCONFIRMED_DAYS)
    unsubscribed = now - datetime.timedelta(days=settings.NEWSLETTER_UNSUBSCRIBED_DAYS)
    stale = Subscriber.objects.filter(
        Q(status=Subscriber.Status.PENDING, consented_at__lt=unconfirmed)
        | Q(status=Subscriber.Status.UNSUBSCRIBED, unsubscribed_at__lt=unsubscribed)
    )
    pks = list(stale.values_list("pk", flat=True))
    for start in range(0, len(pks), PURGE_CHUNK):
        chunk = pks[start : start + PURGE_CHUNK]
        with transaction.atomic():
            # The job is the record of these deletions; an audit entry per row would be
            # one more copy of each address.
            with disable_auditlog():
                Delivery.objects.filter(subscriber_id__in=chunk).delete()
                Subscriber.objects.filter(pk__in=chunk).delete()
            core_services.erase_from_audit_history(
                model=Subscriber,
                pks=chunk,
                fields=SUBSCRIBER_FIELDS,
                label=_("Forgotten subscriber"),
            )
    return len(pks)


# --- Composing ------------------------------------------------------------------------


def _validate_issue(*, subject: str, event_days: int) -> None:
    if not subject.strip():
        raise ValidationError({"subject": _("Give the newsletter a subject.")})
    if not 0 <= event_days <= 366:
        raise ValidationError({"event_days": _("Give a number of days from 0 to 366.")})


def create_issue(
    *, by: User, subject: str, intro: str, items: Iterable[ContentItem], event_days: int = 30
) -> NewsletterIssue:
    _require_staff(by)
    _validate_issue(subject=subject, event_days=event_days)
    with transaction.atomic():
        issue = NewsletterIssue.objects.create(
            subject=subject.strip(), intro=intro, event_days=event_days, created_by=by
        )
        issue.items.set(items)
    return issue


def update_issue(
    *,
    issue: NewsletterIssue,
    by: User,
    subject: str,
    intro: str,
    items: Iterable[ContentItem],
    event_days: int,
) -> NewsletterIssue:
    _require_staff(by)
    _validate_issue(subject=subject, event_days=event_days)
    with transaction.atomic():
        issue = NewsletterIssue.objects.select_for_update().get(pk=issue.pk)
        if issue.status != NewsletterIssue.Status.DRAFT:
            raise ValidationError(_("Only a draft can be changed."))
        issue.subject = subject.strip()
        issue.intro = intro
        issue.event_days = event_days
        issue.save(update_fields=["subject", "intro", "event_days"])
        issue.items.set(items)
    return issue


@dataclass(frozen=True)
class Rendered:
    subject: str
    text: str
    html: str

    def for_address(self, unsubscribe_url: str) -> Rendered:
        return Rendered(
            subject=self.subject,
            text=self.text.replace(UNSUBSCRIBE_PLACEHOLDER, unsubscribe_url),
            html=self.html.replace(UNSUBSCRIBE_PLACEHOLDER, unsubscribe_url),
        )


def render_issue(
    issue: NewsletterIssue,
    *,
    language: str,
    unsubscribe_url: str = UNSUBSCRIBE_PLACEHOLDER,
    now: datetime.datetime | None = None,
) -> Rendered:
    """The issue as HTML and plain text in `language` (no tracking pixels, no tracked links)."""
    with translation.override(language):
        context = {
            "issue": issue,
            "items": selectors.items_of(issue),
            "events": selectors.upcoming_events(days=issue.event_days, now=now or timezone.now()),
            "unsubscribe_url": unsubscribe_url,
            "site_url": settings.SITE_URL.rstrip("/"),
            # The current brand kit's logo and colour (design's theme), or None.
            "brand": registry.brand(),
        }
        return Rendered(
            subject=issue.subject,
            text=render_to_string("communication/email/newsletter.txt", context),
            html=render_to_string("communication/email/newsletter.html", context),
        )


def unsubscribe_url_for(token: str, language: str) -> str:
    with translation.override(language):
        return absolute_url(reverse("public:newsletter_unsubscribe", kwargs={"token": token}))


def build_message(rendered: Rendered, *, to: str, unsubscribe_url: str) -> EmailMultiAlternatives:
    """One recipient's message: plain text with an HTML alternative and RFC 8058 headers."""
    own = rendered.for_address(unsubscribe_url)
    sender = parseaddr(settings.DEFAULT_FROM_EMAIL)[1] or "sklaida@localhost"
    message = EmailMultiAlternatives(
        subject=own.subject,
        body=own.text,
        to=[to],
        headers={
            "List-Unsubscribe": f"<{unsubscribe_url}>, <mailto:{sender}?subject=unsubscribe>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            "Precedence": "bulk",
        },
    )
    message.attach_alternative(own.html, "text/html")
    return message


def send_test(*, issue: NewsletterIssue, by: User) -> None:
    """Send the issue to the member of staff, as a subscriber would get it."""
    _require_staff(by)
    if not by.email:
        raise ValidationError(_("Your account has no e-mail address."))
    transaction.on_commit(
        partial(
            tasks.send_newsletter_test.enqueue,
            issue_id=issue.pk,
            address=by.email,
            language=by.language,
        )
    )


def deliver_test(*, issue_id: int, address: str, language: str) -> int:
    issue = NewsletterIssue.objects.get(pk=issue_id)
    rendered = render_issue(issue, language=language)
    # The test copy's link leads to the unsubscribe page of no subscriber.
    message = build_message(
        rendered, to=address, unsubscribe_url=unsubscribe_url_for("bandymas", language)
    )
    message.subject = f"[{_('Test')}] {message.subject}"
    return message.send()


# --- Sending --------------------------------------------------------------------------


def start_sending(*, issue: NewsletterIssue, by: User) -> NewsletterIssue:
    """Send the issue to every active subscriber in the background."""
    _require_staff(by)
    with transaction.atomic():
        issue = NewsletterIssue.objects.select_for_update().get(pk=issue.pk)
        sending.check_transition(issue, NewsletterIssue.Status.SENDING)
        issue.status = NewsletterIssue.Status.SENDING
        issue.started_at = timezone.now()
        issue.total = Subscriber.objects.filter(status=Subscriber.Status.ACTIVE).count()
        issue.save(update_fields=["status", "started_at", "total"])
        transaction.on_commit(partial(_enqueue_run, issue))
    return issue


def _chunks(values: Iterator[int], size: int) -> Iterator[list[int]]:
    chunk: list[int] = []
    for value in values:
        chunk.append(value)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def queue_deliveries(issue: NewsletterIssue) -> int:
    """A Delivery row for each active subscriber, created a chunk at a time; idempotent."""
    ids = (
        Subscriber.objects.filter(status=Subscriber.Status.ACTIVE)
        .order_by("pk")
        .values_list("pk", flat=True)
        .iterator(chunk_size=CHUNK)
    )
    for chunk in _chunks(ids, CHUNK):
        Delivery.objects.bulk_create(
            [Delivery(issue_id=issue.pk, subscriber_id=pk) for pk in chunk],
            ignore_conflicts=True,
        )
    total = issue.deliveries.count()
    NewsletterIssue.objects.filter(pk=issue.pk).update(total=total)
    return total


def _message_for(issue: NewsletterIssue, rendered: dict[str, Rendered]):
    """Builds each subscriber's own copy, rendering the issue once per language."""

    def message_for(delivery: Delivery) -> EmailMultiAlternatives:
        subscriber = delivery.subscriber
        if subscriber.status != Subscriber.Status.ACTIVE:
            raise sending.Unsendable(_("Unsubscribed before the issue was sent."))
        language = subscriber.language
        if language not in rendered:
            rendered[language] = render_issue(issue, language=language)
        return build_message(
            rendered[language],
            to=subscriber.email,
            unsubscribe_url=unsubscribe_url_for(subscriber.token, language),
        )

    return message_for


def resume_sending(*, issue: NewsletterIssue, by: User) -> None:
    """Run the sending job again for an issue that stopped on an error or whose worker
    died; those who already got it get no second copy."""
    _require_staff(by)
    sending.resume(issue)
    transaction.on_commit(partial(_enqueue_run, issue))


def _enqueue_run(issue: NewsletterIssue) -> None:
    sending.enqueue_run(issue, tasks.send_newsletter_issue, issue_id=issue.pk)


def resume_stalled() -> int:
    """Resume the issues whose sending worker died (the periodic check)."""
    return sending.recover_stalled(NewsletterIssue, tasks.send_newsletter_issue, _enqueue_run)


def deliver_issue(*, issue_id: int) -> NewsletterIssue:
    """The background job: queue a delivery per active subscriber, send, retry, finish."""
    issue = NewsletterIssue.objects.get(pk=issue_id)
    token = sending.claim(issue) if issue.status == NewsletterIssue.Status.SENDING else None
    if token is None:
        return issue
    with failure_recorded(issue, only_if={"claimed_by": token}, claimed_by=""):
        queue_deliveries(issue)
        if sending.send_waiting(
            issue,
            token,
            issue.deliveries.select_related("subscriber"),
            message_for=_message_for(issue, rendered={}),
        ):
            return sending.finish(issue, issue.deliveries.all())
    return issue
