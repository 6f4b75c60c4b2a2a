"""Bringing files in from the browser: a batch, its resumable uploads (tus), its results."""

from __future__ import annotations

import base64
import binascii
import json
from pathlib import Path
from urllib.parse import quote

from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods

from sklaida.archive.forms import BatchForm, FilesForm
from sklaida.archive.models import IngestBatch, Upload
from sklaida.archive.selectors.ingest import batch_results
from sklaida.archive.services import ingest, uploads
from sklaida.core.formatting import format_number
from sklaida.core.permissions import (
    Capability,
    department_read_required,
    department_work_required,
    require_capability,
)

TUS_VERSION = "1.0.0"


@department_work_required
def batch_create(request: HttpRequest) -> HttpResponse:
    form = BatchForm(request.POST or None, initial={"event": request.GET.get("event")})
    if request.method == "POST" and form.is_valid():
        batch = ingest.start_batch(
            actor=request.user,
            event=form.cleaned_data["event"],
            label=form.cleaned_data["label"],
        )
        return redirect("archive:batch", pk=batch.pk)
    return render(request, "archive/batch_create.html", {"form": form})


def _batch_or_404(request: HttpRequest, pk: int) -> IngestBatch:
    return get_object_or_404(IngestBatch.objects.select_related("event", "created_by"), pk=pk)


@department_read_required
def batch_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """The upload form of a batch and what became of each file so far; `?damaged=1`
    lists only the files whose previews failed."""
    batch = _batch_or_404(request, pk)
    context = batch_results(batch, damaged_only=request.GET.get("damaged") == "1")
    if request.htmx:
        return render(request, "archive/_batch_items.html", context)
    return render(request, "archive/batch_detail.html", {**context, "files_form": FilesForm()})


@department_work_required
def batch_upload(request: HttpRequest, pk: int) -> HttpResponse:
    """Files sent in one ordinary form post (when the page's script does not run)."""
    batch = _batch_or_404(request, pk)
    form = FilesForm(request.POST, request.FILES)
    if request.method != "POST" or not form.is_valid():
        messages.error(request, _("Choose one or more files."))
        return redirect("archive:batch", pk=batch.pk)
    staging = Path(settings.ARCHIVE_UPLOAD_STAGING)
    for uploaded in form.cleaned_data["files"]:
        path = ingest.copy_upload_to_staging(uploaded, staging)
        try:
            ingest.ingest_path(path, batch=batch, actor=request.user, original_name=uploaded.name)
        finally:
            path.unlink(missing_ok=True)
    count = len(form.cleaned_data["files"])
    messages.success(
        request,
        ngettext("%(count)s file received.", "%(count)s files received.", count)
        % {"count": format_number(count)},
    )
    return redirect("archive:batch", pk=batch.pk)


# The tus protocol: https://tus.io/protocols/resumable-upload (core, creation, termination).


def _tus_response(status: int, **headers: str) -> HttpResponse:
    response = HttpResponse(status=status)
    response["Tus-Resumable"] = TUS_VERSION
    response["Cache-Control"] = "no-store"
    for name, value in headers.items():
        response[name.replace("_", "-")] = value
    return response


def _filename_from_metadata(header: str) -> str:
    """`Upload-Metadata: filename ZGlldmEuanBn,filetype …` → "dieva.jpg"."""
    for pair in header.split(","):
        key, _sep, value = pair.strip().partition(" ")
        if key == "filename":
            try:
                return base64.b64decode(value).decode("utf-8")
            except (binascii.Error, UnicodeDecodeError):
                return ""
    return ""


@require_http_methods(["POST", "OPTIONS"])
def tus_create(request: HttpRequest, pk: int) -> HttpResponse:
    if request.method == "OPTIONS":
        return _tus_response(
            204,
            Tus_Version=TUS_VERSION,
            Tus_Extension="creation,termination",
            Tus_Max_Size=str(settings.ARCHIVE_MAX_UPLOAD_BYTES),
        )
    require_capability(request.user, Capability.WORK_IN_DEPARTMENT)
    batch = _batch_or_404(request, pk)
    try:
        length = int(request.headers.get("Upload-Length", ""))
    except ValueError:
        return _tus_response(400)
    if length < 0:
        return _tus_response(400)
    if length > settings.ARCHIVE_MAX_UPLOAD_BYTES:
        return _tus_response(413)
    upload = uploads.begin_upload(
        actor=request.user,
        batch=batch,
        filename=_filename_from_metadata(request.headers.get("Upload-Metadata", "")),
        length=length,
    )
    location = request.build_absolute_uri(reverse("archive:tus_upload", args=[upload.key]))
    # An empty file is finished by its creation: the browser reads the result from here.
    return _tus_response(201, Location=location, Upload_Offset="0", **_result_headers(upload))


@require_http_methods(["GET", "HEAD", "PATCH", "DELETE"])
@department_work_required
def tus_upload(request: HttpRequest, key: str) -> HttpResponse:
    upload = Upload.objects.filter(key=key, created_by=request.user).first()
    if upload is None:
        raise Http404
    if request.method in ("GET", "HEAD"):
        return _tus_response(
            200, Upload_Offset=str(upload.offset), Upload_Length=str(upload.length)
        )
    if request.method == "DELETE":
        uploads.cancel_upload(upload=upload)
        return _tus_response(204)
    if request.content_type != "application/offset+octet-stream":
        return _tus_response(415)
    try:
        offset = int(request.headers.get("Upload-Offset", ""))
        upload = uploads.receive_chunk(upload=upload, offset=offset, stream=request)
    except (ValueError, uploads.OffsetMismatch):
        upload.refresh_from_db()
        return _tus_response(409, Upload_Offset=str(upload.offset))
    return _tus_response(204, Upload_Offset=str(upload.offset), **_result_headers(upload))


def _result_headers(upload: Upload) -> dict[str, str]:
    """What became of a finished file, for the page to show beside its progress bar."""
    if not upload.item_id:
        return {}
    item = upload.item
    result = {
        "outcome": item.get_outcome_display(),
        "message": item.message,
        "status": item.outcome,
    }
    return {"Sklaida_Result": quote(json.dumps(result))}
