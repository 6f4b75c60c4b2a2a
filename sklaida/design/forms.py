"""Forms of the design requests and the brand kit."""

from __future__ import annotations

import datetime

from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sklaida.communication.models import Campaign
from sklaida.core.forms import ANY_MASCULINE, DATE_FROM, DATE_TO, DateInput
from sklaida.core.models import Space, User
from sklaida.core.pickers import SpaceChoiceField
from sklaida.core.selectors import assignable_users
from sklaida.design import files
from sklaida.design.models import (
    BrandKit,
    DesignRequest,
    KitColour,
    KitFont,
    KitLogo,
    KitTemplate,
    RequestFormat,
    SpaceProject,
)
from sklaida.events.models import Event

# Events offered in a request's picker: those of the last few months and ahead, so the
# list stays short however many events the register holds.
EVENTS_SINCE_DAYS = 90
EVENTS_OFFERED = 400


class RequestForm(forms.ModelForm):
    space = SpaceChoiceField(label=_("Space"), queryset=Space.objects.none(), required=False)

    class Meta:
        model = DesignRequest
        fields = [
            "title",
            "product",
            "brief",
            "event",
            "campaign",
            "space",
            "space_project",
            "deadline",
            "priority",
            "designer",
            "quantity",
            "print_notes",
        ]
        widgets = {
            "deadline": DateInput(),
            "brief": forms.Textarea(attrs={"rows": 5}),
            "print_notes": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["designer"].queryset = assignable_users()
        self.fields["campaign"].queryset = Campaign.objects.order_by("-starts_on")
        self.fields["space"].queryset = Space.objects.filter(is_active=True).select_related(
            "library"
        )
        self.fields["space_project"].queryset = SpaceProject.objects.exclude(
            status=SpaceProject.Status.COMPLETED
        ).order_by("title")
        since = timezone.now() - datetime.timedelta(days=EVENTS_SINCE_DAYS)
        offered = Event.objects.filter(starts_at__gte=since).exclude(status=Event.Status.CANCELLED)
        pks = list(offered.order_by("starts_at").values_list("pk", flat=True)[:EVENTS_OFFERED])
        if self.instance.event_id:
            pks.append(self.instance.event_id)
        self.fields["event"].queryset = Event.objects.filter(pk__in=pks).order_by("starts_at")

    def clean_deadline(self) -> datetime.date:
        deadline = self.cleaned_data["deadline"]
        unchanged = self.instance.pk and self.instance.deadline == deadline
        if deadline < timezone.localdate() and not unchanged:
            raise forms.ValidationError(_("Choose a day that has not passed."))
        return deadline


class FormatForm(forms.ModelForm):
    class Meta:
        model = RequestFormat
        fields = ["paper", "width", "height", "bleed_mm"]
        labels = {
            "width": _("Width (mm or px)"),
            "height": _("Height (mm or px)"),
        }


FormatFormSet = forms.inlineformset_factory(
    DesignRequest, RequestFormat, form=FormatForm, extra=2, can_delete=True
)


class RequestFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", ANY_MASCULINE), ("open", _("Open")), *DesignRequest.Status.choices],
    )
    product = forms.ChoiceField(
        label=_("Product"),
        required=False,
        choices=[("", ANY_MASCULINE), *DesignRequest.Product.choices],
    )
    designer = forms.ModelChoiceField(
        label=_("Designer"), required=False, queryset=User.objects.none(), empty_label=ANY_MASCULINE
    )
    date_from = forms.DateField(label=DATE_FROM, required=False, widget=DateInput())
    date_to = forms.DateField(label=DATE_TO, required=False, widget=DateInput())

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["designer"].queryset = (
            User.objects.filter(Q(design_requests_assigned__isnull=False) | Q(is_active=True))
            .distinct()
            .order_by("first_name", "last_name")
        )


class MoveForm(forms.Form):
    status = forms.ChoiceField(label=_("Move to"), choices=DesignRequest.Status.choices)


class ProofForm(forms.Form):
    file = forms.FileField(
        label=_("File"), help_text=_("PDF, PNG, JPEG or WebP; a PDF's first page is previewed.")
    )
    note = forms.CharField(
        label=_("What changed"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def clean_file(self):
        uploaded = self.cleaned_data["file"]
        self.checked = files.check_proof(uploaded)
        return uploaded


class ProofCommentForm(forms.Form):
    body = forms.CharField(label=_("Comment"), widget=forms.Textarea(attrs={"rows": 2}))


class KitForm(forms.ModelForm):
    class Meta:
        model = BrandKit
        fields = ["name", "usage_rules"]
        widgets = {"usage_rules": forms.Textarea(attrs={"rows": 8})}


class ColourForm(forms.ModelForm):
    class Meta:
        model = KitColour
        fields = ["name", "hex", "role", "for_text", "cmyk", "pantone", "position"]
        widgets = {"hex": forms.TextInput(attrs={"placeholder": "#1F4E79", "size": 8})}


class LogoForm(forms.ModelForm):
    class Meta:
        model = KitLogo
        fields = ["name", "background", "file", "position"]
        help_texts = {"file": _("SVG, PNG or PDF.")}

    def clean_file(self):
        uploaded = self.cleaned_data["file"]
        self.checked = files.check_logo(uploaded)
        return uploaded


class FontForm(forms.ModelForm):
    class Meta:
        model = KitFont
        fields = ["family", "style", "role", "file", "licence", "licence_note"]
        widgets = {"licence_note": forms.Textarea(attrs={"rows": 2})}
        help_texts = {"file": _("TrueType (.ttf) or OpenType (.otf).")}

    def clean_file(self):
        uploaded = self.cleaned_data["file"]
        self.checked = files.check_font(uploaded)
        return uploaded


class TemplateForm(forms.ModelForm):
    class Meta:
        model = KitTemplate
        fields = ["name", "layout", "description", "position"]
        widgets = {"description": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, **kwargs) -> None:
        from sklaida.design.layouts import TEMPLATES

        super().__init__(*args, **kwargs)
        self.fields["layout"] = forms.ChoiceField(
            label=_("Layout"), choices=list(TEMPLATES.items())
        )


# The parts of a kit added and removed on its page: name in the URL → form and model.
KIT_PARTS = {
    "spalvos": (ColourForm, KitColour),
    "logotipai": (LogoForm, KitLogo),
    "sriftai": (FontForm, KitFont),
    "sablonai": (TemplateForm, KitTemplate),
}
