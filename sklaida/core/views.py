"""Screens of the core: My work, tasks, libraries, profile, comments, attachments and the
demo's mailbox."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.templatetags.static import static
from django.utils import timezone, translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from sklaida.core import demo_mailbox, selectors, services
from sklaida.core.files import clean_filename
from sklaida.core.forms import (
    AttachmentForm,
    CommentForm,
    ProfileForm,
    SearchForm,
    TaskFilterForm,
    TaskForm,
    TaskStatusForm,
)
from sklaida.core.models import Attachment, Task
from sklaida.core.paging import CappedPaginator
from sklaida.core.permissions import (
    Capability,
    can_change,
    can_view,
    capability_required,
    has_capability,
)
from sklaida.core.registry import is_discussable, panels_for
from sklaida.core.search.everything import everything
from sklaida.core.views_auth import profile_page

TASKS_PER_PAGE = 50


@login_not_required
def favicon(request: HttpRequest) -> HttpResponse:
    """Browsers ask for /favicon.ico whatever the page says; send them to the real icon."""
    return redirect(static("core/favicon.svg"))


def paginated(request: HttpRequest, items, *, per_page: int) -> dict:
    """The `page` of items the request asks for, and its query string for the page links."""
    query_without_page = request.GET.copy()
    query_without_page.pop("page", None)
    return {
        "page": CappedPaginator(items, per_page).get_page(request.GET.get("page")),
        "query_without_page": query_without_page.urlencode(),
    }


def dashboard(request: HttpRequest) -> HttpResponse:
    work = selectors.my_work(user=request.user, today=timezone.localdate())
    return render(request, "core/dashboard.html", {"work": work})


def search_everything(request: HttpRequest) -> HttpResponse:
    """The header's search: what the user may see, grouped by kind, best matches first."""
    form = SearchForm(request.GET or None)
    query = form.cleaned_data["q"] if form.is_valid() else ""
    groups = everything(request.user, query) if query else []
    return render(
        request,
        "core/search.html",
        {"form": form, "query": query, "header_query": query, "groups": groups},
    )


def profile(request: HttpRequest) -> HttpResponse:
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        user = form.save()
        translation.activate(user.language)
        messages.success(request, _("Your profile has been saved."))
        response = redirect("core:profile")
        # The same cookie Django's language switch sets (Secure in production, same path).
        response.set_cookie(
            settings.LANGUAGE_COOKIE_NAME,
            user.language,
            max_age=settings.LANGUAGE_COOKIE_AGE,
            path=settings.LANGUAGE_COOKIE_PATH,
            domain=settings.LANGUAGE_COOKIE_DOMAIN,
            secure=settings.LANGUAGE_COOKIE_SECURE,
            httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
            samesite=settings.LANGUAGE_COOKIE_SAMESITE,
        )
        return response
    return profile_page(request, form=form)


def task_list(request: HttpRequest) -> HttpResponse:
    filters = TaskFilterForm(request.GET or None)
    criteria = filters.cleaned_data if filters.is_valid() else {}
    tasks = selectors.task_list(
        user=request.user,
        scope=criteria.get("scope") or "mine",
        status=criteria.get("status", ""),
        query=criteria.get("q", ""),
    )
    return render(
        request,
        "core/task_list.html",
        {
            "filters": filters,
            **paginated(request, tasks, per_page=TASKS_PER_PAGE),
            "today": timezone.localdate(),
        },
    )


@capability_required(Capability.WORK_IN_DEPARTMENT)
def task_create(request: HttpRequest) -> HttpResponse:
    form = TaskForm(request.POST or None, initial={"owner": request.user})
    if request.method == "POST" and form.is_valid():
        task = services.create_task(actor=request.user, **form.cleaned_data)
        messages.success(request, _("The task has been created."))
        return redirect(task)
    return render(request, "core/task_form.html", {"form": form})


def _task_or_404(request: HttpRequest, pk: int) -> Task:
    try:
        return selectors.task_for(user=request.user, pk=pk)
    except Task.DoesNotExist as missing:
        raise Http404 from missing


