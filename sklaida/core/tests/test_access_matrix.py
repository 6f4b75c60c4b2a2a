"""Every URL pattern, requested as every role, is allowed or denied exactly as declared here.

A new URL without a rule fails `test_every_url_has_a_declared_rule`; add its rule (who may
use it, with which method and arguments) in the same change: core's below, another app's in
its `tests/access.py` (vocabulary in sklaida/testing/access.py).
"""

from __future__ import annotations

import importlib
import mailbox
from collections.abc import Callable

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, override_settings
from django.urls import reverse

from sklaida.core import services
from sklaida.core.models import Library, Task
from sklaida.testing.access import (
    ADMIN_ONLY,
    ANONYMOUS,
    DEPARTMENT,
    DEPARTMENT_WORKERS,
    EVERYONE,
    NOBODY,
    PERSONAS,
    SIGNED_IN,
    Rule,
    close_streamed_file,
    outcome,
    url_patterns,
)


def territory_task(data: dict) -> Task:
    """A task of the territory specialist, in her library: the department sees it too."""
    return Task.objects.get(owner=data["teritorija"], library__isnull=False)


def _attachment_on_territory_task(data: dict) -> dict:
    attachment = services.add_attachment(
        target=territory_task(data),
        uploaded_by=data["vadove"],
        file=SimpleUploadedFile("planas.txt", "Renginių planas".encode(), "text/plain"),
    )
    return {"pk": attachment.pk}


def _demo_letter(data: dict) -> dict:
    """A message in the demo's mailbox, as its catcher would have stored it."""
    box = mailbox.Maildir(settings.DEMO_MAILBOX_DIR)
    key = box.add(
        b"From: sklaida@localhost\nTo: skaitytoja@example.lt\nSubject: Bandymas\n\nSveiki"
    )
    return {"key": key}


def _on_territory_task(data: dict) -> dict:
    task = territory_task(data)
    return {
        "content_type_id": ContentType.objects.get_for_model(Task).pk,
        "object_id": task.pk,
    }


EXPECTED_ACCESS: dict[str, Rule] = {
    "login": Rule(EVERYONE),
    # Without a right password a moment ago, the code page sends back to the first step.
    "login_code": Rule(EVERYONE),
    "logout": Rule(SIGNED_IN, method="POST"),
    "password_reset": Rule(EVERYONE),
    "password_reset_done": Rule(EVERYONE),
    "password_reset_confirm": Rule(
        EVERYONE, kwargs=lambda data: {"uidb64": "MQ", "token": "set-password"}
    ),
    "password_reset_complete": Rule(EVERYONE),
    "password_change": Rule(SIGNED_IN),
    "password_change_done": Rule(SIGNED_IN),
    "set_language": Rule(EVERYONE, method="POST", data=lambda data: {"language": "lt"}),
    "healthz": Rule(EVERYONE),
    "favicon": Rule(EVERYONE),
    "core:dashboard": Rule(SIGNED_IN),
    "core:search": Rule(SIGNED_IN),
    "core:profile": Rule(SIGNED_IN),
    "core:email_change": Rule(
        SIGNED_IN, method="POST", data=lambda data: {"new_email": "naujas@biblioteka.example"}
    ),
    # A link of another account (or none) is refused with an explanation, not hidden.
    "core:email_confirm": Rule(SIGNED_IN, kwargs=lambda data: {"token": "ne-nuoroda"}),
    "core:two_factor": Rule(SIGNED_IN),
    "core:two_factor_setup": Rule(SIGNED_IN),
    "core:recovery_codes": Rule(SIGNED_IN, method="POST"),
    "core:two_factor_off": Rule(SIGNED_IN, method="POST", data=lambda data: {"code": "123456"}),
    "core:task_list": Rule(SIGNED_IN),
    "core:task_create": Rule(DEPARTMENT_WORKERS),
    "core:task_detail": Rule(
        DEPARTMENT | {"teritorija"}, kwargs=lambda data: {"pk": territory_task(data).pk}
    ),
    "core:task_update": Rule(
        DEPARTMENT_WORKERS, kwargs=lambda data: {"pk": territory_task(data).pk}
    ),
    "core:task_status": Rule(
        DEPARTMENT_WORKERS | {"teritorija"},
        method="POST",
        kwargs=lambda data: {"pk": territory_task(data).pk},
        data=lambda data: {"status": "in_progress"},
    ),
    "core:comment_create": Rule(
        DEPARTMENT_WORKERS | {"teritorija"},
        method="POST",
        kwargs=_on_territory_task,
        data=lambda data: {"body": "Pastaba"},
    ),
    "core:attachment_create": Rule(
        DEPARTMENT_WORKERS | {"teritorija"}, method="POST", kwargs=_on_territory_task
    ),
    "core:attachment_download": Rule(
        DEPARTMENT | {"teritorija"}, kwargs=_attachment_on_territory_task
    ),
    "core:attachment_delete": Rule(
        DEPARTMENT_WORKERS | {"teritorija"}, method="POST", kwargs=_attachment_on_territory_task
    ),
    "core:library_list": Rule(DEPARTMENT | {"teritorija"}),
    "core:library_detail": Rule(
        DEPARTMENT | {"teritorija"},
        kwargs=lambda data: {"pk": data["teritorija"].library_id},
    ),
    # A space of the territory specialist's library: her library's spaces are hers to see.
    "core:space_detail": Rule(
        DEPARTMENT | {"teritorija"},
        kwargs=lambda data: {"pk": data["teritorija"].library.spaces.first().pk},
    ),
    "core:demo_mailbox": Rule(DEPARTMENT | ADMIN_ONLY, demo_only=True),
    "core:demo_mailbox_letter": Rule(DEPARTMENT | ADMIN_ONLY, kwargs=_demo_letter, demo_only=True),
}

