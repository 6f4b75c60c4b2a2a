"""Design requests: the board's moves and who may make them, proofs and their approval,
filing the approved file in the media archive, and requests made from event provision."""

from __future__ import annotations

import datetime
import re
import tempfile
from collections.abc import Iterable
from pathlib import Path

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from sklaida.core.models import Library, Task, User
from sklaida.core.notifications import absolute_url, send_to_address
from sklaida.core.permissions import Capability, has_capability
from sklaida.design import files
from sklaida.design.models import (
    DesignRequest,
    Proof,
    ProofComment,
    RequestFormat,
    StatusChange,
)

S = DesignRequest.Status

# The board's columns and the moves between them. Cancelling is possible from any open
# status; a cancelled request can be opened again as requested.
TRANSITIONS: dict[str, frozenset[str]] = {
    S.REQUESTED: frozenset({S.ACCEPTED, S.CANCELLED}),
    S.ACCEPTED: frozenset({S.REQUESTED, S.IN_PROGRESS, S.CANCELLED}),
    S.IN_PROGRESS: frozenset({S.ACCEPTED, S.PROOF, S.CANCELLED}),
    S.PROOF: frozenset({S.CHANGES, S.APPROVED, S.IN_PROGRESS, S.CANCELLED}),
    S.CHANGES: frozenset({S.IN_PROGRESS, S.PROOF, S.CANCELLED}),
    S.APPROVED: frozenset({S.DELIVERED, S.CHANGES, S.CANCELLED}),
    S.DELIVERED: frozenset(),
    S.CANCELLED: frozenset({S.REQUESTED}),
}
# Decisions on a proof belong to whoever asked for the work (or the head).
REQUESTER_MOVES = frozenset({S.APPROVED, S.CHANGES, S.CANCELLED, S.REQUESTED})
BOARD_COLUMNS = (
    S.REQUESTED,
    S.ACCEPTED,
    S.IN_PROGRESS,
    S.PROOF,
    S.CHANGES,
    S.APPROVED,
    S.DELIVERED,
)


def may_work(user: User) -> bool:
    return has_capability(user, Capability.WORK_IN_DEPARTMENT)


def _is_head(user: User) -> bool:
    return has_capability(user, Capability.APPROVE)


def may_move(user: User, request: DesignRequest, to_status: str) -> bool:
    """Whether `user` may move the request to `to_status` (ignoring whether the move exists).

    The requester approves, asks for changes and cancels; the designer (anyone in the
    department while none is named, who then becomes the designer) does the rest; the
    head of the department may do everything."""
    if not may_work(user):
        return False
    if _is_head(user):
        return True
    if to_status in REQUESTER_MOVES:
        return request.requester_id == user.pk
    return request.designer_id in (None, user.pk)


def allowed_moves(user: User, request: DesignRequest) -> list[str]:
    """The statuses this user may move the request to now, in board order."""
    possible = TRANSITIONS[request.status]
    order = (*BOARD_COLUMNS, S.CANCELLED)
    return [status for status in order if status in possible and may_move(user, request, status)]


def move_choices(user: User, request: DesignRequest) -> list[tuple[str, str]]:
    """(status, label) of the moves `allowed_moves` gives, for a form."""
    return [(status, S(status).label) for status in allowed_moves(user, request)]


def create_request(
    *,
    actor: User,
    request: DesignRequest,
    formats: Iterable[RequestFormat] = (),
) -> DesignRequest:
    if not may_work(actor):
        raise PermissionDenied
    with transaction.atomic():
        if request.requester_id is None:
            request.requester = actor
        request.full_clean()
        request.save()
        for size in formats:
            size.request = request
            size.full_clean()
            size.save()
    if request.designer_id and request.designer_id != actor.pk:
        _tell(request.designer, "request_assigned", request)
    return request


def update_request(
    *,
    actor: User,
    request: DesignRequest,
    formats: Iterable[RequestFormat] = (),
    deleted_formats: Iterable[RequestFormat] = (),
) -> DesignRequest:
    if not may_work(actor):
        raise PermissionDenied
    previous_designer = (
        DesignRequest.objects.filter(pk=request.pk).values_list("designer", flat=True).first()
    )
    with transaction.atomic():
        request.full_clean()
        request.save()
        for size in deleted_formats:
            if size.pk:
                size.delete()
        for size in formats:
            size.request = request
            size.full_clean()
            size.save()
    if request.designer_id and request.designer_id not in (previous_designer, actor.pk):
        _tell(request.designer, "request_assigned", request)
    return request


