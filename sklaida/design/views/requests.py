"""Screens of design requests: the board, the list, a request with its proofs, the load."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from sklaida.core.files import clean_filename
from sklaida.core.permissions import Capability, has_capability
from sklaida.core.views import discussion_context, paginated
from sklaida.design import selectors, services
from sklaida.design.forms import (
    FormatFormSet,
    MoveForm,
    ProofCommentForm,
    ProofForm,
    RequestFilterForm,
    RequestForm,
)
from sklaida.design.models import DesignRequest, Proof

PER_PAGE = 50


def _may_read(request: HttpRequest) -> None:
    if not has_capability(request.user, Capability.READ_DEPARTMENT):
        raise PermissionDenied


def _may_work(request: HttpRequest) -> None:
    if not services.may_work(request.user):
        raise PermissionDenied


def _request_or_404(pk: int) -> DesignRequest:
    return get_object_or_404(
        DesignRequest.objects.select_related(
            "event",
            "campaign",
            "space__library",
            "space_project",
            "requester",
            "designer",
            "provision_item__task",
        ),
        pk=pk,
    )


def board(request: HttpRequest) -> HttpResponse:
    _may_read(request)
    columns = selectors.board(columns=services.BOARD_COLUMNS, today=timezone.localdate())
    for column in columns:
        for card in column.cards:
            card.moves = services.move_choices(request.user, card)
    return render(
        request,
        "design/board.html",
        {
            "columns": columns,
            "may_work": services.may_work(request.user),
            "today": timezone.localdate(),
        },
    )


def request_list(request: HttpRequest) -> HttpResponse:
    _may_read(request)
    form = RequestFilterForm(request.GET or None)
    data = form.cleaned_data if form.is_valid() else {}
    criteria = selectors.RequestFilter(
        q=data.get("q") or "",
        status=data.get("status") or "",
        product=data.get("product") or "",
        designer=data["designer"].pk if data.get("designer") else None,
        date_from=data.get("date_from"),
        date_to=data.get("date_to"),
    )
    return render(
        request,
        "design/request_list.html",
        {
            "form": form,
            "may_work": services.may_work(request.user),
            **paginated(request, selectors.request_list(criteria), per_page=PER_PAGE),
        },
    )


def _save_request(request: HttpRequest, design_request: DesignRequest, *, title: str):
    form = RequestForm(request.POST or None, instance=design_request)
    formats = FormatFormSet(request.POST or None, instance=design_request, prefix="formats")
    if request.method == "POST" and form.is_valid() and formats.is_valid():
        saved = form.save(commit=False)
        sizes = list(formats.save(commit=False))
        try:
            with transaction.atomic():
                if saved.pk:
                    services.update_request(
                        actor=request.user,
                        request=saved,
                        formats=sizes,
                        deleted_formats=formats.deleted_objects,
                    )
                else:
                    services.create_request(actor=request.user, request=saved, formats=sizes)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The request has been saved."))
            return redirect(saved)
    return render(
        request,
        "design/request_form.html",
        {"form": form, "formats": formats, "title": title, "design_request": design_request},
    )


def request_create(request: HttpRequest) -> HttpResponse:
    _may_work(request)
    initial = DesignRequest(requester=request.user, deadline=timezone.localdate())
    event_pk = request.GET.get("renginys")
    if event_pk and event_pk.isdigit() and request.method == "GET":
        from sklaida.events.models import Event

        event = Event.objects.filter(pk=event_pk).first()
        if event is not None:
            initial.event = event
            initial.title = event.title
            initial.brief = event.summary
    return _save_request(request, initial, title=_("New design request"))


def request_edit(request: HttpRequest, pk: int) -> HttpResponse:
    _may_work(request)
    design_request = _request_or_404(pk)
    if not design_request.is_open:
        messages.error(request, _("A delivered or cancelled request is no longer changed."))
        return redirect(design_request)
    return _save_request(request, design_request, title=_("Change the design request"))


def _compared(design_request: DesignRequest, proofs: list[Proof], query) -> tuple:
    """The two versions shown side by side: the newest and the one before it, unless the
    person chose others (`?a=3&b=1`)."""
    by_number = {proof.number: proof for proof in proofs}

    def chosen(name: str, fallback: Proof | None) -> Proof | None:
        value = query.get(name, "")
        return by_number.get(int(value), fallback) if value.isdigit() else fallback

    newest = proofs[-1] if proofs else None
    previous = proofs[-2] if len(proofs) > 1 else None
    return chosen("a", newest), chosen("b", previous)


def request_detail(request: HttpRequest, pk: int) -> HttpResponse:
    _may_read(request)
    design_request = _request_or_404(pk)
    proofs = list(
        design_request.proofs.select_related("uploaded_by", "approved_by", "asset")
        .prefetch_related("comments__author")
        .order_by("number")
    )
    shown, previous = _compared(design_request, proofs, request.GET)
    may_work = services.may_work(request.user)
    return render(
        request,
        "design/request_detail.html",
        {
            "design_request": design_request,
            "formats": list(design_request.formats.select_related("channel")),
            "proofs": proofs,
            "shown": shown,
            "previous": previous,
            "moves": services.move_choices(request.user, design_request),
            "may_work": may_work,
            "may_add_proof": may_work
            and design_request.status
            not in (
                DesignRequest.Status.APPROVED,
                DesignRequest.Status.DELIVERED,
                DesignRequest.Status.CANCELLED,
            )
            and services.may_move(request.user, design_request, DesignRequest.Status.PROOF),
            "proof_form": ProofForm(),
            "comment_form": ProofCommentForm(),
            "history": design_request.status_changes.select_related("changed_by"),
            **discussion_context(request, design_request),
        },
    )


def _wants_json(request: HttpRequest) -> bool:
    return "application/json" in request.headers.get("Accept", "")


@require_POST
def request_move(request: HttpRequest, pk: int) -> HttpResponse:
    """A move from the board (dragged: JSON) or from a card's or the page's form."""
    _may_work(request)
    design_request = _request_or_404(pk)
    form = MoveForm(request.POST)
    problem = ""
    if not form.is_valid():
        problem = _("Choose where to move the request.")
    else:
        target = form.cleaned_data["status"]
        try:
            design_request = services.move(
                actor=request.user, request=design_request, to_status=target
            )
        except PermissionDenied:
            problem = _(
                "Only the requester, the designer or the head of the department may make this move."
            )
        except ValidationError as error:
            problem = " ".join(error.messages)
    if _wants_json(request):
        if problem:
            return JsonResponse({"ok": False, "message": problem}, status=400)
        return JsonResponse({"ok": True})
    if problem:
        messages.error(request, problem)
    else:
        messages.success(
            request,
            _("“%(title)s” is now “%(status)s”.")
            % {"title": design_request.title, "status": design_request.get_status_display()},
        )
    back = request.POST.get("next", "")
    if back == "board":
        return redirect("design:board")
    return redirect(design_request)


@require_POST
def proof_upload(request: HttpRequest, pk: int) -> HttpResponse:
    _may_work(request)
    design_request = _request_or_404(pk)
    form = ProofForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            proof = services.add_proof(
                actor=request.user,
                request=design_request,
                checked=form.checked,
                note=form.cleaned_data["note"],
            )
        except PermissionDenied:
            messages.error(request, _("Only the request's designer may add proofs."))
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request, _("Proof %(number)s has been added.") % {"number": proof.number}
            )
    else:
        messages.error(request, " ".join(form.errors.get("file", [])) or _("Choose a file."))
    return redirect(design_request)


def _proof_or_404(pk: int, number: int) -> Proof:
    return get_object_or_404(Proof.objects.select_related("request"), request_id=pk, number=number)


@require_POST
def proof_comment(request: HttpRequest, pk: int, number: int) -> HttpResponse:
    _may_work(request)
    proof = _proof_or_404(pk, number)
    form = ProofCommentForm(request.POST)
    if form.is_valid():
        services.comment_on_proof(actor=request.user, proof=proof, body=form.cleaned_data["body"])
        messages.success(request, _("The comment has been added."))
    else:
        messages.error(request, _("Write the comment."))
    return redirect(f"{proof.request.get_absolute_url()}?a={proof.number}#proof-{proof.number}")


def proof_file(request: HttpRequest, pk: int, number: int, part: str) -> FileResponse:
    """The proof's file (downloaded) or its preview (shown on the page)."""
    _may_read(request)
    proof = _proof_or_404(pk, number)
    if part == "failas":
        return FileResponse(
            proof.file.open("rb"),
            as_attachment=True,
            filename=clean_filename(proof.original_name),
            content_type=proof.media_type,
        )
    if part == "perziura" and proof.preview:
        response = FileResponse(proof.preview.open("rb"), content_type="image/png")
        response["Cache-Control"] = "private, max-age=86400"
        return response
    raise Http404


def designer_load(request: HttpRequest) -> HttpResponse:
    _may_read(request)
    weeks, rows = selectors.designer_load(today=timezone.localdate())
    return render(request, "design/designer_load.html", {"weeks": weeks, "rows": rows})
