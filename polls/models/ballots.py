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