def move(*, actor: User, request: DesignRequest, to_status: str) -> DesignRequest:
    """Move a request to another column, with what the move means.

    Accepting names the designer; "proof" needs an uploaded proof; approving approves the
    latest proof and files it in the media archive; delivering closes the event's
    provision task. Every move is recorded with who made it."""
    if to_status == request.status:
        return request
    if to_status not in S.values:
        raise ValidationError(_("Unknown status."))
    if to_status not in TRANSITIONS[request.status]:
        raise ValidationError(
            _("A request that is “%(current)s” cannot become “%(new)s”.")
            % {"current": request.get_status_display(), "new": S(to_status).label},
            code="transition",
        )
    if not may_move(actor, request, to_status):
        raise PermissionDenied
    with transaction.atomic():
        request = DesignRequest.objects.select_for_update().get(pk=request.pk)
        if to_status not in TRANSITIONS[request.status]:
            raise ValidationError(_("The request was moved meanwhile; look at it again."))
        latest = request.proofs.order_by("-number").first()
        if to_status == S.PROOF and latest is None:
            raise ValidationError(_("Upload a proof first: the requester needs something to see."))
        if to_status == S.APPROVED:
            if latest is None:
                raise ValidationError(_("There is no proof to approve."))
            _approve(actor=actor, request=request, proof=latest)
        if to_status == S.ACCEPTED and request.designer_id is None:
            request.designer = actor
        if to_status == S.DELIVERED:
            request.delivered_at = timezone.now()
            _close_provision_task(request)
        _record(request, to_status, actor)
    if to_status in (S.APPROVED, S.CHANGES) and request.designer_id not in (None, actor.pk):
        _tell(request.designer, f"request_{to_status}", request)
    return request


def _record(request: DesignRequest, to_status: str, actor: User) -> None:
    StatusChange.objects.create(
        request=request, from_status=request.status, to_status=to_status, changed_by=actor
    )
    request.status = to_status
    request.save()


def _close_provision_task(request: DesignRequest) -> None:
    item = request.provision_item
    if item is None:
        return
    task = item.task
    if task.status in Task.OPEN_STATUSES:
        task.status = Task.Status.DONE
        task.completed_at = timezone.now()
        task.save(update_fields=["status", "completed_at", "updated_at"])


def add_proof(
    *, actor: User, request: DesignRequest, checked: files.CheckedFile, note: str = ""
) -> Proof:
    """A new numbered version; the request moves to "proof" and its requester is told."""
    if not may_move(actor, request, S.PROOF):
        raise PermissionDenied
    if request.status in (S.DELIVERED, S.CANCELLED, S.APPROVED):
        raise ValidationError(_("The request is closed; open it again to add a proof."))
    with transaction.atomic():
        request = DesignRequest.objects.select_for_update().get(pk=request.pk)
        number = (request.proofs.aggregate(last=Max("number"))["last"] or 0) + 1
        proof = Proof(
            request=request,
            number=number,
            original_name=checked.name,
            media_type=checked.media_type,
            note=note.strip(),
            uploaded_by=actor,
        )
        proof.file.save(checked.name, ContentFile(checked.data), save=False)
        if checked.preview:
            proof.preview.save(
                f"{Path(checked.name).stem}.png", ContentFile(checked.preview), save=False
            )
        proof.save()
        if request.designer_id is None:
            request.designer = actor
        if request.status == S.REQUESTED:
            _record(request, S.ACCEPTED, actor)
        if request.status == S.ACCEPTED:
            _record(request, S.IN_PROGRESS, actor)
        if request.status != S.PROOF:
            _record(request, S.PROOF, actor)
        else:
            request.save()
    if request.requester_id != actor.pk:
        _tell(request.requester, "proof_added", request, proof=proof)
    return proof


def comment_on_proof(*, actor: User, proof: Proof, body: str) -> ProofComment:
    if not may_work(actor):
        raise PermissionDenied
    body = body.strip()
    if not body:
        raise ValidationError(_("Write the comment."))
    comment = ProofComment.objects.create(proof=proof, author=actor, body=body)
    request = proof.request
    for person in {request.requester, request.designer} - {None, actor}:
        _tell(person, "proof_comment", request, proof=proof, comment=comment)
    return comment


def _approve(*, actor: User, request: DesignRequest, proof: Proof) -> None:
    proof.approved_by = actor
    proof.approved_at = timezone.now()
    proof.asset = file_in_archive(actor=actor, request=request, proof=proof)
    proof.save(update_fields=["approved_by", "approved_at", "asset"])


def file_in_archive(*, actor: User, request: DesignRequest, proof: Proof):
    """Keep the approved file in the media archive: linked to the request's event, with
    the Library as rights holder and the designer as creator; internal until someone
    publishes it. The same file approved twice is one asset."""
    from sklaida.archive.models import Asset
    from sklaida.archive.services import ingest

    batch = ingest.start_batch(
        actor=actor,
        event=request.event,
        label=_("Approved design: %(title)s") % {"title": request.title},
    )
    with tempfile.TemporaryDirectory(prefix="design-") as folder:
        path = Path(folder) / proof.original_name
        with proof.file.open("rb") as source:
            path.write_bytes(source.read())
        item = ingest.ingest_path(path, batch=batch, actor=actor, original_name=proof.original_name)
    if item.asset is None:
        raise ValidationError(
            _("The approved file could not be filed in the archive: %(reason)s")
            % {"reason": item.message}
        )
    asset = item.asset
    designer = request.designer or proof.uploaded_by
    Asset.objects.filter(pk=asset.pk).update(
        title=asset.title
        or _("%(title)s (approved design, version %(number)s)")
        % {"title": request.title, "number": proof.number},
        description=asset.description or request.brief,
        event=asset.event or request.event,
        creator_name=asset.creator_name or designer.get_full_name(),
        rights_holder=asset.rights_holder or _library_name(),
        licence=Asset.Licence.ALL_RIGHTS_RESERVED,
        consent=Asset.Consent.NOT_NEEDED
        if asset.consent == Asset.Consent.MISSING
        else asset.consent,
    )
    return asset


