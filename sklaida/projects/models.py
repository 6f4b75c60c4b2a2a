"""Projects (5.1, 5.4): funders and their calls with rules as data, the department's
applications from idea to closure, their budgets and expenses, activities on a timeline,
indicators, documents with versions and the reports owed to funders."""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from sklaida.projects.money import parse_amounts

MONEY = {"max_digits": 12, "decimal_places": 2}
PERCENT = {
    "max_digits": 5,
    "decimal_places": 2,
    "validators": [MinValueValidator(Decimal("0")), MaxValueValidator(Decimal("100"))],
}


class CostCategory(models.TextChoices):
    """What a budget line pays for; funders cap some categories' shares."""

    FEES = "fees", _("Fees and salaries")
    TRAVEL = "travel", _("Travel and accommodation")
    SERVICES = "services", _("Services")
    EQUIPMENT = "equipment", _("Equipment")
    MATERIALS = "materials", _("Materials and supplies")
    PUBLICITY = "publicity", _("Publicity and publications")
    ADMINISTRATION = "administration", _("Administration")
    LUMP_SUM = "lump_sum", _("Lump sum")
    OTHER = "other", _("Other")


class Funder(models.Model):
    """Who gives money: the Council for Culture, a ministry, a municipality, an EU programme."""

    class Kind(models.TextChoices):
        NATIONAL = "national", _("National institution")
        MUNICIPALITY = "municipality", _("Municipality")
        EUROPEAN = "european", _("European Union programme")
        INTERNATIONAL = "international", _("International programme")
        FOUNDATION = "foundation", _("Foundation or company")
        OTHER = "other", _("Other")

    name = models.CharField(_("name"), max_length=250, unique=True)
    short_name = models.CharField(_("short name"), max_length=60, blank=True)
    kind = models.CharField(_("type"), max_length=15, choices=Kind, default=Kind.NATIONAL)
    website = models.URLField(_("website"), blank=True)
    organisation = models.ForeignKey(
        "contacts.Organisation",
        verbose_name=_("contact card"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        verbose_name = _("funder")
        verbose_name_plural = _("funders")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.short_name or self.name

    def get_absolute_url(self) -> str:
        return reverse("projects:funder_detail", args=[self.pk])


class FundingCall(models.Model):
    """One call for applications and the funder's rules for it, kept as data staff edit:
    amounts, the funder's highest share, lump sums, cost caps and reporting terms."""

    funder = models.ForeignKey(
        Funder, verbose_name=_("funder"), on_delete=models.PROTECT, related_name="calls"
    )
    title = models.CharField(_("call"), max_length=250)
    programme = models.CharField(_("programme"), max_length=250, blank=True)
    url = models.URLField(_("call page"), blank=True)
    opens_on = models.DateField(_("opens"), null=True, blank=True)
    deadline = models.DateTimeField(_("application deadline"), null=True, blank=True)
    min_request = models.DecimalField(_("smallest request, EUR"), **MONEY, null=True, blank=True)
    max_request = models.DecimalField(_("largest request, EUR"), **MONEY, null=True, blank=True)
    max_funding_share = models.DecimalField(
        _("funder's highest share, %"),
        **PERCENT,
        null=True,
        blank=True,
        help_text=_(
            "E.g. 90 means the applicant co-finances at least 10 percent of eligible costs."
        ),
    )
    lump_sums = models.CharField(
        _("lump sums, EUR"),
        max_length=200,
        blank=True,
        help_text=_(
            "The only amounts one may request, separated by semicolons, e.g. "
            "30000; 60000. Empty: any amount within the limits."
        ),
    )
    eligible_costs = models.TextField(_("eligible costs"), blank=True)
    scoring_criteria = models.TextField(_("scoring criteria"), blank=True)
    report_within_working_days = models.PositiveSmallIntegerField(
        _("final report within working days of the end"),
        null=True,
        blank=True,
        help_text=_("Counted in Lithuanian working days from the project's last day."),
    )
    report_no_later_than = models.DateField(_("final report no later than"), null=True, blank=True)
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        verbose_name = _("funding call")
        verbose_name_plural = _("funding calls")
        ordering = [models.F("deadline").desc(nulls_last=True), "pk"]
        indexes = [models.Index(fields=["deadline"], name="projects_call_deadline")]

    def __str__(self) -> str:
        return f"{self.funder}: {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("projects:call_detail", args=[self.pk])

    def clean(self) -> None:
        errors = {}
        if self.min_request and self.max_request and self.min_request > self.max_request:
            errors["max_request"] = _("The largest request is smaller than the smallest.")
        try:
            parse_amounts(self.lump_sums)
        except ValueError:
            errors["lump_sums"] = _(
                "Write each lump sum as an amount in euros, separated by semicolons, "
                "e.g. 30000; 60000."
            )
        if errors:
            raise ValidationError(errors)

    @property
    def lump_sum_amounts(self) -> list[Decimal]:
        return parse_amounts(self.lump_sums)


class CostCap(models.Model):
    """A funder's limit on one category's share of the budget (e.g. administration ≤ 7 %)."""

    call = models.ForeignKey(
        FundingCall, verbose_name=_("call"), on_delete=models.CASCADE, related_name="cost_caps"
    )
    category = models.CharField(_("cost category"), max_length=20, choices=CostCategory)
    max_share = models.DecimalField(_("highest share of the budget, %"), **PERCENT)

    class Meta:
        verbose_name = _("cost cap")
        verbose_name_plural = _("cost caps")
        constraints = [
            models.UniqueConstraint(
                fields=["call", "category"], name="projects_one_cap_per_category"
            )
        ]

    def __str__(self) -> str:
        return f"{self.category} ≤ {self.max_share} %"


class Project(models.Model):
    """An application and, once funded, the project it becomes."""

    class Status(models.TextChoices):
        IDEA = "idea", _("Idea")
        PREPARING = "preparing", _("Preparing")
        SUBMITTED = "submitted", _("Submitted")
        EVALUATION = "evaluation", _("Under evaluation")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", pgettext_lazy("project status", "Rejected")
        CONTRACT = "contract", _("Contract")
        IMPLEMENTATION = "implementation", _("Implementation")
        REPORTING = "reporting", _("Reporting")
        CLOSED = "closed", _("Closed")

    class Role(models.TextChoices):
        LEAD = "lead", _("Lead applicant")
        PARTNER = "partner", _("Partner")

    title = models.CharField(_("title"), max_length=250)
    acronym = models.CharField(_("short title"), max_length=60, blank=True)
    call = models.ForeignKey(
        FundingCall,
        verbose_name=_("funding call"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="projects",
    )
    funder = models.ForeignKey(
        Funder,
        verbose_name=_("funder"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="projects",
        help_text=_("Filled in from the call; choose it yourself when there is no call."),
    )
    status = models.CharField(
        _("status"), max_length=15, choices=Status, default=Status.IDEA, db_index=True
    )
    role = models.CharField(_("our role"), max_length=10, choices=Role, default=Role.LEAD)
    lead_organisation = models.ForeignKey(
        "contacts.Organisation",
        verbose_name=_("lead applicant"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("The organisation that applies when the Library is a partner."),
    )
    library = models.ForeignKey(
        "core.Library",
        verbose_name=_("library"),
        on_delete=models.PROTECT,
        related_name="projects",
        help_text=_(
            "The Library's own project, or a territory library's that the department helps with."
        ),
    )
    territory_libraries = models.ManyToManyField(
        "core.Library",
        verbose_name=_("territory libraries taking part"),
        blank=True,
        related_name="projects_taking_part",
    )
    manager = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("project manager"),
        on_delete=models.PROTECT,
        related_name="managed_projects",
    )
    plan_activities = models.ManyToManyField(
        "events.PlannedActivity",
        verbose_name=_("activity plan entries it funds"),
        blank=True,
        related_name="funding_projects",
    )
    summary = models.TextField(_("summary"), blank=True)
    goals = models.TextField(_("goals"), blank=True)
    activities_description = models.TextField(_("activities"), blank=True)
    target_groups = models.TextField(_("target groups"), blank=True)
    expected_results = models.TextField(_("expected results"), blank=True)
    starts_on = models.DateField(_("starts"), null=True, blank=True)
    ends_on = models.DateField(_("ends"), null=True, blank=True)
    requested_amount = models.DecimalField(
        _("requested, EUR"),
        **MONEY,
        null=True,
        blank=True,
        help_text=_("As submitted; until then the budget's funder share."),
    )
    granted_amount = models.DecimalField(_("granted, EUR"), **MONEY, null=True, blank=True)
    contract_number = models.CharField(_("contract number"), max_length=60, blank=True)
    submitted_on = models.DateField(_("submitted"), null=True, blank=True)
    decided_on = models.DateField(_("decision"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now, editable=False)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    # A territory specialist sees the projects of her library (5.4).
    scope_library_field = "library"

    # Open: the department still works on it; the pipeline counts the decided ones.
    DECIDED = (
        Status.APPROVED,
        Status.REJECTED,
        Status.CONTRACT,
        Status.IMPLEMENTATION,
        Status.REPORTING,
        Status.CLOSED,
    )
    GRANTED = (
        Status.APPROVED,
        Status.CONTRACT,
        Status.IMPLEMENTATION,
        Status.REPORTING,
        Status.CLOSED,
    )

    class Meta:
        verbose_name = _("project")
        verbose_name_plural = _("projects")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["status", "-created_at"], name="projects_status_created"),
            models.Index(fields=["funder", "status"], name="projects_funder_status"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(starts_on__isnull=True)
                | Q(ends_on__isnull=True)
                | Q(ends_on__gte=models.F("starts_on")),
                name="projects_project_ends_after_start",
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("projects:project_detail", args=[self.pk])

    def clean(self) -> None:
        errors = {}
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            errors["ends_on"] = _("The project cannot end before it starts.")
        if self.role == self.Role.PARTNER and not self.lead_organisation_id:
            errors["lead_organisation"] = _("Name the lead applicant when we are a partner.")
        if errors:
            raise ValidationError(errors)


class StatusChange(models.Model):
    """One step of a project's lifecycle: when, by whom, from what to what."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="status_changes")
    from_status = models.CharField(max_length=15, choices=Project.Status, blank=True)
    to_status = models.CharField(max_length=15, choices=Project.Status)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    changed_at = models.DateTimeField(default=timezone.now)
    note = models.CharField(_("note"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("status change")
        verbose_name_plural = _("status changes")
        ordering = ["changed_at", "pk"]

    def __str__(self) -> str:
        return f"{self.from_status} → {self.to_status}"


class Partner(models.Model):
    """An organisation from the contacts taking part in a project, and what it brings."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="partners")
    organisation = models.ForeignKey(
        "contacts.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="project_partnerships",
    )
    role = models.CharField(_("role in the project"), max_length=250, blank=True)
    contribution = models.TextField(_("contribution"), blank=True)
    contribution_amount = models.DecimalField(
        _("contribution, EUR"), **MONEY, null=True, blank=True
    )

    class Meta:
        verbose_name = _("partner")
        verbose_name_plural = _("partners")
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["project", "organisation"], name="projects_partner_once"
            )
        ]

    def __str__(self) -> str:
        return str(self.organisation)


class TeamMember(models.Model):
    """Who works on the project: a colleague, or someone outside named in the application."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="team")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("colleague"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    name = models.CharField(_("name"), max_length=150, blank=True)
    role = models.CharField(_("role"), max_length=150)

    class Meta:
        verbose_name = _("team member")
        verbose_name_plural = _("team")
        ordering = ["pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(user__isnull=False) | ~Q(name=""), name="projects_member_named"
            )
        ]

    def __str__(self) -> str:
        return self.name or str(self.user)

    def clean(self) -> None:
        if not self.user_id and not self.name.strip():
            raise ValidationError(_("Choose a colleague or write the person's name."))


def document_upload_to(instance: DocumentVersion, filename: str) -> str:
    document = instance.document
    return f"projects/{document.project_id}/{document.pk}/{instance.number}-{filename}"


class Document(models.Model):
    """An application form, a contract, an annex or a report; its file keeps versions."""

    class Kind(models.TextChoices):
        APPLICATION = "application", _("Application")
        CONTRACT = "contract", _("Contract")
        ANNEX = "annex", _("Annex")
        REPORT = "report", _("Report")
        OTHER = "other", _("Other")

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="documents")
    kind = models.CharField(_("type"), max_length=12, choices=Kind, default=Kind.APPLICATION)
    title = models.CharField(_("title"), max_length=250)

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        ordering = ["kind", "title", "pk"]

    def __str__(self) -> str:
        return self.title


class DocumentVersion(models.Model):
    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField(_("version"))
    file = models.FileField(_("file"), upload_to=document_upload_to, max_length=255)
    original_name = models.CharField(_("file name"), max_length=255)
    media_type = models.CharField(_("file type"), max_length=120)
    size = models.PositiveBigIntegerField(_("size in bytes"))
    note = models.CharField(_("what changed"), max_length=500, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    uploaded_at = models.DateTimeField(_("uploaded"), default=timezone.now)

    class Meta:
        verbose_name = _("document version")
        verbose_name_plural = _("document versions")
        ordering = ["document", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["document", "number"], name="projects_version_once")
        ]

    def __str__(self) -> str:
        return f"{self.document} v{self.number}"


class BudgetLine(models.Model):
    """A planned cost and who pays it: the funder, the Library, others."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="budget_lines")
    category = models.CharField(_("category"), max_length=20, choices=CostCategory)
    title = models.CharField(_("cost"), max_length=250)
    funder_amount = models.DecimalField(
        _("funder, EUR"),
        **MONEY,
        default=Decimal("0"),
        validators=[MinValueValidator(Decimal("0"))],
    )
    own_amount = models.DecimalField(
        _("own contribution, EUR"),
        **MONEY,
        default=Decimal("0"),
        validators=[MinValueValidator(Decimal("0"))],
    )
    other_amount = models.DecimalField(
        _("other sources, EUR"),
        **MONEY,
        default=Decimal("0"),
        validators=[MinValueValidator(Decimal("0"))],
    )
    position = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("budget line")
        verbose_name_plural = _("budget lines")
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.title

    @property
    def planned_amount(self) -> Decimal:
        return self.funder_amount + self.own_amount + self.other_amount


def evidence_upload_to(instance: Expense, filename: str) -> str:
    return f"projects/{instance.line.project_id}/evidence/{timezone.now():%Y%m%d%H%M%S}-{filename}"


class Expense(models.Model):
    """Money spent against a budget line, with the invoice that proves it."""

    line = models.ForeignKey(
        BudgetLine,
        verbose_name=_("budget line"),
        on_delete=models.PROTECT,
        related_name="expenses",
    )
    invoice_number = models.CharField(_("invoice number"), max_length=60)
    invoice_date = models.DateField(_("invoice date"))
    supplier = models.CharField(_("supplier"), max_length=250)
    description = models.CharField(_("what was bought"), max_length=250, blank=True)
    amount = models.DecimalField(
        _("amount, EUR"), **MONEY, validators=[MinValueValidator(Decimal("0.01"))]
    )
    evidence = models.FileField(
        _("evidence"), upload_to=evidence_upload_to, max_length=255, blank=True
    )
    evidence_name = models.CharField(_("evidence file"), max_length=255, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("expense")
        verbose_name_plural = _("expenses")
        ordering = ["invoice_date", "pk"]

    def __str__(self) -> str:
        return f"{self.invoice_number} ({self.amount} €)"


class Activity(models.Model):
    """A piece of the work plan, or a milestone (one day), shown on the project's Gantt chart."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="activities")
    title = models.CharField(_("title"), max_length=250)
    is_milestone = models.BooleanField(_("milestone"), default=False)
    starts_on = models.DateField(_("starts"))
    ends_on = models.DateField(_("ends"))
    responsible = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("responsible"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    done = models.BooleanField(_("done"), default=False)
    events = models.ManyToManyField(
        "events.Event",
        verbose_name=_("events that realise it"),
        blank=True,
        related_name="project_activities",
    )
    position = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("activity")
        verbose_name_plural = _("activities")
        ordering = ["starts_on", "position", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=models.F("starts_on")),
                name="projects_activity_ends_after_start",
            )
        ]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("The activity cannot end before it starts.")})


class Indicator(models.Model):
    """A result promised to the funder, planned against achieved. Counted ones read the
    project's linked events; the others are typed by staff."""

    class Source(models.TextChoices):
        MANUAL = "manual", _("Entered by staff")
        EVENTS = "events", _("Events held (linked)")
        PARTICIPANTS = "participants", _("Participants on site (linked events)")
        ONLINE = "online", _("Participants online (linked events)")

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="indicators")
    name = models.CharField(_("indicator"), max_length=250)
    unit = models.CharField(_("unit"), max_length=40, blank=True)
    source = models.CharField(
        _("achieved value from"), max_length=15, choices=Source, default=Source.MANUAL
    )
    planned = models.PositiveIntegerField(_("planned"))
    achieved_entered = models.PositiveIntegerField(_("achieved"), null=True, blank=True)
    position = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.name


class ReportDeadline(models.Model):
    """A report owed to the funder; its task reminds the manager by e-mail."""

    class Kind(models.TextChoices):
        INTERIM = "interim", _("Interim report")
        FINAL = "final", _("Final report")

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="report_deadlines")
    kind = models.CharField(_("report"), max_length=10, choices=Kind, default=Kind.FINAL)
    due_on = models.DateField(_("due"))
    basis = models.CharField(_("how it was set"), max_length=250, blank=True)
    task = models.OneToOneField(
        "core.Task", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    submitted_on = models.DateField(_("submitted"), null=True, blank=True)

    class Meta:
        verbose_name = _("report deadline")
        verbose_name_plural = _("report deadlines")
        ordering = ["due_on", "pk"]
        indexes = [models.Index(fields=["submitted_on", "due_on"], name="projects_report_due")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.due_on})"
