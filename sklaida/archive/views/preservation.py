"""Screens of preservation: the fixity audits, their progress and the problems found."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from sklaida.archive.models import FixityAudit
from sklaida.archive.selectors import collections as selectors
from sklaida.archive.services import preservation
from sklaida.core.permissions import (
    Capability,
    department_read_required,
    department_work_required,
    has_capability,
)
from sklaida.core.views import paginated

PER_PAGE = 20


@department_read_required
def fixity_list(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "archive/preservation/fixity_list.html",
        {
            "running": preservation.fixity_audit_running(),
            "may_start": has_capability(request.user, Capability.WORK_IN_DEPARTMENT),
            **paginated(request, selectors.fixity_audits(), per_page=PER_PAGE),
        },
    )


@require_POST
@department_work_required
def fixity_start(request: HttpRequest) -> HttpResponse:
    try:
        audit = preservation.start_fixity_audit(actor=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("archive:fixity_list")
    messages.success(request, _("The fixity audit has started; this page shows its progress."))
    return redirect("archive:fixity_detail", pk=audit.pk)


@department_read_required
def fixity_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """One audit: its progress (polled while it runs) and the problems it found."""
    try:
        audit = FixityAudit.objects.get(pk=pk)
    except FixityAudit.DoesNotExist:
        raise Http404 from None
    visible = selectors.visible_problem_ids(user=request.user, audit=audit)
    problems = [{**problem, "visible": problem["asset"] in visible} for problem in audit.problems]
    template = (
        "archive/preservation/_fixity_status.html"
        if request.htmx
        else "archive/preservation/fixity_detail.html"
    )
    return render(request, template, {"audit": audit, "problems": problems})
