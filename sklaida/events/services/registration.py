"""Sign-ups for events: registering, the fair waiting list, approval, cancelling, check-in.

Never overbooked, even under a rush: every change that touches seats locks the event row
first (`SELECT … FOR UPDATE` on PostgreSQL; on SQLite every write transaction is
`BEGIN IMMEDIATE`, so writers queue) and moves the `Event.seats_confirmed` counter in the
same transaction. Nothing is checked in Python and then inserted unlocked; the database's
check `seats_confirmed <= capacity` is only the last line of defence.

The waiting list is fair: served first come, first served by sign-up time. While anyone
waits, a new sign-up waits too even if seats are free, and a request for 3 seats at the
head is not skipped by a later request for 1 — unless the event's staff allowed smaller
sign-ups to go first (`Event.waitlist_allows_smaller_first`).

Events confirmed by staff take PENDING sign-ups that hold no seats; approving one confirms
it if the queue rules let it take seats now, and puts it on the waiting list otherwise.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from functools import partial

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from sklaida.core import services as core_services
from sklaida.core.addresses import mailbox_key
from sklaida.core.formatting import format_number
from sklaida.core.models import User
from sklaida.events import notifications
from sklaida.events.models import Event, Registration, RegistrationQuestion
from sklaida.events.services import events as event_services

Status = Registration.Status

# Which status may follow which; views never set a status themselves.
TRANSITIONS: dict[str, set[str]] = {
    Status.PENDING: {Status.CONFIRMED, Status.WAITLISTED, Status.DECLINED, Status.CANCELLED},
    Status.WAITLISTED: {Status.CONFIRMED, Status.CANCELLED},
    Status.CONFIRMED: {Status.CANCELLED},
    Status.CANCELLED: set(),
    Status.DECLINED: set(),
}

# Registrations that still count: they hold, await or wait for seats.
ACTIVE = (Status.PENDING, Status.CONFIRMED, Status.WAITLISTED)
# Sign-ups are taken once the event is announced (as the public calendar shows it).
OPEN_EVENT_STATUSES = (Event.Status.ANNOUNCED,)
# Events that still take place: their registrants get reminders.
TAKING_PLACE = (Event.Status.CONFIRMED, Event.Status.ANNOUNCED)
# Fields blanked when a registrant's data is erased; seats and status stay for the counts.
PERSONAL_FIELDS = ("name", "email", "mailbox", "phone", "answers")


def _move(registration: Registration, status: str) -> None:
    if status not in TRANSITIONS[registration.status]:
        raise ValidationError(
            _("A registration that is “%(current)s” cannot become “%(new)s”.")
            % {"current": registration.get_status_display(), "new": Status(status).label}
        )
    registration.status = status


def _require_editor(actor: User, event: Event) -> None:
    if not event_services.may_edit_events_of(actor, event.library_id):
        raise PermissionDenied


def _lock(event: Event) -> Event:
    """The event row, locked until the transaction ends, with its live seat counter."""
    return Event.objects.select_for_update().get(pk=event.pk)


def _add_seats(event: Event, seats: int) -> None:
    Event.objects.filter(pk=event.pk).update(seats_confirmed=F("seats_confirmed") + seats)
    event.seats_confirmed += seats


def _fits(event: Event, seats: int) -> bool:
    return event.capacity is None or event.seats_confirmed + seats <= event.capacity


def _may_take_seats_now(event: Event, seats: int) -> bool:
    """A newcomer takes free seats only if nobody waits ahead (or the event allows it)."""
    if not _fits(event, seats):
        return False
    if event.waitlist_allows_smaller_first or event.capacity is None:
        return True
    return not event.registrations.filter(status=Status.WAITLISTED).exists()


def _after_commit(function, **kwargs) -> None:
    """Send an e-mail once the seats are committed (and the lock released)."""
    transaction.on_commit(partial(function, **kwargs))


def registration_refusal(event: Event, *, now: datetime.datetime | None = None) -> str:
    """Why the event takes no sign-ups now ("" when it does), in words for the public."""
    now = now or timezone.now()
    if event.registration == Event.Registration.NONE:
        return _("This event takes no registrations.")
    if event.status == Event.Status.CANCELLED:
        return _("The event has been cancelled.")
    if event.status in (Event.Status.HELD, Event.Status.REPORTED) or event.starts_at <= now:
        return _("The event has already started; registration is closed.")
    if event.status not in OPEN_EVENT_STATUSES:
        return _("Registration for this event has not opened yet.")
    if event.registration_closes_at and event.registration_closes_at <= now:
        return _("Registration for this event has closed.")
    return ""


def clean_answers(
    questions: Iterable[RegistrationQuestion], answers: dict[str, object]
) -> dict[str, object]:
    """The answers to the event's questions keyed by question id; refuses missing ones."""
    cleaned: dict[str, object] = {}
    missing = []
    for question in questions:
        key = str(question.pk)
        value = answers.get(key)
        if question.kind == RegistrationQuestion.Kind.CHECKBOX:
            value = bool(value)
        else:
            value = str(value or "").strip()
            is_choice = question.kind == RegistrationQuestion.Kind.CHOICE
            if is_choice and value and value not in question.option_list:
                raise ValidationError(
                    _("Choose one of the options for “%(question)s”.")
                    % {"question": question.public_label}
                )
        if question.is_required and not value:
            missing.append(question.public_label)
        cleaned[key] = value
    if missing:
        raise ValidationError(
            ngettext(
                "Answer the required question: %(questions)s.",
                "Answer the required questions: %(questions)s.",
                len(missing),
            )
            % {"questions": ", ".join(f"“{label}”" for label in missing)}
        )
    return cleaned


