"""Exhibitions on the event page: the exhibits list and the visitors counted."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from sklaida.core.forms import DateInput
from sklaida.events.models import Event, Exhibit, VisitorCount
from sklaida.events.services import events as event_services
from sklaida.events.services import exhibitions as services
from sklaida.events.views.common import event_or_404, may_work

ExhibitFormSet = forms.inlineformset_factory(
    Event,
    Exhibit,
    fields=["position", "title", "author", "year", "lender", "notes"],
    extra=3,
    can_delete=True,
)


class VisitorCountForm(forms.ModelForm):
    class Meta:
        model = VisitorCount
        fields = ["counted_on", "visitors"]
        widgets = {"counted_on": DateInput()}


def _exhibition(request: HttpRequest, pk: int) -> Event:
    may_work(request)
    event = event_or_404(request, pk)
    if not event.is_exhibition:
        raise Http404
    if not event_services.may_edit_events_of(request.user, event.library_id):
        raise PermissionDenied
    return event


def exhibits(request: HttpRequest, pk: int) -> HttpResponse:
    """Edit the list of exhibits."""
    event = _exhibition(request, pk)
    formset = ExhibitFormSet(request.POST or None, instance=event, prefix="exhibits")
    if request.method == "POST" and formset.is_valid():
        try:
            services.save_exhibits(
                actor=request.user,
                exhibition=event,
                exhibits=formset.save(commit=False),
                deleted=formset.deleted_objects,
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The exhibits have been saved."))
            return redirect(f"{event.get_absolute_url()}#exhibition-heading")
    return render(request, "events/exhibits_form.html", {"event": event, "formset": formset})


def visitors(request: HttpRequest, pk: int) -> HttpResponse:
    """Add the visitors of a day (the form is also on the exhibition's page)."""
    event = _exhibition(request, pk)
    form = VisitorCountForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.record_visitors(
                actor=request.user,
                exhibition=event,
                counted_on=form.cleaned_data["counted_on"],
                visitors=form.cleaned_data["visitors"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The visitors have been recorded."))
            return redirect(f"{event.get_absolute_url()}#exhibition-heading")
    return render(
        request,
        "events/visitors_form.html",
        {"event": event, "form": form, "counts": event.visitor_counts.all()},
    )
