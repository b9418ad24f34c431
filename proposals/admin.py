"""Proposals in the admin: moderated like every contribution; status and response via the service.

The citizen's words stay as written; staff with the right to respond set the status and the
response of the city, and each change becomes a dated entry of the history.
"""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin

from core.admin_lists import short_date
from moderation.admin import ModeratedAdmin
from moderation.models import ModerationState
from progress.admin import MilestoneInline, MilestonesAdminMixin

from . import services
from .models import Admission, Contest, PaperSupport, Proposal, StatusEntry
from .permissions import can_enter_paper_supports, can_respond, can_review, may_be_reviewed


@admin.register(Contest)
class ContestAdmin(TranslationAdmin):
    """Idea contests: editors set the project, the texts and the dates of the phases."""

    list_display = [
        "title",
        "project",
        "phase",
        "to_review",
        "submission_opens",
        "voting_closes",
        "is_published",
    ]
    list_filter = ["is_published", "project"]
    list_select_related = ["project"]
    search_fields = ["title"]
    prepopulated_fields = {"slug": ["title_de"]}
    fieldsets = [
        (None, {"fields": ["project", "title", "slug", "intro", "is_published"]}),
        (
            _("Phases"),
            {
                "fields": [
                    "submission_opens",
                    "submission_closes",
                    "voting_opens",
                    "voting_closes",
                ],
                "description": _(
                    "Proposals come in until the submission closes; then staff review them "
                    "(admitted to the vote or not, with a reason) until the vote opens; "
                    "supports count only while the vote is open."
                ),
            },
        ),
        (_("Vote"), {"fields": ["max_supports", "winner_count", "method_note"]}),
    ]

    @admin.display(description=_("phase"))
    def phase(self, contest):
        return contest.phase().label

    def get_queryset(self, request):
        # Released ideas nobody has reviewed yet: they reach no list once the vote opens.
        waiting = Q(
            proposals__admission=Admission.WAITING,
            proposals__moderation_state=ModerationState.PUBLISHED,
        )
        return super().get_queryset(request).annotate(waiting=Count("proposals", filter=waiting))

    @admin.display(description=_("ideas to review"), ordering="waiting")
    def to_review(self, contest):
        return contest.waiting

    change_form_template = "admin/proposals/contest/change_form.html"

    def get_urls(self):
        return [
            path(
                "<path:object_id>/announce/",
                self.admin_site.admin_view(self.announce_view),
                name="proposals_contest_announce",
            ),
            *super().get_urls(),
        ]

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None and obj.phase() == Contest.Phase.RESULT and not obj.winners_announced:
            context["announce_url"] = reverse("admin:proposals_contest_announce", args=[obj.pk])
        return super().render_change_form(request, context, add, change, form_url, obj)

    def announce_view(self, request, object_id):
        """The winners as the supports stand, and the button that announces them."""
        contest = self.get_object(request, object_id)
        if contest is None:
            raise Http404
        if not self.has_change_permission(request, contest):
            raise PermissionDenied
        change_url = reverse("admin:proposals_contest_change", args=[contest.pk])
        if request.method == "POST":
            try:
                winners = services.announce_winners(contest=contest, by=request.user)
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
            else:
                self.log_change(request, contest, gettext("Winners announced."))
                messages.success(
                    request,
                    ngettext(
                        "%(count)d winning idea is announced; its authors and the supporters "
                        "of the contest's ideas are told by mail.",
                        "%(count)d winning ideas are announced; the authors and supporters of "
                        "the contest's ideas are told by mail.",
                        len(winners),
                    )
                    % {"count": len(winners)},
                )
            return redirect(change_url)
        # The same supports the winners are drawn from: online and released paper ones.
        ideas = contest.proposals.admitted_by_supports()
        return TemplateResponse(
            request,
            "admin/proposals/contest/announce.html",
            {
                **self.admin_site.each_context(request),
                "opts": self.opts,
                "title": gettext("Announce the winners: %(title)s") % {"title": contest.title},
                "contest": contest,
                "ideas": ideas,
                "change_url": change_url,
            },
        )


