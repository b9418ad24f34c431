"""The decisions as the admin takes them, and the forms that carry them."""

from django import forms
from django.contrib import messages
from django.contrib.admin.models import CHANGE, LogEntry
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .. import services
from ..decisions import PENDING, RULES
from ..models import (
    ReasonTemplate,
    can_moderate,
    moderated_models,
)
from ..templatetags.moderation_admin import seen_key

QUEUE_PAGE_SIZE = 25
WORDS_DELETED = gettext_lazy("(words deleted)")


# Decisions: who may take each, whether it needs a reason, its label and message all come
# from the one table in moderation/decisions.py (RULES); the service of the same name
# (services.release, ...) takes it.


def success_message(decision, count):
    return RULES[decision].done % {"count": count}


def short_title(contribution):
    return Truncator(contribution.moderation_title()).chars(80)


def apply_decision(request, contributions, decision, reason="", *, seen, pending_only=False):
    """Decide on each contribution through the services; skip and report those that changed.

    `seen` maps (label, pk) to the version of each contribution that the page the decision
    was made on showed (`seen_revisions`); a contribution changed since is left as it is.
    `pending_only` is for the queue: what a colleague has decided meanwhile stays as it is,
    even where the decision would still be possible (releasing a rejected contribution).
    """
    if not can_moderate(request.user):
        raise PermissionDenied
    kind = RULES[decision]
    take = getattr(services, decision)
    reason = reason if kind.needs_reason else ""
    done = []
    for contribution in contributions:
        model = type(contribution)
        arguments = {"reason": reason} if kind.needs_reason else {}
        try:
            # The service locks the contribution and refuses what its state or version
            # no longer allows; in the queue, only what still waits is decided.
            current = take(
                contribution=model._default_manager.get(pk=contribution.pk),
                moderator=request.user,
                seen_revision=seen.get((model._meta.label_lower, contribution.pk)),
                only_from={PENDING} if pending_only else None,
                **arguments,
            )
        except model.DoesNotExist:
            messages.warning(
                request,
                _("“%(title)s” no longer exists.") % {"title": short_title(contribution)},
            )
        except ValidationError as error:
            messages.warning(
                request,
                _("“%(title)s” was left unchanged: %(error)s")
                % {"title": short_title(contribution), "error": " ".join(error.messages)},
            )
        else:
            done.append(current)
    if done:
        log_decisions(request, done, decision, reason)
        messages.success(request, success_message(decision, len(done)))
    return done


def log_decisions(request, contributions, decision, reason=""):
    """The admin history of each contribution shows the decision too."""
    label = RULES[decision].label
    message = f"{label}: {reason}" if reason else str(label)
    LogEntry.objects.log_actions(
        user_id=request.user.pk,
        queryset=contributions,
        action_flag=CHANGE,
        change_message=message,
    )


# Forms


class ReasonForm(forms.Form):
    """The reason the author reads: a template, or one's own words, which take precedence."""

    reason_template = forms.ModelChoiceField(
        label=gettext_lazy("Reason template"),
        queryset=ReasonTemplate.objects.all(),
        required=False,
        empty_label=gettext_lazy("– no template –"),
    )
    reason_text = forms.CharField(
        label=gettext_lazy("Or in your own words"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3, "cols": 60}),
        help_text=gettext_lazy(
            "Your own words take precedence over the template. The author reads the reason."
        ),
    )

    def __init__(self, *args, reason_required=True, **kwargs):
        super().__init__(*args, **kwargs)
        self.reason_required = reason_required

    def clean(self):
        cleaned = super().clean()
        if self.reason_required and not self.reason():
            self.add_error(
                "reason_text",
                _("Please choose a reason template or write a reason; the author will see it."),
            )
        return cleaned

    def reason(self):
        text = (self.cleaned_data.get("reason_text") or "").strip()
        template = self.cleaned_data.get("reason_template")
        return text or (template.text if template else "")


def contribution_key(contribution):
    """The key "app.model:pk:version" of a contribution as a page showed it."""
    return seen_key(contribution)


def parse_key(key):
    """("proposals.proposal", 12, 3) from "proposals.proposal:12:3"; None for anything else."""
    label, pk, revision = ([*key.split(":"), "", ""])[:3]
    if (
        pk.isdigit()
        and revision.isdigit()
        and key.count(":") == 2
        and label in {model._meta.label_lower for model in moderated_models()}
    ):
        return label, int(pk), int(revision)
    return None


def seen_revisions(keys):
    """{(label, pk): version} of the contribution keys a page carried (see contribution_key)."""
    parsed = (parse_key(key) for key in keys)
    return {(label, pk): revision for label, pk, revision in filter(None, parsed)}


class ContributionsField(forms.MultipleChoiceField):
    """The ticked contributions of the queue, as keys "app.model:pk:version"."""

    widget = forms.MultipleHiddenInput

    def valid_value(self, value):
        return parse_key(value) is not None


class QueueForm(ReasonForm):
    items = ContributionsField(
        error_messages={"required": gettext_lazy("Please tick at least one contribution.")}
    )
    decision = forms.ChoiceField(
        label=gettext_lazy("Decision"),
        choices=[("release", RULES["release"].label), ("reject", RULES["reject"].label)],
        widget=forms.RadioSelect,
        initial="release",
        error_messages={"required": gettext_lazy("Please choose a decision.")},
    )
    field_order = ["items", "decision", "reason_template", "reason_text"]

    def clean(self):
        self.reason_required = self.cleaned_data.get("decision") == "reject"
        return super().clean()