class AlreadySignedUp(ValidationError):
    """A second active sign-up from a mailbox that has one; `registration` is the first."""

    def __init__(self, registration: Registration) -> None:
        super().__init__(
            _(
                "This e-mail address is already signed up for the event; the e-mail we "
                "sent has a link to your registration."
            )
        )
        self.registration = registration


def consent_shown(event: Event, language: str) -> str:
    """The consent text the registrant read: the English one on the English page."""
    with translation.override(language or settings.LANGUAGE_CODE):
        return event.public_consent_text


def _active_sign_up(event: Event, email: str) -> Registration | None:
    """The active sign-up for `event` from `email`'s mailbox, if any (lock held).

    Compared as mailboxes (core.addresses): "Ona+2@Pastas.lt" is "ona@pastas.lt", or one
    person could take every seat with tagged addresses. `Registration.mailbox` holds the
    key, indexed.
    """
    return (
        event.registrations.filter(status__in=ACTIVE, mailbox=mailbox_key(email))
        .order_by("created_at", "pk")
        .first()
    )


def register(
    *,
    event: Event,
    name: str,
    email: str,
    phone: str = "",
    seats: int = 1,
    answers: dict[str, object] | None = None,
    language: str = "lt",
    consent: bool = False,
) -> Registration:
    """Sign someone up: confirmed, on the waiting list, or awaiting approval.

    Refuses a closed or cancelled event, too many seats, a missing consent, unanswered
    required questions and a second active sign-up with the same e-mail (the same
    mailbox, as `_active_sign_up` compares them: `AlreadySignedUp`). The address is
    stored as typed.
    """
    name, email, phone = name.strip(), email.strip(), phone.strip()
    if not name or not email:
        raise ValidationError(_("Give your name and e-mail address."))
    if event.consent_text.strip() and not consent:
        raise ValidationError(_("Agree to how your data is used, or we cannot sign you up."))
    if seats < 1:
        raise ValidationError(_("Sign up for at least one seat."))
    if seats > event.max_seats_per_registration:
        raise ValidationError(
            ngettext(
                "One sign-up may take at most %(count)d seat.",
                "One sign-up may take at most %(count)d seats.",
                event.max_seats_per_registration,
            )
            % {"count": event.max_seats_per_registration}
        )
    cleaned_answers = clean_answers(event.questions.all(), answers or {})
    with transaction.atomic():
        locked = _lock(event)
        refusal = registration_refusal(locked)
        if refusal:
            raise ValidationError(refusal)
        if locked.capacity is not None and seats > locked.capacity:
            raise ValidationError(
                ngettext(
                    "The event has only %(count)d seat.",
                    "The event has only %(count)d seats.",
                    locked.capacity,
                )
                % {"count": locked.capacity}
            )
        existing = _active_sign_up(locked, email)
        if existing is not None:
            raise AlreadySignedUp(existing)
        registration = Registration(
            event=locked,
            name=name,
            email=email,
            phone=phone,
            seats=seats,
            answers=cleaned_answers,
            language=language,
            consent_text=consent_shown(locked, language),
        )
        if locked.registration == Event.Registration.APPROVAL:
            registration.status = Status.PENDING
            message = notifications.registration_pending
        elif _may_take_seats_now(locked, seats):
            registration.status = Status.CONFIRMED
            registration.confirmed_at = timezone.now()
            _add_seats(locked, seats)
            message = notifications.registration_confirmed
        else:
            registration.status = Status.WAITLISTED
            message = notifications.registration_waitlisted
        registration.save()
        _after_commit(message, registration=registration)
    return registration


