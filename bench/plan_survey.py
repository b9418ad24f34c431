"""The survey of the benchmark's data set: one question of every kind beyond choices and free
text, with 20,000 online ballots and two confirmed paper batches (a part of
bench/build_data.Builder).

A rating scale (5 points, “no answer” offered), a matrix (6 statements on 5 points, “no
answer” per statement), a ranking (8 choices, up to 3 places), a number (0–99 years) and a
participatory budget (8 proposals with their costs, 50,000 € per ballot). Every ballot is
valid as the form would take it: one value per statement, places 1..k without repeats, the
proposals chosen within the budget. The paper batches count ballots drawn the same way: per
value (PaperValueCount; a ranking per choice and place, a matrix per statement) and per
proposal of the budget (PaperCount).

It is planned after everything else (build_data.Builder.build), from the same random
generator, so that every row drawn before it stays as in earlier runs; it belongs to a
project other than the big one and closes after the other open polls, so that the project,
start and search pages that load.py measures show the same polls as before.
"""

from collections import Counter
from datetime import timedelta

from common import SURVEY_BALLOTS, SURVEY_POLL_SLUG
from plan_data import SMALL_EVERY

SURVEY_PROJECT = 13
SCALE_POINTS = 5
NUMBER_MAX = 99
BUDGET = 50_000
RANK_PLACES = 3
STATEMENTS = [
    "Ich fühle mich in meinem Viertel sicher.",
    "Busse und Bahnen bringen mich gut ans Ziel.",
    "In meiner Nähe gibt es genug Grün.",
    "Die Innenstadt ist sauber und gepflegt.",
    "Die Stadt informiert gut über ihre Pläne.",
    "Für Kinder und Jugendliche gibt es genug Angebote.",
]
PRIORITIES = [
    "Sichere Wege für Rad und Fuß",
    "Mehr Bäume und Schatten",
    "Sanierte Schulgebäude",
    "Günstiger Nahverkehr",
    "Bezahlbarer Wohnraum",
    "Saubere Straßen und Plätze",
    "Treffpunkte für Jugendliche",
    "Behördengänge online",
]
# label, cost in euros: together 89,000 €, so a ballot can afford about half of them.
PROPOSALS = [
    ("Trinkbrunnen am Stiftsplatz", 12_000),
    ("Zehn neue Sitzbänke im Volkspark", 8_000),
    ("Fahrradbügel an fünf Haltestellen", 6_500),
    ("Offener Bücherschrank am Rathaus", 3_000),
    ("Licht für den Fußweg an der Lauter", 18_000),
    ("Neue Spielgeräte am Betzenberg", 22_000),
    ("Blühwiese an der Mall", 4_500),
    ("Überdachte Haltestelle am Pfaffenberg", 15_000),
]
NO_ANSWER_SHARE = 0.03