def _library_name() -> str:
    county = Library.objects.filter(kind=Library.Kind.COUNTY).first()
    return county.name if county else ""


# What a provision item's title says it wants (Lithuanian stems; the checklists are the
# department's own Lithuanian texts).
PRODUCT_WORDS = (
    ("plakat", DesignRequest.Product.POSTER),
    ("baner", DesignRequest.Product.BANNER),
    ("kvietim", DesignRequest.Product.INVITATION),
    ("socialin", DesignRequest.Product.SOCIAL_IMAGE),
    ("lankstin", DesignRequest.Product.LEAFLET),
    ("knygel", DesignRequest.Product.BOOKLET),
    ("leidin", DesignRequest.Product.BOOKLET),
    ("etiket", DesignRequest.Product.SIGNAGE),
    ("nuorod", DesignRequest.Product.SIGNAGE),
    ("stend", DesignRequest.Product.EXHIBITION_PANEL),
    ("užsklanda", DesignRequest.Product.WEB_BANNER),
    ("dekor", DesignRequest.Product.SPACE_DECORATION),
)
DEFAULT_SOCIAL_SIZES = ((1080, 1080), (1080, 1350), (1200, 630), (1920, 1080))
SIZE = re.compile(r"(\d{3,5})\s*[×xX*]\s*(\d{3,5})")


def product_for(title: str) -> str:
    lowered = title.casefold()
    for stem, product in PRODUCT_WORDS:
        if stem in lowered:
            return product
    return DesignRequest.Product.OTHER


def social_sizes() -> list[tuple[int, int, object]]:
    """(width, height, channel) of every image size the channels registry names, or the
    usual four when it names none."""
    from sklaida.communication.models import Channel

    sizes: list[tuple[int, int, object]] = []
    seen = set()
    for channel in Channel.objects.filter(is_active=True).exclude(image_sizes="").order_by("pk"):
        for width, height in SIZE.findall(channel.image_sizes):
            key = (int(width), int(height))
            if key not in seen:
                seen.add(key)
                sizes.append((*key, channel))
    return sizes or [(width, height, None) for width, height in DEFAULT_SOCIAL_SIZES]


def default_formats(product: str) -> list[RequestFormat]:
    P = RequestFormat.Paper
    if product == DesignRequest.Product.POSTER:
        return [RequestFormat(paper=P.A3), RequestFormat(paper=P.A4)]
    if product in (DesignRequest.Product.SOCIAL_IMAGE, DesignRequest.Product.WEB_BANNER):
        return [
            RequestFormat(paper=P.PIXELS, width=width, height=height, channel=channel, bleed_mm=0)
            for width, height, channel in social_sizes()
        ]
    if product in (DesignRequest.Product.INVITATION, DesignRequest.Product.LEAFLET):
        return [RequestFormat(paper=P.A5)]
    return []


def request_for_provision_item(*, item, actor: User | None) -> DesignRequest | None:
    """The design request a visual provision item stands for (made once)."""
    from sklaida.events.models import ProvisionArea

    if item.area != ProvisionArea.VISUAL:
        return None
    existing = DesignRequest.objects.filter(provision_item=item).first()
    if existing is not None:
        return existing
    event = item.event
    product = product_for(item.title)
    request = DesignRequest.objects.create(
        title=f"{item.title} — {event.title}"[:200],
        product=product,
        brief=event.summary,
        event=event,
        provision_item=item,
        deadline=item.task.due_date or timezone.localdate(event.starts_at),
        requester=event.responsible,
    )
    StatusChange.objects.create(
        request=request,
        from_status=S.REQUESTED,
        to_status=S.REQUESTED,
        changed_by=actor or event.responsible,
    )
    for size in default_formats(product):
        size.request = request
        size.save()
    return request


def follow_event(*, event, shift: datetime.timedelta) -> int:
    """Open requests for a moved event keep their distance from it. Returns how many moved."""
    requests = list(
        DesignRequest.objects.filter(event=event, status__in=DesignRequest.OPEN_STATUSES)
    )
    for request in requests:
        request.deadline += shift
    DesignRequest.objects.bulk_update(requests, ["deadline"])
    return len(requests)


def _tell(person: User | None, template: str, request: DesignRequest, **context) -> None:
    if person is None or not person.email or not person.is_active:
        return
    send_to_address(
        address=person.email,
        language=person.language,
        template=f"design/email/{template}",
        context={
            "recipient": person,
            "request": request,
            "request_url": absolute_url(request.get_absolute_url()),
            **context,
        },
    )
