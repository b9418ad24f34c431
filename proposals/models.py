"""Proposals of citizens, their supports, and the city's status and response history."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.db import models
from django.db.models import F, OuterRef, Q, Subquery, Sum
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, pgettext_lazy

from comments.models import published_comment_count
from core.html import FORMATTED_TEXT_HELP, sanitize_fields
from core.images import CreditedImage, image_constraints, image_errors
from moderation.models import Moderated, ModeratedQuerySet, ModerationState
from projects.models import Project, Topic

TITLE_MAX_LENGTH = 120
DESCRIPTION_MAX_LENGTH = 5000


class ProposalQuerySet(ModeratedQuerySet):
    def listed(self):
        """What the public list shows: released proposals (hidden ones only on their page)."""
        return self.published()

    def with_counts(self):
        """Published, undeleted comments as `comment_count` (supports are a column)."""
        return self.annotate(comment_count=published_comment_count(Proposal))

    def with_paper_supports(self):
        """Supports collected on paper and released, as `paper_support_count` (0 for none)."""
        paper = (
            PaperSupport.objects.published()
            .filter(proposal=OuterRef("pk"))
            .order_by()
            .values("proposal")
            .annotate(n=Sum("count"))
            .values("n")
        )
        return self.annotate(
            paper_support_count=Coalesce(Subquery(paper, output_field=models.IntegerField()), 0)
        )

    def by_supports_in_total(self, *first):
        """Most supported first, online and paper together (needs with_paper_supports);
        `first` orderings before that."""
        return self.alias(total_supports=F("support_count") + F("paper_support_count")).order_by(
            *first, "-total_supports", "-created_at", "-pk"
        )

    def admitted_by_supports(self):
        """The released ideas admitted to a contest's vote, most supported first, online and
        paper together: what the winners are drawn from."""
        return (
            self.published()
            .filter(admission=Admission.ADMITTED)
            .with_paper_supports()
            .by_supports_in_total()
        )

    def for_cards(self):
        return (
            self.with_counts()
            .with_paper_supports()
            .select_related("topic", "project", "author", "contest")
        )

    def for_moderation(self):
        """What the moderation queue and admin show of each proposal, without a query per row."""
        return self.select_related("author", "project", "topic")


class ContestQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)

    def visible_to(self, user):
        return self if user.is_staff else self.published()

    def accepting(self, now=None):
        """In their submission phase: proposals may be sent in."""
        now = now or timezone.now()
        return self.published().filter(submission_opens__lte=now, submission_closes__gt=now)


class Contest(models.Model):
    """An idea contest of a project: proposals come in, staff admit them, people support the
    admitted ones, the most supported win. Its dates make the phases."""

    class Phase(models.TextChoices):
        UPCOMING = "upcoming", pgettext_lazy("contest phase", "not started")
        SUBMISSION = "submission", pgettext_lazy("contest phase", "submission")
        REVIEW = "review", pgettext_lazy("contest phase", "review")
        VOTING = "voting", pgettext_lazy("contest phase", "voting")
        RESULT = "result", pgettext_lazy("contest phase", "result")

    project = models.ForeignKey(
        Project, verbose_name=_("project"), on_delete=models.PROTECT, related_name="contests"
    )
    title = models.CharField(_("title"), max_length=160)
    slug = models.SlugField(_("address"), max_length=80, unique=True)
    intro = models.TextField(_("introduction"), blank=True, help_text=FORMATTED_TEXT_HELP)
    submission_opens = models.DateTimeField(
        _("submission opens"), help_text=_("Time in Kaiserslautern.")
    )
    submission_closes = models.DateTimeField(
        _("submission closes"),
        help_text=_("Then staff review the proposals: admitted or not, with a reason."),
    )
    voting_opens = models.DateTimeField(_("voting opens"))
    voting_closes = models.DateTimeField(
        _("voting closes"), help_text=_("Then the proposals with the most supports win.")
    )
    winner_count = models.PositiveSmallIntegerField(
        _("number of winners"),
        default=3,
        help_text=_("How many of the most supported proposals win."),
    )
    max_supports = models.PositiveSmallIntegerField(
        _("supports per person"),
        null=True,
        blank=True,
        help_text=_("How many proposals one person may support; empty for any number."),
    )
    method_note = models.TextField(_("note on method"), blank=True)
    is_published = models.BooleanField(
        _("published"), default=False, help_text=_("Only published contests are public.")
    )
    winners_announced_at = models.DateTimeField(
        _("winners announced"), null=True, blank=True, editable=False
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = ContestQuerySet.as_manager()

    class Meta:
        verbose_name = _("idea contest")
        verbose_name_plural = _("idea contests")
        ordering = ["-submission_opens"]
        constraints = [
            models.CheckConstraint(
                condition=Q(submission_closes__gt=F("submission_opens"))
                & Q(voting_opens__gte=F("submission_closes"))
                & Q(voting_closes__gt=F("voting_opens")),
                name="proposals_contest_phases_in_order",
                violation_error_message=_(
                    "The phases must follow each other: submission, review, voting."
                ),
            ),
            models.CheckConstraint(
                condition=Q(winner_count__gte=1), name="proposals_contest_has_winners"
            ),
            models.CheckConstraint(
                condition=Q(max_supports__isnull=True) | Q(max_supports__gte=1),
                name="proposals_contest_max_supports_positive",
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("contests:detail", kwargs={"project": self.project.slug, "slug": self.slug})

    def clean(self):
        sanitize_fields(self, "intro")
        dates = (
            self.submission_opens,
            self.submission_closes,
            self.voting_opens,
            self.voting_closes,
        )
        if all(dates) and not (dates[0] < dates[1] <= dates[2] < dates[3]):
            raise ValidationError(
                {
                    "voting_closes": _(
                        "The phases must follow each other: submission, review, voting."
                    )
                }
            )

    def phase(self, now=None):
        now = now or timezone.now()
        if now < self.submission_opens:
            return self.Phase.UPCOMING
        if now < self.submission_closes:
            return self.Phase.SUBMISSION
        if now < self.voting_opens:
            return self.Phase.REVIEW
        if now < self.voting_closes:
            return self.Phase.VOTING
        return self.Phase.RESULT

    @property
    def current_phase(self):
        return self.phase()

    @property
    def winners_announced(self):
        return self.winners_announced_at is not None


class Admission(models.TextChoices):
    """Whether staff admitted a proposal of a contest to the vote."""

    WAITING = "waiting", pgettext_lazy("admission", "not yet reviewed")
    ADMITTED = "admitted", pgettext_lazy("admission", "admitted")
    NOT_ADMITTED = "not_admitted", pgettext_lazy("admission", "not admitted")


# The credit of an author's photo: their role, not their name, which may change or go with
# the account (German, as every credit: the Bildnachweis is the German one).
PHOTO_CREDIT = "Foto: Verfasser:in des Vorschlags"


class Proposal(CreditedImage, Moderated):
    class Status(models.TextChoices):
        SUBMITTED = "submitted", pgettext_lazy("proposal status", "submitted")
        UNDER_REVIEW = "under_review", pgettext_lazy("proposal status", "under review")
        ACCEPTED = "accepted", pgettext_lazy("proposal status", "accepted")
        REJECTED = "rejected", pgettext_lazy("proposal status", "rejected")
        IMPLEMENTED = "implemented", pgettext_lazy("proposal status", "implemented")

    title = models.CharField(_("title"), max_length=TITLE_MAX_LENGTH)
    description = models.TextField(
        _("description"),
        validators=[MaxLengthValidator(DESCRIPTION_MAX_LENGTH)],
        help_text=_("Plain text; web addresses become links."),
    )
    topic = models.ForeignKey(
        Topic, verbose_name=_("topic"), on_delete=models.PROTECT, related_name="proposals"
    )
    project = models.ForeignKey(
        Project,
        verbose_name=_("project"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="proposals",
    )
    status = models.CharField(_("status"), max_length=20, choices=Status, default=Status.SUBMITTED)
    # One photo of the author's, stored only as core/photos.py redrew it (no metadata, a
    # random name), released with the text and deleted with the proposal or the account.
    image = models.ImageField(_("photo"), upload_to="proposals/", blank=True)
    contest = models.ForeignKey(
        Contest,
        verbose_name=_("idea contest"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="proposals",
    )
    admission = models.CharField(
        _("admission to the vote"),
        max_length=20,
        choices=Admission,
        default=Admission.WAITING,
        db_default=Admission.WAITING,
    )
    admission_reason = models.TextField(
        _("reason"),
        blank=True,
        validators=[MaxLengthValidator(DESCRIPTION_MAX_LENGTH)],
        help_text=_("Published with the decision; required when a proposal is not admitted."),
    )
    admission_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    admission_at = models.DateTimeField(_("reviewed"), null=True, blank=True, editable=False)
    is_winner = models.BooleanField(_("winner"), default=False, editable=False)
    response = models.TextField(
        _("response of the city"),
        blank=True,
        validators=[MaxLengthValidator(DESCRIPTION_MAX_LENGTH)],
        help_text=_("The official response, shown prominently on the proposal. Plain text."),
    )
    response_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("response by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    response_at = models.DateTimeField(_("response given"), null=True, blank=True)
    # The language of the page the response was written on (the admin in German or English);
    # the proposal page marks it with `lang` where it differs from the page's.
    response_language = models.CharField(
        _("language of the response"),
        max_length=8,
        choices=settings.LANGUAGES,
        blank=True,
        default="",
        editable=False,
    )
    # The number of supports, kept by the services that add and remove them, so that
    # "most supported first" is an index scan instead of a count per proposal. The default
    # in the database too, for rows written without the model (and by the previous release
    # while a new one rolls out).
    support_count = models.PositiveIntegerField(
        _("supports"), default=0, db_default=0, editable=False
    )
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    # Deleting the page deletes its discussion and what became of it (comments and
    # milestones know no page by themselves).
    comments = GenericRelation("comments.Comment")
    milestones = GenericRelation("progress.Milestone")

    objects = ProposalQuerySet.as_manager()

    class Meta:
        verbose_name = _("proposal")
        verbose_name_plural = _("proposals")
        ordering = ["-created_at", "-pk"]
        permissions = [
            ("respond_proposal", _("Can set the status and write the response of the city")),
            ("review_proposal", _("Can admit proposals of idea contests to the vote")),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(response="") | Q(response_at__isnull=False),
                name="proposals_proposal_response_dated",
            ),
            models.CheckConstraint(
                condition=Q(support_count__gte=0),
                name="proposals_proposal_support_count_not_negative",
            ),
            models.CheckConstraint(
                condition=~Q(admission="not_admitted") | ~Q(admission_reason=""),
                name="proposals_proposal_not_admitted_has_reason",
                violation_error_message=_("Please give the reason why it is not admitted."),
            ),
            models.CheckConstraint(
                condition=Q(contest__isnull=False) | Q(admission="waiting", is_winner=False),
                name="proposals_proposal_admission_only_in_contests",
            ),
            *image_constraints("proposals_proposal"),
        ]
        indexes = [
            models.Index(fields=["moderation_state", "-created_at"]),
            models.Index(fields=["moderation_state", "status"]),
            # The list sorted by most supported (ORDERINGS in filters.py), ties newest first.
            models.Index(
                fields=["moderation_state", "-support_count", "-created_at", "-id"],
                name="proposals_most_supported_idx",
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("proposals:detail", kwargs={"pk": self.pk})

    def people_to_tell_of_progress(self, users):
        """Whom a milestone of this proposal concerns (progress): its author, who supports
        it, and who follows its project. `users` is the user model's manager."""
        people = Q(pk=self.author_id) | Q(supports__proposal=self)
        if self.project_id:
            people |= Q(follows__project=self.project_id)
        return users.filter(people).distinct()

    @property
    def supports_in_total(self):
        """Online supports and released ones from paper (with_paper_supports)."""
        return self.support_count + getattr(self, "paper_support_count", 0)

    def moderation_title(self):
        return self.title

    def moderation_text(self):
        return self.description

    def clean(self):
        super().clean()
        image_errors(self)

    def moderation_context(self):
        return self.project

    @property
    def moderation_project(self):
        """The project whose pre-moderation rule applies to this proposal and its comments."""
        return self.project

    def comments_allowed(self):
        return self.moderation_state == ModerationState.PUBLISHED


