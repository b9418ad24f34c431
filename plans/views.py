"""Public pages of the Vorhabenliste: the filterable list, one planned project with the
requests to be involved and the city's responses, the form to ask, the list as CSV and Atom."""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.contrib.syndication.views import Feed
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Exists, OuterRef
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse_lazy
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import ListView

from accounts.permissions import confirmed_addresses, note_confirmed_address
from core import page_cache
from core.forms import show_service_error
from core.page_cache import CONTENT, every_citizen
from core.ratelimit import RateLimited
from core.spreadsheets import spreadsheet_safe, spreadsheet_writer

from .filters import PlanFilter
from .forms import ParticipationRequestForm
from .models import ParticipationRequest, Plan
from .permissions import can_request_participation, can_see_plan
from .services import request_participation

PLANS_PER_PAGE = 20
REQUESTS_PER_PAGE = 20


def filtered_plans(request):
    """The published plans the filter in the URL asks for (an unknown value is shown as an
    error at its field and otherwise ignored), and the filter."""
    plans = Plan.objects.published().order_by("title", "pk")
    filterset = PlanFilter(request.GET or None, queryset=plans)
    return filterset.qs, filterset


class PlanListView(ListView):
    page_cache_shows = [CONTENT]
    page_cache_audience = staticmethod(every_citizen)
    template_name = "plans/plan_list.html"
    context_object_name = "plans"
    paginate_by = PLANS_PER_PAGE

    def get_queryset(self):
        plans, self.filterset = filtered_plans(self.request)
        return plans.for_list()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        query = self.request.GET.copy()
        query.pop("page", None)
        context.update(
            filter_form=self.filterset.form,
            is_filtered=any(self.request.GET.get(name) for name in self.filterset.filters),
            filter_query=query.urlencode(),
        )
        return context


def visible_plan(request, slug):
    plan = get_object_or_404(Plan.objects.for_list(), slug=slug)
    if not can_see_plan(request.user, plan):
        raise Http404("No such planned project")
    return plan


class PlanDetailView(View):
    """The plan, the released requests with the city's responses, one's own request in any
    state, and the form to ask (POST) for people who may and have not asked yet."""

    page_cache_shows = [CONTENT]
    template_name = "plans/plan_detail.html"

    @staticmethod
    def page_cache_audience(request, slug):
        """Citizens see the same plan page while they have not asked on it: by whether they
        may ask (a confirmed address, requests taken). Whoever asked gets it rendered, with
        their request in every state; staff see drafts and get it rendered too."""
        user = request.user
        plan = page_cache.shared_object(
            Plan.objects.published().filter(slug=slug).only("participation", "is_published"),
            user,
            asked=Exists(ParticipationRequest.objects.filter(plan=OuterRef("pk"), author=user)),
            confirmed=Exists(confirmed_addresses(user)),
        )
        if plan is None or plan.asked:
            return None
        note_confirmed_address(user, plan.confirmed)
        return "may-ask" if can_request_participation(user, plan) else "may-not-ask"

    def get(self, request, slug):
        plan = visible_plan(request, slug)
        return self.render(plan, ParticipationRequestForm())

    def post(self, request, slug):
        plan = visible_plan(request, slug)
        if not can_request_participation(request.user, plan):
            if not request.user.is_authenticated:
                return redirect_to_login(plan.get_absolute_url())
            raise PermissionDenied(_("This planned project takes no requests from you."))
        form = ParticipationRequestForm(request.POST)
        if form.is_valid():
            try:
                participation_request = request_participation(
                    author=request.user, plan=plan, reason=form.cleaned_data["reason"]
                )
            except (ValidationError, RateLimited, PermissionDenied) as error:
                show_service_error(form, error)
            else:
                if participation_request.is_published:
                    messages.success(request, _("Thank you! Your request is published."))
                else:
                    messages.success(
                        request,
                        _(
                            "Thank you! Your request waits for release by the moderators; "
                            "then it appears here and is counted."
                        ),
                    )
                return redirect(participation_request.get_absolute_url())
        return self.render(plan, form, status=400)

    def render(self, plan, form, status=200):
        user = self.request.user
        requests = Paginator(
            plan.participation_requests.published().for_page(), REQUESTS_PER_PAGE
        ).get_page(self.request.GET.get("page"))
        own = None
        if user.is_authenticated:
            own = plan.participation_requests.filter(author=user).first()
        # A refused submission (a second request, a rate limit) keeps its form, so that
        # the person sees why and their text is not lost.
        may_ask = form.is_bound or (own is None and can_request_participation(user, plan))
        context = {
            "plan": plan,
            "requests": requests,
            "page_obj": requests,
            "own_request": own,
            "form": form if may_ask else None,
        }
        return render(self.request, self.template_name, context, status=status)


CSV_COLUMNS = [
    gettext_lazy("Title"),
    gettext_lazy("Department"),
    gettext_lazy("Timeframe"),
    gettext_lazy("Status"),
    gettext_lazy("Participation"),
    gettext_lazy("How citizens take part"),
    gettext_lazy("When citizens take part"),
    gettext_lazy("Why no participation"),
    gettext_lazy("Requests for participation"),
    gettext_lazy("Web address"),
]


def plans_csv(request):
    """The list as the filter shows it, every page, for spreadsheet programs set to German
    (semicolons, UTF-8 with a byte order mark, no text that runs as a formula)."""
    plans, _filterset = filtered_plans(request)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="vorhabenliste.csv"'
    writer = spreadsheet_writer(response)
    writer.writerow([str(column) for column in CSV_COLUMNS])
    for plan in plans.for_list():
        row = [
            plan.title,
            plan.department.name,
            plan.timeframe,
            plan.get_status_display(),
            plan.get_participation_display(),
            plan.participation_how,
            plan.participation_when,
            plan.participation_reason,
        ]
        writer.writerow(
            [spreadsheet_safe(str(cell)) for cell in row]
            + [plan.request_count, request.build_absolute_uri(plan.get_absolute_url())]
        )
    return response


class PlanFeed(Feed):
    """New and changed planned projects, the latest change first."""

    feed_type = Atom1Feed
    title = gettext_lazy("KLmitWirkung – planned projects of the city")
    subtitle = gettext_lazy(
        "What the city of Kaiserslautern plans, and whether and how citizens will be involved."
    )
    link = reverse_lazy("plans:list")

    def items(self):
        return Plan.objects.published().select_related("department").order_by("-updated_at")[:30]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return (
            f"{item.summary} ({item.department.name}, {item.timeframe}; "
            f"{item.get_status_display()}; {item.get_participation_display()})"
        )

    def item_link(self, item):
        return item.get_absolute_url()

    def item_pubdate(self, item):
        return item.created_at

    def item_updateddate(self, item):
        return item.updated_at
