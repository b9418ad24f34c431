"""The Vorhabenliste: what the city plans, whether and how citizens will be involved, and
citizens' requests to be involved in a plan, released by moderators and answered by staff.

Kaiserslautern's guidelines for citizen participation ask for such a list: every planned
project names its department, timeframe and status, and says whether participation is
planned, how and when, or why not.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.db import models
from django.db.models import Count, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.html import FORMATTED_TEXT_HELP, sanitize_fields
from moderation.models import Moderated, ModeratedQuerySet

REASON_MAX_LENGTH = 2000
NO_PARTICIPATION_NEEDS_REASON = _(
    "Please say why no participation is intended: citizens are owed a reason."
)
RESPONSE_MAX_LENGTH = 5000


class Department(models.Model):
    """A department of the city administration that plans projects (Referat, Fachbereich)."""

    name = models.CharField(_("name"), max_length=160, unique=True)
    slug = models.SlugField(_("address"), max_length=80, unique=True)

    class Meta:
        verbose_name = _("department")
        verbose_name_plural = _("departments")
        ordering = ["name"]

    def __str__(self):
        return self.name


class PlanQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)

    def with_request_count(self):
        """Released requests for participation of each plan as `request_count`, in the
        same query: a subquery per plan shown, so that a page of the list counts the
        requests of its 20 plans rather than of all of them."""
        released = (
            ParticipationRequest.objects.published()
            .filter(plan=OuterRef("pk"))
            .order_by()
            .values("plan")
            .annotate(count=Count("pk"))
            .values("count")
        )
        return self.annotate(
            request_count=Coalesce(Subquery(released, output_field=models.IntegerField()), 0)
        )

    def for_list(self):
        return self.select_related("department", "project").with_request_count()


class Plan(models.Model):
    """A planned project of the city (Vorhaben), as the Vorhabenliste shows it."""

    class Status(models.TextChoices):
        PREPARING = "preparing", pgettext_lazy("plan", "in preparation")
        PLANNING = "planning", pgettext_lazy("plan", "being planned")
        DECIDED = "decided", pgettext_lazy("plan", "decided")
        BUILDING = "building", pgettext_lazy("plan", "being carried out")
        DONE = "done", pgettext_lazy("plan", "completed")
        ON_HOLD = "on_hold", pgettext_lazy("plan", "on hold")

    class Participation(models.TextChoices):
        PLANNED = "planned", _("participation planned")
        RUNNING = "running", _("participation running")
        UNDECIDED = "undecided", _("not decided yet")
        NONE = "none", _("no participation intended")
        DONE = "done", _("participation completed")

    title = models.CharField(_("title"), max_length=160)
    slug = models.SlugField(_("address"), max_length=80, unique=True)
    summary = models.CharField(
        _("summary"), max_length=300, help_text=_("One or two sentences for the list.")
    )
    description = models.TextField(_("description"), blank=True, help_text=FORMATTED_TEXT_HELP)
    department = models.ForeignKey(
        Department,
        verbose_name=_("department"),
        on_delete=models.PROTECT,
        related_name="plans",
    )
    timeframe = models.CharField(
        _("timeframe"), max_length=80, help_text=_("For example: 2027 to 2029.")
    )
    status = models.CharField(_("status"), max_length=20, choices=Status, default=Status.PLANNING)
    participation = models.CharField(
        _("participation"), max_length=20, choices=Participation, default=Participation.UNDECIDED
    )
    participation_how = models.TextField(
        _("how citizens take part"),
        blank=True,
        help_text=_("For example: an online survey and a workshop in the district. Plain text."),
    )
    participation_when = models.CharField(
        _("when citizens take part"),
        max_length=80,
        blank=True,
        help_text=_("For example: spring 2027."),
    )
    participation_reason = models.TextField(
        _("why no participation"),
        blank=True,
        help_text=_("Required when no participation is intended. Plain text."),
    )
    # Once participation starts, the project where it happens.
    project = models.ForeignKey(
        "projects.Project",
        verbose_name=_("project on the platform"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="plans",
        help_text=_("Link it once participation starts here."),
    )
    is_published = models.BooleanField(_("published"), default=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    objects = PlanQuerySet.as_manager()

    class Meta:
        verbose_name = _("planned project")
        verbose_name_plural = _("planned projects")
        ordering = ["title"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(participation="none") | ~Q(participation_reason=""),
                name="plans_plan_no_participation_has_reason",
                violation_error_message=NO_PARTICIPATION_NEEDS_REASON,
            ),
        ]
        indexes = [models.Index(fields=["is_published", "status", "participation"])]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("plans:detail", kwargs={"slug": self.slug})

    def clean(self):
        sanitize_fields(self, "description")
        if (
            self.participation == self.Participation.NONE
            and not (self.participation_reason or "").strip()
        ):
            raise ValidationError({"participation_reason": NO_PARTICIPATION_NEEDS_REASON})

    @property
    def takes_requests(self):
        """Citizens may ask to be involved while participation is not running or over."""
        return self.participation in {
            self.Participation.PLANNED,
            self.Participation.UNDECIDED,
            self.Participation.NONE,
        }


class ParticipationRequestQuerySet(ModeratedQuerySet):
    def for_moderation(self):
        return self.select_related("author", "plan")

    def for_page(self):
        """The newest first, so that a request just made is on the first page."""
        return self.select_related("author").order_by("-created_at", "-pk")


class ParticipationRequest(Moderated):
    """A citizen asks to be involved in a planned project, with a reason; pre-moderated,
    counted on the list, and answered officially by staff."""

    plan = models.ForeignKey(
        Plan,
        verbose_name=_("planned project"),
        on_delete=models.CASCADE,
        related_name="participation_requests",
    )
    reason = models.TextField(
        _("reason"),
        validators=[MaxLengthValidator(REASON_MAX_LENGTH)],
        help_text=_("Plain text."),
    )
    response = models.TextField(
        _("response of the city"),
        blank=True,
        validators=[MaxLengthValidator(RESPONSE_MAX_LENGTH)],
        help_text=_("The official response, shown under the request. Plain text."),
    )
    response_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("response by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    response_at = models.DateTimeField(_("response given"), null=True, blank=True, editable=False)

    objects = ParticipationRequestQuerySet.as_manager()

    class Meta:
        verbose_name = _("request for participation")
        verbose_name_plural = _("requests for participation")
        ordering = ["created_at", "pk"]
        constraints = [
            # One request per person and plan: the count on the list counts people.
            models.UniqueConstraint(
                fields=["plan", "author"],
                condition=Q(author__isnull=False),
                name="plans_request_once_per_person",
                violation_error_message=_("You have already asked to be involved in this."),
            ),
        ]
        indexes = [models.Index(fields=["plan", "moderation_state"])]
        permissions = [("respond_to_requests", _("Can respond to requests for participation"))]

    def __str__(self):
        return self.moderation_title()

    def get_absolute_url(self):
        return f"{self.plan.get_absolute_url()}#anfrage-{self.pk}"

    def moderation_title(self):
        return str(_("Request for participation: %(plan)s") % {"plan": self.plan.title})

    def moderation_text(self):
        return self.reason

    def moderation_context(self):
        return self.plan
