"""Generated layouts (4.2, 4.3): a poster or social images from the request's event and
the current brand kit, downloaded as a starting point or uploaded straight as a proof."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from sklaida.core.files import clean_filename
from sklaida.design import generating, kits, layouts, services
from sklaida.design.models import DesignRequest

# The event's pictures offered for the layout: the selected and best rated first.
IMAGES_OFFERED = 24


class GenerateForm(forms.Form):
    template = forms.ChoiceField(label=gettext_lazy("Template"))
    title = forms.CharField(label=gettext_lazy("Title"), max_length=200)
    text = forms.CharField(
        label=gettext_lazy("Short text"),
        max_length=400,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    asset = forms.ModelChoiceField(
        label=gettext_lazy("Picture from the archive"),
        queryset=None,
        required=False,
        empty_label=gettext_lazy("No picture"),
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, event, **kwargs) -> None:
        from sklaida.archive.models import Asset

        super().__init__(*args, **kwargs)
        kit = kits.current_kit()
        choices = (
            [(template.layout, template.name) for template in kit.templates.all()] if kit else []
        )
        known = {layout for layout, _ in choices}
        choices += [(key, label) for key, label in layouts.TEMPLATES.items() if key not in known]
        self.fields["template"].choices = choices
        self.fields["asset"].queryset = (
            Asset.objects.filter(event=event, kind=Asset.Kind.IMAGE)
            .exclude(selection=Asset.Selection.REJECTED)
            .order_by("selection", "-rating", "captured_at", "pk")[:IMAGES_OFFERED]
        )

    def clean_asset(self):
        asset = self.cleaned_data.get("asset")
        offered = {choice.pk for choice in self.fields["asset"].queryset}
        if asset is not None and asset.pk not in offered:
            raise forms.ValidationError(_("Choose one of the event's pictures."))
        return asset

    def choices(self) -> generating.Choices:
        data = self.cleaned_data
        return generating.Choices(
            template=data["template"], title=data["title"], text=data["text"], asset=data["asset"]
        )


def _request_with_event(request: HttpRequest, pk: int) -> DesignRequest:
    if not services.may_work(request.user):
        raise PermissionDenied
    design_request = get_object_or_404(
        DesignRequest.objects.select_related("event__library", "event__space"), pk=pk
    )
    if design_request.event is None:
        raise Http404
    return design_request


def _form(request: HttpRequest, design_request: DesignRequest, data=None) -> GenerateForm:
    from sklaida.archive.selectors.illustrations import illustration_of

    event = design_request.event
    initial = {"title": event.title, "text": event.summary, "template": "image-top"}
    if data is None:
        # The picture the public already sees with the event, when it has one.
        illustration = illustration_of(event)
        initial["asset"] = illustration.asset_id if illustration else None
    return GenerateForm(data, event=event, initial=initial)


def generate(request: HttpRequest, pk: int) -> HttpResponse:
    """The choices; "Check" makes the A4 poster and lists what to look at; "Upload as a
    proof" adds the chosen kind as the next proof."""
    design_request = _request_with_event(request, pk)
    bound = (
        request.POST
        if request.method == "POST"
        else (request.GET if "title" in request.GET else None)
    )
    form = _form(request, design_request, bound)
    warnings = None
    if form.is_bound and form.is_valid():
        if request.method == "POST":
            kind = request.POST.get("kind", "A4")
            if kind not in generating.KINDS:
                raise Http404
            checked, warnings = generating.as_proof(design_request, form.choices(), kind)
            try:
                proof = services.add_proof(
                    actor=request.user,
                    request=design_request,
                    checked=checked,
                    note="\n".join([_("Generated from the event and the brand kit."), *warnings]),
                )
            except (PermissionDenied, ValidationError) as error:
                messages.error(
                    request,
                    " ".join(
                        getattr(
                            error, "messages", [_("Only the request's designer may add proofs.")]
                        )
                    ),
                )
            else:
                messages.success(
                    request, _("Proof %(number)s has been added.") % {"number": proof.number}
                )
                for warning in warnings:
                    messages.warning(request, warning)
                return redirect(design_request)
        else:
            warnings = generating.generate(design_request, form.choices(), "A4").warnings
    return render(
        request,
        "design/generate.html",
        {
            "design_request": design_request,
            "form": form,
            "warnings": warnings,
            "query": request.GET.urlencode() if "title" in request.GET else "",
            "social_sizes": generating.social_sizes(design_request),
        },
    )


def download(request: HttpRequest, pk: int, kind: str) -> HttpResponse:
    design_request = _request_with_event(request, pk)
    if kind not in generating.KINDS:
        raise Http404
    form = _form(request, design_request, request.GET)
    if not form.is_valid():
        messages.error(request, _("Check the choices and generate again."))
        return redirect("design:generate", pk=pk)
    made = generating.generate(design_request, form.choices(), kind)
    response = HttpResponse(made.data, content_type=made.media_type)
    response["Content-Disposition"] = f'attachment; filename="{clean_filename(made.name)}"'
    return response