def task_detail(request: HttpRequest, pk: int) -> HttpResponse:
    task = _task_or_404(request, pk)
    return render(
        request,
        "core/task_detail.html",
        {
            "task": task,
            "may_change": can_change(request.user, task),
            "transitions": _transitions(task),
            **discussion_context(request, task),
        },
    )


def task_update(request: HttpRequest, pk: int) -> HttpResponse:
    task = _task_or_404(request, pk)
    if not can_change(request.user, task) or not has_capability(
        request.user, Capability.WORK_IN_DEPARTMENT
    ):
        raise PermissionDenied
    form = TaskForm(request.POST or None, instance=task)
    if request.method == "POST" and form.is_valid():
        services.update_task(task=task, actor=request.user, **form.cleaned_data)
        messages.success(request, _("The task has been saved."))
        return redirect(task)
    return render(request, "core/task_form.html", {"form": form, "task": task})


def _transitions(task: Task) -> list[tuple[str, str]]:
    return [
        (status, label)
        for status, label in Task.Status.choices
        if status in services.TASK_TRANSITIONS[task.status]
    ]


@require_POST
def task_status(request: HttpRequest, pk: int) -> HttpResponse:
    task = _task_or_404(request, pk)
    if not can_change(request.user, task):
        raise PermissionDenied
    form = TaskStatusForm(request.POST)
    if not form.is_valid():
        return HttpResponse(_("Choose a status."), status=400)
    try:
        services.change_task_status(
            task=task, actor=request.user, status=form.cleaned_data["status"]
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("“%(task)s” is now “%(status)s”.")
            % {"task": task.title, "status": task.get_status_display()},
        )
    if request.htmx:
        return render(
            request,
            "core/_task_row.html",
            # The new row keeps the columns of the table it replaces a row in.
            {
                "task": task,
                "today": timezone.localdate(),
                "with_owner": request.POST.get("with_owner") == "1",
            },
        )
    return redirect(safe_next(request) or task.get_absolute_url())


def safe_next(request: HttpRequest) -> str | None:
    """The `next` address of the request when it stays on this site."""
    target = request.POST.get("next") or request.GET.get("next")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return None


def wants_json(request: HttpRequest) -> bool:
    """Scripts (the calendars' drag and drop) ask for JSON; forms get a redirect."""
    return "application/json" in request.headers.get("Accept", "")


def discussion_context(request: HttpRequest, target, **forms) -> dict:
    """Comments, attachments and history shown at the foot of an object's page."""
    content_type = ContentType.objects.get_for_model(target)
    return {
        "discussion": {
            "target": target,
            "content_type_id": content_type.pk,
            "comments": selectors.comments_on(target),
            "attachments": selectors.attachments_on(target),
            "history": selectors.history_of(target),
            "may_change": can_change(request.user, target),
            "comment_form": forms.get("comment_form") or CommentForm(),
            "attachment_form": forms.get("attachment_form") or AttachmentForm(),
        }
    }


def _discussable_target(request: HttpRequest, content_type_id: int, object_id: int):
    content_type = get_object_or_404(ContentType, pk=content_type_id)
    model = content_type.model_class()
    if not is_discussable(model):
        raise Http404
    try:
        target = model._default_manager.get(pk=object_id)
    except ObjectDoesNotExist as missing:
        raise Http404 from missing
    if not can_view(request.user, target):
        raise Http404
    if not can_change(request.user, target):
        raise PermissionDenied
    return target


def _after_discussion_change(request: HttpRequest, target, **forms) -> HttpResponse:
    if request.htmx:
        return render(
            request, "core/_discussion.html", discussion_context(request, target, **forms)
        )
    return redirect(target.get_absolute_url() + "#discussion")


@require_POST
def comment_create(request: HttpRequest, content_type_id: int, object_id: int) -> HttpResponse:
    target = _discussable_target(request, content_type_id, object_id)
    form = CommentForm(request.POST)
    if form.is_valid():
        services.add_comment(target=target, author=request.user, body=form.cleaned_data["body"])
        messages.success(request, _("Your comment has been added."))
        form = None
    else:
        messages.error(request, _("The comment was not added: write some text."))
    return _after_discussion_change(request, target, comment_form=form)


