"""Polls and surveys with their questions and choices."""

import math

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, F, OuterRef, Q, Subquery, Sum
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.html import FORMATTED_TEXT_HELP, sanitize_fields
from core.images import CreditedImage, image_constraints, image_errors


class PollQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)

    def visible_to(self, user):
        return self if user.is_staff else self.published()

    def open(self, now=None):
        now = now or timezone.now()
        return self.filter(opens_at__lte=now, closes_at__gt=now)

    def upcoming(self, now=None):
        return self.filter(opens_at__gt=now or timezone.now())

    def closed(self, now=None):
        return self.filter(closes_at__lte=now or timezone.now())

    def with_participation(self):
        """Online ballots and confirmed paper ballots, counted in the database."""
        # The ballots and batches point at polls, so their modules import this one.
        from .ballots import Ballot
        from .paper import PaperBatch

        online = (
            Ballot.objects.filter(poll=OuterRef("pk"))
            .order_by()
            .values("poll")
            .annotate(n=Count("pk"))
            .values("n")
        )
        paper = (
            PaperBatch.objects.counted()
            .filter(poll=OuterRef("pk"))
            .order_by()
            .values("poll")
            .annotate(n=Sum("ballots_count"))
            .values("n")
        )
        # Poll.participants adds them up in Python: an annotation referring to both would
        # make the database run each subquery a second time.
        return self.annotate(
            online_participants=Coalesce(Subquery(online), 0),
            paper_participants=Coalesce(Subquery(paper), 0),
        )


