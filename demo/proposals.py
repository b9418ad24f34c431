"""Demo proposals, supports, idea contests and discussions for `seed_demo`; existing ones
are left alone.

Runs after the demo accounts, projects and polls (and with them the demo voters) exist.
Contributions are written directly with dates in the past; moderation decisions and
status changes go through their services, as a moderator's would, and are then dated
back, so that the decision log and each proposal's history read like weeks of use.
This module also seeds the discussions on the project and poll pages, because the
comments app knows no target; the poll is found through the app registry, not imported.

Idea contests are `"contests"` in demo/data/proposals.json, each written once (found by
its `"slug"`), its ideas each once (found by title in the contest):

- `"project"`: the slug of the project it belongs to, which its ideas belong to as well;
  `"title"`, `"intro"` (formatted text) and `"method_note"` (plain text), each with its
  English version under `_en`, as in demo/content.py's `in_both_languages`.
- `"submission_opens"`, `"submission_closes"`, `"voting_opens"`, `"voting_closes"`:
  moments `[day offset, "HH:MM"]` from the day of seeding (these may lie ahead); the
  review runs from the close of submission to the opening of the vote.
- `"winner_count"` and `"max_supports"` (how many ideas one person may support) as on
  the model; `"reviewer"`: who admitted the ideas ("redaktion", the demo editor).
- `"ideas"`: proposals as in `"proposals"` (German text, `"topic"`, `"author"`,
  `"submitted"`, `"released"` by the moderation account, `"supports"`, optional
  `"citizen_supports"` and `"comments"`), without `"project"` and `"history"`; they must be
  released, and submitted while the contest took them. `"admission"` is "admitted" or
  "not_admitted", `"reviewed"` when the reviewer decided (during the review), `"reason"`
  the published reason, required for "not_admitted".

The admission is written directly (decide_admission rightly refuses once the vote has
opened), the supports too, like those of other proposals: from demo voters other than the
author (and the demo citizen where `"citizen_supports"`), only on admitted ideas, dated
from the opening of the vote, each person within `"max_supports"` over the whole contest
(the supports already there included), and each idea's support_count raised by as many.
"""

import datetime
from collections import Counter

from django.apps import apps
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from accounts.models import User
from demo.accounts import DEMO_USERS
from demo.comments import already_seeded, seed_thread
from demo.content import in_both_languages, load
from demo.moderation import decide_at, reason_text
from moderation.models import Decision, ModerationState
from projects.models import Project, Topic
from proposals.models import Admission, Contest, Proposal, StatusEntry, Support
from proposals.services import set_status

PROPOSALS = load("proposals")["proposals"]
CONTESTS = load("proposals")["contests"]
DISCUSSIONS = load("proposals")["discussions"]


@transaction.atomic
def seed_proposals(today=None):
    """Create the demo proposals, idea contests (with their ideas) and discussions not there
    yet; return (proposals, comments), the ideas of contests counted as proposals."""
    today = today or timezone.localdate()
    person, voters = demo_people()
    moderator = person("moderation")

    def when(spec):
        days, clock = spec
        hour, minute = (int(part) for part in clock.split(":"))
        moment = datetime.datetime.combine(
            today + datetime.timedelta(days=days), datetime.time(hour, minute)
        )
        return timezone.make_aware(moment)

    proposals = comments = 0
    for index, data in enumerate(PROPOSALS):
        if Proposal.objects.filter(title=data["title"]).exists():
            continue
        proposal = _create_proposal(data, person, when, moderator)
        _add_supports(proposal, data, index, person, voters)
        comments += seed_thread(
            target=proposal,
            entries=data["comments"],
            person=person,
            when=when,
            moderator=moderator,
        )
        proposals += 1

    for data in CONTESTS:
        contest = _contest(data, when)
        for idea in data["ideas"]:
            if contest.proposals.filter(title=idea["title"]).exists():
                continue
            proposal = _create_proposal(idea, person, when, moderator, contest=contest)
            _admit(proposal, idea, person(data["reviewer"]), when)
            _add_contest_supports(contest, proposal, idea, data["ideas"], person, voters)
            comments += seed_thread(
                target=proposal,
                entries=idea.get("comments", []),
                person=person,
                when=when,
                moderator=moderator,
            )
            proposals += 1

    for discussion in DISCUSSIONS:
        label, slug = discussion["target"]
        target = apps.get_model(label).objects.filter(slug=slug).first()
        if target is None or already_seeded(target=target, entries=discussion["comments"]):
            continue
        comments += seed_thread(
            target=target,
            entries=discussion["comments"],
            person=person,
            when=when,
            moderator=moderator,
        )
    return proposals, comments


