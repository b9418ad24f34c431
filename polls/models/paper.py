"""Paper batches from the stands: entered by one staff member, confirmed by another."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from .polls import Choice, Poll, Question


class PaperBatchQuerySet(models.QuerySet):
    def waiting(self):
        """Entered, neither confirmed nor voided yet: a colleague still has to look."""
        return self.filter(confirmed_at__isnull=True, voided_at__isnull=True)

    def voided(self):
        return self.filter(voided_at__isnull=False)

    def counted(self):
        """Confirmed and not voided: the only batches that count."""
        return self.filter(confirmed_at__isnull=False, voided_at__isnull=True)


class PaperBatch(models.Model):
    """Paper ballots from one stand: entered by one staff member, confirmed by another."""

    class State(models.TextChoices):
        ENTERED = "entered", _("waiting for confirmation")
        CONFIRMED = "confirmed", _("confirmed")
        VOIDED = "voided", _("voided")

    poll = models.ForeignKey(
        Poll, on_delete=models.PROTECT, related_name="paper_batches", verbose_name=_("poll")
    )
    place = models.CharField(
        _("place"), max_length=160, help_text=_("For example: Stand at »Lautern blüht auf«")
    )
    collected_on = models.DateField(_("collected on"))
    # The stand or workshop where they were collected, as the events list shows it.
    event = models.ForeignKey(
        "events.Event",
        verbose_name=_("event"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="paper_batches",
        help_text=_("The stand or workshop of the events list where they were collected."),
    )
    ballots_count = models.PositiveIntegerField(
        _("paper ballots"), help_text=_("How many filled-in paper ballots this batch holds.")
    )
    note = models.TextField(_("note"), blank=True)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("entered by"),
    )
    entered_at = models.DateTimeField(_("entered"), auto_now_add=True)
    # Every correction counts one up; a confirmation names the version the colleague
    # compared with the paper ballots (polls.services.confirm_paper_batch).
    revision = models.PositiveIntegerField(_("version"), default=1, db_default=1, editable=False)
    corrected_at = models.DateTimeField(_("last corrected"), null=True, blank=True)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("confirmed by"),
    )
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    voided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("voided by"),
    )
    voided_at = models.DateTimeField(_("voided"), null=True, blank=True)
    void_reason = models.TextField(_("reason for voiding"), blank=True)

    objects = PaperBatchQuerySet.as_manager()

    class Meta:
        verbose_name = _("paper batch")
        verbose_name_plural = _("paper batches")
        ordering = ["-collected_on", "-pk"]
        permissions = [("confirm_paperbatch", _("Can confirm paper batches entered by others"))]
        constraints = [
            models.CheckConstraint(
                condition=Q(confirmed_by__isnull=True) | ~Q(confirmed_by=F("entered_by")),
                name="polls_paperbatch_four_eyes",
                violation_error_message=_(
                    "A paper batch must be confirmed by someone other than the person who "
                    "entered it."
                ),
            ),
            models.CheckConstraint(
                condition=Q(confirmed_by__isnull=True, confirmed_at__isnull=True)
                | Q(confirmed_by__isnull=False, confirmed_at__isnull=False),
                name="polls_paperbatch_confirmation_complete",
            ),
            models.CheckConstraint(
                condition=Q(voided_at__isnull=True, voided_by__isnull=True, void_reason="")
                | (Q(voided_at__isnull=False, voided_by__isnull=False) & ~Q(void_reason="")),
                name="polls_paperbatch_void_has_reason",
            ),
        ]

    def __str__(self):
        return f"{self.place}, {self.collected_on:%d.%m.%Y}"

    @property
    def state(self):
        if self.voided_at:
            return self.State.VOIDED
        if self.confirmed_at:
            return self.State.CONFIRMED
        return self.State.ENTERED

    def get_state_display(self):
        return self.State(self.state).label


class PaperCount(models.Model):
    batch = models.ForeignKey(
        PaperBatch, on_delete=models.CASCADE, related_name="counts", verbose_name=_("paper batch")
    )
    choice = models.ForeignKey(
        Choice,
        on_delete=models.PROTECT,
        related_name="paper_counts",
        verbose_name=pgettext_lazy("poll", "choice"),
    )
    count = models.PositiveIntegerField(_("votes"))

    class Meta:
        verbose_name = _("paper count")
        verbose_name_plural = _("paper counts")
        ordering = ["choice"]
        constraints = [
            models.UniqueConstraint(fields=["batch", "choice"], name="polls_papercount_unique"),
        ]

    def __str__(self):
        return f"{self.choice}: {self.count}"


class PaperValueCount(models.Model):
    """How many paper ballots of a batch gave one value: a point of a scale (per statement in
    a matrix), a number, or a place of a ranking (per choice)."""

    batch = models.ForeignKey(
        PaperBatch,
        on_delete=models.CASCADE,
        related_name="value_counts",
        verbose_name=_("paper batch"),
    )
    question = models.ForeignKey(
        Question,
        on_delete=models.PROTECT,
        related_name="paper_value_counts",
        verbose_name=_("question"),
    )
    # The statement of a matrix, or the choice of a ranking; empty for a scale or a number.
    choice = models.ForeignKey(
        Choice,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="paper_value_counts",
        verbose_name=pgettext_lazy("poll", "choice"),
    )
    value = models.IntegerField(_("value"))
    count = models.PositiveIntegerField(_("paper ballots"))

    class Meta:
        verbose_name = _("paper count of a value")
        verbose_name_plural = _("paper counts of values")
        ordering = ["question", "choice", "value"]
        constraints = [
            models.UniqueConstraint(
                fields=["batch", "question", "value"],
                condition=Q(choice__isnull=True),
                name="polls_papervaluecount_unique_per_question",
            ),
            models.UniqueConstraint(
                fields=["batch", "choice", "value"],
                condition=Q(choice__isnull=False),
                name="polls_papervaluecount_unique_per_choice",
            ),
        ]

    def __str__(self):
        return f"{self.value}: {self.count}"
