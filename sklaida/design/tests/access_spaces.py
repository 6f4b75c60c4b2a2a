"""Who may use the URLs of the space projects (4.4); merged into the design area's
EXPECTED_ACCESS by tests/access.py. The department reads, the head and the specialists
change; territory specialists do not see space projects (department only)."""

from sklaida.testing.access import DEPARTMENT, DEPARTMENT_WORKERS, Rule


def _project(data: dict):
    from sklaida.core.models import Space
    from sklaida.design.models import SpaceItem, SpaceProject

    space = Space.objects.filter(library=data["vadove"].library).order_by("pk").first()
    project = SpaceProject.objects.create(
        title="Skaityklos ženklinimas", library=space.library, responsible=data["specialiste"]
    )
    SpaceItem.objects.create(
        project=project, space=space, kind=SpaceItem.Kind.SIGN, title="Durų lentelė"
    )
    return project


def _on_project(data: dict) -> dict:
    return {"pk": _project(data).pk}


def _on_item(data: dict) -> dict:
    project = _project(data)
    return {"pk": project.pk, "item_pk": project.items.get().pk}


SPACE_ACCESS: dict[str, Rule] = {
    "design:space_project_list": Rule(DEPARTMENT),
    "design:space_project_create": Rule(DEPARTMENT_WORKERS),
    "design:space_project_detail": Rule(DEPARTMENT, kwargs=_on_project),
    "design:space_project_edit": Rule(DEPARTMENT_WORKERS, kwargs=_on_project),
    "design:space_item_create": Rule(DEPARTMENT_WORKERS, kwargs=_on_project),
    "design:space_item_edit": Rule(DEPARTMENT_WORKERS, kwargs=_on_item),
    "design:space_project_photos": Rule(DEPARTMENT_WORKERS, kwargs=_on_project),
}