class Poll(models.Model):
    class Eligibility(models.TextChoices):
        ACCOUNT = "account", _("everyone with a confirmed account")
        RESIDENTS = "residents", _("residents of Kaiserslautern with a confirmed account")
        GUESTS = "guests", _("everyone, also without an account")

    class ResultsVisibility(models.TextChoices):
        LIVE = "live", _("live, while the poll is open")
        AFTER_CLOSE = "after_close", _("after the close")
        PUBLISHED = "published", _("once staff publish them")

    title = models.CharField(_("title"), max_length=160)
    slug = models.SlugField(_("address"), max_length=80, unique=True)
    intro = models.TextField(_("introduction"), blank=True, help_text=FORMATTED_TEXT_HELP)
    project = models.ForeignKey(
        "projects.Project",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="polls",
        verbose_name=_("project"),
    )
    opens_at = models.DateTimeField(_("opens"), help_text=_("Time in Kaiserslautern."))
    closes_at = models.DateTimeField(_("closes"), help_text=_("Time in Kaiserslautern."))
    eligibility = models.CharField(
        _("who may take part"), max_length=20, choices=Eligibility, default=Eligibility.ACCOUNT
    )
    ballots_changeable = models.BooleanField(
        _("ballots may be changed"),
        default=True,
        help_text=_("Participants with an account may change their answers until the close."),
    )
    results_visibility = models.CharField(
        _("results shown"),
        max_length=20,
        choices=ResultsVisibility,
        default=ResultsVisibility.AFTER_CLOSE,
    )
    method_note = models.TextField(
        _("note on method"),
        blank=True,
        help_text=_(
            "Shown with the results, for example how the paper ballots were collected. "
            "The platform adds what it knows itself (stands, dates, guests)."
        ),
    )
    is_published = models.BooleanField(
        _("published"), default=False, help_text=_("Only published polls are public.")
    )
    announced_at = models.DateTimeField(
        _("followers notified"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("When the followers of the project were told about this poll."),
    )
    results_published_at = models.DateTimeField(
        _("results published"), null=True, blank=True, editable=False
    )
    results_published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name=_("results published by"),
    )
    results_announced_at = models.DateTimeField(
        _("participants notified of the results"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("When the participants were told that the results are out."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    # Deleting the page deletes its discussion and what became of it (comments and
    # milestones know no page by themselves).
    comments = GenericRelation("comments.Comment")
    milestones = GenericRelation("progress.Milestone")

    objects = PollQuerySet.as_manager()

    class Meta:
        verbose_name = _("poll")
        verbose_name_plural = _("polls")
        ordering = ["-closes_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(closes_at__gt=F("opens_at")),
                name="polls_poll_closes_after_opening",
                violation_error_message=_("A poll must close after it opens."),
            ),
        ]
        indexes = [models.Index(fields=["is_published", "opens_at", "closes_at"])]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("polls:detail", kwargs={"slug": self.slug})

    def get_results_url(self):
        return reverse("polls:results", kwargs={"slug": self.slug})

    def get_progress_url(self):
        """Where „Was daraus wurde“ is shown (progress): with the results."""
        return self.get_results_url()

    @property
    def moderation_project(self):
        """The project whose pre-moderation rule applies to comments here (see comments)."""
        return self.project

    def comments_allowed(self):
        return self.is_published

    def clean(self):
        sanitize_fields(self, "intro")
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            raise ValidationError({"closes_at": _("A poll must close after it opens.")})

    def is_open(self, now=None):
        now = now or timezone.now()
        return self.opens_at <= now < self.closes_at

    def is_upcoming(self, now=None):
        return (now or timezone.now()) < self.opens_at

    def is_closed(self, now=None):
        return self.closes_at <= (now or timezone.now())

    def people_to_tell_of_progress(self, users):
        """Whom a milestone of this poll concerns (progress): who took part with an account,
        and who follows its project. `users` is the user model's manager."""
        followers = Q(follows__project=self.project_id) if self.project_id else Q(pk__in=[])
        return users.filter(Q(ballots__poll=self) | followers).distinct()

    @property
    def participants(self):
        """Online and confirmed paper ballots; needs `PollQuerySet.with_participation()`."""
        return self.online_participants + self.paper_participants

    @property
    def results_published(self):
        return self.results_published_at is not None

    @property
    def allows_guests(self):
        return self.eligibility == self.Eligibility.GUESTS

    @property
    def for_residents(self):
        return self.eligibility == self.Eligibility.RESIDENTS


class Question(models.Model):
    class Kind(models.TextChoices):
        SINGLE = "single", _("single choice")
        MULTIPLE = "multiple", _("multiple choice")
        TEXT = "text", _("free text")
        # A location question: one of several places, shown on a map (each choice a place).
        PLACE = "place", _("place (one of several places)")
        SCALE = "scale", _("rating scale")
        # Statements (its choices) each rated on the same scale.
        MATRIX = "matrix", _("statements rated on a scale (matrix)")
        RANKING = "ranking", _("ranking")
        NUMBER = "number", _("number")
        # A participatory budget: proposals with their costs, chosen within a sum.
        BUDGET = "budget", _("budget (proposals with costs, within a sum)")

    # Answered by ticking choices (polls.Selection), counted per choice on paper.
    SELECTION_KINDS = (Kind.SINGLE, Kind.MULTIPLE, Kind.PLACE, Kind.BUDGET)
    # Answered with a value on a scale (polls.ValueAnswer), one per statement in a matrix.
    SCALE_KINDS = (Kind.SCALE, Kind.MATRIX)
    # A radio list per question (or per statement): “no answer” fits in as one more option.
    NO_ANSWER_KINDS = (Kind.SINGLE, Kind.PLACE, Kind.SCALE, Kind.MATRIX)

    poll = models.ForeignKey(
        Poll, on_delete=models.CASCADE, related_name="questions", verbose_name=_("poll")
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    text = models.CharField(_("question"), max_length=300)
    description = models.TextField(_("explanation"), blank=True)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind, default=Kind.SINGLE)
    is_required = models.BooleanField(_("answer required"), default=True)
    max_choices = models.PositiveSmallIntegerField(
        _("at most this many choices"),
        null=True,
        blank=True,
        help_text=_("For multiple choice: how many choices a participant may select."),
    )
    max_length = models.PositiveSmallIntegerField(
        _("at most this many characters"),
        default=1000,
        help_text=_("For free text: the longest answer accepted."),
    )
    scale_points = models.PositiveSmallIntegerField(
        _("points on the scale"),
        null=True,
        blank=True,
        help_text=_("For a rating scale or a matrix: 5 for a scale from 1 to 5, 10 for 1 to 10."),
    )
    scale_low_label = models.CharField(
        _("label of the lowest value"),
        max_length=60,
        blank=True,
        help_text=_("For example: very dissatisfied."),
    )
    scale_high_label = models.CharField(
        _("label of the highest value"),
        max_length=60,
        blank=True,
        help_text=_("For example: very satisfied."),
    )
    budget = models.PositiveIntegerField(
        _("budget in euros"),
        null=True,
        blank=True,
        help_text=_(
            "For a budget: the sum the proposals chosen by one person may cost together; "
            "the results fund the proposals with the most votes until it runs out."
        ),
    )
    number_min = models.IntegerField(_("smallest number"), null=True, blank=True)
    number_max = models.IntegerField(_("largest number"), null=True, blank=True)
    number_unit = models.CharField(
        _("unit"), max_length=30, blank=True, help_text=_("For a number: for example years, km.")
    )
    # A conditional question: asked only of those who chose this answer to an earlier one.
    shown_if = models.ForeignKey(
        "Choice",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="conditional_questions",
        verbose_name=_("asked only after the answer"),
        help_text=_(
            "An answer to an earlier single or multiple choice question of this poll: the "
            "question is asked only of those who chose it, on a second page of the ballot."
        ),
    )
    offers_no_answer = models.BooleanField(
        _("offer “no answer”"),
        default=False,
        help_text=_(
            "Participants may say that they do not want to answer; this is counted "
            "separately. For single choice, places, scales and matrices."
        ),
    )

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ["poll", "position", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(kind="multiple") | Q(max_choices__isnull=False, max_choices__gte=1),
                name="polls_question_multiple_has_maximum",
                violation_error_message=_(
                    "A multiple-choice question needs the largest number of choices."
                ),
            ),
            models.CheckConstraint(
                condition=Q(max_length__gte=1, max_length__lte=5000),
                name="polls_question_max_length_range",
                violation_error_message=_("Free-text answers may be 1 to 5,000 characters long."),
            ),
            models.CheckConstraint(
                condition=~Q(kind__in=["scale", "matrix"])
                | Q(scale_points__isnull=False, scale_points__gte=2, scale_points__lte=10),
                name="polls_question_scale_has_points",
                violation_error_message=_("A scale needs 2 to 10 points."),
            ),
            models.CheckConstraint(
                condition=~Q(kind="number")
                | Q(number_min__isnull=False, number_max__gt=F("number_min")),
                name="polls_question_number_has_bounds",
                violation_error_message=_(
                    "A number question needs a smallest and a larger largest number."
                ),
            ),
            models.CheckConstraint(
                condition=Q(offers_no_answer=False)
                | Q(kind__in=["single", "place", "scale", "matrix"]),
                name="polls_question_no_answer_kinds",
                violation_error_message=_(
                    "“No answer” can be offered for single choice, places, scales and matrices."
                ),
            ),
            models.CheckConstraint(
                condition=~Q(kind="budget") | Q(budget__isnull=False, budget__gte=1),
                name="polls_question_budget_has_sum",
                violation_error_message=_("A budget question needs its sum in euros."),
            ),
            models.CheckConstraint(
                condition=~Q(kind="ranking") | Q(max_choices__isnull=True) | Q(max_choices__gte=1),
                name="polls_question_ranking_places",
            ),
        ]

    def __str__(self):
        return self.text

    def clean(self):
        errors = {}
        if self.kind == self.Kind.MULTIPLE and not self.max_choices:
            errors["max_choices"] = _(
                "A multiple-choice question needs the largest number of choices."
            )
        if self.kind in self.SCALE_KINDS and not (
            self.scale_points and 2 <= self.scale_points <= 10
        ):
            errors["scale_points"] = _("A scale needs 2 to 10 points.")
        if self.kind == self.Kind.NUMBER:
            if self.number_min is None or self.number_max is None:
                errors["number_max"] = _("Please give the smallest and the largest number.")
            elif self.number_max <= self.number_min:
                errors["number_max"] = _("The largest number must be larger than the smallest.")
        if self.kind == self.Kind.BUDGET and not self.budget:
            errors["budget"] = _("A budget question needs its sum in euros.")
        if self.offers_no_answer and self.kind not in self.NO_ANSWER_KINDS:
            errors["offers_no_answer"] = _(
                "“No answer” can be offered for single choice, places, scales and matrices."
            )
        if self.shown_if_id:
            trigger = self.shown_if.question
            if trigger.poll_id != self.poll_id or not trigger.is_selection:
                errors["shown_if"] = _(
                    "Please choose an answer to a single or multiple choice question of this poll."
                )
            elif (trigger.position, trigger.pk) >= (self.position, self.pk or math.inf):
                errors["shown_if"] = _(
                    "Please choose an answer to an earlier question (with a lower position)."
                )
            elif trigger.shown_if_id:
                errors["shown_if"] = _(
                    "That question is itself asked only after an answer: please choose an "
                    "answer to a question everyone is asked."
                )
            elif self.pk and Question.objects.filter(shown_if__question=self).exists():
                errors["shown_if"] = _(
                    "Other questions are asked after an answer to this one, so it must be "
                    "asked of everyone."
                )
        if self.pk and not self.shown_if_id:
            followers = Question.objects.filter(shown_if__question=self)
            if followers.filter(position__lte=self.position).exists():
                errors["position"] = _(
                    "Questions asked after an answer to this one come later: please give "
                    "this question a lower position than theirs."
                )
        if errors:
            raise ValidationError(errors)

    @property
    def has_choices(self):
        """It has choices: answers to tick, places, statements of a matrix, items to rank."""
        return self.kind not in (self.Kind.TEXT, self.Kind.SCALE, self.Kind.NUMBER)

    @property
    def is_selection(self):
        """Answered by ticking choices, counted per choice."""
        return self.kind in self.SELECTION_KINDS

    @property
    def is_budget(self):
        return self.kind == self.Kind.BUDGET

    @property
    def is_text(self):
        return self.kind == self.Kind.TEXT

    @property
    def is_scale(self):
        return self.kind == self.Kind.SCALE

    @property
    def is_matrix(self):
        return self.kind == self.Kind.MATRIX

    @property
    def is_ranking(self):
        return self.kind == self.Kind.RANKING

    @property
    def is_number(self):
        return self.kind == self.Kind.NUMBER

    @property
    def scale_values(self):
        return list(range(1, (self.scale_points or 0) + 1))

    @property
    def rank_places(self):
        """How many places a ranking offers: its maximum, or one per choice (fetch the
        choices with the question)."""
        choice_count = len(self.choices.all())
        return min(self.max_choices or choice_count, choice_count)

    @property
    def is_single_answer(self):
        """One answer per ballot: single choice, or one place among several."""
        return self.kind in (self.Kind.SINGLE, self.Kind.PLACE)

    @property
    def places(self):
        """The places of its choices, for the map beside the ballot (choices with their
        places fetched: `Prefetch("choices", Choice.objects.select_related("place"))`)."""
        return [choice.place for choice in self.choices.all() if choice.place_id]


def is_survey(questions):
    """Whether these questions make a survey rather than a vote.

    A vote decides one question among choices: people cast a vote („Stimme abgeben“).
    Several questions, or one to answer in words, make a survey: people send answers
    („Antworten absenden“).
    """
    return len(questions) > 1 or any(not question.is_selection for question in questions)


class Choice(CreditedImage, models.Model):
    question = models.ForeignKey(
        Question, on_delete=models.CASCADE, related_name="choices", verbose_name=_("question")
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    label = models.CharField(_("label"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    image = models.ImageField(_("image"), upload_to="polls/", blank=True)
    cost = models.PositiveIntegerField(
        _("cost in euros"),
        null=True,
        blank=True,
        help_text=_("For a budget: what the proposal would cost."),
    )
    is_other = models.BooleanField(
        _("“other” with a text field"),
        default=False,
        help_text=_(
            "For example “Other:”: whoever picks it may write what they mean. Only staff "
            "read these texts. For single and multiple choice."
        ),
    )
    # A choice that is a place (a location poll): the ballot shows the places on a map too.
    place = models.ForeignKey(
        "maps.Place",
        verbose_name=_("place"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="poll_choices",
        help_text=_("For a choice that is a place: it is shown on a map beside the ballot."),
    )

    class Meta:
        verbose_name = pgettext_lazy("poll", "choice")
        verbose_name_plural = pgettext_lazy("poll", "choices")
        ordering = ["question", "position", "pk"]
        constraints = [
            *image_constraints("polls_choice"),
            models.UniqueConstraint(
                fields=["question"],
                condition=Q(is_other=True),
                name="polls_choice_one_other_per_question",
                violation_error_message=_("A question can have only one “other” choice."),
            ),
        ]

    def __str__(self):
        return self.label

    def clean(self):
        image_errors(self)
        if self.question_id and self.question.kind == Question.Kind.PLACE and not self.place_id:
            raise ValidationError({"place": _("A choice of a location question needs its place.")})
        if self.question_id and self.question.is_budget and self.cost is None:
            raise ValidationError({"cost": _("A proposal of a budget needs its cost.")})
        if (
            self.is_other
            and self.question_id
            and self.question.kind not in (Question.Kind.SINGLE, Question.Kind.MULTIPLE)
        ):
            raise ValidationError(
                {"is_other": _("An “other” choice is possible for single and multiple choice.")}
            )
