"""Public poll pages: the list, one poll with its ballot form, the results and their CSV files."""

import csv
from decimal import Decimal

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Exists, OuterRef, Prefetch
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import ListView

from accounts.permissions import can_take_part, confirmed_addresses, note_confirmed_address
from core import page_cache
from core.forms import show_service_error
from core.page_cache import CONTENT, VOTES, every_citizen, scoped
from core.spreadsheets import decimal_comma, spreadsheet_safe, spreadsheet_writer

from .answers import answer_relations, stored_answers
from .exports import result_table
from .forms import BallotForm
from .models import Ballot, Choice, Poll, is_survey
from .permissions import (
    Obstacle,
    can_change_ballot,
    can_see_results,
    is_replaceable,
    results_are_public,
    voting_obstacle,
)
from .results import tally
from .services import AlreadyVoted, cast_ballot

GUEST_BALLOTS_SESSION_KEY = "polls_guest_ballots"

# What the pages of one poll show: its content and its own votes, not every poll's.
THIS_POLL = [CONTENT, scoped(VOTES, "{slug}")]

# What a person is told after the ballot is stored, by (is it a survey, was it a change).
COUNTED = {
    (False, False): gettext_lazy("Your vote has been counted."),
    (False, True): gettext_lazy("Your changed vote has been counted."),
    (True, False): gettext_lazy("Your answers have been counted."),
    (True, True): gettext_lazy("Your changed answers have been counted."),
}


def visible_poll(request, slug):
    polls = Poll.objects.visible_to(request.user).select_related("project")
    return get_object_or_404(polls, slug=slug)


def count_participation(poll):
    """Set the poll's participation figures, counted once per vote (like the results)."""
    poll.online_participants, poll.paper_participants = page_cache.remember(
        f"participation-{poll.pk}",
        [scoped(VOTES, poll.slug)],
        lambda: (
            Poll.objects.filter(pk=poll.pk)
            .with_participation()
            .values_list("online_participants", "paper_participants")
            .get()
        ),
    )
    return poll