class Support(models.Model):
    """One person's support of a published proposal."""

    proposal = models.ForeignKey(
        Proposal, verbose_name=_("proposal"), on_delete=models.CASCADE, related_name="supports"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("supporter"),
        on_delete=models.CASCADE,
        related_name="supports",
    )
    created_at = models.DateTimeField(_("supported"), default=timezone.now)

    class Meta:
        verbose_name = _("support")
        verbose_name_plural = _("supports")
        ordering = ["created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["proposal", "user"], name="proposals_support_once_per_person"
            ),
        ]

    def __str__(self):
        return f"{self.user} → {self.proposal}"


class StatusEntry(models.Model):
    """A dated step in a proposal's history: a new status, or a new or changed response."""

    proposal = models.ForeignKey(
        Proposal, verbose_name=_("proposal"), on_delete=models.CASCADE, related_name="history"
    )
    status = models.CharField(_("status"), max_length=20, choices=Proposal.Status)
    status_changed = models.BooleanField(_("status changed"), default=False)
    response_changed = models.BooleanField(_("response changed"), default=False)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("changed by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("date"), default=timezone.now)

    class Meta:
        verbose_name = _("history entry")
        verbose_name_plural = _("history entries")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.created_at:%d.%m.%Y}: {self.get_status_display()}"