def sign_up(
    *,
    event: Event,
    name: str,
    email: str,
    phone: str = "",
    seats: int = 1,
    answers: dict[str, object] | None = None,
    language: str = "lt",
    consent: bool = False,
) -> Registration:
    """The public form's sign-up: `register`, except that a mailbox already signed up is
    not refused on the page but e-mailed the link to its registration.

    The form's answer is then the same whether or not an address is registered, so it
    cannot be used to learn who goes where; only the address's owner reads the difference.
    The e-mail goes to the address the first sign-up gave, in the language of this one.
    """
    try:
        return register(
            event=event,
            name=name,
            email=email,
            phone=phone,
            seats=seats,
            answers=answers,
            language=language,
            consent=consent,
        )
    except AlreadySignedUp as duplicate:
        notifications.registration_already(registration=duplicate.registration, language=language)
        return duplicate.registration


def _promote(event: Event) -> list[Registration]:
    """Confirm waiting registrations in sign-up order while seats allow (lock held).

    The head of the queue is never skipped unless the event allows smaller sign-ups first.
    """
    promoted: list[Registration] = []
    now = timezone.now()
    waiting = event.registrations.filter(status=Status.WAITLISTED).order_by("created_at", "pk")
    for registration in waiting:
        if _fits(event, registration.seats):
            _move(registration, Status.CONFIRMED)
            registration.confirmed_at = now
            registration.save(update_fields=["status", "confirmed_at"])
            _add_seats(event, registration.seats)
            promoted.append(registration)
        elif not event.waitlist_allows_smaller_first:
            break
        if event.capacity is not None and event.seats_confirmed >= event.capacity:
            break
    return promoted


def _promote_and_notify(event: Event, *, except_for: Registration | None = None) -> list:
    promoted = _promote(event)
    for registration in promoted:
        if registration != except_for:
            _after_commit(notifications.registration_promoted, registration=registration)
    return promoted


def promote_waitlist(*, actor: User, event: Event) -> list[Registration]:
    """Give freed or added seats to the waiting list, in order; each promoted gets an e-mail."""
    _require_editor(actor, event)
    with transaction.atomic():
        return _promote_and_notify(_lock(event))


def hold_seat_counter(event: Event) -> None:
    """For saving an edited event: lock it and take the live seat counter into `event`.

    Called inside the saving transaction, so an edit never writes back a counter that
    sign-ups have moved meanwhile; refuses a capacity below the seats already confirmed.
    """
    if event.pk is None:
        return
    event.seats_confirmed = _lock(event).seats_confirmed
    if event.capacity is not None and event.capacity < event.seats_confirmed:
        raise ValidationError(
            {
                "capacity": _("%(count)s seats are already confirmed; the event cannot have fewer.")
                % {"count": format_number(event.seats_confirmed)}
            }
        )


def serve_waitlist_after_save(event: Event) -> None:
    """For saving an edited event (lock held): a raised capacity promotes the waiting."""
    if event.pk is not None and event.registration != Event.Registration.NONE:
        _promote_and_notify(event)


def registration_for_token(token: str) -> Registration:
    """The registration a personal link points to (Registration.DoesNotExist otherwise)."""
    return Registration.objects.select_related("event__space__library").get(
        token=token, anonymised_at__isnull=True
    )


def _cancel(registration: Registration, *, by_staff: bool) -> Registration:
    """Cancel under the event's lock; freed seats go to the queue, the registrant is told."""
    with transaction.atomic():
        event = _lock(registration.event)
        registration.refresh_from_db()
        if registration.status not in ACTIVE:
            raise ValidationError(_("This registration has already been cancelled."))
        if event.starts_at <= timezone.now():
            raise ValidationError(
                _("The event has already started; the registration can no longer be cancelled.")
            )
        held = registration.seats if registration.holds_seats else 0
        _move(registration, Status.CANCELLED)
        registration.cancelled_at = timezone.now()
        registration.save(update_fields=["status", "cancelled_at"])
        if held:
            _add_seats(event, -held)
        # Even a waiting registration that leaves may unblock smaller ones behind it.
        _promote_and_notify(event)
        registration.event = event
        _after_commit(
            notifications.registration_cancelled, registration=registration, by_staff=by_staff
        )
    return registration


def cancel_registration(*, token: str) -> Registration:
    """The registrant cancels through their personal link."""
    return _cancel(registration_for_token(token), by_staff=False)


def withdraw_registration(*, actor: User, registration: Registration) -> Registration:
    """Staff cancel a sign-up for the registrant (who phoned or wrote to say they cannot come)."""
    _require_editor(actor, registration.event)
    return _cancel(registration, by_staff=True)


