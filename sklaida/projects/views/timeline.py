"""A project's timeline (5.1): activities and milestones on a Gantt chart and in a table
beside it (the table is the page without scripts), indicators planned against achieved, and
the forms that add, change and remove them. Whoever sees the project reads the page; whoever
may change the project changes its timeline."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from sklaida.core.permissions import can_change, visible_to
from sklaida.projects import services_timeline as services
from sklaida.projects.forms_timeline import ActivityForm, IndicatorForm
from sklaida.projects.indicators import indicator_progress
from sklaida.projects.models import Activity, Indicator, Project
from sklaida.projects.timeline import activities_of, gantt_tasks


def project_or_404(request: HttpRequest, pk: int, *, change: bool = False) -> Project:
    """The project if the person may see it (else 404), and may change it when asked (403)."""
    projects = visible_to(request.user, Project.objects.select_related("funder", "call"))
    project = projects.filter(pk=pk).first()
    if project is None:
        raise Http404
    if change and not can_change(request.user, project):
        raise PermissionDenied
    return project


def _timeline_url(project: Project, anchor: str = "") -> str:
    return reverse("projects:timeline", args=[project.pk]) + (f"#{anchor}" if anchor else "")


@login_required
def timeline(request: HttpRequest, pk: int) -> HttpResponse:
    project = project_or_404(request, pk)
    activities = activities_of(project)
    return render(
        request,
        "projects/timeline.html",
        {
            "project": project,
            "tab": "timeline",
            "activities": activities,
            "gantt_tasks": gantt_tasks(activities),
            "indicators": indicator_progress(project),
            "may_change": can_change(request.user, project),
        },
    )


def _activity_page(request: HttpRequest, project: Project, activity: Activity | None):
    form = ActivityForm(
        request.POST or None,
        instance=activity or Activity(project=project),
        project=project,
        initial=None if activity else {"responsible": request.user, "starts_on": project.starts_on},
    )
    if request.method == "POST" and form.is_valid():
        fields = {name: form.cleaned_data[name] for name in services.ACTIVITY_FIELDS}
        try:
            if activity is None:
                saved = services.add_activity(
                    actor=request.user,
                    project=project,
                    events=form.cleaned_data["events"],
                    **fields,
                )
                messages.success(request, _("The activity has been added."))
            else:
                saved = services.update_activity(
                    actor=request.user,
                    activity=activity,
                    events=form.cleaned_data["events"],
                    **fields,
                )
                messages.success(request, _("The activity has been saved."))
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return redirect(_timeline_url(project, f"activity-{saved.pk}"))
    return render(
        request,
        "projects/timeline_form.html",
        {
            "project": project,
            "tab": "timeline",
            "form": form,
            "title": _("Edit the activity") if activity else _("New activity or milestone"),
            "cancel_url": _timeline_url(project, "activities"),
        },
    )


def _activity_or_404(project: Project, activity_pk: int) -> Activity:
    activity = project.activities.filter(pk=activity_pk).first()
    if activity is None:
        raise Http404
    activity.project = project
    return activity


@login_required
def activity_create(request: HttpRequest, pk: int) -> HttpResponse:
    return _activity_page(request, project_or_404(request, pk, change=True), None)


@login_required
def activity_edit(request: HttpRequest, pk: int, activity_pk: int) -> HttpResponse:
    project = project_or_404(request, pk, change=True)
    return _activity_page(request, project, _activity_or_404(project, activity_pk))


@login_required
@require_POST
def activity_delete(request: HttpRequest, pk: int, activity_pk: int) -> HttpResponse:
    project = project_or_404(request, pk, change=True)
    activity = _activity_or_404(project, activity_pk)
    services.remove_activity(actor=request.user, activity=activity)
    messages.success(request, _("The activity “%(title)s” has been removed.") % {"title": activity})
    return redirect(_timeline_url(project, "activities"))


def _indicator_page(request: HttpRequest, project: Project, indicator: Indicator | None):
    form = IndicatorForm(request.POST or None, instance=indicator or Indicator(project=project))
    if request.method == "POST" and form.is_valid():
        fields = {name: form.cleaned_data[name] for name in services.INDICATOR_FIELDS}
        try:
            if indicator is None:
                services.add_indicator(actor=request.user, project=project, **fields)
                messages.success(request, _("The indicator has been added."))
            else:
                services.update_indicator(actor=request.user, indicator=indicator, **fields)
                messages.success(request, _("The indicator has been saved."))
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return redirect(_timeline_url(project, "indicators"))
    return render(
        request,
        "projects/timeline_form.html",
        {
            "project": project,
            "tab": "timeline",
            "form": form,
            "title": _("Edit the indicator") if indicator else _("New indicator"),
            "cancel_url": _timeline_url(project, "indicators"),
        },
    )


def _indicator_or_404(project: Project, indicator_pk: int) -> Indicator:
    indicator = project.indicators.filter(pk=indicator_pk).first()
    if indicator is None:
        raise Http404
    indicator.project = project
    return indicator


@login_required
def indicator_create(request: HttpRequest, pk: int) -> HttpResponse:
    return _indicator_page(request, project_or_404(request, pk, change=True), None)


@login_required
def indicator_edit(request: HttpRequest, pk: int, indicator_pk: int) -> HttpResponse:
    project = project_or_404(request, pk, change=True)
    return _indicator_page(request, project, _indicator_or_404(project, indicator_pk))


@login_required
@require_POST
def indicator_delete(request: HttpRequest, pk: int, indicator_pk: int) -> HttpResponse:
    project = project_or_404(request, pk, change=True)
    indicator = _indicator_or_404(project, indicator_pk)
    services.remove_indicator(actor=request.user, indicator=indicator)
    messages.success(request, _("The indicator “%(name)s” has been removed.") % {"name": indicator})
    return redirect(_timeline_url(project, "indicators"))
