"""Screens of contacts: persons, organisations, interactions, agreements, lists, import, merge."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from sklaida.contacts import exporting, history, importing, selectors, services, tasks
from sklaida.contacts.forms import (
    AddToListForm,
    AgreementForm,
    ContactListForm,
    ImportMappingForm,
    ImportUploadForm,
    InteractionForm,
    MembershipForm,
    MergeForm,
    OrganisationForm,
    OrganisationSearchForm,
    PersonalDataForm,
    PersonForm,
    PersonSearchForm,
)
from sklaida.contacts.models import (
    Agreement,
    ContactList,
    Interaction,
    Organisation,
    Person,
    PersonImport,
)
from sklaida.contacts.selectors import OrganisationSearch, PersonSearch
from sklaida.core import spreadsheets
from sklaida.core.files import clean_filename
from sklaida.core.permissions import (
    Capability,
    capability_required,
    department_read_required,
    department_work_required,
)
from sklaida.core.views import discussion_context, paginated

PER_PAGE = 50

read_required = department_read_required
work_required = department_work_required


def _get(model, pk: int):
    try:
        return model._default_manager.get(pk=pk)
    except model.DoesNotExist as missing:
        raise Http404 from missing


def _form_page(request: HttpRequest, form, *, title: str, cancel_url: str) -> HttpResponse:
    return render(
        request, "contacts/form.html", {"form": form, "title": title, "cancel_url": cancel_url}
    )


# Persons ------------------------------------------------------------------------------


@read_required
def person_list(request: HttpRequest) -> HttpResponse:
    form = PersonSearchForm(request.GET or None)
    criteria = PersonSearch.from_dict(form.criteria())
    persons = selectors.person_rows(selectors.search_persons(criteria))
    return render(
        request,
        "contacts/person_list.html",
        {
            "form": form,
            "criteria": criteria,
            "export_query": request.GET.urlencode(),
            **paginated(request, persons, per_page=PER_PAGE),
        },
    )


@read_required
def person_export(request: HttpRequest, file_format: str) -> HttpResponse:
    if file_format not in {"xlsx", "csv"}:
        raise Http404
    criteria = PersonSearch.from_dict(PersonSearchForm(request.GET or None).criteria())
    rows = exporting.person_table(selectors.person_rows(selectors.search_persons(criteria)))
    stamp = timezone.localdate().isoformat()
    if file_format == "xlsx":
        content = spreadsheets.as_xlsx(rows, title=_("Persons"))
        content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    else:
        content = spreadsheets.as_csv(rows)
        content_type = "text/csv; charset=utf-8"
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="kontaktai-{stamp}.{file_format}"'
    return response


@read_required
def person_detail(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        person = selectors.person_page(pk)
    except Person.DoesNotExist as missing:
        raise Http404 from missing
    return render(
        request,
        "contacts/person_detail.html",
        {
            "person": person,
            "history": history.history_of(person, user=request.user),
            "membership_form": MembershipForm(),
            "lists": ContactList.objects.filter(kind=ContactList.Kind.MANUAL).exclude(
                persons=person
            ),
            **discussion_context(request, person),
        },
    )


@work_required
def person_form(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    person = _get(Person, pk) if pk else None
    if person and person.is_anonymised:
        raise PermissionDenied
    form = PersonForm(request.POST or None, instance=person)
    if request.method == "POST" and form.is_valid():
        person = services.save_person(
            actor=request.user,
            person=form.save(commit=False),
            tags=form.cleaned_data["tags"],
            organisation=form.cleaned_data.get("organisation"),
            role=form.cleaned_data.get("role", ""),
        )
        messages.success(request, _("“%(name)s” has been saved.") % {"name": person})
        return redirect(person)
    return _form_page(
        request,
        form,
        title=_("Edit person") if person else _("New person"),
        cancel_url=person.get_absolute_url() if person else reverse("contacts:person_list"),
    )


@work_required
@require_POST
def person_add_membership(request: HttpRequest, pk: int) -> HttpResponse:
    person = _get(Person, pk)
    form = MembershipForm(request.POST)
    if form.is_valid():
        services.set_membership(actor=request.user, person=person, **form.cleaned_data)
        messages.success(request, _("The role has been added."))
    else:
        messages.error(request, _("The role was not added: choose an organisation."))
    return redirect(person)


@work_required
@require_POST
def person_anonymise(request: HttpRequest, pk: int) -> HttpResponse:
    person = _get(Person, pk)
    services.anonymise_person(actor=request.user, person=person)
    messages.success(
        request,
        _("The person's data has been erased; their interactions stay without the name."),
    )
    return redirect(person)


@capability_required(Capability.EXPORT_PERSONAL_DATA)
def personal_data(request: HttpRequest) -> HttpResponse:
    """Everything held about a contact or an e-mail address: what there is, then one file.

    Both steps are POSTs, so the address never appears in an address bar or a server log;
    a contact arrives from her page as `?asmuo=<id>`.
    """
    initial = {}
    if request.method == "GET" and request.GET.get("asmuo", "").isdigit():
        initial["person"] = _get(Person, int(request.GET["asmuo"]))
    form = PersonalDataForm(request.POST or None, initial=initial)
    valid = request.method == "POST" and form.is_valid()
    chosen = form.cleaned_data["person"] if valid else initial.get("person")
    if chosen:
        form.hide_address()
    overview = None
    if valid:
        person, address = form.cleaned_data["person"], form.cleaned_data["email"]
        if "download" in request.POST:
            _record, archive = services.export_personal_data(
                actor=request.user, person=person, address=address
            )
            response = StreamingHttpResponse(archive, content_type="application/zip")
            stamp = timezone.localdate().isoformat()
            response["Content-Disposition"] = f'attachment; filename="asmens-duomenys-{stamp}.zip"'
            response["Cache-Control"] = "private, no-store"
            return response
        overview = selectors.personal_data_overview(
            person=person, address="" if person else address
        )
    return render(
        request,
        "contacts/personal_data.html",
        {
            "form": form,
            "chosen": chosen,
            "overview": overview,
            "recent": selectors.recent_personal_data_exports(),
        },
    )


# Organisations --------------------------------------------------------------------------


@read_required
def organisation_list(request: HttpRequest) -> HttpResponse:
    form = OrganisationSearchForm(request.GET or None)
    data = {
        key: value for key, value in (form.cleaned_data if form.is_valid() else {}).items() if value
    }
    organisations = selectors.search_organisations(OrganisationSearch(**data))
    return render(
        request,
        "contacts/organisation_list.html",
        {"form": form, **paginated(request, organisations, per_page=PER_PAGE)},
    )


@read_required
def organisation_detail(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        organisation = selectors.organisation_page(pk)
    except Organisation.DoesNotExist as missing:
        raise Http404 from missing
    return render(
        request,
        "contacts/organisation_detail.html",
        {
            "organisation": organisation,
            "history": history.history_of(organisation, user=request.user),
            **discussion_context(request, organisation),
        },
    )


@work_required
def organisation_form(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    organisation = _get(Organisation, pk) if pk else None
    form = OrganisationForm(request.POST or None, instance=organisation)
    if request.method == "POST" and form.is_valid():
        organisation = services.save_organisation(
            actor=request.user,
            organisation=form.save(commit=False),
            tags=form.cleaned_data["tags"],
        )
        messages.success(request, _("“%(name)s” has been saved.") % {"name": organisation})
        return redirect(organisation)
    return _form_page(
        request,
        form,
        title=_("Edit organisation") if organisation else _("New organisation"),
        cancel_url=(
            organisation.get_absolute_url()
            if organisation
            else reverse("contacts:organisation_list")
        ),
    )


# Interactions and agreements ------------------------------------------------------------


@work_required
def interaction_form(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    interaction = _get(Interaction, pk) if pk else None
    initial = {"date": timezone.localdate(), "staff": request.user}
    for name, model in (("persons", Person), ("organisations", Organisation)):
        if request.GET.get(name):
            initial[name] = model.objects.filter(pk=request.GET[name])
    form = InteractionForm(request.POST or None, instance=interaction, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        interaction = services.record_interaction(
            actor=request.user,
            interaction=interaction,
            kind=data["kind"],
            date=data["date"],
            summary=data["summary"],
            staff=data["staff"],
            organisations=list(data["organisations"]),
            persons=list(data["persons"]),
        )
        messages.success(request, _("The interaction has been recorded."))
        contact = (list(data["persons"]) + list(data["organisations"]))[0]
        return redirect(contact)
    return _form_page(
        request,
        form,
        title=_("Edit interaction") if interaction else _("Record an interaction"),
        cancel_url=reverse("contacts:person_list"),
    )


@read_required
def agreement_list(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "contacts/agreement_list.html",
        {
            "today": timezone.localdate(),
            **paginated(request, selectors.agreement_list(), per_page=PER_PAGE),
        },
    )


@read_required
def agreement_detail(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        agreement = selectors.agreement_list().prefetch_related("persons").get(pk=pk)
    except Agreement.DoesNotExist as missing:
        raise Http404 from missing
    return render(
        request,
        "contacts/agreement_detail.html",
        {"agreement": agreement, **discussion_context(request, agreement)},
    )


@work_required
def agreement_form(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    agreement = _get(Agreement, pk) if pk else None
    initial = {"owner": request.user}
    if request.GET.get("organisation"):
        initial["organisation"] = request.GET["organisation"]
    form = AgreementForm(request.POST or None, instance=agreement, initial=initial)
    if request.method == "POST" and form.is_valid():
        agreement = services.save_agreement(
            actor=request.user,
            agreement=form.save(commit=False),
            persons=list(form.cleaned_data["persons"]),
        )
        messages.success(request, _("The agreement has been saved. Attach its document below."))
        return redirect(agreement)
    return _form_page(
        request,
        form,
        title=_("Edit agreement") if agreement else _("New cooperation agreement"),
        cancel_url=agreement.get_absolute_url()
        if agreement
        else reverse("contacts:agreement_list"),
    )


# Lists ----------------------------------------------------------------------------------


@read_required
def list_index(request: HttpRequest) -> HttpResponse:
    return render(request, "contacts/list_index.html", {"contact_lists": selectors.contact_lists()})


@read_required
def list_detail(request: HttpRequest, pk: int) -> HttpResponse:
    contact_list = _get(ContactList, pk)
    members = selectors.person_rows(selectors.list_members(contact_list))
    return render(
        request,
        "contacts/list_detail.html",
        {"contact_list": contact_list, **paginated(request, members, per_page=PER_PAGE)},
    )


@work_required
def list_form(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    contact_list = _get(ContactList, pk) if pk else None
    form = ContactListForm(request.POST or None, instance=contact_list)
    if request.method == "POST" and form.is_valid():
        contact_list = services.save_contact_list(
            actor=request.user, contact_list=form.save(commit=False)
        )
        messages.success(request, _("The list “%(name)s” has been saved.") % {"name": contact_list})
        return redirect(contact_list)
    return _form_page(
        request,
        form,
        title=_("Edit list") if contact_list else _("New list"),
        cancel_url=(
            contact_list.get_absolute_url() if contact_list else reverse("contacts:list_index")
        ),
    )


@work_required
@require_POST
def list_save_search(request: HttpRequest) -> HttpResponse:
    """Keep the current person search as a list that updates itself."""
    criteria = PersonSearchForm(request.POST).criteria()
    form = ContactListForm(request.POST)
    if not criteria:
        messages.error(
            request, _("Search for something first: an empty search would list everyone.")
        )
        return redirect("contacts:person_list")
    if not form.is_valid():
        messages.error(request, " ".join(form.errors.get("name", [_("Name the list.")])))
        return redirect("contacts:person_list")
    contact_list = form.save(commit=False)
    contact_list.kind = ContactList.Kind.SAVED_FILTER
    contact_list.criteria = criteria
    services.save_contact_list(actor=request.user, contact_list=contact_list)
    messages.success(
        request, _("The search has been saved as the list “%(name)s”.") % {"name": contact_list}
    )
    return redirect(contact_list)


@work_required
@require_POST
def person_add_to_list(request: HttpRequest, pk: int) -> HttpResponse:
    person = _get(Person, pk)
    form = AddToListForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a hand-picked list."))
        return redirect(person)
    contact_list = form.cleaned_data["contact_list"]
    services.add_to_list(actor=request.user, contact_list=contact_list, persons=[person])
    messages.success(
        request, _("“%(person)s” added to “%(list)s”.") % {"person": person, "list": contact_list}
    )
    return redirect(person)


@work_required
@require_POST
def list_remove_person(request: HttpRequest, pk: int, person_pk: int) -> HttpResponse:
    contact_list = _get(ContactList, pk)
    person = _get(Person, person_pk)
    services.remove_from_list(actor=request.user, contact_list=contact_list, person=person)
    messages.success(
        request,
        _("“%(person)s” removed from “%(list)s”.") % {"person": person, "list": contact_list},
    )
    return redirect(contact_list)


# Duplicates -----------------------------------------------------------------------------


@work_required
def duplicate_list(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "contacts/duplicate_list.html",
        paginated(request, selectors.open_duplicates(), per_page=PER_PAGE),
    )


@work_required
def duplicate_merge(request: HttpRequest, pk: int) -> HttpResponse:
    candidate = get_object_or_404(selectors.open_duplicates(), pk=pk)
    keep, remove = candidate.duplicate_of, candidate.person
    form = MergeForm(request.POST or None, keep=keep, remove=remove)
    if request.method == "POST" and "dismiss" in request.POST:
        services.dismiss_duplicate(actor=request.user, candidate=candidate)
        messages.success(request, _("Marked as different persons."))
        return redirect("contacts:duplicate_list")
    if request.method == "POST" and form.is_valid():
        try:
            services.merge_persons(
                actor=request.user, keep=keep, remove=remove, values=form.chosen_values(remove)
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request, _("The two records are now one: “%(name)s”.") % {"name": keep}
            )
            return redirect(keep)
    return render(
        request,
        "contacts/duplicate_merge.html",
        {
            "candidate": candidate,
            "keep": keep,
            "remove": remove,
            "form": form,
            "keep_history": history.history_of(keep, user=request.user),
            "remove_history": history.history_of(remove, user=request.user),
        },
    )


# Import ---------------------------------------------------------------------------------


@work_required
def import_upload(request: HttpRequest) -> HttpResponse:
    form = ImportUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            headers = importing.validate_upload(upload)
        except ValidationError as error:
            form.add_error("file", error)
        else:
            batch = PersonImport.objects.create(
                file=upload,
                original_name=clean_filename(upload.name),
                uploaded_by=request.user,
                headers=headers,
                mapping=importing.guess_mapping(headers),
            )
            return redirect("contacts:import_mapping", pk=batch.pk)
    return render(
        request,
        "contacts/import_upload.html",
        {"form": form, "imports": selectors.imports_of_user(request.user)[:10]},
    )


def _own_import(request: HttpRequest, pk: int) -> PersonImport:
    return get_object_or_404(selectors.imports_of_user(request.user), pk=pk)


@work_required
def import_mapping(request: HttpRequest, pk: int) -> HttpResponse:
    batch = _own_import(request, pk)
    if batch.status not in {
        PersonImport.Status.UPLOADED,
        PersonImport.Status.REJECTED,
        PersonImport.Status.FAILED,
    }:
        return redirect(batch)
    initial = {name: str(index) for name, index in batch.mapping.items()}
    form = ImportMappingForm(request.POST or None, headers=batch.headers, initial=initial)
    if request.method == "POST" and form.is_valid():
        batch.mapping = form.mapping()
        batch.status = PersonImport.Status.CHECKING
        batch.errors, batch.preview, batch.error = [], [], ""
        batch.save(update_fields=["mapping", "status", "errors", "preview", "error"])
        transaction.on_commit(lambda: tasks.check_person_import.enqueue(import_id=batch.pk))
        return redirect(batch)
    return render(request, "contacts/import_mapping.html", {"batch": batch, "form": form})


@work_required
def import_detail(request: HttpRequest, pk: int) -> HttpResponse:
    batch = _own_import(request, pk)
    template = "contacts/_import_status.html" if request.htmx else "contacts/import_detail.html"
    preview_fields = [field for field in importing.FIELDS if field.name in batch.mapping]
    preview_rows = [
        (
            row["row"],
            [row["values"].get(field.name, "") for field in preview_fields],
            row["duplicate"],
        )
        for row in batch.preview
    ]
    return render(
        request,
        template,
        {"batch": batch, "preview_fields": preview_fields, "preview_rows": preview_rows},
    )


@work_required
@require_POST
def import_apply(request: HttpRequest, pk: int) -> HttpResponse:
    batch = _own_import(request, pk)
    if batch.status != PersonImport.Status.READY:
        messages.error(request, _("Only a checked file without errors can be imported."))
        return redirect(batch)
    # The conditional update lets one click through even if the button is pressed twice.
    started = PersonImport.objects.filter(pk=batch.pk, status=PersonImport.Status.READY).update(
        status=PersonImport.Status.IMPORTING, rows_done=0
    )
    if started:
        transaction.on_commit(lambda: tasks.apply_person_import.enqueue(import_id=batch.pk))
    return redirect(batch)
