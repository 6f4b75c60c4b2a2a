"""Who may use each communication URL (checked by core/tests/test_access_matrix.py)."""

from sklaida.testing.access import DEPARTMENT, DEPARTMENT_WORKERS, Rule

EXPECTED_ACCESS: dict[str, Rule] = {}


def _draft_issue(data: dict) -> dict:
    """A fresh draft issue (sending one makes it no longer a draft)."""
    from sklaida.communication.models import NewsletterIssue

    issue = NewsletterIssue.objects.create(
        subject="Bibliotekos naujienos. Gruodis", intro="Sveiki!", created_by=data["vadove"]
    )
    return {"pk": issue.pk}


EXPECTED_ACCESS.update(
    {
        "communication:newsletter_list": Rule(DEPARTMENT),
        "communication:newsletter_create": Rule(DEPARTMENT_WORKERS),
        "communication:newsletter_detail": Rule(DEPARTMENT, kwargs=_draft_issue),
        "communication:newsletter_update": Rule(DEPARTMENT_WORKERS, kwargs=_draft_issue),
        "communication:newsletter_preview": Rule(DEPARTMENT, kwargs=_draft_issue),
        "communication:newsletter_progress": Rule(DEPARTMENT, kwargs=_draft_issue),
        "communication:newsletter_test": Rule(
            DEPARTMENT_WORKERS, method="POST", kwargs=_draft_issue
        ),
        "communication:newsletter_send": Rule(
            DEPARTMENT_WORKERS, method="POST", kwargs=_draft_issue
        ),
    }
)
