"""Demo polls for `seed_demo`, with demo voters and paper batches; existing polls are left alone.

Runs after the demo accounts and projects exist. Votes in open polls go through
`cast_ballot`, as a visitor's would; the closed 2022 round gets its ballots written directly
(the service rightly refuses closed polls) and its dates set back to 2022.

Texts go in German and English; paper batches name their counts by the German label of a
choice (and the German text of a question), so seeding runs in German. demo/data/README.md
describes the shape of each kind of question's planned answers and paper counts.
"""

import datetime
from collections import Counter

from allauth.account.models import EmailAddress
from django.contrib.auth.models import AnonymousUser
from django.db import transaction
from django.utils import timezone, translation

from accounts.models import KAISERSLAUTERN_POSTAL_CODES, User
from accounts.services import change_postal_code
from core.notifications import KINDS
from demo.accounts import DEMO_USERS
from demo.content import in_both_languages, load
from demo.illustrations import illustrate
from maps.models import Place
from polls.answers import NO_ANSWER, ChoiceAnswer, as_choice_answer
from polls.models import (
    Ballot,
    Choice,
    NoAnswer,
    PaperBatch,
    Poll,
    Question,
    Selection,
    TextAnswer,
)
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


# Texts of scales and numbers, where a question has them; German with English beside.
SCALE_AND_NUMBER_TEXTS = ("scale_low_label", "scale_high_label", "number_unit")


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
        texts = [field for field in SCALE_AND_NUMBER_TEXTS if field in question_data]
        question = Question(
            poll=poll,
            position=position,
            **in_both_languages(question_data, "text", "description", *texts),
            kind=question_data["kind"],
            is_required=question_data.get("is_required", True),
            max_choices=question_data.get("max_choices"),
            scale_points=question_data.get("scale_points"),
            number_min=question_data.get("number_min"),
            number_max=question_data.get("number_max"),
            budget=question_data.get("budget"),
            offers_no_answer=question_data.get("offers_no_answer", False),
        )
        question.full_clean()
        question.save()
        # A budget: the cost of each proposal, by its German label.
        costs = question_data.get("costs", {})
        labels = [label for label, *_ in question_data.get("choices", [])]
        if set(costs) - set(labels):
            raise ValueError(
                f"{question.text_de}: costs of no proposal {set(costs) - set(labels)}"
            )
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
                # "other" names the choice whose voters may write what they mean.
                is_other=choice_data["label"] == question_data.get("other"),
                cost=costs.get(choice_data["label"]),
            )
            if data.get("illustrated"):
                illustrate(choice, f"{poll.slug}-{choice_position}", about=choice_data["label"])
            choice.full_clean()
            choice.save()
    return poll


def _choices(question_data):
    """A question's choices as dicts: "choices" holds [label, description, votes] in German
    (a ranking's and a budget's without votes), "choices_en", where given, [label,
    description] in English in the same order."""
    german = question_data.get("choices", [])
    english = question_data.get("choices_en") or [["", ""]] * len(german)
    return [
        {
            "label": label,
            "description": description,
            "label_en": label_en,
            "description_en": description_en,
        }
        for (label, description, *_votes), (label_en, description_en) in zip(
            german, english, strict=True
        )
    ]


def _planned_answers(poll, data):
    """The answers of each demo ballot, so that every choice and value gets exactly its votes."""
    count = data["account_ballots"] + data["guest_ballots"]
    ballots = [{} for _ in range(count)]
    questions = poll.questions.prefetch_related("choices")
    for question, question_data in zip(questions, data["questions"], strict=True):
        answers = _question_answers(question, question_data, count)
        for ballot, answer in zip(ballots, answers, strict=True):
            if answer is not None:
                ballot[question] = answer
    return ballots


