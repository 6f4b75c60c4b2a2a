"""Editorial checks: the inline check of a text (htmx) and the staff dictionary."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from sklaida.communication.checks import RULE_LABELS, readability, run_checks
from sklaida.communication.checks.readability import describe
from sklaida.communication.models import Channel, ContentItem
from sklaida.communication.selectors import checks as selectors
from sklaida.communication.services import checks as services
from sklaida.core.models import Attachment
from sklaida.core.permissions import Capability, has_capability
from sklaida.core.views import paginated

PER_PAGE = 100
MAX_TEXT = 100_000


class AcceptedWordForm(forms.Form):
    word = forms.CharField(
        label=gettext_lazy("Word"),
        max_length=100,
        help_text=gettext_lazy("A name, place or term the spelling check should accept."),
    )


class CheckTextForm(forms.Form):
    text = forms.CharField(
        label=gettext_lazy("Text to check"),
        required=False,
        max_length=MAX_TEXT,
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    limit = forms.IntegerField(label=gettext_lazy("Character limit"), required=False, min_value=1)
    channel = forms.ModelChoiceField(
        label=gettext_lazy("Channel"), queryset=Channel.objects.all(), required=False
    )
    # A channel text's image and its description, for the alt-text check.
    image = forms.ModelChoiceField(
        label=gettext_lazy("Image"), queryset=Attachment.objects.none(), required=False
    )
    image_alt = forms.CharField(label=gettext_lazy("Image description"), required=False)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["image"].queryset = Attachment.objects.filter(
            content_type=ContentType.objects.get_for_model(ContentItem),
            mime_type__startswith="image/",
        )

    def images(self) -> list[tuple[Attachment, str]]:
        image = self.cleaned_data.get("image")
        return [(image, self.cleaned_data.get("image_alt", ""))] if image else []

    def length_limit(self) -> int | dict[str, int] | None:
        """The limit typed in, else the chosen channel's (named in the remark)."""
        channel = self.cleaned_data.get("channel")
        if self.cleaned_data.get("limit") is None and channel and channel.text_limit:
            return {str(channel): channel.text_limit}
        return self.cleaned_data.get("limit")


def _may_read(request: HttpRequest) -> None:
    if not has_capability(request.user, Capability.READ_DEPARTMENT):
        raise PermissionDenied


def _may_work(request: HttpRequest) -> None:
    if not has_capability(request.user, Capability.WORK_IN_DEPARTMENT):
        raise PermissionDenied


def check_context(text: str, *, limit=None, images=(), language: str = "lt") -> dict:
    """Findings grouped by rule (with the flagged fragment) and the readability figure."""
    groups: dict[str, dict] = {}
    for finding in run_checks(text, limit=limit, images=images, language=language):
        group = groups.setdefault(
            finding.rule, {"rule": finding.rule, "label": RULE_LABELS[finding.rule], "items": []}
        )
        fragment = text[finding.start : finding.end] if finding.start is not None else ""
        group["items"].append({"finding": finding, "fragment": fragment})
    figures = readability(text)
    return {
        "checked": True,
        "groups": list(groups.values()),
        "findings_count": sum(len(group["items"]) for group in groups.values()),
        "readability": figures,
        "readability_text": describe(figures) if figures else "",
    }


@require_POST
def check_text(request: HttpRequest) -> HttpResponse:
    """htmx: the findings for `text` as a partial; a `limit` or a `channel` gives the length
    to keep, a channel text's `image` and `image_alt` are checked for a description."""
    _may_work(request)
    data = request.POST.copy()
    if "text" not in data and "body" in data:
        # The content editor sends its own field: the title, lead and text are checked together.
        data["text"] = "\n\n".join(
            part for part in (data.get("title"), data.get("summary"), data.get("body")) if part
        )
    form = CheckTextForm(data)
    if not form.is_valid():
        return render(
            request, "communication/_check_findings.html", {"checked": False, "check_form": form}
        )
    text = form.cleaned_data["text"]
    services.request_link_checks(text=text)
    return render(
        request,
        "communication/_check_findings.html",
        check_context(text, limit=form.length_limit(), images=form.images()),
    )


def dictionary(request: HttpRequest) -> HttpResponse:
    _may_read(request)
    q = request.GET.get("q", "").strip()
    return render(
        request,
        "communication/dictionary.html",
        {
            "form": AcceptedWordForm(),
            "check_form": CheckTextForm(),
            "q": q,
            **paginated(request, selectors.accepted_words(q=q), per_page=PER_PAGE),
        },
    )


@require_POST
def dictionary_add(request: HttpRequest) -> HttpResponse:
    _may_work(request)
    form = AcceptedWordForm(request.POST)
    if form.is_valid():
        try:
            word = services.add_accepted_word(user=request.user, word=form.cleaned_data["word"])
        except ValidationError as error:
            form.add_error("word", error)
        else:
            messages.success(request, _("“%(word)s” was added to the dictionary.") % {"word": word})
            return redirect("communication:dictionary")
    return render(
        request,
        "communication/dictionary.html",
        {
            "form": form,
            "check_form": CheckTextForm(),
            "q": "",
            **paginated(request, selectors.accepted_words(), per_page=PER_PAGE),
        },
        status=400,
    )


@require_POST
def dictionary_delete(request: HttpRequest, pk: int) -> HttpResponse:
    _may_work(request)
    services.delete_accepted_word(user=request.user, pk=pk)
    messages.success(request, _("The word was removed from the dictionary."))
    return redirect("communication:dictionary")