class PaperSupportQuerySet(ModeratedQuerySet):
    def for_moderation(self):
        return self.select_related("proposal__contest", "proposal__project", "entered_by")


class PaperSupport(Moderated):
    """Supports of one idea of a contest, collected on paper at a stand and typed in by
    staff; they count once a second staff member has released them in the moderation
    queue (four eyes: Moderated.refuses_decision, and a constraint in the database)."""

    proposal = models.ForeignKey(
        Proposal,
        verbose_name=_("idea"),
        on_delete=models.PROTECT,
        related_name="paper_supports",
    )
    count = models.PositiveIntegerField(_("supports on paper"))
    place = models.CharField(
        _("where collected"),
        max_length=160,
        help_text=_("For example: Stand at the Wochenmarkt on the Stiftsplatz"),
    )
    collected_on = models.DateField(_("collected on"))
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("entered by"),
        on_delete=models.PROTECT,
        related_name="+",
    )

    objects = PaperSupportQuerySet.as_manager()

    class Meta:
        verbose_name = _("supports on paper")
        verbose_name_plural = _("supports on paper")
        ordering = ["-collected_on", "-pk"]
        permissions = [("enter_paper_supports", _("Can enter supports collected on paper"))]
        constraints = [
            models.CheckConstraint(
                condition=Q(count__gte=1), name="proposals_papersupport_count_positive"
            ),
            models.CheckConstraint(
                condition=Q(author__isnull=True), name="proposals_papersupport_no_author"
            ),
            # Four eyes: whoever typed the supports in does not release them.
            models.CheckConstraint(
                condition=Q(moderated_by__isnull=True) | ~Q(moderated_by=F("entered_by")),
                name="proposals_papersupport_four_eyes",
            ),
        ]

    def __str__(self):
        return self.moderation_title()

    def moderation_title(self):
        return ngettext(
            "%(count)d support on paper for “%(idea)s”",
            "%(count)d supports on paper for “%(idea)s”",
            self.count,
        ) % {"count": self.count, "idea": self.proposal.title}

    def moderation_text(self):
        return f"{self.place}, {formats.date_format(self.collected_on, 'DATE_FORMAT')}"

    def moderation_context(self):
        return self.proposal

    def get_absolute_url(self):
        """Where the supports count once released: the idea's page."""
        return self.proposal.get_absolute_url()

    @property
    def moderation_project(self):
        return self.proposal.project

    def comments_allowed(self):
        return False

    def refuses_decision(self, moderator):
        if moderator.pk == self.entered_by_id:
            return str(
                _(
                    "Supports from paper are released by a second staff member, not by the "
                    "one who typed them in."
                )
            )
        return ""
