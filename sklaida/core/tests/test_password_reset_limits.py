"""Password-reset e-mails are limited per address and per client, so the form can neither
flood a colleague's mailbox nor be used to probe many addresses quickly."""

from __future__ import annotations

import datetime

import time_machine
from django.test import Client, RequestFactory
from django.utils import timezone

from sklaida.core.proxies import client_ip

RESET = "/slaptazodis/priminti/"
DONE = "/slaptazodis/priminti/issiusta/"
TOO_MANY = "Per daug prašymų atkurti slaptažodį. Bandykite vėl po valandos"


def ask(client: Client, email: str):
    return client.post(RESET, {"email": email})


def test_one_address_gets_at_most_three_reset_emails_an_hour(
    personas, smtp_server, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        answers = [
            ask(Client(REMOTE_ADDR=f"198.51.100.{n}"), "specialiste@biblioteka.example")
            for n in range(4)
        ]

    assert [answer.status_code for answer in answers[:3]] == [302, 302, 302]
    assert answers[3].status_code == 429
    assert TOO_MANY in answers[3].content.decode()
    assert len(smtp_server.received) == 3
    # The limit is per address: a colleague's reset from the same computer goes out.
    with django_capture_on_commit_callbacks(execute=True):
        colleague = ask(Client(REMOTE_ADDR="198.51.100.3"), "vadove@biblioteka.example")
    assert colleague.url == DONE
    assert len(smtp_server.received) == 4


def test_the_address_limit_is_the_same_for_unknown_addresses_so_it_reveals_nothing(personas):
    answers = [
        ask(Client(REMOTE_ADDR=f"198.51.100.{n}"), "niekas@biblioteka.example").status_code
        for n in range(4)
    ]

    assert answers == [302, 302, 302, 429]


def test_the_address_limit_ignores_capital_letters(personas):
    answers = [
        ask(Client(REMOTE_ADDR=f"198.51.100.{n}"), email).status_code
        for n, email in enumerate(
            [
                "specialiste@biblioteka.example",
                "Specialiste@biblioteka.example",
                "SPECIALISTE@BIBLIOTEKA.EXAMPLE",
                "specialiste@Biblioteka.Example",
            ]
        )
    ]

    assert answers == [302, 302, 302, 429]


def test_one_client_may_ask_ten_times_an_hour_whatever_the_addresses(personas):
    prober = Client(REMOTE_ADDR="203.0.113.9")

    answers = [ask(prober, f"spejimas{n}@biblioteka.example").status_code for n in range(11)]

    assert answers == [302] * 10 + [429]
    assert ask(Client(REMOTE_ADDR="198.51.100.1"), "kitas@biblioteka.example").url == DONE


def test_the_limits_start_again_the_next_hour(personas):
    prober = Client(REMOTE_ADDR="203.0.113.9")
    for n in range(10):
        ask(prober, f"spejimas{n}@biblioteka.example")
    assert ask(prober, "dar@biblioteka.example").status_code == 429

    with time_machine.travel(timezone.now() + datetime.timedelta(hours=1), tick=False):
        assert ask(prober, "dar@biblioteka.example").url == DONE


def test_a_forged_forwarded_for_header_does_not_hide_the_client_without_a_trusted_proxy(
    personas, settings
):
    assert settings.TRUSTED_PROXIES == []
    prober = Client(REMOTE_ADDR="203.0.113.9")

    answers = [
        prober.post(
            RESET,
            {"email": f"spejimas{n}@biblioteka.example"},
            HTTP_X_FORWARDED_FOR=f"10.0.0.{n}",
        ).status_code
        for n in range(11)
    ]

    assert answers[-1] == 429


def test_behind_a_trusted_proxy_the_client_is_the_address_the_proxy_saw(settings):
    settings.TRUSTED_PROXIES = ["10.0.0.2"]
    request = RequestFactory().post(
        RESET, REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="192.0.2.66, 203.0.113.9"
    )

    assert client_ip(request) == "203.0.113.9"

    settings.TRUSTED_PROXIES = []
    assert client_ip(request) == "10.0.0.2"