def approve_registration(*, actor: User, registration: Registration) -> Registration:
    """Staff accept a pending sign-up: confirmed if seats are free by the queue's rules,
    else it waits (in sign-up order) and is confirmed when seats free."""
    _require_editor(actor, registration.event)
    with transaction.atomic():
        event = _lock(registration.event)
        registration.refresh_from_db()
        _move(registration, Status.WAITLISTED)
        registration.save(update_fields=["status"])
        promoted = _promote_and_notify(event, except_for=registration)
        if registration in promoted:
            registration.refresh_from_db()
            _after_commit(notifications.registration_approved, registration=registration)
        else:
            _after_commit(notifications.registration_waitlisted, registration=registration)
    return registration


def decline_registration(*, actor: User, registration: Registration) -> Registration:
    """Staff turn down a pending sign-up; the person is told."""
    _require_editor(actor, registration.event)
    with transaction.atomic():
        _lock(registration.event)
        registration.refresh_from_db()
        _move(registration, Status.DECLINED)
        registration.cancelled_at = timezone.now()
        registration.save(update_fields=["status", "cancelled_at"])
        _after_commit(notifications.registration_declined, registration=registration)
    return registration


def check_in(*, actor: User, registration: Registration) -> Registration:
    """Mark a confirmed registrant as arrived."""
    _require_editor(actor, registration.event)
    if registration.status != Status.CONFIRMED:
        raise ValidationError(_("Only confirmed registrants can be checked in."))
    if registration.checked_in_at is None:
        registration.checked_in_at = timezone.now()
        registration.save(update_fields=["checked_in_at"])
    return registration


def undo_check_in(*, actor: User, registration: Registration) -> Registration:
    """Take back a check-in made by mistake."""
    _require_editor(actor, registration.event)
    if registration.checked_in_at is not None:
        registration.checked_in_at = None
        registration.save(update_fields=["checked_in_at"])
    return registration


def save_registration_questions(
    *,
    actor: User,
    event: Event,
    changed: Iterable[RegistrationQuestion],
    deleted: Iterable[RegistrationQuestion],
) -> None:
    """Save the questions the event's form asks (new, edited and removed ones together)."""
    _require_editor(actor, event)
    with transaction.atomic():
        for question in deleted:
            if question.event_id == event.pk:
                question.delete()
        for question in changed:
            question.event = event
            question.full_clean()
            question.save()


def send_due_reminders(*, now: datetime.datetime | None = None) -> int:
    """E-mail confirmed registrants `reminder_hours` before their event; returns how many.

    Someone confirmed only after the reminder time has just had their confirmation, so
    they are marked as reminded without another e-mail.
    """
    now = now or timezone.now()
    events = Event.objects.filter(
        starts_at__gt=now,
        status__in=TAKING_PLACE,
        reminder_hours__gt=0,
        registrations__status=Status.CONFIRMED,
        registrations__reminded_at__isnull=True,
    ).distinct()
    sent = 0
    for event in events:
        remind_from = event.starts_at - datetime.timedelta(hours=event.reminder_hours)
        if remind_from > now:
            continue
        due = event.registrations.filter(
            status=Status.CONFIRMED, reminded_at__isnull=True, anonymised_at__isnull=True
        ).select_related("event__space__library")
        for registration in due:
            with transaction.atomic():
                updated = Registration.objects.filter(
                    pk=registration.pk, reminded_at__isnull=True
                ).update(reminded_at=now)
                if (
                    updated
                    and registration.confirmed_at
                    and registration.confirmed_at < (remind_from)
                ):
                    notifications.registration_reminder(registration=registration)
                    sent += 1
    return sent


def anonymise_expired_registrations(*, now: datetime.datetime | None = None) -> int:
    """Erase registrants' personal data `retention_days` after their event; returns how many.

    Name, e-mail, phone and answers are blanked here and in the audit history; seats,
    status and times stay, so the event's counts survive.
    """
    now = now or timezone.now()
    events = Event.objects.filter(
        ends_at__lt=now, registrations__anonymised_at__isnull=True
    ).distinct()
    erased = 0
    for event in events:
        if event.ends_at + datetime.timedelta(days=event.retention_days) > now:
            continue
        with transaction.atomic():
            expired = Registration.objects.filter(event=event, anonymised_at__isnull=True)
            pks = [str(pk) for pk in expired.values_list("pk", flat=True)]
            erased += expired.update(
                name="", email="", mailbox="", phone="", answers={}, anonymised_at=now
            )
            core_services.erase_from_audit_history(
                model=Registration,
                pks=pks,
                fields=PERSONAL_FIELDS,
                label=_("Anonymised registrant"),
            )
    return erased
