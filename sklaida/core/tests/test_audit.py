"""The audit history: every change to Sklaida's data is recorded with who made it."""

from auditlog.models import LogEntry
from auditlog.registry import auditlog
from django.apps import apps

from sklaida.core.models import Library
from sklaida.core.tests.factories import TaskFactory

# Bookkeeping, not domain data (the search index is derived from the objects); the outbox
# holds whole e-mails only until they are sent.
NOT_AUDITED = {
    "core.Heartbeat",
    "core.OutgoingEmail",
    "core.SearchEntry",
    "contacts.PersonImport",
    "contacts.DuplicateCandidate",
}


def test_every_model_of_sklaida_is_audited():
    sklaida_models = [
        model for model in apps.get_models() if model.__module__.startswith("sklaida.")
    ]
    assert sklaida_models
    missing = [
        model._meta.label
        for model in sklaida_models
        if model._meta.label not in NOT_AUDITED and not auditlog.contains(model)
    ]
    assert missing == []


def test_a_task_page_shows_who_changed_what(client_as, personas):
    task = TaskFactory(title="Sutarti dėl fotografo", owner=personas["specialiste"], library=None)

    client_as("vadove").post(
        f"/uzduotys/{task.pk}/redaguoti/",
        {
            "title": "Sutarti dėl fotografo ir filmavimo",
            "owner": personas["specialiste"].pk,
        },
    )
    page = client_as("specialiste").get(f"/uzduotys/{task.pk}/").content.decode()

    assert "Pakeitimų istorija" in page
    assert "Rasa Petrauskienė" in page
    assert "Sutarti dėl fotografo → Sutarti dėl fotografo ir filmavimo" in page


def test_deleting_reference_data_in_the_admin_is_recorded_with_the_administrator(
    client_as, personas
):
    library = Library.objects.create(
        name="Bandomoji biblioteka",
        kind=Library.Kind.TERRITORY,
        municipality="Akmenės rajono savivaldybė",
    )

    client_as("admin").post(f"/admin/core/library/{library.pk}/delete/", {"post": "yes"})

    assert not Library.objects.filter(pk=library.pk).exists()
    entry = LogEntry.objects.get_for_object(library).get(action=LogEntry.Action.DELETE)
    assert entry.actor == personas["admin"]
    assert entry.object_repr == "Bandomoji biblioteka"
