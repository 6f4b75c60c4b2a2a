"""Screens of purchase requests: the list, a request with its history, survey and
documents, the form (which warns of a split purchase before saving), and the one click
that makes a request of an approved equipment proposal."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from sklaida.core.files import clean_filename
from sklaida.core.permissions import department_read_required, department_work_required
from sklaida.core.views import discussion_context, paginated
from sklaida.procurement import documents, selectors, services, splitting, thresholds
from sklaida.procurement.forms import (
    DocumentUploadForm,
    MoveForm,
    OfferFormSet,
    RequestFilterForm,
    RequestForm,
    SurveyForm,
)
from sklaida.procurement.models import (
    DocumentVersion,
    PurchaseRequest,
    RequestDocument,
    SupplierSurvey,
)

PER_PAGE = 50
SPLIT_ACKNOWLEDGED = "split_acknowledged"


def _request_or_404(pk: int) -> PurchaseRequest:
    return get_object_or_404(selectors.request_with_everything(pk))


@department_read_required
def request_list(request: HttpRequest) -> HttpResponse:
    form = RequestFilterForm(request.GET or None)
    return render(
        request,
        "procurement/request_list.html",
        {
            "form": form,
            "may_work": services.may_work(request.user),
            **paginated(request, selectors.request_list(form.criteria()), per_page=PER_PAGE),
        },
    )


def _year_of(purchase: PurchaseRequest) -> int:
    if purchase.pk:
        return purchase.year
    return purchase.needed_by.year if purchase.needed_by else timezone.localdate().year


def _warning_for_form(purchase: PurchaseRequest) -> splitting.SplitWarning | None:
    return splitting.split_warning(
        cpv_code=purchase.cpv_code,
        kind=purchase.kind,
        year=_year_of(purchase),
        value=purchase.estimated_value,
        on=timezone.localdate(),
        exclude_pk=purchase.pk,
    )


def _save(request: HttpRequest, purchase: PurchaseRequest, *, title: str) -> HttpResponse:
    form = RequestForm(request.POST or None, instance=purchase)
    warning = None
    if request.method == "GET" and purchase.pk:
        warning = splitting.warning_for(purchase, on=timezone.localdate())
    if request.method == "POST" and form.is_valid():
        saved = form.save(commit=False)
        warning = _warning_for_form(saved)
        if warning is None or request.POST.get(SPLIT_ACKNOWLEDGED):
            try:
                if saved.pk:
                    services.update_request(actor=request.user, request=saved)
                else:
                    services.create_request(actor=request.user, request=saved)
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(
                    request,
                    _("Purchase request %(number)s has been saved.") % {"number": saved.number},
                )
                return redirect(saved)
    return render(
        request,
        "procurement/request_form.html",
        {
            "form": form,
            "title": title,
            "purchase": purchase,
            "warning": warning,
            "acknowledge": warning is not None and request.method == "POST",
        },
    )


@department_work_required
def request_create(request: HttpRequest) -> HttpResponse:
    return _save(
        request,
        PurchaseRequest(initiator=request.user),
        title=_("New purchase request"),
    )


@department_work_required
def request_edit(request: HttpRequest, pk: int) -> HttpResponse:
    purchase = _request_or_404(pk)
    if purchase.status in services.CLOSED:
        messages.error(request, _("A closed request is no longer changed."))
        return redirect(purchase)
    return _save(request, purchase, title=_("Change the purchase request"))


@department_read_required
def request_detail(request: HttpRequest, pk: int) -> HttpResponse:
    purchase = _request_or_404(pk)
    today = timezone.localdate()
    may_work = services.may_work(request.user)
    survey = selectors.survey_of(purchase)
    return render(
        request,
        "procurement/request_detail.html",
        {
            "purchase": purchase,
            "suggestion": thresholds.suggest_procedure(
                kind=purchase.kind, value=purchase.estimated_value, on=today
            ),
            "warning": splitting.warning_for(purchase, on=today),
            "moves": services.allowed_moves(request.user, purchase),
            "history": purchase.status_changes.select_related("changed_by"),
            "survey": survey,
            "offers": list(survey.offers.all()) if survey else [],
            "contracts": list(purchase.contracts.select_related("organisation")),
            "documents": selectors.documents_of(purchase),
            "document_kinds": RequestDocument.Kind.choices,
            "may_work": may_work,
            "may_edit": may_work and purchase.status not in services.CLOSED,
            "may_survey": may_work
            and purchase.status
            in (
                PurchaseRequest.Status.APPROVED,
                PurchaseRequest.Status.IN_PROCUREMENT,
                PurchaseRequest.Status.CONTRACTED,
                PurchaseRequest.Status.COMPLETED,
            ),
            "upload_form": DocumentUploadForm(),
            **discussion_context(request, purchase),
        },
    )


@require_POST
@department_work_required
def request_move(request: HttpRequest, pk: int) -> HttpResponse:
    purchase = _request_or_404(pk)
    form = MoveForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose where to move the request."))
        return redirect(purchase)
    try:
        services.move_request(
            actor=request.user,
            request=purchase,
            to_status=form.cleaned_data["status"],
            note=form.cleaned_data["note"],
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("The request is now “%(status)s”.")
            % {"status": PurchaseRequest.Status(form.cleaned_data["status"]).label},
        )
    return redirect(purchase)


@require_POST
@department_work_required
def request_from_proposal(request: HttpRequest, proposal_pk: int) -> HttpResponse:
    from sklaida.archive.models import Proposal

    proposal = get_object_or_404(Proposal, pk=proposal_pk)
    try:
        purchase = services.create_request_from_proposal(actor=request.user, proposal=proposal)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("archive:proposal_detail", pk=proposal.pk)
    messages.success(
        request,
        _(
            "Purchase request %(number)s has been prepared from the proposal; "
            "add its CPV code and technical specification."
        )
        % {"number": purchase.number},
    )
    return redirect(purchase)


# The supplier survey


@department_work_required
def survey_edit(request: HttpRequest, pk: int) -> HttpResponse:
    purchase = _request_or_404(pk)
    survey = selectors.survey_of(purchase) or SupplierSurvey(request=purchase)
    form = SurveyForm(request.POST or None, instance=survey)
    offers = OfferFormSet(
        request.POST or None,
        instance=survey,
        prefix="offers",
        queryset=survey.offers.select_related("organisation") if survey.pk else None,
    )
    if request.method == "POST" and form.is_valid() and offers.is_valid():
        saved_survey = form.save(commit=False)
        chosen_form = offers.chosen_form()
        kept = [
            offer_form
            for offer_form in offers.forms
            if (offer_form.has_changed() or offer_form.instance.pk)
            and not offer_form.cleaned_data.get("DELETE")
        ]
        try:
            with transaction.atomic():
                services.save_survey(
                    actor=request.user,
                    request=purchase,
                    survey=saved_survey,
                    offers=[offer_form.save(commit=False) for offer_form in kept],
                    deleted_offers=[
                        offer_form.instance
                        for offer_form in offers.forms
                        if offer_form.cleaned_data.get("DELETE") and offer_form.instance.pk
                    ],
                    chosen=chosen_form.instance if chosen_form else None,
                )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The supplier survey has been saved."))
            return redirect(purchase)
    return render(
        request,
        "procurement/survey_form.html",
        {"purchase": purchase, "form": form, "offers": offers},
    )


# Documents


@require_POST
@department_work_required
def document_generate(request: HttpRequest, pk: int, kind: str) -> HttpResponse:
    purchase = _request_or_404(pk)
    if kind not in RequestDocument.Kind.values:
        messages.error(request, _("Unknown document."))
        return redirect(purchase)
    try:
        version = services.generate_document(actor=request.user, request=purchase, kind=kind)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("“%(document)s” version %(number)s has been generated.")
            % {"document": RequestDocument.Kind(kind).label, "number": version.number},
        )
    return redirect(f"{purchase.get_absolute_url()}#documents")


@require_POST
@department_work_required
def document_upload(request: HttpRequest, pk: int) -> HttpResponse:
    purchase = _request_or_404(pk)
    form = DocumentUploadForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, _("Choose the document and its edited file."))
        return redirect(f"{purchase.get_absolute_url()}#documents")
    upload = form.cleaned_data["file"]
    try:
        if upload.size > documents.MAX_UPLOAD_BYTES:
            raise ValidationError(_("The file is too big for a document: at most 20 MB."))
        version = services.upload_document_version(
            actor=request.user,
            request=purchase,
            kind=form.cleaned_data["kind"],
            name=upload.name,
            data=upload.read(),
            note=form.cleaned_data["note"],
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("Version %(number)s of “%(document)s” has been uploaded.")
            % {"number": version.number, "document": version.document.get_kind_display()},
        )
    return redirect(f"{purchase.get_absolute_url()}#documents")


@department_read_required
def document_download(request: HttpRequest, pk: int, version_pk: int) -> FileResponse:
    version = get_object_or_404(
        DocumentVersion.objects.select_related("document"),
        pk=version_pk,
        document__request_id=pk,
    )
    return FileResponse(
        version.file.open("rb"),
        as_attachment=True,
        filename=clean_filename(version.original_name),
        content_type=documents.DOCX_MEDIA_TYPE,
    )