@require_POST
def attachment_create(request: HttpRequest, content_type_id: int, object_id: int) -> HttpResponse:
    target = _discussable_target(request, content_type_id, object_id)
    form = AttachmentForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            attachment = services.add_attachment(
                target=target, uploaded_by=request.user, file=form.cleaned_data["file"]
            )
        except ValidationError as error:
            form.add_error("file", error)
        else:
            messages.success(
                request, _("“%(name)s” has been attached.") % {"name": attachment.original_name}
            )
            return _after_discussion_change(request, target)
    reasons = form.errors.get("file") or [_("choose a file.")]
    messages.error(
        request, _("The file was not attached: %(reason)s") % {"reason": " ".join(reasons)}
    )
    return _after_discussion_change(request, target, attachment_form=form)


def _attachment_or_404(request: HttpRequest, pk: int) -> Attachment:
    attachment = get_object_or_404(Attachment.objects.select_related("content_type"), pk=pk)
    target = attachment.target
    if target is None or not can_view(request.user, target):
        raise Http404
    return attachment


def attachment_download(request: HttpRequest, pk: int) -> FileResponse:
    attachment = _attachment_or_404(request, pk)
    return FileResponse(
        attachment.file.open("rb"),
        as_attachment=True,
        # Cleaned again: rows saved before names were cleaned on upload.
        filename=clean_filename(attachment.original_name),
        content_type=attachment.mime_type,
    )


@require_POST
def attachment_delete(request: HttpRequest, pk: int) -> HttpResponse:
    attachment = _attachment_or_404(request, pk)
    target = attachment.target
    services.delete_attachment(attachment=attachment, actor=request.user)
    messages.success(
        request, _("“%(name)s” has been removed.") % {"name": attachment.original_name}
    )
    return _after_discussion_change(request, target)


def library_list(request: HttpRequest) -> HttpResponse:
    if not (
        has_capability(request.user, Capability.READ_DEPARTMENT)
        or has_capability(request.user, Capability.WORK_FOR_OWN_LIBRARY)
    ):
        raise PermissionDenied
    return render(
        request, "core/library_list.html", {"libraries": selectors.libraries_for(user=request.user)}
    )


def library_detail(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        library = selectors.library_for(user=request.user, pk=pk)
    except ObjectDoesNotExist as missing:
        raise Http404 from missing
    return render(
        request,
        "core/library_detail.html",
        {"library": library, "spaces": selectors.spaces_of(library)},
    )


def space_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """A space's facts and what other apps show about it (what hangs there, …)."""
    try:
        space = selectors.space_for(user=request.user, pk=pk)
    except ObjectDoesNotExist as missing:
        raise Http404 from missing
    return render(
        request, "core/space_detail.html", {"space": space, "panels": panels_for(request, space)}
    )


# The demo's mailbox ---------------------------------------------------------------------

MAILBOX_PER_PAGE = 50


def _may_read_demo_mailbox(request: HttpRequest) -> None:
    """Only a demo has the mailbox (404 elsewhere); the department and the admin read it."""
    if not settings.DEMO_MODE:
        raise Http404
    if not (
        has_capability(request.user, Capability.READ_DEPARTMENT)
        or has_capability(request.user, Capability.MANAGE_SYSTEM)
    ):
        raise PermissionDenied


def demo_mailbox_list(request: HttpRequest) -> HttpResponse:
    """What the demo sent, the last message first, a page of headers at a time."""
    _may_read_demo_mailbox(request)
    context = paginated(request, demo_mailbox.newest_first(), per_page=MAILBOX_PER_PAGE)
    context["letters"] = demo_mailbox.letters(list(context["page"].object_list))
    context["smtp_address"] = f"{settings.EMAIL_HOST}:{settings.EMAIL_PORT}"
    return render(request, "core/demo_mailbox_list.html", context)


def demo_mailbox_letter(request: HttpRequest, key: str) -> HttpResponse:
    """One message: its HTML in a sandboxed frame, its plain text, its attachments."""
    _may_read_demo_mailbox(request)
    try:
        opened = demo_mailbox.open_letter(key)
    except KeyError as missing:
        raise Http404 from missing
    return render(request, "core/demo_mailbox_letter.html", {"opened": opened})
