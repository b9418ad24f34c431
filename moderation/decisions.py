"""The moderation decisions, written once.

Each decision moves a contribution from some states to one, may need a reason the author
reads, and may make words public (then it must name the version the moderator read). The
services (`decide`), the permission predicates (`can_release`, ...) and the admin's actions,
buttons and messages all read this table, so that they cannot disagree.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy, ngettext_lazy

from .models import Decision, ModerationState, can_moderate

PENDING, PUBLISHED = ModerationState.PENDING, ModerationState.PUBLISHED
REJECTED, HIDDEN = ModerationState.REJECTED, ModerationState.HIDDEN


@dataclass(frozen=True)
class Rule:
    kind: str  # Decision.Kind, as recorded in the decision log
    sources: frozenset  # the states it may be taken in
    target: str  # the state it leads to
    needs_reason: bool  # the author reads the reason
    publishes: bool  # makes words public: needs the version the moderator read
    label: object  # the admin's button and action
    done: object  # the admin's message, with %(count)d


RULES = {
    "release": Rule(
        Decision.Kind.RELEASED,
        frozenset({PENDING, REJECTED}),
        PUBLISHED,
        needs_reason=False,
        publishes=True,
        label=gettext_lazy("Release"),
        done=ngettext_lazy(
            "%(count)d contribution released.", "%(count)d contributions released.", "count"
        ),
    ),
    "reject": Rule(
        Decision.Kind.REJECTED,
        frozenset({PENDING}),
        REJECTED,
        needs_reason=True,
        publishes=False,
        label=gettext_lazy("Do not release"),
        done=ngettext_lazy(
            "%(count)d contribution not released; its author sees your reason.",
            "%(count)d contributions not released; their authors see your reason.",
            "count",
        ),
    ),
    "hide": Rule(
        Decision.Kind.HIDDEN,
        frozenset({PUBLISHED}),
        HIDDEN,
        needs_reason=True,
        publishes=False,
        label=gettext_lazy("Remove (with reason)"),
        done=ngettext_lazy(
            "%(count)d contribution removed; your reason is shown in its place.",
            "%(count)d contributions removed; your reason is shown in their place.",
            "count",
        ),
    ),
    "restore": Rule(
        Decision.Kind.RESTORED,
        frozenset({HIDDEN}),
        PUBLISHED,
        needs_reason=False,
        publishes=True,
        label=gettext_lazy("Restore"),
        done=ngettext_lazy(
            "%(count)d contribution restored.", "%(count)d contributions restored.", "count"
        ),
    ),
}
BY_KIND = {rule.kind: rule for rule in RULES.values()}


def allows(name, user, contribution):
    """Whether `user` may take the decision `name` on `contribution` in its current state."""
    return can_moderate(user) and contribution.moderation_state in RULES[name].sources