# The spec of each demo account, by its group.
ACCOUNT_SPECS = {"Redaktion": "redaktion", "Moderation": "moderation", None: "buergerin"}


def demo_people():
    """Demo people by spec (a voter's number, "buergerin", "moderation" or "redaktion");
    the voters."""
    accounts = {
        ACCOUNT_SPECS[group]: User.objects.get(email__iexact=email)
        for email, _name, group, _staff in DEMO_USERS
    }
    voters = {
        int(user.email.split("@")[0].removeprefix("demo-stimme-")): user
        for user in User.objects.filter(
            email__startswith="demo-stimme-", email__endswith="@example.invalid"
        )
    }

    def person(spec):
        return voters[spec] if isinstance(spec, int) else accounts[spec]

    return person, [voters[number] for number in sorted(voters)]


def _create_proposal(data, person, when, moderator, contest=None):
    """A proposal, or with `contest` an idea of that contest (and its project)."""
    author = person(data["author"])
    submitted = when(data["submitted"])
    if contest is not None:
        project = contest.project
    else:
        project = Project.objects.get(slug=data["project"]) if data["project"] else None
    proposal = Proposal(
        author=author,
        title=data["title"],
        description=data["description"],
        topic=Topic.objects.get(name=data["topic"]),
        project=project,
        contest=contest,
        moderation_state=ModerationState.PENDING,
        created_at=submitted,
        # The demo's citizens write German (pages mark it so on /en/).
        language="de",
    )
    proposal.full_clean()
    proposal.save()
    StatusEntry.objects.create(
        proposal=proposal,
        status=proposal.status,
        status_changed=True,
        changed_by=author,
        created_at=submitted,
    )
    last_change = submitted
    if "released" in data:
        last_change = when(data["released"])
        decide_at(
            contribution=proposal,
            moderator=moderator,
            kind=Decision.Kind.RELEASED,
            at=last_change,
        )
    if "rejected" in data:
        rejected = data["rejected"]
        last_change = when(rejected["at"])
        decide_at(
            contribution=proposal,
            moderator=moderator,
            kind=Decision.Kind.REJECTED,
            at=last_change,
            reason=reason_text(rejected["reason"], rejected.get("note", "")),
        )
    for step in data.get("history", []):
        last_change = when(step["at"])
        previous_response = proposal.response
        proposal = set_status(
            proposal=proposal,
            user=moderator,
            status=step["status"],
            response=step.get("response", proposal.response),
        )
        latest = proposal.history.order_by("-pk").first()
        StatusEntry.objects.filter(pk=latest.pk).update(created_at=last_change)
        if proposal.response != previous_response:
            Proposal.objects.filter(pk=proposal.pk).update(response_at=last_change)
            proposal.response_at = last_change
    if "hidden" in data:
        hidden = data["hidden"]
        last_change = when(hidden["at"])
        decide_at(
            contribution=proposal,
            moderator=moderator,
            kind=Decision.Kind.HIDDEN,
            at=last_change,
            reason=reason_text(hidden["reason"], hidden.get("note", "")),
        )
    Proposal.objects.filter(pk=proposal.pk).update(updated_at=last_change)
    proposal.updated_at = last_change
    return proposal


