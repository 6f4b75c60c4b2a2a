"""The demo's mailbox: a local SMTP server that keeps every message, and what reads it back.

`make run` points EMAIL_URL at `manage.py demo_mailbox`, so whatever the demo sends (the
newsletter, press mailings, registration confirmations, reminders, task e-mails) arrives
in a Maildir (DEMO_MAILBOX_DIR, `var/mailbox/`) and shows on the staff page
`/demo/pastas/`. A Maildir because it is what aiosmtpd's own `Mailbox` handler writes:
one file per message, written under `tmp/` and renamed into `new/`, so a message is
never seen half-written, no database or lock is shared with the web process, and the
mail survives restarts. A page lists the file names (cheap) and opens only the messages
it shows, reading just their headers.
"""

from __future__ import annotations

import datetime
import email
import email.policy
import logging
import mailbox
import re
from dataclasses import dataclass
from email.header import decode_header, make_header
from email.message import EmailMessage
from email.parser import BytesHeaderParser
from pathlib import Path

from django.conf import settings
from django.utils import timezone
from django.utils.translation import pgettext_lazy

logger = logging.getLogger(__name__)

# Headers of a message are read from at most this much of its file.
HEADER_BYTES = 64 * 1024
# Python's mailbox names each file "<seconds>.M<microseconds>P<pid>Q<count>.<host>".
RECEIVED = re.compile(r"^(\d+)\.M(\d+)P")


def directory() -> Path:
    return Path(settings.DEMO_MAILBOX_DIR)


def catcher(*, host: str, port: int, folder: Path | None = None):
    """An aiosmtpd server (not yet started) that stores each message in the Maildir.

    aiosmtpd is a development dependency, installed by `make run`; production never
    starts the demo mailbox.
    """
    from aiosmtpd.controller import Controller
    from aiosmtpd.handlers import Mailbox

    class Keeper(Mailbox):
        def handle_message(self, message) -> None:
            super().handle_message(message)
            subject = str(make_header(decode_header(message["Subject"] or "")))
            logger.info("Caught “%s” for %s", " ".join(subject.split()), message["X-RcptTo"])

    # aiosmtpd logs every SMTP command at INFO; one line per message is enough here.
    logging.getLogger("mail.log").setLevel(logging.WARNING)
    folder = folder or directory()
    # Only the parent: the Maildir makes its folder with tmp/, new/ and cur/ inside.
    folder.parent.mkdir(parents=True, exist_ok=True)
    # server_hostname skips aiosmtpd's reverse DNS look-up of this machine's name.
    return Controller(
        Keeper(folder), hostname=host, port=port, server_hostname="sklaida-demo-mailbox"
    )


@dataclass(frozen=True)
class Letter:
    """One message as the list shows it."""

    key: str
    received_at: datetime.datetime
    sender: str
    recipients: str
    subject: str


@dataclass(frozen=True)
class OpenedLetter:
    """One message as its own page shows it."""

    letter: Letter
    headers: list[tuple[str, str]]
    text: str
    html: str
    attachments: list[tuple[str, int]]


def _exists() -> bool:
    """Whether the catcher has made the Maildir yet (it does so when it starts)."""
    return (directory() / "new").is_dir()


def _maildir() -> mailbox.Maildir:
    return mailbox.Maildir(directory(), create=False)


def _received_at(key: str) -> datetime.datetime:
    match = RECEIVED.match(key)
    seconds, micro = (int(match[1]), int(match[2])) if match else (0, 0)
    return datetime.datetime.fromtimestamp(seconds + micro / 1e6, tz=datetime.UTC)


def newest_first() -> list[str]:
    """The keys of every message, the last received first; an absent mailbox is empty."""
    if not _exists():
        return []
    return sorted(_maildir().keys(), key=_received_at, reverse=True)


def _letter(key: str, message: email.message.Message) -> Letter:
    # X-RcptTo is the envelope (aiosmtpd adds it): who the server was asked to deliver to.
    recipients = message.get("X-RcptTo") or message.get("To") or ""
    return Letter(
        key=key,
        received_at=timezone.localtime(_received_at(key)),
        sender=str(message.get("From", "")),
        recipients=str(recipients),
        subject=" ".join(str(message.get("Subject", "")).split()),
    )


def letters(keys: list[str]) -> list[Letter]:
    """The list's rows for these keys, each read from its file's headers only."""
    if not keys:
        return []
    box = _maildir()
    parser = BytesHeaderParser(policy=email.policy.default)
    rows = []
    for key in keys:
        try:
            with box.get_file(key) as file:
                head = file.read(HEADER_BYTES)
        except (KeyError, FileNotFoundError):
            continue  # removed since the list was read
        rows.append(_letter(key, parser.parsebytes(head)))
    return rows


def _attachment_size(part: EmailMessage) -> int:
    payload = part.get_payload(decode=True)
    return len(payload) if payload else 0


# The headers a reader of the demo mailbox wants, with the words a Lithuanian mail program
# uses for them.
SHOWN_HEADERS = (
    ("From", pgettext_lazy("e-mail header", "From")),
    ("To", pgettext_lazy("e-mail header", "To")),
    ("Cc", pgettext_lazy("e-mail header", "Copy")),
    ("Reply-To", pgettext_lazy("e-mail header", "Reply to")),
    ("Subject", pgettext_lazy("e-mail header", "Subject")),
    ("Date", pgettext_lazy("e-mail header", "Date")),
    ("List-Unsubscribe", pgettext_lazy("e-mail header", "Unsubscribe")),
)


def open_letter(key: str) -> OpenedLetter:
    """The whole message: its plain text, its HTML (as sent; show it only sandboxed) and
    the names and sizes of its attachments. KeyError when there is no such message."""
    if not _exists():
        raise KeyError(key)
    raw = _maildir().get_bytes(key)
    message = email.message_from_bytes(raw, policy=email.policy.default)
    text_part = message.get_body(preferencelist=("plain",))
    html_part = message.get_body(preferencelist=("html",))
    return OpenedLetter(
        letter=_letter(key, message),
        headers=[(label, str(message[name])) for name, label in SHOWN_HEADERS if message[name]],
        text=text_part.get_content() if text_part else "",
        html=html_part.get_content() if html_part else "",
        attachments=[
            (part.get_filename() or "", _attachment_size(part))
            for part in message.iter_attachments()
        ],
    )