# Django admin: only the admin role, apart from its sign-in page and the records that
# nobody may add or delete by hand (files come through their object's page; the audit
# log and job results are written by the system).
ADMIN_EXCEPTIONS: dict[str, Rule] = {
    # Everyone signs in on /prisijungti/; the admin's address only forwards there (or, for
    # a signed-in non-administrator, refuses).
    "admin:login": Rule(ADMIN_ONLY),
    "admin:logout": Rule(SIGNED_IN, method="POST"),
    "admin:autocomplete": Rule(
        ADMIN_ONLY, query="app_label=core&model_name=space&field_name=library"
    ),
    "admin:core_attachment_add": Rule(NOBODY),
    # Sign-in attempts and logs are written by django-axes only.
    "admin:axes_accessattempt_add": Rule(NOBODY),
    "admin:axes_accesslog_add": Rule(NOBODY),
    "admin:axes_accessfailurelog_add": Rule(NOBODY),
    "admin:auditlog_logentry_add": Rule(NOBODY),
    "admin:auditlog_logentry_delete": Rule(NOBODY, kwargs=lambda data: {"object_id": "1"}),
    "admin:django_tasks_database_dbtaskresult_add": Rule(NOBODY),
    "admin:django_tasks_database_dbtaskresult_delete": Rule(
        NOBODY, kwargs=lambda data: {"object_id": "1"}
    ),
}


def _admin_model(view: Callable):
    """The model an admin view serves, through the decorators that wrap the view."""
    while view is not None:
        model_admin = getattr(view, "model_admin", None) or getattr(view, "__self__", None)
        if model_admin is not None:
            return model_admin.model
        view = getattr(view, "__wrapped__", None)
    raise LookupError("not a model admin view")


def _admin_kwargs(view: Callable, route: str) -> Callable[[dict], dict]:
    """Arguments for an admin URL: an existing row of its model where there is one."""

    def build(data: dict) -> dict:
        kwargs = {}
        if "app_label" in route:
            kwargs["app_label"] = "core"
        if "content_type_id" in route:
            kwargs.update(_on_territory_task(data))
        elif "object_id" in route or "<id>" in route:
            model = _admin_model(view)
            first = model._default_manager.order_by("pk").values_list("pk", flat=True).first()
            kwargs["object_id" if "object_id" in route else "id"] = str(first or 0)
        return kwargs

    return build


def declared_rules() -> dict[str, Rule]:
    """The core's rules above and every other Sklaida app's `tests/access.py`."""
    rules = dict(EXPECTED_ACCESS)
    for app in apps.get_app_configs():
        if app.name.startswith("sklaida.") and app.label != "core":
            rules.update(importlib.import_module(f"{app.name}.tests.access").EXPECTED_ACCESS)
    return rules


DECLARED = declared_rules()


def rule_for(name: str | None, namespace: str, route: str, view: Callable) -> Rule | None:
    if name in DECLARED:
        return DECLARED[name]
    if namespace == "admin" and name:
        return ADMIN_EXCEPTIONS.get(name) or Rule(ADMIN_ONLY, kwargs=_admin_kwargs(view, route))
    return None


def test_every_url_has_a_declared_rule():
    undeclared = [
        f"{name or '(unnamed)'} at /{route}"
        for name, namespace, route, view in url_patterns()
        # The admin's unnamed catch-all only redirects to its sign-in page.
        if rule_for(name, namespace, route, view) is None
        and not (namespace == "admin" and not name)
    ]
    assert undeclared == [], "Declare who may use these URLs in EXPECTED_ACCESS"


def signed_in_clients(personas) -> dict[str, Client]:
    clients = {ANONYMOUS: Client()}
    for username in PERSONAS:
        clients[username] = Client()
        clients[username].force_login(personas[username])
    return clients


def request_as(client: Client, name: str, rule: Rule, personas) -> str:
    url = reverse(name, kwargs=rule.kwargs(personas))
    if rule.query:
        url += "?" + rule.query
    if rule.method == "POST":
        response = client.post(url, rule.data(personas))
    else:
        response = client.get(url, rule.data(personas))
    close_streamed_file(response)
    return outcome(response)


def test_each_role_reaches_exactly_the_urls_declared_for_it(personas):
    clients = signed_in_clients(personas)
    assert Library.objects.count() > 1, "the demo has libraries to scope"

    mismatches = []
    for name, namespace, route, view in url_patterns():
        rule = rule_for(name, namespace, route, view)
        if rule is None:
            continue
        for role, client in clients.items():
            expected = "allowed" if role in rule.allowed else "denied"
            with override_settings(DEMO_MODE=rule.demo_only or settings.DEMO_MODE):
                actual = request_as(client, name, rule, personas)
            if actual != expected:
                mismatches.append(f"{role} {rule.method} {name}: expected {expected}, got {actual}")
            if role != ANONYMOUS and name in {"logout", "admin:logout"}:
                client.force_login(personas[role])
    assert not mismatches, "\n".join(mismatches)


def test_demo_only_pages_are_not_found_outside_demo_mode(personas, settings):
    settings.DEMO_MODE = False
    clients = signed_in_clients(personas)
    demo_only = {name: rule for name, rule in DECLARED.items() if rule.demo_only}
    assert demo_only, "the demo's mailbox is declared demo-only"

    reached = [
        f"{role} {name}"
        for name, rule in demo_only.items()
        for role, client in clients.items()
        if request_as(client, name, rule, personas) != "denied"
    ]
    assert reached == []