def _question_answers(question, data, count):
    """One question's answer on each of `count` ballots, as cast_ballot takes it; None where
    the ballot leaves it out. The shape of `data` per kind is in demo/data/README.md."""
    choices = list(question.choices.all())
    if question.is_text or question.is_number:
        return _spread_out(data["answers"], count)
    if question.is_scale:
        return _spread_out(_values(data["votes"]) + [NO_ANSWER] * data.get("no_answer", 0), count)
    if question.is_matrix:
        ratings = [{} for _ in range(count)]
        no_answers = data.get("no_answer") or [0] * len(choices)
        for statement, (_label, _description, votes), no_answer in zip(
            choices, data["choices"], no_answers, strict=True
        ):
            values = _values(votes) + [NO_ANSWER] * no_answer
            for rating, value in zip(ratings, _spread_out(values, count), strict=True):
                if value is not None:
                    rating[statement] = value
        return [rating or None for rating in ratings]
    if question.is_ranking or question.is_budget:
        # A ranking's orders, first place first; a budget's proposals chosen together.
        by_label = {choice.label_de: choice for choice in choices}
        planned = data["rankings"] if question.is_ranking else data["selections"]
        chosen = [
            [by_label[label] for label in labels]
            for labels, number in planned
            for _ in range(number)
        ]
        return _spread_out(chosen, count)
    votes = [votes for _label, _description, votes in data["choices"]]
    others = list(data.get("other_answers", []))
    no_answers = data.get("no_answer", 0)
    answers = []
    for chosen in _spread(choices, votes, count):
        if others and any(choice.is_other for choice in chosen):
            answers.append(ChoiceAnswer(tuple(chosen), other=others.pop(0)))
        elif chosen:
            answers.append(chosen)
        elif no_answers:
            answers.append(NO_ANSWER)
            no_answers -= 1
        else:
            answers.append(None)
    if others or no_answers:
        raise ValueError(f"{question.text_de}: more texts or “no answer” than ballots for them")
    return answers


def _values(votes):
    """[2, 0, 1] (how many gave each point, from 1): [1, 1, 3]."""
    return [value for value, number in enumerate(votes, start=1) for _ in range(number)]


def _spread_out(answers, count):
    """The answers over `count` ballots, evenly apart and in order; None on the others."""
    if len(answers) > count:
        raise ValueError(f"{len(answers)} answers for {count} ballots")
    spread = [None] * count
    for index, answer in enumerate(answers):
        spread[index * count // len(answers)] = answer
    return spread


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
    """Ballots of a round that closed before the platform's demo began, dated within it.

    Choice and free-text questions only: the demo's past rounds have no others.
    """
    if any(not (question.is_selection or question.is_text) for question in poll.questions.all()):
        raise ValueError(f"{poll.slug}: a closed demo poll has choice and text questions only")
    planned = _planned_answers(poll, data)
    people = voters[: data["account_ballots"]] + [None] * data["guest_ballots"]
    span = poll.closes_at - poll.opens_at
    for index, (person, answers) in enumerate(zip(people, planned, strict=True)):
        ballot = Ballot.objects.create(poll=poll, user=person, is_guest=person is None)
        chosen = {
            question: as_choice_answer(answer)
            for question, answer in answers.items()
            if question.is_selection
        }
        Selection.objects.bulk_create(
            Selection(ballot=ballot, choice=choice)
            for answer in chosen.values()
            for choice in answer.choices
        )
        TextAnswer.objects.bulk_create(
            [
                TextAnswer(ballot=ballot, question=question, text=answer)
                for question, answer in answers.items()
                if question.is_text
            ]
            + [
                TextAnswer(ballot=ballot, question=question, text=answer.other)
                for question, answer in chosen.items()
                if answer.other
            ]
        )
        NoAnswer.objects.bulk_create(
            NoAnswer(ballot=ballot, question=question)
            for question, answer in answers.items()
            if answer is NO_ANSWER
        )
        cast_at = poll.opens_at + span * (index + 0.5) / len(planned)
        Ballot.objects.filter(pk=ballot.pk).update(created_at=cast_at, updated_at=cast_at)


def _add_paper_batch(poll, data, today, staff):
    choices = {
        choice.label_de: choice
        for choice in Choice.objects.filter(
            question__poll=poll, question__kind__in=Question.SELECTION_KINDS
        )
    }
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
        value_counts=_paper_value_counts(poll, data.get("value_counts", {})),
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


def _paper_value_counts(poll, data):
    """A batch's counts of scales, matrices, rankings and numbers, keyed as
    enter_paper_batch takes them, from `data` by the German text of each question:

    - a scale: how many ballots gave each point, from 1: [1, 3, 7, 7, 3];
    - a matrix: the same per statement (by its German label): {statement: [...]};
    - a ranking: how many ballots gave each choice place 1, 2, ...: {choice: [6, 4, 2]};
    - a number: the numbers written on the ballots: [1, 3, 3, 12].
    """
    questions = {
        question.text_de: question for question in poll.questions.prefetch_related("choices")
    }
    value_counts = {}
    for text, figures in data.items():
        question = questions[text]
        if question.is_scale:
            value_counts |= {
                (question, None, value): count for value, count in enumerate(figures, start=1)
            }
        elif question.is_number:
            value_counts |= {
                (question, None, value): count for value, count in Counter(figures).items()
            }
        else:
            choices = {choice.label_de: choice for choice in question.choices.all()}
            value_counts |= {
                (question, choices[label], value): count
                for label, row in figures.items()
                for value, count in enumerate(row, start=1)
            }
    return value_counts