class PollListView(ListView):
    """Open and upcoming polls on the first page; closed ones below, newest first, paginated."""

    page_cache_audience = staticmethod(every_citizen)  # nothing of the person but the header
    template_name = "polls/poll_list.html"
    context_object_name = "closed_polls"
    paginate_by = 10

    def get_queryset(self):
        self.now = timezone.now()
        return self.listed().closed(self.now).order_by("-closes_at", "title")

    def listed(self):
        return (
            Poll.objects.visible_to(self.request.user)
            .with_participation()
            .select_related("project")
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        first_page = context["page_obj"].number == 1
        context.update(
            open_polls=list(self.listed().open(self.now).order_by("closes_at", "title"))
            if first_page
            else [],
            upcoming_polls=list(self.listed().upcoming(self.now).order_by("opens_at", "title"))
            if first_page
            else [],
        )
        return context


def own_ballot(request, poll, questions):
    """The ballot this visitor cast: by account, or by this browser session for guests;
    with the answers its questions can have."""
    ballots = Ballot.objects.filter(poll=poll).prefetch_related(*answer_relations(questions))
    if request.user.is_authenticated:
        return ballots.filter(user=request.user).first()
    ballot_id = request.session.get(GUEST_BALLOTS_SESSION_KEY, {}).get(str(poll.pk))
    if ballot_id is None:
        return None
    return ballots.filter(pk=ballot_id, is_guest=True).first()


def ballot_summary(ballot, questions):
    """The visitor's own answers, question by question, for the confirmation: each as the
    words to show (empty: not answered)."""

    def rows(relation):
        return stored_answers(ballot, relation, questions)

    chosen = {selection.choice_id for selection in rows("selections")}
    texts = {answer.question_id: answer.text for answer in rows("text_answers")}
    values = {(a.question_id, a.statement_id): a.value for a in rows("value_answers")}
    declined = {(a.question_id, a.statement_id) for a in rows("no_answers")}
    ranks = {rank.choice_id: rank.position for rank in rows("ranks")}
    no_answer = _("no answer")

    def value_of(question, statement=None):
        key = (question.pk, statement.pk if statement else None)
        if key in declined:
            return no_answer
        value = values.get(key)
        if value is None:
            return ""
        if question.number_unit and question.is_number:
            return f"{value} {question.number_unit}"
        return str(value)

    summary = []
    for question in questions:
        lines = []
        if question.is_selection:
            labels = [choice.label for choice in question.choices.all() if choice.pk in chosen]
            lines = [", ".join(labels)] if labels else []
            if (question.pk, None) in declined:
                lines = [no_answer]
            if question.pk in texts:
                lines.append(_("own answer: %(text)s") % {"text": texts[question.pk]})
        elif question.is_matrix:
            lines = [
                f"{statement.label}: {value}"
                for statement in question.choices.all()
                if (value := value_of(question, statement))
            ]
        elif question.is_ranking:
            placed = sorted(
                (ranks[choice.pk], choice.label)
                for choice in question.choices.all()
                if choice.pk in ranks
            )
            lines = [f"{place}. {label}" for place, label in placed]
        elif question.is_scale or question.is_number:
            lines = [value] if (value := value_of(question)) else []
        elif question.pk in texts:
            lines = [texts[question.pk]]
        if lines or not question.shown_if_id:  # a follow-up question not asked is left out
            summary.append({"question": question, "lines": lines})
    return summary


class PollDetailView(View):
    page_cache_shows = THIS_POLL
    template_name = "polls/poll_detail.html"

    @staticmethod
    def page_cache_audience(request, slug):
        """Citizens see the same poll page while they have neither voted nor written on it:
        those who may vote get the same empty form, the others the same reason why not.

        Once voted, the page shows their own answers; once written, their comments in every
        state; where the postal code they gave keeps them out, that code: all rendered for them.
        """
        user = request.user
        poll = page_cache.shared_object(
            Poll.objects.visible_to(user)
            .filter(slug=slug)
            .only("is_published", "opens_at", "closes_at", "eligibility"),
            user,
            voted=Exists(Ballot.objects.filter(poll=OuterRef("pk"), user=user)),
            confirmed=Exists(confirmed_addresses(user)),
        )
        if poll is None or poll.voted:
            return None
        note_confirmed_address(user, poll.confirmed)  # one query for all the questions
        obstacle = voting_obstacle(user, poll)
        if obstacle == Obstacle.NOT_RESIDENT:
            return None
        confirmed = "confirmed" if can_take_part(user) else "unconfirmed"
        return f"{obstacle or 'may-vote'}:{confirmed}"

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.poll = visible_poll(request, kwargs["slug"])
        self.questions = list(
            self.poll.questions.select_related("shown_if__question").prefetch_related(
                Prefetch("choices", queryset=Choice.objects.select_related("place"))
            )
        )
        # Conditional questions are asked on a second page, after the answers they follow.
        self.first_step = [question for question in self.questions if not question.shown_if_id]
        self.has_steps = len(self.first_step) < len(self.questions)

    def get(self, request, slug):
        ballot = own_ballot(request, self.poll, self.questions)
        form = None
        obstacle = voting_obstacle(request.user, self.poll)
        may_change = obstacle is None and is_replaceable(request.user, self.poll, ballot)
        changing = "aendern" in request.GET and may_change
        if changing:
            form = BallotForm(
                initial=BallotForm.initial_from(ballot, self.questions), questions=self.questions
            )
        elif ballot is None and obstacle is None:
            form = BallotForm(questions=self.questions)
        return self.render(form=form, ballot=ballot, obstacle=obstacle, changing=changing)

    def post(self, request, slug):
        ballot = own_ballot(request, self.poll, self.questions)
        if ballot is not None and not can_change_ballot(request.user, self.poll, ballot):
            messages.info(request, _("You have already voted in this poll."))
            return redirect(self.poll)
        changing = ballot is not None
        page = {"ballot": ballot, "obstacle": None, "changing": changing}
        if self.has_steps and "zurueck" in request.POST:
            sent = BallotForm(request.POST, questions=self.questions)
            form = BallotForm(initial=sent.as_initial(), questions=self.questions)
            return self.render(form=form, **page)
        if self.has_steps and request.POST.get("schritt") == "1":
            first = BallotForm(request.POST, questions=self.first_step)
            if not first.is_valid():
                full = BallotForm(request.POST, questions=self.questions)
                carried = full.values_of(q for q in self.questions if q.shown_if_id)
                return self.render(form=first, carried=carried, **page)
            sent = BallotForm(request.POST, questions=self.questions)
            following = [q for q in sent.asked(first.answers()) if q.shown_if_id]
            if following:
                form = BallotForm(initial=sent.as_initial(), questions=self.questions)
                return self.render(form=form, step_two=following, **page)
        form = BallotForm(request.POST, questions=self.questions)
        if form.is_valid():
            try:
                ballot = cast_ballot(poll=self.poll, user=request.user, answers=form.answers())
            except AlreadyVoted as error:
                messages.info(request, error.messages[0])
                return redirect(self.poll)
            except ValidationError as error:
                show_service_error(form, error)
            else:
                if ballot.is_guest:
                    guest_ballots = request.session.get(GUEST_BALLOTS_SESSION_KEY, {})
                    guest_ballots[str(self.poll.pk)] = ballot.pk
                    request.session[GUEST_BALLOTS_SESSION_KEY] = guest_ballots
                messages.success(request, COUNTED[is_survey(self.questions), changing])
                return redirect(f"{self.poll.get_absolute_url()}#ihre-stimme")
        page["obstacle"] = voting_obstacle(request.user, self.poll)
        step_two = None
        if self.has_steps and not any(
            form.field_names(q) and any(n in form.errors for n in form.field_names(q))
            for q in self.first_step
        ):
            # Only the questions of the second page are wrong: show that page again.
            step_two = [q for q in self.questions if q.shown_if_id and q in form.asked()]
        return self.render(form=form, step_two=step_two, **page)

    def render(self, *, form, ballot, obstacle, changing, step_two=None, carried=None):
        """The poll page; with a ballot in two steps, `step_two` names the conditional
        questions the second page asks (None: the first page is shown)."""
        # Counted for the page only: a vote that succeeds is redirected, and renews the count.
        poll = count_participation(self.poll)
        ballot_page = None
        if form is not None:
            if step_two:
                shown, others = step_two, self.first_step
            else:
                shown = self.first_step if self.has_steps else self.questions
                others = [q for q in self.questions if q not in shown]
            ballot_page = {
                "rows": form.rows(shown),
                # What the other page holds travels along in hidden fields.
                "carried": carried if carried is not None else form.values_of(others),
                "step": (2 if step_two else 1) if self.has_steps else None,
                "number_offset": len(self.first_step) if step_two else 0,
            }
        context = {
            "ballot_page": ballot_page,
            "poll": poll,
            "questions": self.questions,
            "is_survey": is_survey(self.questions),
            "form": form,
            "ballot": ballot,
            "answers": ballot_summary(ballot, self.questions) if ballot else None,
            "obstacle": obstacle,
            "changing": changing,
            "can_change": obstacle is None and is_replaceable(self.request.user, poll, ballot),
            "results_visible": can_see_results(self.request.user, poll),
            "has_budget": any(question.is_budget for question in self.questions),
            # A location poll: its places on a map beside the ballot.
            "has_map": any(question.places for question in self.questions),
        }
        return render(self.request, self.template_name, context)


class PollResultsView(View):
    page_cache_shows = THIS_POLL
    page_cache_audience = staticmethod(every_citizen)  # staff, who get previews, are left out
    template_name = "polls/poll_results.html"

    def get(self, request, slug):
        poll = visible_poll(request, slug)
        context = {
            "poll": poll,
            "visible": can_see_results(request.user, poll),
            "preview": not results_are_public(poll),
        }
        if context["visible"]:
            context["results"] = tally(poll)
            context["is_survey"] = is_survey([r.question for r in context["results"].questions])
            # A location poll: its results on a map beside the tables.
            context["has_map"] = any(
                row.choice.place_id
                for result in context["results"].choice_questions
                for row in result.choices
            )
        return render(request, self.template_name, context)


class PollResultsCSVView(View):
    """Open data: the same figures as the results page, one row per choice.

    Plain CSV for programs and data portals: UTF-8, commas, decimal points, text as written.
    """

    filename = "{slug}-ergebnisse.csv"

    def get(self, request, slug):
        poll = visible_poll(request, slug)
        if not can_see_results(request.user, poll):
            raise Http404
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        filename = self.filename.format(slug=poll.slug)
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        writer = self.writer(response)
        for row in result_table(poll):
            writer.writerow([self.cell(value) for value in row])
        return response

    def writer(self, response):
        return csv.writer(response)

    def cell(self, value):
        if value is None:
            return ""
        if isinstance(value, Decimal):
            return f"{value:f}"  # as many places as the figure has: 12.5 %, a median of 3.25
        return value


class PollResultsSpreadsheetView(PollResultsCSVView):
    """The same table for spreadsheet programs set to German (see polls.exports)."""

    filename = "{slug}-ergebnisse-tabellenkalkulation.csv"

    def writer(self, response):
        return spreadsheet_writer(response)

    def cell(self, value):
        if isinstance(value, Decimal):
            return decimal_comma(value)
        if isinstance(value, str):
            return spreadsheet_safe(value)
        return super().cell(value)
