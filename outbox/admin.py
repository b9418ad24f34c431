"""The outbox for administrators: which mails wait, which failed, and sending them again."""

from django.contrib import admin, messages
from django.utils.translation import gettext_lazy, ngettext

from . import services
from .models import Mail


@admin.register(Mail)
class MailAdmin(admin.ModelAdmin):
    """A record of each mail; nothing in it is edited by hand. Failed mails (and waiting
    ones, after the mail server is back) can be sent again."""

    list_display = [
        "created_at",
        "recipient",
        "subject",
        "status",
        "attempts",
        "next_attempt_at",
        "sent_at",
        "short_error",
    ]
    list_filter = ["status", "purpose"]
    search_fields = ["recipient", "subject"]
    date_hierarchy = "created_at"
    actions = ["send_again"]
    fields = [
        "recipient",
        "subject",
        "purpose",
        "status",
        "created_at",
        "attempts",
        "last_attempt_at",
        "last_error",
        "next_attempt_at",
        "give_up_at",
        "sent_at",
        "from_email",
        "body",
    ]
    readonly_fields = fields

    @admin.display(description=gettext_lazy("last error"))
    def short_error(self, mail):
        return mail.last_error[:80]

    def has_add_permission(self, request):
        return False

    @admin.action(description=gettext_lazy("Send again"), permissions=["change"])
    def send_again(self, request, queryset):
        count = services.send_again(mails=queryset)
        skipped = queryset.count() - count
        self.message_user(
            request,
            ngettext(
                "%(count)d e-mail will be sent again.",
                "%(count)d e-mails will be sent again.",
                count,
            )
            % {"count": count},
            messages.SUCCESS,
        )
        if skipped:
            self.message_user(
                request,
                ngettext(
                    "%(count)d e-mail had been sent already and was left alone.",
                    "%(count)d e-mails had been sent already and were left alone.",
                    skipped,
                )
                % {"count": skipped},
                messages.WARNING,
            )
