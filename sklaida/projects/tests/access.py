"""Who may use each projects URL (checked by core/tests/test_access_matrix.py); the
budgets' and the pipeline's are in access_budget.py.

The department reads funders, calls and projects; the head and the specialists write.
A territory library's specialist reads the projects of her own library (5.4) — the
projects used here belong to her library — and changes nothing there; implementation and
reporting are in access_implementation.py.
"""

from django.core.files.base import ContentFile

from sklaida.projects.models import Document, DocumentVersion, Partner, Project, TeamMember
from sklaida.projects.tests.access_budget import BUDGET_ACCESS
from sklaida.projects.tests.access_implementation import IMPLEMENTATION_ACCESS
from sklaida.projects.tests.factories import FunderFactory, FundingCallFactory, ProjectFactory
from sklaida.testing.access import DEPARTMENT, DEPARTMENT_WORKERS, Rule

READERS_OF_HER_LIBRARY = DEPARTMENT | {"teritorija"}


def territory_project(data: dict, **fields) -> Project:
    """A project of the territory persona's library, so her read access shows."""
    return ProjectFactory(library=data["teritorija"].library, **fields)


def _on_project(data: dict) -> dict:
    return {"pk": territory_project(data).pk}


def _on_partner(data: dict) -> dict:
    from sklaida.contacts.tests.factories import OrganisationFactory

    project = territory_project(data)
    partner = Partner.objects.create(project=project, organisation=OrganisationFactory())
    return {"pk": project.pk, "partner_pk": partner.pk}


def _on_member(data: dict) -> dict:
    project = territory_project(data)
    member = TeamMember.objects.create(project=project, name="Jonas Jonaitis", role="Lektorius")
    return {"pk": project.pk, "member_pk": member.pk}


def _document(data: dict) -> DocumentVersion:
    project = territory_project(data)
    document = Document.objects.create(project=project, title="Paraiška")
    version = DocumentVersion(
        document=document,
        number=1,
        original_name="paraiska.pdf",
        media_type="application/pdf",
        size=15,
        uploaded_by=data["specialiste"],
    )
    version.file.save("paraiska.pdf", ContentFile(b"%PDF-1.4\n%%EOF\n"), save=False)
    version.save()
    return version


def _on_document(data: dict) -> dict:
    version = _document(data)
    return {"pk": version.document.project_id, "document_pk": version.document_id}


def _on_version(data: dict) -> dict:
    version = _document(data)
    return {"pk": version.document.project_id, "version_pk": version.pk}


PROJECT_ACCESS: dict[str, Rule] = {
    "projects:project_list": Rule(READERS_OF_HER_LIBRARY),
    "projects:project_create": Rule(DEPARTMENT_WORKERS),
    "projects:project_export": Rule(READERS_OF_HER_LIBRARY),
    "projects:project_detail": Rule(READERS_OF_HER_LIBRARY, kwargs=_on_project),
    "projects:project_edit": Rule(DEPARTMENT_WORKERS, kwargs=_on_project),
    "projects:project_move": Rule(
        DEPARTMENT_WORKERS,
        method="POST",
        kwargs=_on_project,
        data=lambda data: {"status": "preparing"},
    ),
    "projects:partner_add": Rule(DEPARTMENT_WORKERS, method="POST", kwargs=_on_project),
    "projects:partner_remove": Rule(DEPARTMENT_WORKERS, method="POST", kwargs=_on_partner),
    "projects:member_add": Rule(DEPARTMENT_WORKERS, method="POST", kwargs=_on_project),
    "projects:member_remove": Rule(DEPARTMENT_WORKERS, method="POST", kwargs=_on_member),
    "projects:documents": Rule(READERS_OF_HER_LIBRARY, kwargs=_on_project),
    "projects:document_version_add": Rule(DEPARTMENT_WORKERS, method="POST", kwargs=_on_document),
    "projects:document_download": Rule(READERS_OF_HER_LIBRARY, kwargs=_on_version),
    "projects:call_list": Rule(DEPARTMENT),
    "projects:call_create": Rule(DEPARTMENT_WORKERS),
    "projects:call_detail": Rule(DEPARTMENT, kwargs=lambda data: {"pk": FundingCallFactory().pk}),
    "projects:call_edit": Rule(
        DEPARTMENT_WORKERS, kwargs=lambda data: {"pk": FundingCallFactory().pk}
    ),
    "projects:funder_list": Rule(DEPARTMENT),
    "projects:funder_create": Rule(DEPARTMENT_WORKERS),
    "projects:funder_detail": Rule(DEPARTMENT, kwargs=lambda data: {"pk": FunderFactory().pk}),
    "projects:funder_edit": Rule(
        DEPARTMENT_WORKERS, kwargs=lambda data: {"pk": FunderFactory().pk}
    ),
}

EXPECTED_ACCESS: dict[str, Rule] = {**PROJECT_ACCESS, **IMPLEMENTATION_ACCESS, **BUDGET_ACCESS}
