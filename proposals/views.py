"""Public proposal pages: the list, submitting and correcting, one proposal, supports, reports."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Exists, OuterRef, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import ListView

from accounts.permissions import confirmed_addresses
from core import page_cache, ratelimit
from core.forms import show_service_error
from core.page_cache import CONTENT, every_citizen
from moderation.views import ReportView

from .filters import NEWEST, ORDERINGS, ProposalFilter
from .forms import ProposalForm
from .models import Admission, Contest, Proposal, Support
from .permissions import (
    can_edit_proposal,
    can_read_proposal,
    can_report_proposal,
    can_submit_proposal,
    can_submit_to_contest,
    can_support,
    can_view_proposal,
    supports_open,
)
from .services import submit_proposal, support_proposal, update_proposal, withdraw_support


def viewable_proposal(request, pk, proposals=None):
    """The proposal if this visitor may see it (even only as a notice of removal), else 404."""
    proposal = get_object_or_404(proposals if proposals is not None else Proposal.objects, pk=pk)
    if not can_view_proposal(request.user, proposal):
        raise Http404
    return proposal


def history_steps(proposal, entries):
    """The dated history with a note on the response: published, updated or withdrawn."""
    response_changes = [entry for entry in entries if entry.response_changed]
    steps = []
    for entry in entries:
        note = ""
        if entry.response_changed:
            if entry is response_changes[-1] and not proposal.response:
                note = _("Response of the city withdrawn")
            elif entry is response_changes[0]:
                note = _("Response of the city published")
            else:
                note = _("Response of the city updated")
        steps.append({"entry": entry, "response_note": note})
    return steps


class ProposalListView(ListView):
    """Published proposals, filtered by topic, project and status, newest or most popular first."""

    page_cache_shows = [CONTENT]  # proposals show no votes
    page_cache_audience = staticmethod(every_citizen)  # nothing of the person but the header

    template_name = "proposals/proposal_list.html"
    context_object_name = "proposals"
    paginate_by = 20

    def get_queryset(self):
        proposals = Proposal.objects.listed().for_cards().order_by(*ORDERINGS[NEWEST])
        self.filterset = ProposalFilter(self.request.GET or None, queryset=proposals)
        # An unknown filter value is shown as an error at its field and otherwise ignored.
        return self.filterset.qs

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        query = self.request.GET.copy()
        query.pop("page", None)
        context.update(
            filter_form=self.filterset.form,
            is_filtered=self.filterset.is_filtered,
            filter_query=query.urlencode(),
        )
        return context


class ProposalCreateView(View):
    """Signed-in people with a confirmed address write a proposal; others learn what is missing."""

    template_name = "proposals/proposal_form.html"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        return super().dispatch(request, *args, **kwargs)

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        # An idea for a contest: ?wettbewerb=<address> on the way in, a hidden field after.
        slug = request.POST.get("wettbewerb") or request.GET.get("wettbewerb")
        self.contest = None
        if slug:
            self.contest = get_object_or_404(
                Contest.objects.published().select_related("project"), slug=slug
            )

    def get(self, request):
        if not can_submit_proposal(request.user):
            return self.render(form=None)
        form = ProposalForm(contest=self.contest)
        slug = request.GET.get("projekt")
        if slug and self.contest is None:
            project = form.fields["project"].queryset.filter(slug=slug).first()
            if project is not None:
                form.initial["project"] = project.pk
        return self.render(form=form)

    def post(self, request):
        if not can_submit_proposal(request.user):
            return self.render(form=None, status=403)
        form = ProposalForm(request.POST, request.FILES, contest=self.contest)
        if form.is_valid():
            try:
                proposal = submit_proposal(
                    author=request.user, contest=self.contest, **form.service_arguments()
                )
            except (ValidationError, ratelimit.RateLimited) as error:
                show_service_error(form, error)
            else:
                if proposal.is_published:
                    messages.success(request, _("Your proposal is published. Thank you!"))
                else:
                    messages.success(
                        request,
                        _(
                            "Thank you! Your proposal is waiting for release by the moderators; "
                            "until then only you can see it. We will publish it as soon as it "
                            "has been checked."
                        ),
                    )
                return redirect(proposal)
        return self.render(form=form)

    def render(self, *, form, status=200):
        context = {
            "form": form,
            "proposal": None,
            "contest": self.contest,
            "contest_open": self.contest is not None
            and can_submit_to_contest(self.request.user, self.contest),
        }
        return render(self.request, self.template_name, context, status=status)


class ProposalUpdateView(LoginRequiredMixin, View):
    """The author corrects a proposal while it waits for release; 403 for everyone else."""

    template_name = "proposals/proposal_form.html"

    def get_proposal(self):
        proposal = viewable_proposal(self.request, self.kwargs["pk"])
        if not can_edit_proposal(self.request.user, proposal):
            raise PermissionDenied(_("Only a proposal waiting for release can be changed."))
        return proposal

    def get(self, request, pk):
        proposal = self.get_proposal()
        return self.render(proposal, ProposalForm(instance=proposal), proposal.title)

    def post(self, request, pk):
        proposal = self.get_proposal()
        # The form changes the instance in memory; the page names the proposal as saved.
        saved_title = proposal.title
        form = ProposalForm(request.POST, request.FILES, instance=proposal)
        if form.is_valid():
            try:
                proposal = update_proposal(
                    proposal=proposal, user=request.user, **form.service_arguments()
                )
            except ValidationError as error:
                show_service_error(form, error)
            else:
                messages.success(request, _("Your changes have been saved."))
                return redirect(proposal)
        return self.render(proposal, form, saved_title)

    def render(self, proposal, form, saved_title):
        return render(
            self.request,
            self.template_name,
            {"form": form, "proposal": proposal, "saved_title": saved_title},
        )


class ProposalDetailView(View):
    page_cache_shows = [CONTENT]
    template_name = "proposals/proposal_detail.html"

    @staticmethod
    def page_cache_audience(request, pk):
        """Citizens see the same published proposal while they neither wrote it nor on it:
        those who support it, and the others, by whether their address is confirmed.

        Its author gets the edit link, a writer their comments in every state: rendered.
        """
        user = request.user
        proposal = page_cache.shared_object(
            Proposal.objects.filter(pk=pk).only("author_id", "moderation_state"),
            user,
            supporting=Exists(Support.objects.filter(proposal=OuterRef("pk"), user=user)),
            confirmed=Exists(confirmed_addresses(user)),
        )
        if proposal is None or not proposal.is_published or proposal.author_id == user.pk:
            return None
        supporting = "supporting" if proposal.supporting else "not-supporting"
        return f"{supporting}:{'confirmed' if proposal.confirmed else 'unconfirmed'}"

    def get(self, request, pk):
        proposal = viewable_proposal(request, pk, Proposal.objects.for_cards())
        user = request.user
        readable = can_read_proposal(user, proposal)
        supportable = readable and can_support(user, proposal)
        context = {
            "proposal": proposal,
            "readable": readable,
            "can_support": supportable,
            "is_supporting": supportable
            and Support.objects.filter(proposal=proposal, user=user).exists(),
            "supports_open": supports_open(proposal),
            "contest_phase": proposal.contest.phase() if proposal.contest_id else None,
            "can_edit": can_edit_proposal(user, proposal),
            "can_report": can_report_proposal(user, proposal),
            "history": history_steps(proposal, list(proposal.history.all())) if readable else [],
        }
        return render(request, self.template_name, context)


class SupportMixin(LoginRequiredMixin):
    """POST only; anonymous visitors sign in and come back to the proposal."""

    http_method_names = ["post"]

    def handle_no_permission(self):
        if self.request.user.is_authenticated:
            return super().handle_no_permission()
        return redirect_to_login(reverse("proposals:detail", kwargs={"pk": self.kwargs["pk"]}))

    def back(self, proposal):
        return redirect(f"{proposal.get_absolute_url()}#unterstuetzung")


class SupportView(SupportMixin, View):
    def post(self, request, pk):
        proposal = viewable_proposal(request, pk, Proposal.objects.select_related("contest"))
        if not can_support(request.user, proposal):
            if proposal.is_published and not supports_open(proposal):
                messages.error(
                    request,
                    _("Proposals of this idea contest can be supported only while it votes."),
                )
                return self.back(proposal)
            if proposal.is_published:
                # Signed in, so the address is what is missing.
                messages.error(
                    request, _("Please confirm your e-mail address to support proposals.")
                )
                return self.back(proposal)
            raise PermissionDenied(_("Only published proposals can be supported."))
        try:
            supported = support_proposal(proposal=proposal, user=request.user)
        except ValidationError as error:
            messages.error(request, error.messages[0])
            return self.back(proposal)
        if supported:
            messages.success(request, _("Thank you for your support!"))
        else:
            messages.info(request, _("You already support this proposal."))
        return self.back(proposal)


class WithdrawSupportView(SupportMixin, View):
    def post(self, request, pk):
        proposal = viewable_proposal(request, pk, Proposal.objects.select_related("contest"))
        try:
            withdrawn = withdraw_support(proposal=proposal, user=request.user)
        except ValidationError as error:
            messages.error(request, error.messages[0])
            return self.back(proposal)
        if withdrawn:
            messages.success(request, _("You no longer support this proposal."))
        else:
            messages.info(request, _("You were not supporting this proposal."))
        return self.back(proposal)


class ProposalReportView(ReportView):
    def get_contribution(self):
        return get_object_or_404(Proposal.objects.published(), pk=self.kwargs["pk"])

    def can_report(self, user, contribution):
        return can_report_proposal(user, contribution)


CONTEST_LISTS = {"": Admission.ADMITTED, "nicht-zugelassen": Admission.NOT_ADMITTED}


class ContestDetailView(ListView):
    """An idea contest: its phases, what one can do now, and its proposals (20 a page).

    While proposals come in and are reviewed, all released ones are listed with the state
    of their review; from the vote on, the admitted ones (by supports once it has closed),
    and those not admitted, with the reasons, on a list of their own.
    """

    page_cache_shows = [CONTENT]
    page_cache_audience = staticmethod(every_citizen)
    template_name = "proposals/contest_detail.html"
    context_object_name = "proposals"
    paginate_by = 20

    def get_queryset(self):
        self.contest = get_object_or_404(
            Contest.objects.visible_to(self.request.user).select_related("project"),
            project__slug=self.kwargs["project"],
            slug=self.kwargs["slug"],
        )
        self.phase = self.contest.phase()
        proposals = self.contest.proposals.listed().for_cards()
        self.listing = self.request.GET.get("zulassung", "")
        if self.listing not in CONTEST_LISTS:
            raise Http404
        if self.phase in (Contest.Phase.VOTING, Contest.Phase.RESULT):
            proposals = proposals.filter(admission=CONTEST_LISTS[self.listing])
        elif self.listing:
            raise Http404
        if self.phase == Contest.Phase.RESULT and not self.listing:
            return proposals.by_supports_in_total("-is_winner")
        return proposals.order_by("-created_at", "-pk")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        contest, phase = self.contest, self.phase
        counts = contest.proposals.listed().aggregate(
            admitted=Count("pk", filter=Q(admission=Admission.ADMITTED)),
            not_admitted=Count("pk", filter=Q(admission=Admission.NOT_ADMITTED)),
        )
        context.update(
            contest=contest,
            phase=phase,
            Phase=Contest.Phase,
            phases=contest_phases(contest, phase),
            listing=self.listing,
            counts=counts,
            voting_or_after=phase in (Contest.Phase.VOTING, Contest.Phase.RESULT),
        )
        return context


def contest_phases(contest, current):
    """The phases in order, each with its dates and whether it is the current one."""
    Phase = Contest.Phase
    return [
        {
            "phase": phase,
            "label": phase.label,
            "starts": starts,
            "ends": ends,
            "current": phase == current,
            "past": ends is not None and list(Phase).index(current) > list(Phase).index(phase),
        }
        for phase, starts, ends in (
            (Phase.SUBMISSION, contest.submission_opens, contest.submission_closes),
            (Phase.REVIEW, contest.submission_closes, contest.voting_opens),
            (Phase.VOTING, contest.voting_opens, contest.voting_closes),
            (Phase.RESULT, contest.voting_closes, None),
        )
    ]
