"""Admin for editors: the subscribers (read only) and the newsletter issues they send."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_POST
from modeltranslation.admin import TranslationAdmin

from core.admin_pages import AdminPagesMixin

from . import services
from .mails import issue_message_for_address
from .models import Issue, Subscriber
from .permissions import can_edit_issue, can_send_issue, can_send_test


class ConfirmedFilter(admin.SimpleListFilter):
    title = gettext_lazy("confirmed")
    parameter_name = "confirmed"

    def lookups(self, request, model_admin):
        return [("yes", gettext_lazy("Yes")), ("no", gettext_lazy("No"))]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.confirmed()
        if self.value() == "no":
            return queryset.pending()
        return queryset


@admin.register(Subscriber)
class SubscriberAdmin(admin.ModelAdmin):
    """Who gets the newsletter and what they agreed to: a record, never edited by hand.

    Deleting one (with the permission) ends the subscription, as the link in the mail does.
    """

    list_display = ["email", "is_confirmed", "consented_at", "confirmed_at"]
    list_filter = [ConfirmedFilter]
    search_fields = ["email"]
    fields = ["email", "language", "consent_text", "consented_at", "confirmed_at"]
    readonly_fields = fields
    date_hierarchy = "consented_at"

    @admin.display(description=gettext_lazy("confirmed"), boolean=True, ordering="confirmed_at")
    def is_confirmed(self, subscriber):
        return subscriber.is_confirmed

    def has_add_permission(self, request):
        # Only the person can consent: through /newsletter/ and the confirmation link.
        return False

    def has_change_permission(self, request, obj=None):
        return False


class SentFilter(admin.SimpleListFilter):
    title = gettext_lazy("sent")
    parameter_name = "sent"

    def lookups(self, request, model_admin):
        return [("yes", gettext_lazy("Yes")), ("no", gettext_lazy("No"))]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.sent()
        if self.value() == "no":
            return queryset.drafts()
        return queryset


@admin.register(Issue)
class IssueAdmin(AdminPagesMixin, TranslationAdmin):
    """Write, preview, test and send an issue; once sent, it is a read-only record."""

    list_display = ["subject", "state", "created_at", "sent_at", "sent_by", "recipient_count"]
    list_filter = [SentFilter]
    list_select_related = ["sent_by"]
    search_fields = ["subject", "body_text"]
    fields = ["subject", "body_text", "body_html"]
    sent_fields = ["sent_at", "sent_by", "recipient_count"]
    readonly_fields = sent_fields
    change_form_template = "admin/newsletter/issue/change_form.html"

    def get_fields(self, request, obj=None):
        if obj is not None and obj.is_sent:
            return [*self.fields, *self.sent_fields]
        return self.fields

    @admin.display(description=gettext_lazy("state"))
    def state(self, issue):
        return _("sent") if issue.is_sent else _("draft")

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and (
            obj is None or can_edit_issue(request.user, obj)
        )

    def has_delete_permission(self, request, obj=None):
        # A sent issue stays on record: who sent what to how many, and when.
        if obj is not None and obj.is_sent:
            return False
        return super().has_delete_permission(request, obj)

    def get_urls(self):
        return [
            path(
                "<path:object_id>/preview/",
                self.admin_site.admin_view(self.preview_view),
                name="newsletter_issue_preview",
            ),
            path(
                "<path:object_id>/send-test/",
                self.admin_site.admin_view(require_POST(self.send_test_view)),
                name="newsletter_issue_send_test",
            ),
            path(
                "<path:object_id>/send/",
                self.admin_site.admin_view(self.send_view),
                name="newsletter_issue_send",
            ),
            *super().get_urls(),
        ]

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None and obj.pk is not None:
            context.update(
                may_send_test=can_send_test(request.user),
                may_send=can_send_issue(request.user, obj),
                recipients=Subscriber.objects.confirmed().count(),
                delivery=delivery_state(obj),
            )
        return super().render_change_form(request, context, add, change, form_url, obj)

    # After saving, editors stay on the issue, where preview, test and send are.

    def response_add(self, request, obj, post_url_continue=None):
        response = super().response_add(request, obj, post_url_continue)
        if "_save" in request.POST:
            return redirect(self.change_url(obj))
        return response

    def response_change(self, request, obj):
        response = super().response_change(request, obj)
        if "_save" in request.POST:
            return redirect(self.change_url(obj))
        return response

    # Pages

    def preview_view(self, request, object_id):
        issue = self.viewable_object_or_404(request, object_id)
        message = issue_message_for_address(
            issue, request.user.email or "vorschau@example.invalid", test=False
        )
        return self.render_page(
            request,
            "admin/newsletter/issue/preview.html",
            title=_("Preview: %(subject)s") % {"subject": issue.subject},
            issue=issue,
            message=message,
        )

    def send_test_view(self, request, object_id):
        issue = self.viewable_object_or_404(request, object_id)
        try:
            services.send_test_issue(issue=issue, by=request.user)
        except PermissionDenied as error:
            messages.error(request, str(error))
        else:
            messages.success(
                request,
                _("A test mail is on its way to %(email)s.") % {"email": request.user.email},
            )
        return redirect(self.change_url(issue))

    def send_view(self, request, object_id):
        issue = self.viewable_object_or_404(request, object_id)
        if issue.is_sent:
            messages.info(request, _("This issue has already been sent."))
            return redirect(self.change_url(issue))
        if not can_send_issue(request.user, issue):
            raise PermissionDenied
        if request.method == "POST":
            try:
                count = services.send_issue(issue=issue, by=request.user)
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
            else:
                self.log_change(
                    request,
                    issue,
                    ngettext(
                        "Sent to %(count)d subscriber.", "Sent to %(count)d subscribers.", count
                    )
                    % {"count": count},
                )
                messages.success(
                    request,
                    ngettext(
                        "The issue is being sent to %(count)d subscriber.",
                        "The issue is being sent to %(count)d subscribers.",
                        count,
                    )
                    % {"count": count},
                )
            return redirect(self.change_url(issue))
        return self.render_page(
            request,
            "admin/newsletter/issue/send.html",
            title=_("Send “%(subject)s”") % {"subject": issue.subject},
            issue=issue,
            recipients=Subscriber.objects.confirmed().count(),
        )

    # Helpers

    @staticmethod
    def change_url(issue):
        return reverse("admin:newsletter_issue_change", args=[issue.pk])


def delivery_state(issue):
    """What the background task has done with a sent issue, for the editors."""
    if not issue.is_sent:
        return "–"
    if issue.delivery_finished_at is not None:
        return _(
            "finished on %(date)s: %(delivered)d delivered, %(failed)d not at once (in the e-mail "
            "queue)"
        ) % {
            "date": _date(issue.delivery_finished_at),
            "delivered": issue.delivered_count or 0,
            "failed": issue.failed_count or 0,
        }
    if issue.delivery_started_at is not None:
        return _("being sent since %(date)s") % {"date": _date(issue.delivery_started_at)}
    return _("waiting to be sent")


def _date(value):
    return formats.date_format(timezone.localtime(value), "DATETIME_FORMAT")
