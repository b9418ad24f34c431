"""Demo polls for `seed_demo`, with demo voters and paper batches; existing polls are left alone.

Runs after the demo accounts and projects exist. Votes in open polls go through
`cast_ballot`, as a visitor's would; the closed 2022 round gets its ballots written directly
(the service rightly refuses closed polls) and its dates set back to 2022.

Texts go in German and English; paper batches name their counts by the German label of a
choice, so seeding runs in German.
"""

import datetime

from allauth.account.models import EmailAddress
from django.contrib.auth.models import AnonymousUser
from django.db import transaction
from django.utils import timezone, translation

from accounts.models import KAISERSLAUTERN_POSTAL_CODES, User
from accounts.services import change_postal_code
from core.notifications import KINDS
from demo.accounts import DEMO_USERS
from demo.content import in_both_languages, load
from maps.models import Place
from polls.models import Ballot, Choice, PaperBatch, Poll, Question, Selection, TextAnswer
from polls.services import cast_ballot, confirm_paper_batch, enter_paper_batch, publish_results
from projects.models import Project

POLLS = load("polls")["polls"]

DEMO_VOTERS = 48
# Every sixth demo voter lives outside the city, so resident-only polls turn them away.
OUTSIDE_POSTAL_CODES = ("67677", "66849", "67685", "67697")
# The demo citizen's postal code, so that she can vote in the resident-only round herself.
CITIZEN_POSTAL_CODE = "67655"


@transaction.atomic
@translation.override("de")
def seed_polls(today=None):
    """Create the demo polls that do not exist yet; return how many were created."""
    today = today or timezone.localdate()
    staff = {group: _user(email) for email, _, group, _ in DEMO_USERS if group}
    citizen = _user(next(email for email, _, group, _ in DEMO_USERS if not group))
    if not citizen.postal_code:
        change_postal_code(user=citizen, postal_code=CITIZEN_POSTAL_CODE)
    voters = seed_voters()

    created = 0
    for data in POLLS:
        if Poll.objects.filter(slug=data["slug"]).exists():
            continue
        poll = _create_poll(data, today)
        if poll.is_open():
            _cast_ballots(poll, data, voters)
        elif poll.is_closed():
            _write_past_ballots(poll, data, voters)
        for batch_data in data["paper_batches"]:
            _add_paper_batch(poll, batch_data, today, staff)
        if data.get("results_published"):
            publish_results(poll=poll, by=staff["Redaktion"])
            # A past round: it was set up before it opened and last changed on publication.
            published_at = _aware(data["results_published"])
            Poll.objects.filter(pk=poll.pk).update(
                results_published_at=published_at,
                created_at=poll.opens_at - datetime.timedelta(days=14),
                updated_at=published_at,
            )
        created += 1
    return created


# Public names as people choose them; the demo voters also write proposals and comments.
VOTER_NAMES = [
    "Lauterer",
    "Westpfälzerin",
    "Betze-Fan",
    "Radlerin",
    "Stadtgärtner",
    "Pfalzkind",
    "Kammgarn-Nachbar",
    "Morlauterin",
    "Hohenecker",
    "Erfenbacherin",
    "Siegelbacher",
    "Dansenbergerin",
    "Espensteiger",
    "Mölschbacherin",
    "Uni-Studentin",
    "Opa_vom_Lämmchesberg",
]


def voter_name(number):
    """`Lauterer`, ..., then `Lauterer_17`, ...: unique for all demo voters."""
    stem = VOTER_NAMES[(number - 1) % len(VOTER_NAMES)]
    return stem if number <= len(VOTER_NAMES) else f"{stem}_{number}"


