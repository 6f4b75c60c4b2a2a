"""Press mailings: an approved press release e-mailed to each person of a contact list.

Every journalist gets a message of her own (only her address in To:), with the covering
message, the release as plain text and HTML, and the chosen attachments. The recipients
are copied from the list when sending starts; the background job then sends through
`services.sending`, which saves each result at once, so a job run again sends nobody twice.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from email.utils import formataddr
from functools import partial

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.defaultfilters import filesizeformat
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from sklaida.communication import tasks
from sklaida.communication.models import ContentItem, PressMailing, PressRecipient
from sklaida.communication.selectors import press as selectors
from sklaida.communication.services import sending
from sklaida.contacts.models import ContactList
from sklaida.core.addresses import mailbox_key
from sklaida.core.jobs import failure_recorded
from sklaida.core.models import Attachment, User
from sklaida.core.permissions import Capability, has_capability
from sklaida.core.selectors import attachments_on

# Texts that may go out: approved, or already scheduled or published.
SENDABLE = {ContentItem.Status.APPROVED, ContentItem.Status.SCHEDULED, ContentItem.Status.PUBLISHED}
# Many mail servers refuse messages over 10–25 MB, and attaching adds a third (base64).
ATTACHMENTS_MAX_BYTES = 10 * 1024 * 1024


def _require_staff(user: User) -> None:
    if not has_capability(user, Capability.WORK_IN_DEPARTMENT):
        raise PermissionDenied


def may_send(item: ContentItem) -> bool:
    """Whether the item may go to the press now (the item page shows the button then)."""
    return item.kind == ContentItem.Kind.PRESS_RELEASE and item.status in SENDABLE


def check_sendable(item: ContentItem) -> None:
    """Refuse an item that is not an approved (or scheduled, published) press release."""
    if item.kind != ContentItem.Kind.PRESS_RELEASE:
        raise ValidationError(_("Only a press release can be sent to the press."), code="kind")
    if item.status not in SENDABLE:
        raise ValidationError(
            _("Only an approved text can be sent to the press."), code="unapproved"
        )


def _check_mailing(
    *, item: ContentItem, subject: str, attachments: Iterable[Attachment]
) -> list[Attachment]:
    check_sendable(item)
    if not subject.strip():
        raise ValidationError({"subject": _("Give the message a subject.")})
    chosen = list(attachments)
    own = set(attachments_on(item).values_list("pk", flat=True))
    if any(attachment.pk not in own for attachment in chosen):
        raise ValidationError({"attachments": _("Choose among the press release's own files.")})
    size = sum(attachment.size for attachment in chosen)
    if size > ATTACHMENTS_MAX_BYTES:
        raise ValidationError(
            {
                "attachments": _(
                    "The files come to %(size)s; keep them under %(limit)s, "
                    "or mail servers may refuse the message."
                )
                % {"size": filesizeformat(size), "limit": filesizeformat(ATTACHMENTS_MAX_BYTES)}
            }
        )
    return chosen


def create_mailing(
    *,
    by: User,
    item: ContentItem,
    contact_list: ContactList,
    subject: str,
    message: str,
    attachments: Iterable[Attachment],
) -> PressMailing:
    """A draft mailing of `item` to `contact_list`, to preview before sending."""
    _require_staff(by)
    chosen = _check_mailing(item=item, subject=subject, attachments=attachments)
    with transaction.atomic():
        mailing = PressMailing.objects.create(
            item=item,
            contact_list=contact_list,
            subject=subject.strip(),
            message=message.strip(),
            created_by=by,
        )
        mailing.attachments.set(chosen)
    return mailing


def update_mailing(
    *,
    mailing: PressMailing,
    by: User,
    contact_list: ContactList,
    subject: str,
    message: str,
    attachments: Iterable[Attachment],
) -> PressMailing:
    _require_staff(by)
    chosen = _check_mailing(item=mailing.item, subject=subject, attachments=attachments)
    with transaction.atomic():
        mailing = PressMailing.objects.select_for_update().get(pk=mailing.pk)
        if mailing.status != PressMailing.Status.DRAFT:
            raise ValidationError(_("Only a draft can be changed."))
        mailing.contact_list = contact_list
        mailing.subject = subject.strip()
        mailing.message = message.strip()
        mailing.save(update_fields=["contact_list", "subject", "message"])
        mailing.attachments.set(chosen)
    return mailing


@dataclass(frozen=True)
class Letter:
    """The message every recipient gets; only the To: line differs."""

    sender: str
    reply_to: str
    subject: str
    text: str
    html: str


def render_letter(mailing: PressMailing) -> Letter:
    """The mailing as sent and as previewed, in the Library's language (the release's own).

    Once sending has started it is the snapshot taken then, whatever became of the release.
    """
    if mailing.sent_text:
        return Letter(
            sender=settings.DEFAULT_FROM_EMAIL,
            reply_to=mailing.created_by.email,
            subject=mailing.subject,
            text=mailing.sent_text,
            html=mailing.sent_html,
        )
    with translation.override(settings.LANGUAGE_CODE):
        context = {
            "mailing": mailing,
            "item": mailing.item,
            "contact": mailing.created_by,
            "attachments": list(mailing.attachments.all()),
        }
        return Letter(
            sender=settings.DEFAULT_FROM_EMAIL,
            reply_to=mailing.created_by.email,
            subject=mailing.subject,
            text=render_to_string("communication/email/press_release.txt", context),
            html=render_to_string("communication/email/press_release.html", context),
        )


def _message_for(letter: Letter, files: list[tuple[str, bytes, str]]) -> sending.MessageFor:
    def message_for(recipient: PressRecipient) -> EmailMultiAlternatives:
        if not recipient.email:
            # Anonymised after sending started: the address is gone.
            raise sending.Unsendable(_("The person's e-mail address was erased."))
        try:
            to = formataddr((recipient.name, recipient.email))
        except UnicodeError as problem:
            # Django would encode such a local part into nonsense rather than refuse it.
            raise sending.Unsendable(
                _("The address has letters mail servers do not take (such as ė or š).")
            ) from problem
        message = EmailMultiAlternatives(
            subject=letter.subject,
            body=letter.text,
            from_email=letter.sender,
            to=[to],
            reply_to=[letter.reply_to] if letter.reply_to else None,
        )
        message.attach_alternative(letter.html, "text/html")
        for name, content, mime_type in files:
            message.attach(name, content, mime_type)
        return message

    return message_for


def start_sending(*, mailing: PressMailing, by: User) -> PressMailing:
    """Copy the list's recipients into the mailing and send it in the background."""
    _require_staff(by)
    with transaction.atomic():
        # Only the mailing's row is locked (PostgreSQL refuses to lock an outer join's side).
        mailing = (
            PressMailing.objects.select_for_update(of=("self",))
            .select_related("item", "contact_list")
            .get(pk=mailing.pk)
        )
        sending.check_transition(mailing, PressMailing.Status.SENDING)
        check_sendable(mailing.item)
        audience = selectors.audience_of(mailing.contact_list)
        if not audience.recipients:
            raise ValidationError(_("Nobody on the list has an e-mail address."))
        PressRecipient.objects.bulk_create(
            PressRecipient(
                mailing=mailing,
                person=person,
                name=str(person),
                email=person.email,
                mailbox=mailbox_key(person.email),
            )
            for person in audience.recipients
        )
        letter = render_letter(mailing)
        mailing.sent_text, mailing.sent_html = letter.text, letter.html
        mailing.status = PressMailing.Status.SENDING
        mailing.started_at = timezone.now()
        mailing.total = len(audience.recipients)
        mailing.skipped = len(audience.skipped)
        mailing.save(
            update_fields=["status", "started_at", "total", "skipped", "sent_text", "sent_html"]
        )
        transaction.on_commit(partial(_enqueue_run, mailing))
    return mailing


