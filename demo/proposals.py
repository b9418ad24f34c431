"""Demo proposals, supports and discussions for `seed_demo`; existing ones are left alone.

Runs after the demo accounts, projects and polls (and with them the demo voters) exist.
Contributions are written directly with dates in the past; moderation decisions and
status changes go through their services, as a moderator's would, and are then dated
back, so that the decision log and each proposal's history read like weeks of use.
This module also seeds the discussions on the project and poll pages, because the
comments app knows no target; the poll is found through the app registry, not imported.
"""

import datetime

from django.apps import apps
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from accounts.models import User
from demo.accounts import DEMO_USERS
from demo.comments import already_seeded, seed_thread
from demo.content import load
from demo.moderation import decide_at, reason_text
from moderation.models import Decision, ModerationState
from projects.models import Project, Topic
from proposals.models import Proposal, StatusEntry, Support
from proposals.services import set_status

PROPOSALS = load("proposals")["proposals"]
DISCUSSIONS = load("proposals")["discussions"]


@transaction.atomic
def seed_proposals(today=None):
    """Create the demo proposals and discussions not there yet; return (proposals, comments)."""
    today = today or timezone.localdate()
    person, voters = _people()
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


def _people():
    """Demo authors by spec (a voter's number, "buergerin" or "moderation"); the voters."""
    accounts = {}
    for email, _name, group, _staff in DEMO_USERS:
        if group != "Redaktion":
            accounts["moderation" if group else "buergerin"] = User.objects.get(
                email__iexact=email
            )
    voters = {
        int(user.email.split("@")[0].removeprefix("demo-stimme-")): user
        for user in User.objects.filter(
            email__startswith="demo-stimme-", email__endswith="@example.invalid"
        )
    }

    def person(spec):
        return voters[spec] if isinstance(spec, int) else accounts[spec]

    return person, [voters[number] for number in sorted(voters)]


def _create_proposal(data, person, when, moderator):
    author = person(data["author"])
    submitted = when(data["submitted"])
    proposal = Proposal(
        author=author,
        title=data["title"],
        description=data["description"],
        topic=Topic.objects.get(name=data["topic"]),
        project=Project.objects.get(slug=data["project"]) if data["project"] else None,
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
    for step in data["history"]:
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