def seed_voters():
    """The demo citizens who fill the charts: confirmed, without a password, never mailed."""
    voters = []
    for number in range(1, DEMO_VOTERS + 1):
        email = f"demo-stimme-{number:02d}@example.invalid"
        user = User.objects.filter(email__iexact=email).first()
        if user is None:
            if number % 6 == 0:
                postal_code = OUTSIDE_POSTAL_CODES[number // 6 % len(OUTSIDE_POSTAL_CODES)]
            else:
                postal_code = KAISERSLAUTERN_POSTAL_CODES[
                    number % len(KAISERSLAUTERN_POSTAL_CODES)
                ]
            user = User(email=email, username=voter_name(number), postal_code=postal_code)
            user.set_unusable_password()
            user.full_clean()
            user.save()
        EmailAddress.objects.update_or_create(
            user=user, email=email, defaults={"verified": True, "primary": True}
        )
        voters.append(user)
    # Their addresses cannot receive mail: no notification is queued for them.
    User.objects.filter(pk__in=[voter.pk for voter in voters]).update(
        **dict.fromkeys(KINDS.values(), False)
    )
    return voters


def _user(email):
    return User.objects.get(email__iexact=email)


def _aware(value):
    return timezone.make_aware(value) if timezone.is_naive(value) else value


def _moment(spec, today, hour):
    """A fixed datetime, or a day offset from today at the given hour, Kaiserslautern time."""
    if isinstance(spec, datetime.datetime):
        return _aware(spec)
    day = today + datetime.timedelta(days=spec)
    return _aware(datetime.datetime.combine(day, datetime.time(hour)))


def _create_poll(data, today):
    poll = Poll(
        slug=data["slug"],
        **in_both_languages(data, "title", "intro", "method_note"),
        project=Project.objects.get(slug=data["project"]),
        opens_at=_moment(data["opens"], today, 9),
        closes_at=_moment(data["closes"], today, 18),
        eligibility=data["eligibility"],
        results_visibility=data["results_visibility"],
        ballots_changeable=data["ballots_changeable"],
        is_published=True,
    )
    poll.full_clean()
    poll.save()
    for position, question_data in enumerate(data["questions"], start=1):
        question = Question(
            poll=poll,
            position=position,
            **in_both_languages(question_data, "text", "description"),
            kind=question_data["kind"],
            is_required=question_data.get("is_required", True),
            max_choices=question_data.get("max_choices"),
        )
        question.full_clean()
        question.save()
        places = question_data.get("places") or [None] * len(question_data.get("choices", []))
        for choice_position, (choice_data, place) in enumerate(
            zip(_choices(question_data), places, strict=True), start=1
        ):
            choice = Choice(
                question=question,
                position=choice_position,
                **in_both_languages(choice_data, "label", "description"),
                # A location poll: the choice's place, from demo/data/places.json.
                place=Place.objects.get(name=place) if place else None,
            )
            choice.full_clean()
            choice.save()
    return poll


def _choices(question_data):
    """A question's choices as dicts: "choices" holds [label, description, votes] in German,
    "choices_en", where given, [label, description] in English in the same order."""
    german = question_data.get("choices", [])
    english = question_data.get("choices_en") or [["", ""]] * len(german)
    return [
        {
            "label": label,
            "description": description,
            "label_en": label_en,
            "description_en": description_en,
        }
        for (label, description, _votes), (label_en, description_en) in zip(
            german, english, strict=True
        )
    ]


def _planned_answers(poll, data):
    """The answers of each demo ballot, so that every choice gets exactly its votes."""
    count = data["account_ballots"] + data["guest_ballots"]
    ballots = [{} for _ in range(count)]
    for question, question_data in zip(poll.questions.all(), data["questions"], strict=True):
        if question.kind == Question.Kind.TEXT:
            for index, text in enumerate(question_data["answers"]):
                ballots[index * count // len(question_data["answers"])][question] = text
            continue
        choices = list(question.choices.all())
        votes = [votes for _label, _description, votes in question_data["choices"]]
        for ballot, chosen in zip(ballots, _spread(choices, votes, count), strict=True):
            if chosen:
                ballot[question] = chosen
    return ballots


def _spread(choices, votes, count):
    """Hand out the votes over `count` ballots, always to the ballots with the fewest so far.

    Single choice: the votes add up to at most one per ballot. Multiple choice: the ballots
    end up with nearly equal numbers of choices, none above the question's maximum.
    """
    picks = [[] for _ in range(count)]
    start = 0
    for choice, number in zip(choices, votes, strict=True):
        order = sorted(range(count), key=lambda i: (len(picks[i]), (i - start) % count))
        for index in order[:number]:
            picks[index].append(choice)
        start += number
    return picks


def _cast_ballots(poll, data, voters):
    if poll.for_residents:
        voters = [voter for voter in voters if voter.lives_in_kaiserslautern]
    people = voters[: data["account_ballots"]] + [AnonymousUser()] * data["guest_ballots"]
    for person, answers in zip(people, _planned_answers(poll, data), strict=True):
        cast_ballot(poll=poll, user=person, answers=answers)


def _write_past_ballots(poll, data, voters):
    """Ballots of a round that closed before the platform's demo began, dated within it."""
    planned = _planned_answers(poll, data)
    people = voters[: data["account_ballots"]] + [None] * data["guest_ballots"]
    span = poll.closes_at - poll.opens_at
    for index, (person, answers) in enumerate(zip(people, planned, strict=True)):
        ballot = Ballot.objects.create(poll=poll, user=person, is_guest=person is None)
        Selection.objects.bulk_create(
            Selection(ballot=ballot, choice=choice)
            for question, answer in answers.items()
            if question.has_choices
            for choice in answer
        )
        TextAnswer.objects.bulk_create(
            TextAnswer(ballot=ballot, question=question, text=answer)
            for question, answer in answers.items()
            if not question.has_choices
        )
        cast_at = poll.opens_at + span * (index + 0.5) / len(planned)
        Ballot.objects.filter(pk=ballot.pk).update(created_at=cast_at, updated_at=cast_at)


def _add_paper_batch(poll, data, today, staff):
    choices = {choice.label_de: choice for choice in Choice.objects.filter(question__poll=poll)}
    collected_on = data["collected_on"]
    if not isinstance(collected_on, datetime.date):
        collected_on = today + datetime.timedelta(days=collected_on)
    batch = enter_paper_batch(
        poll=poll,
        entered_by=staff["Redaktion"],
        place=data["place"],
        collected_on=collected_on,
        ballots_count=data["ballots_count"],
        counts={choices[label]: count for label, count in data["counts"].items()},
        note=data["note"],
    )
    if data["confirm"]:
        confirm_paper_batch(
            batch=batch, confirmed_by=staff["Moderation"], seen_revision=batch.revision
        )
    if "entered_at" in data:
        # A batch of a past round, entered and confirmed back then.
        PaperBatch.objects.filter(pk=batch.pk).update(
            entered_at=_aware(data["entered_at"]), confirmed_at=_aware(data["confirmed_at"])
        )