def resume_sending(*, mailing: PressMailing, by: User) -> None:
    """Run the sending job again for a mailing that stopped on an error or whose worker
    died; those who already got it get no second copy."""
    _require_staff(by)
    sending.resume(mailing)
    transaction.on_commit(partial(_enqueue_run, mailing))


def _enqueue_run(mailing: PressMailing) -> None:
    sending.enqueue_run(mailing, tasks.send_press_mailing, mailing_id=mailing.pk)


def resume_stalled() -> int:
    """Resume the mailings whose sending worker died (the periodic check)."""
    return sending.recover_stalled(PressMailing, tasks.send_press_mailing, _enqueue_run)


def deliver_mailing(*, mailing_id: int) -> PressMailing:
    """The background job: send every waiting recipient their copy, retry, finish."""
    mailing = selectors.mailing(mailing_id)
    token = sending.claim(mailing) if mailing.status == PressMailing.Status.SENDING else None
    if token is None:
        return mailing
    with failure_recorded(mailing, only_if={"claimed_by": token}, claimed_by=""):
        letter = render_letter(mailing)
        files = []
        for attachment in mailing.attachments.all():
            with attachment.file.open("rb") as file:
                files.append((attachment.original_name, file.read(), attachment.mime_type))
        if sending.send_waiting(
            mailing, token, mailing.recipients.all(), message_for=_message_for(letter, files)
        ):
            return sending.finish(mailing, mailing.recipients.all())
    return mailing
