"""The permission layer: roles grant capabilities, rows are scoped per library and owner."""

import pytest

from sklaida.core.models import Library, Task
from sklaida.core.permissions import (
    Capability,
    can_change,
    can_view,
    editable_by,
    has_capability,
    visible_to,
)
from sklaida.core.tests.factories import TaskFactory, UserFactory


def test_territory_specialist_sees_only_her_own_library(client_as, personas):
    own = personas["teritorija"].library
    county = Library.objects.get(kind=Library.Kind.COUNTY)

    listing = client_as("teritorija").get("/bibliotekos/").content.decode()
    assert own.name in listing
    assert county.name not in listing
    assert client_as("teritorija").get(f"/bibliotekos/{county.pk}/").status_code == 404
    assert own.name in client_as("teritorija").get(f"/bibliotekos/{own.pk}/").content.decode()


def test_territory_specialist_gets_404_on_a_task_of_another_library(client_as, personas):
    other_library = Library.objects.exclude(pk=personas["teritorija"].library_id).first()
    task = TaskFactory(owner=personas["specialiste"], library=other_library, title="Svetima")

    response = client_as("teritorija").get(f"/uzduotys/{task.pk}/")

    assert response.status_code == 404


def test_territory_specialist_sees_tasks_of_her_library_even_when_others_own_them(
    client_as, personas
):
    task = TaskFactory(
        owner=personas["specialiste"], library=personas["teritorija"].library, title="Bendra"
    )

    page = client_as("teritorija").get(f"/uzduotys/{task.pk}/").content.decode()

    assert "Bendra" in page


def test_viewer_reads_every_task_but_cannot_change_any(client_as, personas):
    task = Task.objects.filter(owner=personas["specialiste"], status=Task.Status.OPEN).first()

    viewer = client_as("stebetojas")
    assert task.title in viewer.get(f"/uzduotys/{task.pk}/").content.decode()
    response = viewer.post(f"/uzduotys/{task.pk}/busena/", {"status": "done"})

    assert response.status_code == 403
    task.refresh_from_db()
    assert task.status == Task.Status.OPEN


def test_a_person_without_a_role_sees_only_their_own_tasks(personas):
    newcomer = UserFactory()
    own = TaskFactory(owner=newcomer)

    assert list(visible_to(newcomer, Task.objects.all())) == [own]
    assert not has_capability(newcomer, Capability.READ_DEPARTMENT)


@pytest.mark.parametrize("username", ["vadove", "specialiste", "teritorija", "stebetojas", "admin"])
def test_object_checks_agree_with_queryset_scoping(personas, username):
    user = personas[username]
    TaskFactory(owner=personas["vadove"], library=personas["teritorija"].library)
    TaskFactory(owner=personas["admin"])
    for task in Task.objects.select_related("library"):
        in_visible = visible_to(user, Task.objects.filter(pk=task.pk)).exists()
        in_editable = editable_by(user, Task.objects.filter(pk=task.pk)).exists()
        assert can_view(user, task) == in_visible, task.title
        assert can_change(user, task) == in_editable, task.title


def test_deactivated_staff_member_loses_every_capability(personas):
    head = personas["vadove"]
    head.is_active = False
    head.save()

    assert not has_capability(head, Capability.APPROVE)