def _add_supports(proposal, data, index, person, voters):
    """Supports from demo voters other than the author, spread over the time it was public."""
    supporters = [voter for voter in voters if voter != proposal.author]
    start = index * 7 % len(supporters)
    chosen = (supporters[start:] + supporters[:start])[: data["supports"]]
    if data.get("citizen_supports"):
        chosen.append(person("buergerin"))
    if not chosen:
        return
    first = proposal.published_at
    last = proposal.moderated_at if proposal.is_hidden else timezone.now()
    last -= datetime.timedelta(hours=1)
    step = (last - first) / (len(chosen) + 1)
    supports = Support.objects.bulk_create(
        Support(proposal=proposal, user=user, created_at=first + step * (number + 1))
        for number, user in enumerate(chosen)
    )
    Proposal.objects.filter(pk=proposal.pk).update(
        support_count=F("support_count") + len(supports)
    )


def _contest(data, when):
    """The demo contest of `data`, written once: published, its phases relative to today."""
    contest = Contest.objects.filter(slug=data["slug"]).first()
    if contest is not None:
        return contest
    contest = Contest(
        slug=data["slug"],
        project=Project.objects.get(slug=data["project"]),
        **in_both_languages(data, "title", "intro", "method_note"),
        submission_opens=when(data["submission_opens"]),
        submission_closes=when(data["submission_closes"]),
        voting_opens=when(data["voting_opens"]),
        voting_closes=when(data["voting_closes"]),
        winner_count=data["winner_count"],
        max_supports=data["max_supports"],
        is_published=True,
    )
    contest.full_clean()
    contest.save()
    # Set up by the editors two weeks before it took ideas.
    contest.created_at = contest.submission_opens - datetime.timedelta(days=14)
    Contest.objects.filter(pk=contest.pk).update(created_at=contest.created_at)
    return contest


def _admit(proposal, data, reviewer, when):
    """The reviewer's decision on a released idea, as decide_admission would have written
    it during the review (it refuses once the vote has opened)."""
    contest = proposal.contest
    if not (
        proposal.is_published
        and contest.submission_opens <= proposal.created_at < contest.submission_closes
    ):
        raise ValueError(
            f"{proposal.title}: ideas are sent in while a contest takes them, and released"
        )
    reviewed = when(data["reviewed"])
    if not (proposal.published_at < reviewed < contest.voting_opens):
        raise ValueError(
            f"{proposal.title}: ideas are reviewed after their release, before the vote"
        )
    proposal.admission = Admission(data["admission"])
    proposal.admission_reason = data.get("reason", "")
    proposal.admission_by = reviewer
    proposal.admission_at = reviewed
    proposal.updated_at = max(proposal.updated_at, reviewed)
    proposal.full_clean()
    fields = ["admission", "admission_reason", "admission_by", "admission_at", "updated_at"]
    Proposal.objects.filter(pk=proposal.pk).update(
        **{field: getattr(proposal, field) for field in fields}
    )


def _add_contest_supports(contest, proposal, data, ideas, person, voters):
    """Supports of an admitted idea from demo voters who still have supports left in the
    contest, taken in turn from where the supports of the ideas before it ended, so that
    they spread over all voters; dated from the opening of the vote until an hour ago."""
    wanted = data["supports"] + bool(data.get("citizen_supports"))
    if not wanted:
        return
    if proposal.admission != Admission.ADMITTED:
        raise ValueError(f"{proposal.title}: supports only on admitted ideas")
    given = Counter(
        Support.objects.filter(proposal__contest=contest).values_list("user_id", flat=True)
    )

    def has_left(user):
        return user != proposal.author and given[user.pk] < contest.max_supports

    before = sum(idea["supports"] for idea in ideas[: ideas.index(data)])
    turn = [*voters[before % len(voters) :], *voters[: before % len(voters)]]
    chosen = [voter for voter in turn if has_left(voter)][: data["supports"]]
    if data.get("citizen_supports") and has_left(person("buergerin")):
        chosen.append(person("buergerin"))
    if len(chosen) < wanted:
        raise ValueError(f"{proposal.title}: not enough demo voters with supports left")
    first = contest.voting_opens
    last = min(timezone.now(), contest.voting_closes) - datetime.timedelta(hours=1)
    step = (last - first) / (len(chosen) + 1)
    supports = Support.objects.bulk_create(
        Support(proposal=proposal, user=user, created_at=first + step * (number + 1))
        for number, user in enumerate(chosen)
    )
    Proposal.objects.filter(pk=proposal.pk).update(
        support_count=F("support_count") + len(supports)
    )