class AdmissionForm(forms.Form):
    admission = forms.ChoiceField(
        label=_("Decision"),
        choices=[
            (Admission.ADMITTED, Admission.ADMITTED.label),
            (Admission.NOT_ADMITTED, Admission.NOT_ADMITTED.label),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": _("Please choose: admitted or not admitted.")},
    )
    reason = forms.CharField(
        label=_("Reason (published)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Shown with the proposal; required when it is not admitted."),
    )


class StatusEntryInline(admin.TabularInline):
    """The history as the public sees it on the proposal: read only."""

    model = StatusEntry
    fields = ["created_at", "status", "status_changed", "response_changed", "changed_by"]
    readonly_fields = fields
    extra = 0
    max_num = 0
    can_delete = False

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("changed_by")

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Proposal)
class ProposalAdmin(MilestonesAdminMixin, ModeratedAdmin):
    # The states first, and everything in view at 1280 px: topic and project are filters
    # rather than columns, the author is named under the date.
    list_display = ["moderation_state", "status", "title", "submitted", "support_count"]
    list_display_links = ["title"]
    list_filter = ["status", "moderation_state", "topic", "project"]
    list_select_related = ["author"]
    search_fields = ["title", "description"]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "title",
                    "description",
                    "photo",
                    "author",
                    "topic",
                    "project",
                    "created_at",
                ]
            },
        ),
        (_("Moderation"), {"fields": ModeratedAdmin.moderation_fields}),
        (
            _("Status and response of the city"),
            {"fields": ["status", "response", "response_by", "response_at"]},
        ),
    ]
    # Moderators do not rewrite citizens' words.
    readonly_fields = [
        "title",
        "description",
        "photo",
        "author",
        "topic",
        "project",
        "created_at",
        *ModeratedAdmin.moderation_fields,
        "response_by",
        "response_at",
    ]
    inlines = [StatusEntryInline, MilestoneInline]
    # The moderators' page, with the link to the review of an idea contest's proposal.
    change_form_template = "admin/proposals/proposal/change_form.html"

    def get_list_filter(self, request):
        return [*self.list_filter, "contest", "admission"]

    @admin.display(description=_("photo"))
    def photo(self, proposal):
        """The author's photo (as core/photos.py stored it) with the author's description."""
        if not proposal.image:
            return "–"
        return format_html(
            '<a href="{}">{}</a><br>{}',
            proposal.image.url,
            _("Open the photo"),
            proposal.image_alt,
        )

    def get_urls(self):
        return [
            path(
                "<path:object_id>/review/",
                self.admin_site.admin_view(self.review_view),
                name="proposals_proposal_review",
            ),
            *super().get_urls(),
        ]

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None and obj.contest_id and can_review(request.user):
            context["review_url"] = reverse("admin:proposals_proposal_review", args=[obj.pk])
        return super().render_change_form(request, context, add, change, form_url, obj)

    def review_view(self, request, object_id):
        """Admit a proposal of an idea contest to the vote, or not, with a reason."""
        proposal = self.viewable_object_or_404(request, object_id)
        if not can_review(request.user):
            raise PermissionDenied
        change_url = reverse("admin:proposals_proposal_change", args=[proposal.pk])
        if not may_be_reviewed(proposal):
            messages.error(
                request,
                gettext(
                    "Only released proposals of an idea contest can be reviewed, and only "
                    "until its vote opens."
                ),
            )
            return redirect(change_url)
        initial = {"admission": proposal.admission, "reason": proposal.admission_reason}
        form = AdmissionForm(request.POST if request.method == "POST" else None, initial=initial)
        if request.method == "POST" and form.is_valid():
            try:
                services.decide_admission(
                    proposal=proposal,
                    user=request.user,
                    admission=form.cleaned_data["admission"],
                    reason=form.cleaned_data["reason"],
                )
            except ValidationError as error:
                fields = {"admission": "admission", "admission_reason": "reason"}
                errors = error.message_dict if hasattr(error, "error_dict") else {}
                for field, field_errors in errors.items():
                    for message in field_errors:
                        form.add_error(fields.get(field), message)
                if not errors:
                    form.add_error(None, " ".join(error.messages))
            else:
                self.log_change(request, proposal, gettext("Reviewed for the idea contest."))
                messages.success(request, gettext("The review is saved and published."))
                return redirect(change_url)
        return self.render_page(
            request,
            "admin/proposals/proposal/review.html",
            title=gettext("Review for the idea contest: %(title)s") % {"title": proposal.title},
            proposal=proposal,
            form=form,
            change_url=change_url,
        )

    @admin.display(
        description=Proposal._meta.get_field("created_at").verbose_name, ordering="created_at"
    )
    def submitted(self, proposal):
        return format_html(
            "{}<br>{}", short_date(proposal.created_at), proposal.author or _("deleted account")
        )

    def has_change_permission(self, request, obj=None):
        # Changing a proposal means setting its status or response, nothing else.
        return super().has_change_permission(request, obj) and can_respond(request.user)

    def save_model(self, request, obj, form, change):
        services.set_status(
            proposal=obj,
            user=request.user,
            status=form.cleaned_data["status"],
            response=form.cleaned_data["response"],
        )


