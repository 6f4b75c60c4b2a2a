"""The demo's mailbox: `manage.py demo_mailbox` catches what the demo sends; staff read it."""

from __future__ import annotations

import datetime
import mailbox
import os
import signal
import socket
import subprocess
import sys
import time
from email.message import EmailMessage
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.core.mail import EmailMultiAlternatives
from django.core.management import call_command
from django.core.management.base import CommandError

from sklaida.core import demo_mailbox, services
from sklaida.testing.smtp import HOST, free_port, send_to_port

pytestmark = pytest.mark.django_db(transaction=False)

MANAGE = Path(django_settings.BASE_DIR) / "manage.py"


def stored(subject: str, *, to: str = "skaitytoja@example.lt", html: str = "") -> str:
    """Put a message into the demo's Maildir as the catcher stores it; returns its key."""
    message = EmailMessage()
    message["From"], message["To"], message["Subject"] = "sklaida@localhost", to, subject
    message["X-RcptTo"] = to
    message.set_content("Laba diena, tai bandomasis laiškas.")
    if html:
        message.add_alternative(html, subtype="html")
    return mailbox.Maildir(django_settings.DEMO_MAILBOX_DIR).add(message)


def test_a_task_email_arrives_in_the_mailbox_and_staff_read_it_as_html_and_text(
    demo_mailbox_server, personas, client_as, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.create_task(
            actor=personas["vadove"],
            title="Paruošti Knygų savaitės plakatą",
            owner=personas["specialiste"],
        )
    message = EmailMultiAlternatives(
        subject="Kvietimas į „Poezijos pavasarį“",
        body="Laukiame jūsų ketvirtadienį 17 val.",
        to=["ona@example.lt"],
    )
    message.attach_alternative("<p>Laukiame jūsų <b>ketvirtadienį</b> 17 val.</p>", "text/html")
    message.send()
    client = client_as("specialiste")

    listing = client.get("/demo/pastas/").content.decode()

    assert "Demonstracinė pašto dėžutė" in listing
    assert "Kvietimas į „Poezijos pavasarį“" in listing and "ona@example.lt" in listing
    assert personas["specialiste"].email in listing
    assert "Paruošti Knygų savaitės plakatą" in listing
    assert listing.index("Poezijos pavasarį") < listing.index("Knygų savaitės plakatą"), (
        "the newest first"
    )
    [invitation] = demo_mailbox.letters(demo_mailbox.newest_first()[:1])
    page = client.get(f"/demo/pastas/{invitation.key}/").content.decode()
    assert 'sandbox=""' in page
    assert (
        'srcdoc="&lt;p&gt;Laukiame jūsų &lt;b&gt;ketvirtadienį&lt;/b&gt; 17 val.&lt;/p&gt;' in page
    )
    assert "<pre" in page and "Laukiame jūsų ketvirtadienį 17 val." in page
    assert ">Gavėjas</dt>" in page and ">Dalykas</dt>" in page and ">From</dt>" not in page


def test_the_html_of_a_message_cannot_act_on_the_staff_page(personas, client_as, settings):
    settings.DEMO_MODE = True
    key = stored(
        "Pavojingas laiškas",
        html='<script>parent.document.body.innerHTML = "x"</script>'
        '<form action="/atsijungti/" method="post"><button>Spausk</button></form>"',
    )

    page = client_as("specialiste").get(f"/demo/pastas/{key}/").content.decode()

    frame = page[page.index("<iframe") : page.index("</iframe>")]
    assert 'sandbox=""' in frame, "no scripts, forms, same origin or top navigation"
    assert "<script" not in page.replace('<script src="/static/', "")
    assert "&lt;script&gt;parent.document" in frame
    assert "&lt;form action=&quot;/atsijungti/&quot;" in frame


def test_the_list_shows_fifty_messages_a_page_newest_first(personas, client_as, settings):
    settings.DEMO_MODE = True
    for number in range(60):
        stored(f"Laiškas Nr. {number:02d}")
        time.sleep(0.001)  # the file names carry the time to the microsecond
    client = client_as("stebetojas")

    first = client.get("/demo/pastas/").content.decode()
    second = client.get("/demo/pastas/?page=2").content.decode()

    assert "Laiškas Nr. 59" in first and "Laiškas Nr. 10" in first
    assert "Laiškas Nr. 09" not in first
    assert first.index("Laiškas Nr. 59") < first.index("Laiškas Nr. 58")
    assert "Laiškas Nr. 09" in second and "Laiškas Nr. 00" in second
    assert "2 puslapis iš 2" in second


def test_the_mailbox_and_its_menu_entry_exist_only_in_demo_mode(personas, client_as, settings):
    client = client_as("vadove")
    key = stored("Bandymas")

    settings.DEMO_MODE = False
    assert "/demo/pastas/" not in client.get("/").content.decode()
    assert client.get("/demo/pastas/").status_code == 404
    assert client.get(f"/demo/pastas/{key}/").status_code == 404

    settings.DEMO_MODE = True
    assert 'href="/demo/pastas/"' in client.get("/").content.decode()
    assert client.get("/demo/pastas/").status_code == 200


def test_an_empty_mailbox_says_how_mail_gets_there(personas, client_as, settings):
    settings.DEMO_MODE = True

    page = client_as("vadove").get("/demo/pastas/").content.decode()

    assert "Laiškų dar nėra." in page


def test_the_catcher_refuses_to_run_outside_the_demo_or_away_from_this_machine(settings):
    send_to_port(settings, free_port())
    settings.DEMO_MODE = False
    with pytest.raises(CommandError, match="DEMO_MODE=1"):
        call_command("demo_mailbox")

    settings.DEMO_MODE = True
    settings.EMAIL_HOST = "smtp.biblioteka.example"
    with pytest.raises(CommandError, match="EMAIL_URL=smtp://127.0.0.1:8025"):
        call_command("demo_mailbox")


def _wait_for(port: int, process: subprocess.Popen, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        assert process.poll() is None, process.stderr.read().decode()
        try:
            socket.create_connection((HOST, port), timeout=0.2).close()
            return
        except OSError:
            time.sleep(0.1)
    raise AssertionError(f"nothing listened on {port} within {seconds} s")


def test_the_demo_mailbox_command_keeps_what_it_receives_until_it_is_stopped(
    personas, client_as, settings, tmp_path
):
    port = free_port()
    folder = tmp_path / "var" / "mailbox"
    environment = {
        **os.environ,
        "DEBUG": "1",
        "DEMO_MODE": "1",
        "EMAIL_URL": f"smtp://{HOST}:{port}",
        "DEMO_MAILBOX_DIR": str(folder),
    }
    process = subprocess.Popen(  # noqa: S603 (our own manage.py, fixed arguments)
        [sys.executable, str(MANAGE), "demo_mailbox"],
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        _wait_for(port, process)
        send_to_port(settings, port)
        EmailMultiAlternatives(
            subject="Registracija patvirtinta", body="Iki pasimatymo!", to=["jonas@example.lt"]
        ).send()
    finally:
        process.send_signal(signal.SIGTERM)
        output, _errors = process.communicate(timeout=30)

    assert process.returncode == 0
    assert f"smtp://{HOST}:{port}" in output.decode()
    settings.DEMO_MODE, settings.DEMO_MAILBOX_DIR = True, folder
    [letter] = demo_mailbox.letters(demo_mailbox.newest_first())
    assert (letter.subject, letter.recipients) == ("Registracija patvirtinta", "jonas@example.lt")
    assert letter.received_at > datetime.datetime.now(tz=datetime.UTC) - datetime.timedelta(
        minutes=5
    )
    listing = client_as("vadove").get("/demo/pastas/").content.decode()
    assert "Registracija patvirtinta" in listing
