"""Staff screens of the newsletter: issues, composing, previews, a test copy, sending, progress."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from sklaida.communication.models import ContentItem, NewsletterIssue
from sklaida.communication.selectors import newsletter as selectors
from sklaida.communication.services import newsletter as services
from sklaida.communication.views.common import act_then_back, may_read, may_work
from sklaida.core.permissions import Capability, has_capability
from sklaida.core.views import paginated

PER_PAGE = 100
# Content that may go into an issue: ready or already out.
READY = [
    ContentItem.Status.APPROVED,
    ContentItem.Status.SCHEDULED,
    ContentItem.Status.PUBLISHED,
]


class IssueForm(forms.Form):
    subject = forms.CharField(label=gettext_lazy("Subject"), max_length=200)
    intro = forms.CharField(
        label=gettext_lazy("Introduction"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    items = forms.ModelMultipleChoiceField(
        label=gettext_lazy("Content items"),
        queryset=ContentItem.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=gettext_lazy("Approved, scheduled and published items."),
    )
    event_days = forms.IntegerField(
        label=gettext_lazy("Include public events of the next days"),
        min_value=0,
        max_value=366,
        initial=30,
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["items"].queryset = ContentItem.objects.filter(status__in=READY).order_by(
            "-created_at", "title"
        )


def _issue_or_404(pk: int) -> NewsletterIssue:
    try:
        return selectors.issue(pk)
    except NewsletterIssue.DoesNotExist as missing:
        raise Http404 from missing


def newsletter_list(request: HttpRequest) -> HttpResponse:
    may_read(request)
    return render(
        request,
        "communication/newsletter/list.html",
        {
            "counts": selectors.subscriber_counts(),
            "may_work": has_capability(request.user, Capability.WORK_IN_DEPARTMENT),
            **paginated(request, selectors.issue_list(), per_page=PER_PAGE),
        },
    )


def _save(request: HttpRequest, issue: NewsletterIssue | None) -> HttpResponse:
    may_work(request)
    initial = {}
    if issue is not None:
        if issue.status != NewsletterIssue.Status.DRAFT:
            raise Http404
        initial = {
            "subject": issue.subject,
            "intro": issue.intro,
            "items": list(issue.items.values_list("pk", flat=True)),
            "event_days": issue.event_days,
        }
    form = IssueForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            if issue is None:
                issue = services.create_issue(by=request.user, **data)
            else:
                issue = services.update_issue(issue=issue, by=request.user, **data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return redirect(issue)
    return render(
        request,
        "communication/newsletter/form.html",
        {
            "form": form,
            "issue": issue,
            "title": _("New newsletter issue") if issue is None else issue.subject,
        },
    )


def newsletter_create(request: HttpRequest) -> HttpResponse:
    return _save(request, None)


def newsletter_update(request: HttpRequest, pk: int) -> HttpResponse:
    return _save(request, _issue_or_404(pk))


def newsletter_detail(request: HttpRequest, pk: int) -> HttpResponse:
    may_read(request)
    issue = _issue_or_404(pk)
    return render(
        request,
        "communication/newsletter/detail.html",
        {
            "issue": issue,
            "items": selectors.items_of(issue),
            "active_subscribers": selectors.subscriber_counts()["active"],
            "may_work": has_capability(request.user, Capability.WORK_IN_DEPARTMENT),
            "is_draft": issue.status == NewsletterIssue.Status.DRAFT,
            **paginated(request, selectors.deliveries_of(issue), per_page=PER_PAGE),
        },
    )


def newsletter_progress(request: HttpRequest, pk: int) -> HttpResponse:
    """The progress bar alone, polled by htmx every 2 s while the issue is being sent."""
    may_read(request)
    return render(request, "communication/newsletter/_progress.html", {"issue": _issue_or_404(pk)})


def newsletter_preview(request: HttpRequest, pk: int) -> HttpResponse:
    """The issue as subscribers get it: HTML, or plain text with ?format=text."""
    may_read(request)
    issue = _issue_or_404(pk)
    rendered = services.render_issue(issue, language=translation.get_language() or "lt")
    if request.GET.get("format") == "text":
        return HttpResponse(rendered.text, content_type="text/plain; charset=utf-8")
    return HttpResponse(rendered.html)


@require_POST
def newsletter_test(request: HttpRequest, pk: int) -> HttpResponse:
    may_work(request)
    issue = _issue_or_404(pk)
    return act_then_back(
        request,
        issue,
        lambda: services.send_test(issue=issue, by=request.user),
        _("A test copy is on its way to %(email)s.") % {"email": request.user.email},
    )


@require_POST
def newsletter_resume(request: HttpRequest, pk: int) -> HttpResponse:
    may_work(request)
    issue = _issue_or_404(pk)
    return act_then_back(
        request,
        issue,
        lambda: services.resume_sending(issue=issue, by=request.user),
        _("Sending has been resumed."),
    )


@require_POST
def newsletter_send(request: HttpRequest, pk: int) -> HttpResponse:
    may_work(request)
    issue = _issue_or_404(pk)
    return act_then_back(
        request,
        issue,
        lambda: services.start_sending(issue=issue, by=request.user),
        _("Sending has started."),
    )
