"""Names are the administrator's to set, and no two active users read the same: the name
beside a comment or an approval is trusted."""

from __future__ import annotations

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError

from sklaida.core.models import Task, comparable_name
from sklaida.core.selectors import comments_on
from sklaida.core.tests.factories import TaskFactory, UserFactory

CLASH = "Toks vardas ir pavardė jau yra kito aktyvaus naudotojo."


def test_the_profile_shows_the_name_but_offers_no_field_to_change_it(client_as, personas):
    client = client_as("specialiste")

    page = client.get("/profilis/").content.decode()
    client.post("/profilis/", {"first_name": "Rasa", "last_name": "Petrauskienė", "language": "lt"})

    assert "Ieva Kazlauskaitė" in page
    assert 'name="first_name"' not in page
    assert 'name="last_name"' not in page
    assert "Jūsų vardą ir pavardę įrašo sistemos administratorius" in page
    personas["specialiste"].refresh_from_db()
    assert personas["specialiste"].get_full_name() == "Ieva Kazlauskaitė"


def test_a_comment_signed_as_the_head_still_shows_its_real_author(client_as, personas):
    """The probe: "Patvirtinu. — vadovė" under someone else's name."""
    client = client_as("specialiste")
    client.post("/profilis/", {"first_name": "Rasa", "last_name": "Petrauskienė", "language": "lt"})
    task = TaskFactory(owner=personas["specialiste"], created_by=personas["vadove"])
    content_type = ContentType.objects.get_for_model(Task)

    client.post(f"/komentarai/{content_type.pk}/{task.pk}/", {"body": "Patvirtinu. — vadovė"})

    [comment] = comments_on(task)
    assert comment.author == personas["specialiste"]
    assert str(comment.author) == "Ieva Kazlauskaitė"


@pytest.mark.parametrize(
    "first_name, last_name",
    [("Rasa", "Petrauskienė"), ("rasa", "PETRAUSKIENE"), (" Rasa ", "Petrauskiene ")],
)
def test_a_user_may_not_take_the_name_of_another_active_user(personas, first_name, last_name):
    user = UserFactory(first_name="Ona", last_name="Jonaitienė")
    user.first_name, user.last_name = first_name, last_name

    with pytest.raises(ValidationError) as refused:
        user.full_clean()

    assert CLASH in refused.value.message_dict["last_name"][0]


def test_the_name_of_a_former_colleague_may_be_reused(personas):
    UserFactory(first_name="Ona", last_name="Jonaitienė", is_active=False)
    newcomer = UserFactory(first_name="Ona", last_name="Jonaitienė")

    newcomer.full_clean()


def test_the_admin_refuses_a_name_another_active_user_has(client_as, personas):
    user = UserFactory(first_name="Ona", last_name="Jonaitienė")
    form = client_as("admin").get(f"/admin/core/user/{user.pk}/change/").context["adminform"].form
    data = {
        name: value
        for name, value in form.initial.items()
        if value is not None and name not in {"password", "groups", "user_permissions"}
    }
    data.update(
        first_name="Rasa",
        last_name="Petrauskienė",
        date_joined_0=user.date_joined.strftime("%Y-%m-%d"),
        date_joined_1=user.date_joined.strftime("%H:%M:%S"),
        library=user.library_id or "",
    )
    data.pop("date_joined", None)
    data.pop("last_login", None)

    response = client_as("admin").post(f"/admin/core/user/{user.pk}/change/", data)

    assert response.status_code == 200
    assert CLASH in response.content.decode()
    user.refresh_from_db()
    assert user.get_full_name() == "Ona Jonaitienė"


def test_names_compare_as_a_reader_sees_them():
    assert comparable_name("Žydrūnė", "Čepulienė") == comparable_name("zydrune", "CEPULIENE")
    assert comparable_name("Rasa", "Petrauskienė") != comparable_name("Rasa", "Petrauskaitė")