class SurveyRows:
    def survey(self):
        """The survey poll, its questions, paper batches and ballots, all planned last."""
        from polls.models import Poll, Question

        add = self.plan.add
        # After the polls of plan_polls.py, the mixed rush's last among them.
        pk = self.survey_poll_pk = len(self.poll_specs) + 1
        opens = self.now - timedelta(days=8)
        poll = Poll(
            pk=pk,
            slug=SURVEY_POLL_SLUG,
            title="Stadtumfrage 2026: Wie lebt es sich in Kaiserslautern?",
            # Fixed words, none of the search rows' terms: the search pages stay as they were.
            intro=(
                "<p>Einmal im Jahr fragt die Stadt, wie zufrieden Sie sind, was Ihnen wichtig "
                "ist und wofür ein Teil des Haushalts ausgegeben werden soll.</p>"
                "<p>Die Umfrage dauert etwa fünf Minuten.</p>"
            ),
            project_id=SURVEY_PROJECT,
            opens_at=opens,
            closes_at=self.now + timedelta(days=45),
            eligibility=Poll.Eligibility.ACCOUNT,
            ballots_changeable=True,
            results_visibility=Poll.ResultsVisibility.LIVE,
            method_note="Papierbögen lagen im Bürgerbüro und in der Stadtbibliothek aus.",
            is_published=True,
            announced_at=opens,
        )
        add("small", poll)
        kind = Question.Kind
        self.survey_questions = {}
        self.survey_question(
            kind.SCALE,
            "Wie zufrieden sind Sie insgesamt mit dem Leben in Kaiserslautern?",
            scale_points=SCALE_POINTS,
            scale_low_label="sehr unzufrieden",
            scale_high_label="sehr zufrieden",
            offers_no_answer=True,
        )
        self.survey_question(
            kind.MATRIX,
            "Wie sehr stimmen Sie diesen Aussagen zu?",
            choices=[(label, None) for label in STATEMENTS],
            scale_points=SCALE_POINTS,
            scale_low_label="stimme gar nicht zu",
            scale_high_label="stimme voll zu",
            offers_no_answer=True,
        )
        self.survey_question(
            kind.RANKING,
            "Was soll die Stadt zuerst angehen? Bitte ordnen Sie bis zu drei Themen.",
            choices=[(label, None) for label in PRIORITIES],
            max_choices=RANK_PLACES,
            is_required=False,
        )
        self.survey_question(
            kind.NUMBER,
            "Seit wie vielen Jahren wohnen Sie in Kaiserslautern?",
            number_min=0,
            number_max=NUMBER_MAX,
            number_unit="Jahre",
            is_required=False,
        )
        self.survey_question(
            kind.BUDGET,
            "Bürgerhaushalt: Wofür sollen 50.000 € ausgegeben werden?",
            choices=PROPOSALS,
            budget=BUDGET,
        )
        # Each statement, point and proposal has its friends: fixed weights for the survey.
        self.survey_weights = {
            "scale": [self.rng.uniform(0.3, 3) for _ in range(SCALE_POINTS)],
            "matrix": [
                [self.rng.uniform(0.2, 3) for _ in range(SCALE_POINTS)] for _ in STATEMENTS
            ],
            "ranking": [self.rng.uniform(0.3, 3) for _ in PRIORITIES],
            "budget": [self.rng.uniform(0.3, 3) for _ in PROPOSALS],
        }
        self.survey_paper_batches(poll)
        self.survey_ballots(poll)

    def survey_question(self, kind, text, choices=(), **fields):
        from polls.models import Choice, Question

        self.question_pk += 1
        question = Question(
            pk=self.question_pk,
            poll_id=self.survey_poll_pk,
            position=len(self.survey_questions),
            text=text,
            description=self.sentence(),
            kind=kind,
            **{"is_required": True, **fields},
        )
        self.plan.add("small", question)
        question.choice_pks, question.costs = [], []
        for position, (label, cost) in enumerate(choices):
            self.choice_pk += 1
            self.plan.add(
                "small",
                Choice(
                    pk=self.choice_pk,
                    question_id=question.pk,
                    position=position,
                    label=label,
                    description=self.sentence() if cost is not None else "",
                    cost=cost,
                ),
            )
            question.choice_pks.append(self.choice_pk)
            question.costs.append(cost)
        self.survey_questions[kind] = question

    # --- one person's answers ----------------------------------------------------------------

    def survey_answers(self):
        """One ballot's answers, as the form would take them: {kind: answer}; None for a
        question left out or answered with “no answer” (matrix: per statement)."""
        from polls.models import Question

        kind = Question.Kind
        weights = self.survey_weights
        points = range(1, SCALE_POINTS + 1)
        rng = self.rng
        answers = {}
        answers[kind.SCALE] = (
            None if rng.random() < NO_ANSWER_SHARE else rng.choices(points, weights["scale"])[0]
        )
        answers[kind.MATRIX] = [
            None if rng.random() < NO_ANSWER_SHARE else rng.choices(points, statement)[0]
            for statement in weights["matrix"]
        ]
        # Up to three places, most people use all three; a few leave it out.
        roll = rng.random()
        places = 3 if roll < 0.8 else 2 if roll < 0.88 else 1 if roll < 0.94 else 0
        answers[kind.RANKING] = self.weighted_order(
            self.survey_questions[kind.RANKING].choice_pks, weights["ranking"]
        )[:places]
        if rng.random() < 0.08:
            answers[kind.NUMBER] = None
        elif rng.random() < 0.35:
            answers[kind.NUMBER] = rng.randint(18, 85)  # born here: about their age
        else:
            answers[kind.NUMBER] = min(NUMBER_MAX, int(rng.expovariate(1 / 12)))
        answers[kind.BUDGET] = self.budget_choice(weights["budget"])
        return answers

    def weighted_order(self, items, weights):
        """`items` in a random order where heavier ones tend to come first."""
        keys = [self.rng.random() ** (1 / weight) for weight in weights]
        return [item for _key, item in sorted(zip(keys, items, strict=True), reverse=True)]

    def budget_choice(self, weights):
        """Proposals, favourites first, each taken with some chance while the budget lasts;
        at least one (every proposal costs less than the budget)."""
        from polls.models import Question

        question = self.survey_questions[Question.Kind.BUDGET]
        order = self.weighted_order(list(range(len(PROPOSALS))), weights)
        chosen, spent = [], 0
        for index in order:
            cost = question.costs[index]
            if spent + cost <= BUDGET and self.rng.random() < 0.7:
                chosen.append(index)
                spent += cost
        return [question.choice_pks[index] for index in chosen or order[:1]]

    # --- rows ----------------------------------------------------------------------------

    def survey_paper_batches(self, poll):
        """Two confirmed batches, their paper ballots drawn like the online ones."""
        from polls.models import PaperBatch, PaperCount, PaperValueCount, Question

        kind = Question.Kind
        questions = self.survey_questions
        add = self.plan.add
        for number, place in enumerate(("Bürgerbüro", "Stadtbibliothek"), start=1):
            self.batch_pk += 1
            collected = self.now - timedelta(days=number * 3)
            ballots_count = self.rng.randint(150, 900)
            add(
                "small",
                PaperBatch(
                    pk=self.batch_pk,
                    poll_id=poll.pk,
                    place=place,
                    collected_on=collected.date(),
                    ballots_count=ballots_count,
                    note="",
                    entered_by_id=self.editor.pk,
                    confirmed_by_id=self.moderator.pk,
                    confirmed_at=collected + timedelta(days=1),
                ),
            )
            values = Counter()  # (question pk, choice pk or None, value): paper ballots
            proposals = dict.fromkeys(questions[kind.BUDGET].choice_pks, 0)
            matrix = questions[kind.MATRIX]
            for _ in range(ballots_count):
                answers = self.survey_answers()
                # “No answer” is online only: on paper the question is just left empty.
                if answers[kind.SCALE] is not None:
                    values[questions[kind.SCALE].pk, None, answers[kind.SCALE]] += 1
                for statement, value in zip(matrix.choice_pks, answers[kind.MATRIX], strict=True):
                    if value is not None:
                        values[matrix.pk, statement, value] += 1
                for place_number, choice in enumerate(answers[kind.RANKING], start=1):
                    values[questions[kind.RANKING].pk, choice, place_number] += 1
                if answers[kind.NUMBER] is not None:
                    values[questions[kind.NUMBER].pk, None, answers[kind.NUMBER]] += 1
                for choice in answers[kind.BUDGET]:
                    proposals[choice] += 1
            for (question_pk, choice, value), paper_ballots in sorted(
                values.items(), key=lambda item: (item[0][0], item[0][1] or 0, item[0][2])
            ):
                add(
                    "small",
                    PaperValueCount(
                        batch_id=self.batch_pk,
                        question_id=question_pk,
                        choice_id=choice,
                        value=value,
                        count=paper_ballots,
                    ),
                )
            for choice, votes in proposals.items():
                add("small", PaperCount(batch_id=self.batch_pk, choice_id=choice, count=votes))

    def survey_ballots(self, poll):
        from polls.models import (
            Ballot,
            NoAnswer,
            Question,
            RankAnswer,
            Selection,
            ValueAnswer,
        )

        kind = Question.Kind
        questions = self.survey_questions
        scale, matrix = questions[kind.SCALE], questions[kind.MATRIX]
        ranking, number = questions[kind.RANKING], questions[kind.NUMBER]
        add = self.plan.add
        small_count = SURVEY_BALLOTS // SMALL_EVERY
        voters = self.rng.sample([user.pk for user in self.users], SURVEY_BALLOTS)
        for index, user_pk in enumerate(voters):
            self.ballot_pk += 1
            ballot = self.ballot_pk
            stage = "small" if index < small_count else "rest"
            add(stage, Ballot(pk=ballot, poll_id=poll.pk, user_id=user_pk, is_guest=False))
            answers = self.survey_answers()
            if answers[kind.SCALE] is None:
                add(stage, NoAnswer(ballot_id=ballot, question_id=scale.pk))
            else:
                add(
                    stage,
                    ValueAnswer(ballot_id=ballot, question_id=scale.pk, value=answers[kind.SCALE]),
                )
            for statement, value in zip(matrix.choice_pks, answers[kind.MATRIX], strict=True):
                if value is None:
                    add(
                        stage,
                        NoAnswer(ballot_id=ballot, question_id=matrix.pk, statement_id=statement),
                    )
                else:
                    add(
                        stage,
                        ValueAnswer(
                            ballot_id=ballot,
                            question_id=matrix.pk,
                            statement_id=statement,
                            value=value,
                        ),
                    )
            for place_number, choice in enumerate(answers[kind.RANKING], start=1):
                add(
                    stage,
                    RankAnswer(
                        ballot_id=ballot,
                        question_id=ranking.pk,
                        choice_id=choice,
                        position=place_number,
                    ),
                )
            if answers[kind.NUMBER] is not None:
                add(
                    stage,
                    ValueAnswer(
                        ballot_id=ballot, question_id=number.pk, value=answers[kind.NUMBER]
                    ),
                )
            for choice in answers[kind.BUDGET]:
                add(stage, Selection(ballot_id=ballot, choice_id=choice))
