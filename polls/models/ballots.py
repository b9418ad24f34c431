"""Online ballots: one per person and poll, with the choices and written answers."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from .polls import Choice, Poll, Question


class Ballot(models.Model):
    """One person's answers to one poll; kept, without the person, when the account goes."""

    poll = models.ForeignKey(
        Poll, on_delete=models.PROTECT, related_name="ballots", verbose_name=_("poll")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="ballots",
        verbose_name=_("participant"),
    )
    is_guest = models.BooleanField(_("cast as a guest"), default=False)
    created_at = models.DateTimeField(_("cast"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    class Meta:
        verbose_name = _("ballot")
        verbose_name_plural = _("ballots")
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["poll", "user"],
                condition=Q(user__isnull=False),
                name="polls_ballot_one_per_person",
                violation_error_message=_("You have already voted in this poll."),
            ),
            models.CheckConstraint(
                condition=Q(is_guest=False) | Q(user__isnull=True),
                name="polls_ballot_guest_without_account",
            ),
        ]

    def __str__(self):
        return _("Ballot no. %(number)s") % {"number": self.pk}


class Selection(models.Model):
    """A choice ticked on a ballot."""

    ballot = models.ForeignKey(
        Ballot, on_delete=models.CASCADE, related_name="selections", verbose_name=_("ballot")
    )
    choice = models.ForeignKey(
        Choice,
        on_delete=models.PROTECT,
        related_name="selections",
        verbose_name=pgettext_lazy("poll", "choice"),
    )

    class Meta:
        verbose_name = _("selection")
        verbose_name_plural = _("selections")
        constraints = [
            models.UniqueConstraint(fields=["ballot", "choice"], name="polls_selection_unique"),
        ]

    def __str__(self):
        return str(self.choice)


class TextAnswer(models.Model):
    """A free-text answer: read by staff, never published."""

    ballot = models.ForeignKey(
        Ballot, on_delete=models.CASCADE, related_name="text_answers", verbose_name=_("ballot")
    )
    question = models.ForeignKey(
        Question, on_delete=models.PROTECT, related_name="text_answers", verbose_name=_("question")
    )
    text = models.TextField(_("answer"))

    class Meta:
        verbose_name = _("free-text answer")
        verbose_name_plural = _("free-text answers")
        ordering = ["question", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["ballot", "question"], name="polls_textanswer_one_per_question"
            ),
        ]

    def __str__(self):
        return self.text[:60]


class ValueAnswer(models.Model):
    """A value given on a ballot: a point on a rating scale, a number, or the point given to
    one statement of a matrix."""

    ballot = models.ForeignKey(
        Ballot, on_delete=models.CASCADE, related_name="value_answers", verbose_name=_("ballot")
    )
    question = models.ForeignKey(
        Question,
        on_delete=models.PROTECT,
        related_name="value_answers",
        verbose_name=_("question"),
    )
    statement = models.ForeignKey(
        Choice,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="value_answers",
        verbose_name=_("statement"),
    )
    value = models.IntegerField(_("value"))

    class Meta:
        verbose_name = _("answer given as a value")
        verbose_name_plural = _("answers given as values")
        ordering = ["question", "statement", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["ballot", "question"],
                condition=Q(statement__isnull=True),
                name="polls_valueanswer_one_per_question",
            ),
            models.UniqueConstraint(
                fields=["ballot", "statement"],
                condition=Q(statement__isnull=False),
                name="polls_valueanswer_one_per_statement",
            ),
        ]

    def __str__(self):
        return str(self.value)


class RankAnswer(models.Model):
    """The place a ballot gives one choice of a ranking: 1 for the first."""

    ballot = models.ForeignKey(
        Ballot, on_delete=models.CASCADE, related_name="ranks", verbose_name=_("ballot")
    )
    question = models.ForeignKey(
        Question, on_delete=models.PROTECT, related_name="ranks", verbose_name=_("question")
    )
    choice = models.ForeignKey(
        Choice,
        on_delete=models.PROTECT,
        related_name="ranks",
        verbose_name=pgettext_lazy("poll", "choice"),
    )
    position = models.PositiveSmallIntegerField(_("place"))

    class Meta:
        verbose_name = _("place in a ranking")
        verbose_name_plural = _("places in rankings")
        ordering = ["question", "position"]
        constraints = [
            # Each place once, each choice once: a ranking without ties or repeats.
            models.UniqueConstraint(
                fields=["ballot", "question", "position"], name="polls_rankanswer_place_once"
            ),
            models.UniqueConstraint(
                fields=["ballot", "choice"], name="polls_rankanswer_choice_once"
            ),
            models.CheckConstraint(
                condition=Q(position__gte=1), name="polls_rankanswer_position_from_one"
            ),
        ]

    def __str__(self):
        return f"{self.position}. {self.choice}"


class NoAnswer(models.Model):
    """“No answer” (keine Angabe), chosen on purpose for a question or a matrix statement."""

    ballot = models.ForeignKey(
        Ballot, on_delete=models.CASCADE, related_name="no_answers", verbose_name=_("ballot")
    )
    question = models.ForeignKey(
        Question, on_delete=models.PROTECT, related_name="no_answers", verbose_name=_("question")
    )
    statement = models.ForeignKey(
        Choice,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="no_answers",
        verbose_name=_("statement"),
    )

    class Meta:
        verbose_name = _("“no answer”")
        verbose_name_plural = _("“no answer”")
        constraints = [
            models.UniqueConstraint(
                fields=["ballot", "question"],
                condition=Q(statement__isnull=True),
                name="polls_noanswer_one_per_question",
            ),
            models.UniqueConstraint(
                fields=["ballot", "statement"],
                condition=Q(statement__isnull=False),
                name="polls_noanswer_one_per_statement",
            ),
        ]

    def __str__(self):
        return str(_("no answer"))
