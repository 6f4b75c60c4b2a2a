"""Editorial checks: the inline check of a text (htmx) and the staff dictionary."""

from __future__ import annotations

from dataclasses import dataclass

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
from sklaida.communication.checks.dictionaries import MODEL_WORDS
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
        help_text=gettext_lazy(
            "A name, place or term the spelling check should accept, in its base form "
            "(Višinskis, not Višinskio)."
        ),
    )
    model_word = forms.CharField(
        label=gettext_lazy("Declines like"),
        max_length=100,
        required=False,
        help_text=gettext_lazy(
            "A dictionary word with the same endings, e.g. Jonaitis for Višinskis: then "
            "every case form is accepted. Empty: only the form written."
        ),
        widget=forms.TextInput(attrs={"list": "model-words"}),
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


# The content editor's fields checked together, each with the label its findings name.
EDITOR_FIELDS = (
    ("title", gettext_lazy("Title")),
    ("summary", gettext_lazy("Lead")),
    ("body", gettext_lazy("Text")),
)
EXCERPT_CONTEXT = 30


@dataclass(frozen=True)
class TextPart:
    """One field of the form whose text is checked: where its text starts in the whole."""

    field_id: str
    label: str
    text: str
    offset: int


def text_parts(data) -> list[TextPart]:
    """The texts to check from a POST: the content editor's title, lead and text, or `text`.

    Line ends are made "\n" as a browser's textarea holds them, so a finding's offsets point
    at the same characters in the page.
    """
    if "text" not in data and "body" in data:
        fields = [(name, str(label)) for name, label in EDITOR_FIELDS]
    else:
        fields = [("text", _("Text"))]
    parts, offset = [], 0
    for name, label in fields:
        text = (data.get(name) or "").replace("\r\n", "\n").rstrip()
        if not text.strip():
            continue
        parts.append(TextPart(f"id_{name}", label, text, offset))
        offset += len(text) + 2  # joined by a blank line
    return parts


def _located(finding, parts: list[TextPart]) -> dict:
    """A finding with its field, offsets in that field, line and excerpt."""
    part = next(
        (p for p in reversed(parts) if p.offset <= finding.start), parts[0] if parts else None
    )
    if part is None or finding.start is None:
        return {"finding": finding}
    text = part.text
    start = min(finding.start - part.offset, len(text))
    end = min(finding.end - part.offset, len(text))
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end == -1 else line_end
    before_start = max(line_start, start - EXCERPT_CONTEXT)
    after_end = min(line_end, end + EXCERPT_CONTEXT)
    return {
        "finding": finding,
        "field_id": part.field_id,
        "field_label": part.label,
        "line": text.count("\n", 0, start) + 1,
        "multiline": "\n" in part.text,
        "start": start,
        "end": end,
        "fragment": text[start:end],
        "before": ("…" if before_start > line_start else "") + text[before_start:start],
        "after": text[end:after_end] + ("…" if after_end < line_end else ""),
    }


def check_context(text: str | None = None, *, parts=None, limit=None, images=()) -> dict:
    """Findings grouped by rule, each once with its place, and the readability figure."""
    if parts is None:
        parts = [TextPart("id_text", _("Text"), text or "", 0)]
    whole = "\n\n".join(part.text for part in parts)
    groups: dict[str, dict] = {}
    seen = set()
    for finding in run_checks(whole, limit=limit, images=images):
        key = (finding.rule, finding.message, finding.start, finding.end)
        if key in seen:
            continue
        seen.add(key)
        group = groups.setdefault(
            finding.rule, {"rule": finding.rule, "label": RULE_LABELS[finding.rule], "items": []}
        )
        item = _located(finding, parts) if finding.start is not None else {"finding": finding}
        item["number"] = len(seen)
        group["items"].append(item)
    figures = readability(whole)
    return {
        "checked": True,
        "groups": list(groups.values()),
        "findings_count": sum(len(group["items"]) for group in groups.values()),
        "readability": figures,
        "readability_text": describe(figures) if figures else "",
        "model_words": MODEL_WORDS,
    }


def placed_beside_fields(context: dict, field_ids: list[str]) -> dict:
    """The findings of the fields in `field_ids` taken out of the panel's groups, to be shown
    under each field ("beside"): `{"beside": [(field_id, [(label, rule, item), …]), …]}`."""
    if not context.get("checked") or not field_ids:
        return context
    beside: dict[str, list] = {field_id: [] for field_id in field_ids}
    groups = []
    for group in context["groups"]:
        kept = []
        for item in group["items"]:
            if item.get("field_id") in beside:
                beside[item["field_id"]].append((group["label"], group["rule"], item))
            else:
                kept.append(item)
        if kept:
            groups.append({**group, "items": kept})
    return {**context, "groups": groups, "beside": list(beside.items())}


@require_POST
def check_text(request: HttpRequest) -> HttpResponse:
    """htmx: the findings for `text` (or the content editor's title, lead and text) as a
    partial; a `limit` or a `channel` gives the length to keep, a channel text's `image` and
    `image_alt` are checked for a description."""
    _may_work(request)
    parts = text_parts(request.POST)
    data = request.POST.copy()
    data["text"] = "\n\n".join(part.text for part in parts)
    form = CheckTextForm(data)
    if not form.is_valid():
        return render(
            request, "communication/_check_findings.html", {"checked": False, "check_form": form}
        )
    services.request_link_checks(text=data["text"])
    context = check_context(parts=parts, limit=form.length_limit(), images=form.images())
    # A form that shows each field's remarks under the field names those fields.
    beside = [field_id for field_id in request.POST.get("beside_fields", "").split() if field_id]
    return render(
        request,
        "communication/_check_findings.html",
        {
            **placed_beside_fields(context, beside),
            "can_add_words": True,  # who may check a text may add to the dictionary
        },
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
            "model_words": MODEL_WORDS,
            "q": q,
            **paginated(request, selectors.accepted_words(q=q), per_page=PER_PAGE),
        },
    )


@require_POST
def dictionary_add(request: HttpRequest) -> HttpResponse:
    """Add a word; from the checks panel (htmx) the answer is a line in the panel, and the
    text is checked again."""
    _may_work(request)
    form = AcceptedWordForm(request.POST)
    if form.is_valid():
        try:
            word = services.add_accepted_word(
                user=request.user,
                word=form.cleaned_data["word"],
                model_word=form.cleaned_data["model_word"],
            )
        except ValidationError as error:
            form.add_error("word", error)
        else:
            added = _("“%(word)s” was added to the dictionary.") % {"word": word}
            if request.htmx:
                response = render(
                    request, "communication/_dictionary_added.html", {"message": added}
                )
                response["HX-Trigger"] = "checks-recheck"
                return response
            messages.success(request, added)
            return redirect("communication:dictionary")
    if request.htmx:
        return render(
            request,
            "communication/_dictionary_added.html",
            {"errors": [error for errors in form.errors.values() for error in errors]},
        )
    return render(
        request,
        "communication/dictionary.html",
        {
            "form": form,
            "check_form": CheckTextForm(),
            "model_words": MODEL_WORDS,
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
