"""E-mails to people about their work, written in each recipient's language.

Messages are rendered now and kept in the outbox (`core.outbox`), whose background job
runs once the surrounding transaction commits, so nothing is sent for a change that was
rolled back.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.template import Context, loader
from django.utils import translation

from sklaida.core import outbox

if TYPE_CHECKING:
    from sklaida.core.models import Comment, Task, User


def absolute_url(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def render_plain_text(template_name: str, context: dict[str, Any]) -> str:
    """A template rendered for a plain-text e-mail: nothing is HTML-escaped.

    Templates autoescape for HTML; in a plain-text message that turns a title such as
    `Vakaras „Tom & Jerry“` into `Tom &amp; Jerry`. E-mails need no context processors.
    """
    template = loader.get_template(template_name).template
    return template.render(Context(context, autoescape=False))


def render_subject(template_name: str, context: dict[str, Any]) -> str:
    """An e-mail subject: plain text on one line (a line break cannot start a new header)."""
    return " ".join(render_plain_text(template_name, context).split())


def send_to_address(*, address: str, language: str, template: str, context: dict[str, Any]) -> None:
    """Render `<template>.txt` and `<template>_subject.txt` in `language` and queue the e-mail.

    For people who do not sign in (registrants, tour groups); `template` is a full path
    such as "events/email/registration_confirmed".
    """
    context = {"site_url": settings.SITE_URL, **context}
    with translation.override(language):
        subject = render_subject(f"{template}_subject.txt", context)
        body = render_plain_text(f"{template}.txt", context)
    outbox.queue_email(to=[address], subject=subject, body=body)


def send_to_user(*, recipient: User, template: str, context: dict[str, Any]) -> None:
    """Render `core/email/<template>.txt` and its `_subject.txt` for one person and queue it."""
    if not recipient.email:
        return
    send_to_address(
        address=recipient.email,
        language=recipient.language,
        template=f"core/email/{template}",
        context={"recipient": recipient, **context},
    )


def task_assigned(*, task: Task) -> None:
    send_to_user(
        recipient=task.owner,
        template="task_assigned",
        context={"task": task, "task_url": absolute_url(task.get_absolute_url())},
    )


def comment_added(*, comment: Comment, recipient: User) -> None:
    send_to_user(
        recipient=recipient,
        template="comment_added",
        context={
            "comment": comment,
            "target": comment.target,
            "target_url": absolute_url(comment.target.get_absolute_url()),
        },
    )


def tasks_due(*, recipient: User, tasks: list[Task], today: datetime.date) -> None:
    send_to_user(
        recipient=recipient,
        template="tasks_due",
        context={
            "tasks": [(task, absolute_url(task.get_absolute_url())) for task in tasks],
            "today": today,
            "dashboard_url": absolute_url("/"),
        },
    )
