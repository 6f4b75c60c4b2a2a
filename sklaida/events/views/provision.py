"""Provision (2.3): checklists (templates) and an event's own checklist."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_POST

from sklaida.core.models import User
from sklaida.core.permissions import Capability, has_capability
from sklaida.core.selectors import assignable_users
from sklaida.events.models import (
    Event,
    ProvisionArea,
    ProvisionTemplate,
    ProvisionTemplateItem,
)
from sklaida.events.selectors import provision as selectors
from sklaida.events.services import provision as services
from sklaida.events.views.common import event_or_404, may_work, staff_only


class TemplateForm(forms.ModelForm):
    class Meta:
        model = ProvisionTemplate
        fields = ["name", "event_type", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 2})}


class TemplateItemForm(forms.ModelForm):
    class Meta:
        model = ProvisionTemplateItem
        fields = ["area", "title", "days_before", "owner", "position"]

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = assignable_users()
        self.fields["owner"].empty_label = _("The event's responsible person")


TemplateItemFormSet = forms.inlineformset_factory(
    ProvisionTemplate,
    ProvisionTemplateItem,
    form=TemplateItemForm,
    extra=3,
    can_delete=True,
)


class ApplyTemplateForm(forms.Form):
    template = forms.ModelChoiceField(
        label=gettext_lazy("Checklist"), queryset=ProvisionTemplate.objects.none()
    )

    def __init__(self, *args, event: Event, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["template"].queryset = selectors.templates_for(event_type=event.event_type)


class ProvisionItemForm(forms.Form):
    area = forms.ChoiceField(label=gettext_lazy("Area"), choices=ProvisionArea.choices)
    title = forms.CharField(label=gettext_lazy("What"), max_length=200)
    days_before = forms.IntegerField(
        label=gettext_lazy("Due, days before the event"),
        initial=7,
        min_value=-365,
        max_value=365,
    )
    owner = forms.ModelChoiceField(
        label=gettext_lazy("Owner"),
        queryset=User.objects.none(),
        required=False,
        empty_label=gettext_lazy("The event's responsible person"),
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = assignable_users()


def template_list(request: HttpRequest) -> HttpResponse:
    if not has_capability(request.user, Capability.READ_DEPARTMENT):
        raise PermissionDenied
    return render(
        request, "events/provision_template_list.html", {"templates": selectors.template_list()}
    )


def _template_form(request: HttpRequest, template: ProvisionTemplate, title: str) -> HttpResponse:
    staff_only(request)
    form = TemplateForm(request.POST or None, instance=template)
    formset = TemplateItemFormSet(request.POST or None, instance=template, prefix="items")
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        try:
            services.save_template(
                actor=request.user,
                template=form.save(commit=False),
                items=formset.save(commit=False),
                deleted=formset.deleted_objects,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The checklist has been saved."))
            return redirect("events:provision_templates")
    return render(
        request,
        "events/provision_template_form.html",
        {"form": form, "formset": formset, "title": title, "template": template},
    )


def template_create(request: HttpRequest) -> HttpResponse:
    return _template_form(request, ProvisionTemplate(), _("New checklist"))


def template_update(request: HttpRequest, pk: int) -> HttpResponse:
    template = get_object_or_404(ProvisionTemplate, pk=pk)
    return _template_form(request, template, _("Edit the checklist"))


@require_POST
def apply(request: HttpRequest, pk: int) -> HttpResponse:
    """Apply a checklist to the event: its items become tasks with due dates."""
    may_work(request)
    event = event_or_404(request, pk)
    form = ApplyTemplateForm(request.POST, event=event)
    if not form.is_valid():
        messages.error(request, _("Choose a checklist."))
        return redirect(event)
    try:
        created = services.apply_template(
            actor=request.user, event=event, template=form.cleaned_data["template"]
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        if created:
            messages.success(
                request,
                ngettext(
                    "%(count)d item has been added to the provision.",
                    "%(count)d items have been added to the provision.",
                    len(created),
                )
                % {"count": len(created)},
            )
        else:
            messages.info(request, _("The event already has every item of this checklist."))
    return redirect(f"{event.get_absolute_url()}#provision-heading")


def add_item(request: HttpRequest, pk: int) -> HttpResponse:
    """Add one provision item by hand."""
    may_work(request)
    event = event_or_404(request, pk)
    form = ProvisionItemForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.add_provision_item(
                actor=request.user,
                event=event,
                area=data["area"],
                title=data["title"],
                days_before=data["days_before"],
                owner=data["owner"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The item has been added to the provision."))
            return redirect(f"{event.get_absolute_url()}#provision-heading")
    return render(request, "events/provision_item_form.html", {"form": form, "event": event})
