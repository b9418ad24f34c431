"""The demo's Vorhabenliste for `seed_demo`: departments, twelve planned projects with every
kind of participation, and citizens' requests to be involved, released, answered or waiting.

Runs after the demo accounts, projects and polls (and with them the demo voters) exist.
Requests are written directly with dates in the past; their release goes through the
moderation service and the city's response through `plans.services.respond`, as staff's
would, and both are then dated back. Departments are found by address, plans by address,
requests by plan and author: whatever exists is left alone.
"""

import datetime

from django.db import transaction
from django.utils import timezone, translation

from demo.content import in_both_languages, load
from demo.moderation import decide_at
from demo.proposals import demo_people
from moderation.models import Decision, ModerationState
from plans.models import Department, ParticipationRequest, Plan
from plans.services import respond
from projects.models import Project

DEPARTMENTS = load("plans")["departments"]
PLANS = load("plans")["plans"]
REQUESTS = load("plans")["requests"]
# The texts of a plan besides title and summary, where the demo has them.
PLAN_TEXTS = (
    "description",
    "timeframe",
    "participation_how",
    "participation_when",
    "participation_reason",
)


@transaction.atomic
@translation.override("de")
def seed_plans(today=None):
    """Create the demo departments, plans and requests not there yet; return (plans,
    requests) created."""
    today = today or timezone.localdate()
    person, _voters = demo_people()
    moderator = person("moderation")

    def when(spec):
        days, clock = spec
        moment = datetime.datetime.combine(
            today + datetime.timedelta(days=days), datetime.time.fromisoformat(clock)
        )
        return timezone.make_aware(moment)

    departments = {}
    for data in DEPARTMENTS:
        departments[data["slug"]], _ = Department.objects.get_or_create(
            slug=data["slug"], defaults=in_both_languages(data, "name")
        )

    plans = 0
    for data in PLANS:
        if Plan.objects.filter(slug=data["slug"]).exists():
            continue
        texts = [field for field in PLAN_TEXTS if field in data]
        plan = Plan(
            slug=data["slug"],
            **in_both_languages(data, "title", "summary", *texts),
            department=departments[data["department"]],
            status=data["status"],
            participation=data["participation"],
            project=Project.objects.get(slug=data["project"]) if data.get("project") else None,
            is_published=True,
        )
        plan.full_clean()
        plan.save()
        plans += 1

    requests = 0
    for data in REQUESTS:
        plan = Plan.objects.get(slug=data["plan"])
        author = person(data["author"])
        if plan.participation_requests.filter(author=author).exists():
            continue
        _request(plan, author, data, when, moderator)
        requests += 1
    return plans, requests


def _request(plan, author, data, when, moderator):
    """One citizen's request: waiting, or released by the moderators and perhaps answered."""
    participation_request = ParticipationRequest(
        plan=plan,
        author=author,
        reason=data["reason"],
        created_at=when(data["submitted"]),
        moderation_state=ModerationState.PENDING,
        # The demo's citizens write German (pages mark it so on /en/).
        language="de",
    )
    participation_request.full_clean()
    participation_request.save()
    if "released" in data:
        decide_at(
            contribution=participation_request,
            moderator=moderator,
            kind=Decision.Kind.RELEASED,
            at=when(data["released"]),
        )
    if "response" in data:
        respond(
            participation_request=participation_request,
            user=moderator,
            response=data["response"]["text"],
        )
        ParticipationRequest.objects.filter(pk=participation_request.pk).update(
            response_at=when(data["response"]["at"])
        )
    return participation_request