class PaperSupportForm(forms.ModelForm):
    """Supports of one idea from one stand; only ideas that take them now are offered."""

    class Meta:
        model = PaperSupport
        fields = ["proposal", "count", "place", "collected_on"]
        widgets = {"collected_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        ideas = (
            Proposal.objects.published()
            .filter(
                admission=Admission.ADMITTED,
                contest__voting_opens__lte=timezone.now(),
                contest__winners_announced_at__isnull=True,
            )
            .select_related("contest")
            .order_by("contest", "title")
        )
        self.fields["proposal"].queryset = ideas
        self.fields["proposal"].label_from_instance = lambda idea: (
            f"{idea.contest.title}: {idea.title}"
        )
        self.fields["count"].min_value = 1


@admin.register(PaperSupport)
class PaperSupportAdmin(ModeratedAdmin):
    """Supports from the stands: typed in here („Hinzufügen“), released by a second person
    in the moderation queue, counted from then on."""

    list_display = ["moderation_state", "shown", "count", "collected_on", "entered_by"]
    list_display_links = ["shown"]
    list_filter = ["moderation_state", "proposal__contest"]
    list_select_related = ["proposal", "entered_by"]
    fieldsets = [
        (None, {"fields": ["proposal", "count", "place", "collected_on", "entered_by"]}),
        (_("Moderation"), {"fields": ModeratedAdmin.moderation_fields}),
    ]
    readonly_fields = [
        "proposal",
        "count",
        "place",
        "collected_on",
        "entered_by",
        *ModeratedAdmin.moderation_fields,
    ]

    @admin.display(description=_("idea"), ordering="proposal__title")
    def shown(self, paper):
        return paper.proposal.title

    def has_add_permission(self, request):
        return can_enter_paper_supports(request.user)

    def get_form(self, request, obj=None, **kwargs):
        if obj is None:
            kwargs["form"] = PaperSupportForm
            kwargs["fields"] = PaperSupportForm.Meta.fields
        return super().get_form(request, obj, **kwargs)

    def get_fieldsets(self, request, obj=None):
        if obj is None:
            return [(_("Supports from paper"), {"fields": PaperSupportForm.Meta.fields})]
        return super().get_fieldsets(request, obj)

    def get_readonly_fields(self, request, obj=None):
        return [] if obj is None else super().get_readonly_fields(request, obj)

    def save_model(self, request, obj, form, change):
        if change:
            return super().save_model(request, obj, form, change)
        data = form.cleaned_data
        try:
            paper = services.add_paper_supports(entered_by=request.user, **data)
        except ValidationError as error:
            # The form offered only ideas that take supports; the contest moved on meanwhile.
            raise PermissionDenied(" ".join(error.messages)) from None
        obj.pk, obj._state.adding = paper.pk, False
        return None
