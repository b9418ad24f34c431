"""The polls of the benchmark's data set: five polls, the rush poll and the mixed rush's
poll, their paper batches and 100,000 online ballots with their answers (a part of
bench/build_data.Builder). The survey with a question of every further kind is in
bench/plan_survey.py."""

from datetime import timedelta

from common import (
    CLOSED_POLL_SLUG,
    LIVE_POLL_SLUG,
    MIXED_POLL_SLUG,
    RUSH_POLL_SLUG,
)
from plan_data import SMALL_EVERY


class PollRows:
    def polls(self):
        from polls.models import Poll

        specs = [
            # slug, title, project, opens (days from now), closes, eligibility, results,
            # ballots, guests, free-text question
            {
                "slug": CLOSED_POLL_SLUG,
                "title": "Stadt.Raum.Wir. 2024: Wie soll der Stiftsplatz aussehen?",
                "project": 9,
                "opens": -420,
                "closes": -360,
                "eligibility": Poll.Eligibility.ACCOUNT,
                "results": Poll.ResultsVisibility.PUBLISHED,
                "ballots": 40_000,
                "guests": 0,
                "text": False,
            },
            {
                "slug": LIVE_POLL_SLUG,
                "title": "Stadt.Raum.Wir. 2026: die zweite Runde",
                "project": 1,
                "opens": -6,
                "closes": 24,
                "eligibility": Poll.Eligibility.ACCOUNT,
                "results": Poll.ResultsVisibility.LIVE,
                "ballots": 30_000,
                "guests": 0,
                "text": True,
            },
            {
                "slug": "mobilitaetsumfrage-2025",
                "title": "Wie bewegen Sie sich durch Kaiserslautern?",
                "project": 10,
                "opens": -120,
                "closes": -60,
                "eligibility": Poll.Eligibility.ACCOUNT,
                "results": Poll.ResultsVisibility.AFTER_CLOSE,
                "ballots": 15_000,
                "guests": 0,
                "text": True,
            },
            {
                "slug": "spielplaetze-2026",
                "title": "Welche Spielgeräte wünschen Sie sich?",
                "project": 11,
                "opens": -10,
                "closes": 20,
                "eligibility": Poll.Eligibility.RESIDENTS,
                "results": Poll.ResultsVisibility.AFTER_CLOSE,
                "ballots": 10_000,
                "guests": 0,
                "text": False,
            },
            {
                "slug": "ausprobierbox-2026",
                "title": "Ausprobierbox: Was halten Sie von den neuen Sitzmöbeln?",
                "project": 1,
                "opens": -3,
                "closes": 40,
                "eligibility": Poll.Eligibility.GUESTS,
                "results": Poll.ResultsVisibility.LIVE,
                "ballots": 5_000,
                "guests": 2_000,
                "text": True,
            },
            # The rush: opens as the press release goes out; ballots come from bench/rush.py.
            {
                "slug": RUSH_POLL_SLUG,
                "title": "Ansturm 2026: Welcher Entwurf soll gebaut werden?",
                "project": 1,
                "opens": -1,
                "closes": 14,
                "eligibility": Poll.Eligibility.ACCOUNT,
                "results": Poll.ResultsVisibility.LIVE,
                "ballots": 0,
                "guests": 0,
                "text": False,
                "changeable": False,
            },
        ]
        self.poll_specs = []
        self.question_pk = self.choice_pk = 0
        for pk, spec in enumerate(specs, start=1):
            self.add_poll(pk, spec)
        self.paper_batches()

    def add_poll(self, pk, spec):
        """One poll of `spec` with its questions and choices, planned in the first stage."""
        from polls.models import Choice, Poll, Question

        add = self.plan.add
        results_time = self.now - timedelta(days=330)
        opens = self.now + timedelta(days=spec["opens"])
        closes = self.now + timedelta(days=spec["closes"])
        published = spec["results"] == Poll.ResultsVisibility.PUBLISHED
        poll = Poll(
            pk=pk,
            slug=spec["slug"],
            title=spec["title"],
            intro=self.html(2),
            project_id=spec["project"],
            opens_at=opens,
            closes_at=closes,
            eligibility=spec["eligibility"],
            ballots_changeable=spec.get("changeable", True),
            results_visibility=spec["results"],
            method_note=self.sentence(10, 20),
            is_published=True,
            announced_at=opens,
            results_published_at=results_time if published else None,
            results_published_by_id=self.editor.pk if published else None,
        )
        add("small", poll)
        questions = []
        kinds = [(Question.Kind.SINGLE, 6), (Question.Kind.MULTIPLE, 8)]
        if spec["text"]:
            kinds.append((Question.Kind.TEXT, 0))
        for position, (kind, choices) in enumerate(kinds):
            self.question_pk += 1
            question = Question(
                pk=self.question_pk,
                poll_id=pk,
                position=position,
                text=self.sentence(6, 12).rstrip(".") + "?",
                description=self.sentence(),
                kind=kind,
                is_required=kind != Question.Kind.TEXT,
                max_choices=3 if kind == Question.Kind.MULTIPLE else None,
                max_length=1000,
            )
            add("small", question)
            question.choice_pks = []
            for choice_position in range(choices):
                self.choice_pk += 1
                add(
                    "small",
                    Choice(
                        pk=self.choice_pk,
                        question_id=self.question_pk,
                        position=choice_position,
                        label=self.words(2, 5).capitalize(),
                        description=self.sentence() if choice_position % 2 == 0 else "",
                    ),
                )
                question.choice_pks.append(self.choice_pk)
            questions.append(question)
        self.poll_specs.append((poll, spec, questions))

    def mixed_rush_poll(self):
        """The open poll of the mixed rush (bench/mixed_rush.py), planned after everything
        else, so that the rows drawn before it stay those of earlier runs."""
        from polls.models import Poll

        self.add_poll(
            len(self.poll_specs) + 1,
            {
                "slug": MIXED_POLL_SLUG,
                "title": "Gemischt 2026: Wie soll der Platz am Volkspark heißen?",
                # Not the big project, and closing after the other open polls: the pages
                # that load.py measures stay as they were.
                "project": 12,
                "opens": -1,
                "closes": 30,
                "eligibility": Poll.Eligibility.ACCOUNT,
                "results": Poll.ResultsVisibility.LIVE,
                "ballots": 0,
                "guests": 0,
                "text": False,
                "changeable": False,
            },
        )

    def paper_batches(self):
        from polls.models import PaperBatch, PaperCount, Question

        add = self.plan.add
        batch_pk = 0
        # per poll slug: (state, ballots) of its batches
        batches = {
            CLOSED_POLL_SLUG: ["confirmed", "confirmed", "confirmed", "voided"],
            LIVE_POLL_SLUG: ["confirmed", "confirmed", "entered"],
            "mobilitaetsumfrage-2025": ["confirmed", "confirmed"],
            "spielplaetze-2026": ["entered"],
        }
        for poll, _spec, questions in self.poll_specs:
            for number, state in enumerate(batches.get(poll.slug, []), start=1):
                batch_pk += 1
                collected = min(poll.closes_at, self.now) - timedelta(days=number * 3)
                ballots_count = self.rng.randint(150, 900)
                batch = PaperBatch(
                    pk=batch_pk,
                    poll_id=poll.pk,
                    place=f"Stand {number} auf dem Wochenmarkt",
                    collected_on=collected.date(),
                    ballots_count=ballots_count,
                    note="",
                    entered_by_id=self.editor.pk,
                )
                if state in ("confirmed", "voided"):
                    batch.confirmed_by_id = self.moderator.pk
                    batch.confirmed_at = collected + timedelta(days=1)
                if state == "voided":
                    batch.voided_by_id = self.editor2.pk
                    batch.voided_at = collected + timedelta(days=2)
                    batch.void_reason = "Zahlen zweier Antworten vertauscht; neu erfasst."
                add("small", batch)
                for question in questions:
                    if question.kind == Question.Kind.TEXT:
                        continue
                    left = ballots_count
                    for choice_pk in question.choice_pks:
                        if question.kind == Question.Kind.SINGLE:
                            count = self.rng.randint(0, left // 2)
                            left -= count
                        else:
                            count = self.rng.randint(0, ballots_count // 2)
                        add(
                            "small",
                            PaperCount(batch_id=batch_pk, choice_id=choice_pk, count=count),
                        )
        # The survey (bench/plan_survey.py), planned last, numbers its batches on from here.
        self.batch_pk = batch_pk

    def ballots(self):
        from polls.models import Ballot, Question, Selection, TextAnswer

        add = self.plan.add
        ballot_pk = 0
        user_pks = [user.pk for user in self.users]
        residents = [user.pk for user in self.users if user.postal_code]
        for poll, spec, questions in self.poll_specs:
            total = spec["ballots"]
            if not total:
                continue
            voters = residents if spec["eligibility"] == "residents" else user_pks
            accounts = total - spec["guests"]
            chosen = self.rng.sample(voters, accounts) + [None] * spec["guests"]
            small_count = total // SMALL_EVERY
            # Each poll has its favourites; choices drawn with fixed weights per question.
            weights = {
                question.pk: [self.rng.uniform(0.2, 3) for _ in question.choice_pks]
                for question in questions
            }
            for index, user_pk in enumerate(chosen):
                ballot_pk += 1
                stage = "small" if index < small_count else "rest"
                add(
                    stage,
                    Ballot(
                        pk=ballot_pk,
                        poll_id=poll.pk,
                        user_id=user_pk,
                        is_guest=user_pk is None,
                    ),
                )
                for question in questions:
                    if question.kind == Question.Kind.SINGLE:
                        picked = self.rng.choices(question.choice_pks, weights[question.pk])
                    elif question.kind == Question.Kind.MULTIPLE:
                        picked = set(
                            self.rng.choices(
                                question.choice_pks, weights[question.pk], k=self.rng.randint(1, 3)
                            )
                        )
                    else:
                        if self.rng.random() < 0.15:
                            add(
                                stage,
                                TextAnswer(
                                    ballot_id=ballot_pk,
                                    question_id=question.pk,
                                    text=self.sentence(5, 30),
                                ),
                            )
                        continue
                    for choice_pk in picked:
                        add(stage, Selection(ballot_id=ballot_pk, choice_id=choice_pk))
        # The survey (bench/plan_survey.py), planned last, numbers its ballots on from here.
        self.ballot_pk = ballot_pk
