"""Builds the load-benchmark data set: years of content in a fresh database, in minutes.

    DATABASE_URL=postgres://.../klmitwirkung_bench python bench/build_data.py small
    DATABASE_URL=postgres://.../klmitwirkung_bench python bench/build_data.py rest

The plan is drawn from a fixed seed, so both calls see the same rows; ``small`` inserts the
structure (accounts, topics, 20 projects with phases and news, 5 polls plus the rush poll
with questions, choices and paper batches) and about one row in a hundred of the bulk content,
``rest`` the other rows. bench/run measures the queries of every page between the two, which
shows whether the number of queries depends on the amount of content.

The full data set: 41,000 citizens with confirmed e-mail addresses (1,000 of them the voters of
the rush), 5,000 proposals (mostly published, some waiting, rejected or removed; statuses
and city responses with their history) with about 75,000 supports, 50,000 comments (one
proposal with exactly 200, one level of replies, moderation states as on a real site,
official answers, deleted ones), and 100,000 online ballots in five polls with their
selections and free-text answers: one closed with published results, one open with live
results, one closed after-close, one open for residents, one open survey with guests.

Rows go in through the real models with ``bulk_create`` in batches of 5,000 and explicit
primary keys (so that replies, selections and the split into two stages need no look-ups);
the sequences are reset afterwards and the tables analysed.
"""

import math
import random
import sys
from collections import defaultdict
from datetime import timedelta

from common import (
    BIG_PROJECT_SLUG,
    CLOSED_POLL_SLUG,
    FILTER_TOPIC_SLUG,
    LIVE_POLL_SLUG,
    PROPOSAL_200_PK,
    RUSH_POLL_SLUG,
    RUSH_VOTERS,
    SIGNED_IN_EMAIL,
    setup_django,
    write_json,
)

SEED = 20260507
CITIZENS = 40_000
PROPOSALS = 5_000
SUPPORTS = 75_000
COMMENTS = 50_000
PROJECT_COMMENTS = 2_500
POLL_COMMENTS = 500
BATCH = 5_000
# Rows of the bulk content in the small stage: one target in SMALL_EVERY, and of the rows of a
# target in the small stage the first tenth (ballots: the first hundredth).
SMALL_EVERY = 100

VOCABULARY = (
    "Stadt Kaiserslautern Innenstadt Radweg Bäume Spielplatz Bürgersteig Parkplatz Bus "
    "Haltestelle Grünfläche Brunnen Bank Beleuchtung Fahrrad Stellplätze Marktplatz Schule "
    "Kita Sportplatz Jugendliche Senioren Barrierefreiheit Ampel Zebrastreifen Tempo Lärm "
    "Müll Sauberkeit Sicherheit Veranstaltung Kultur Musik Fest Wochenmarkt Verkehr Anwohner "
    "Nachbarschaft Quartier Platz Straße Gasse Ufer Lauter Pfaffenberg Betzenberg Park "
    "Volkspark Gartenschau Stiftsplatz Schillerplatz Mall Rathaus Bibliothek Schwimmbad "
    "Treffpunkt Sitzgelegenheit Schatten Hitze Klima Wasser Regen Begrünung Fassade Dach "
    "Solar Energie Laden WLAN Digital Kamera Sensor Daten Karte Ausschilderung Toilette "
    "und oder aber weil damit wenn dass sehr mehr weniger besser schneller sicherer schöner "
    "endlich dringend bitte gerne vielleicht wirklich eigentlich leider natürlich schon noch "
    "ich wir man sollte könnte müsste wäre hätte finde denke wünsche schlage vor unterstütze "
    "mit ohne für gegen bei nach vor über unter neben zwischen dort hier heute morgen abends "
    "der die das den dem ein eine einen einem nicht auch nur alle viele einige jeden"
)
WORDS = VOCABULARY.split()
TOPICS = [
    ("Mobilität", FILTER_TOPIC_SLUG),
    ("Umwelt und Klima", "umwelt-und-klima"),
    ("Stadtentwicklung", "stadtentwicklung"),
    ("Bildung", "bildung"),
    ("Kultur und Freizeit", "kultur-und-freizeit"),
    ("Digitales", "digitales"),
    ("Soziales", "soziales"),
    ("Sicherheit", "sicherheit"),
]
PROJECT_NAMES = [
    ("Innenstadt West", BIG_PROJECT_SLUG),
    ("Digitale Stadtteilkarte", "digitale-stadtteilkarte"),
    ("Sensoren für saubere Luft", "sensoren-fuer-saubere-luft"),
    ("Smarte Parkplatzsuche", "smarte-parkplatzsuche"),
    ("Offene Daten", "offene-daten"),
    ("Freies WLAN in der Innenstadt", "freies-wlan"),
    ("Digitale Bürgerdienste", "digitale-buergerdienste"),
    ("Schlaue Straßenbeleuchtung", "schlaue-strassenbeleuchtung"),
    ("Neugestaltung Stiftsplatz", "neugestaltung-stiftsplatz"),
    ("Radweg an der Lauter", "radweg-an-der-lauter"),
    ("Spielplätze für alle", "spielplaetze-fuer-alle"),
    ("Volkspark neu denken", "volkspark-neu-denken"),
    ("Sanierung Stadtbibliothek", "sanierung-stadtbibliothek"),
    ("Schulwege sicherer machen", "schulwege-sicherer-machen"),
    ("Klimaanpassung im Quartier", "klimaanpassung-im-quartier"),
    ("Wochenmarkt stärken", "wochenmarkt-staerken"),
    ("Treffpunkte für Jugendliche", "treffpunkte-fuer-jugendliche"),
    ("Barrierefreie Haltestellen", "barrierefreie-haltestellen"),
    ("Stadtteilzentrum Betzenberg", "stadtteilzentrum-betzenberg"),
    ("Kulturfest am Schillerplatz", "kulturfest-am-schillerplatz"),
]
KL_POSTAL_CODES = ("67655", "67657", "67659", "67661", "67663")


class Plan:
    """The rows of the data set, per stage and model, in the order they can be inserted."""

    def __init__(self):
        self.rows = {"small": defaultdict(list), "rest": defaultdict(list)}
        self.order = []

    def add(self, stage, obj):
        model = type(obj)
        if model not in self.order:
            self.order.append(model)
        self.rows[stage][model].append(obj)


class Builder:
    def __init__(self):
        from django.utils import timezone

        self.rng = random.Random(SEED)  # noqa: S311 - repeatable test data, no secrets
        self.plan = Plan()
        self.now = timezone.now().replace(microsecond=0)
        self.today = timezone.localdate()

    # --- helpers -------------------------------------------------------------------------

    def words(self, low, high):
        return " ".join(self.rng.choices(WORDS, k=self.rng.randint(low, high)))

    def sentence(self, low=6, high=16):
        text = self.words(low, high)
        return text[0].upper() + text[1:] + "."

    def paragraph(self, sentences_low=2, sentences_high=5):
        return " ".join(
            self.sentence() for _ in range(self.rng.randint(sentences_low, sentences_high))
        )

    def html(self, paragraphs):
        return "".join(f"<p>{self.paragraph()}</p>" for _ in range(paragraphs))

    def ago(self, days_low, days_high):
        seconds = self.rng.randint(days_low * 86400, days_high * 86400)
        return self.now - timedelta(seconds=seconds)

    def moderation_state(self, published=0.92, pending=0.03, rejected=0.03):
        from moderation.models import ModerationState

        roll = self.rng.random()
        if roll < published:
            return ModerationState.PUBLISHED
        if roll < published + pending:
            return ModerationState.PENDING
        if roll < published + pending + rejected:
            return ModerationState.REJECTED
        return ModerationState.HIDDEN

    def moderated(self, obj, state, created_at):
        from moderation.models import ModerationState

        obj.moderation_state = state
        if state != ModerationState.PENDING:
            obj.moderated_at = created_at + timedelta(hours=self.rng.randint(1, 30))
            obj.moderated_by_id = self.moderator.pk
        if state in (ModerationState.PUBLISHED, ModerationState.HIDDEN):
            obj.published_at = obj.moderated_at
        if state == ModerationState.REJECTED:
            obj.moderation_reason = "Der Beitrag verstößt gegen die Regeln der Beteiligung."
        if state == ModerationState.HIDDEN:
            obj.moderation_reason = "Persönliche Daten Dritter."

    # --- the plan --------------------------------------------------------------------------

    def build(self):
        self.accounts()
        self.projects()
        self.polls()
        self.proposals()
        self.comments()
        self.ballots()
        return self.plan

    def accounts(self):
        from allauth.account.models import EmailAddress

        from accounts.models import User
        from accounts.names import name_key

        add = self.plan.add
        self.users = []
        pk = 0

        def user(username, email, **extra):
            nonlocal pk
            pk += 1
            obj = User(
                pk=pk,
                username=username,
                name_key=name_key(username),  # bulk inserts skip User.save()
                email=email,
                password="!bench-no-login",  # noqa: S106 - an unusable password hash
                date_joined=self.ago(30, 1500),
                **extra,
            )
            add("small", obj)
            add("small", EmailAddress(user_id=pk, email=email, verified=True, primary=True))
            return obj

        self.editor = user("redaktion", "redaktion@example.invalid", is_staff=True)
        self.moderator = user("moderation", "moderation@example.invalid", is_staff=True)
        self.editor2 = user("redaktion-zwei", "redaktion-zwei@example.invalid", is_staff=True)
        self.signed_in = user("bench-buergerin", SIGNED_IN_EMAIL, postal_code="67655")
        for number in range(CITIZENS):
            self.users.append(
                user(
                    f"buerger-{number:05d}",
                    f"buerger-{number:05d}@example.invalid",
                    postal_code=self.rng.choice(KL_POSTAL_CODES)
                    if self.rng.random() < 0.7
                    else "",
                )
            )
        self.rush_voters = [
            user(f"ansturm-{number:04d}", f"ansturm-{number:04d}@example.invalid")
            for number in range(RUSH_VOTERS)
        ]

    def projects(self):
        from projects.models import Follow, Phase, Project, ProjectUpdate, Topic

        add = self.plan.add
        self.topics = []
        for pk, (name, slug) in enumerate(TOPICS, start=1):
            topic = Topic(pk=pk, name=name, slug=slug)
            self.topics.append(topic)
            add("small", topic)
        self.project_list = []
        through = Project.topics.through
        statuses = [Project.Status.RUNNING] * 11 + [Project.Status.PLANNED] * 5
        statuses += [Project.Status.COMPLETED] * 4
        phase_pk = news_pk = 0
        for pk, (title, slug) in enumerate(PROJECT_NAMES, start=1):
            project = Project(
                pk=pk,
                kind=Project.Kind.SMART_CITY if pk <= 8 else Project.Kind.CITY,
                title=title,
                slug=slug,
                teaser=self.sentence(12, 24)[:270],
                body=self.html(self.rng.randint(3, 6)),
                status=statuses[pk - 1] if pk > 1 else Project.Status.RUNNING,
                contact_name="Stadtverwaltung Kaiserslautern",
                contact_role="Referat Stadtentwicklung",
                contact_email="beteiligung@example.invalid",
                # Two projects are still being prepared by the editors.
                is_published=pk not in (19, 20),
                accepts_proposals=pk <= 10,
                proposals_until=None if pk % 3 else self.today + timedelta(days=60),
            )
            self.project_list.append(project)
            add("small", project)
            for topic in self.rng.sample(self.topics, self.rng.randint(1, 3)):
                add("small", through(project_id=pk, topic_id=topic.pk))
            start = self.today - timedelta(days=self.rng.randint(200, 900))
            for number in range(self.rng.randint(3, 5)):
                phase_pk += 1
                end = start + timedelta(days=self.rng.randint(30, 200))
                add(
                    "small",
                    Phase(
                        pk=phase_pk,
                        project_id=pk,
                        title=f"Phase {number + 1}: {self.words(2, 4)}",
                        start=start,
                        end=end,
                        description=self.sentence(),
                    ),
                )
                start = end + timedelta(days=1)
            for _ in range(self.rng.randint(6, 14)):
                news_pk += 1
                add(
                    "small",
                    ProjectUpdate(
                        pk=news_pk,
                        project_id=pk,
                        published_on=self.today - timedelta(days=self.rng.randint(-10, 1000)),
                        title=self.sentence(4, 9)[:150],
                        text=self.html(self.rng.randint(1, 3)),
                    ),
                )
        for user in self.rng.sample(self.users, 2000):
            add("small", Follow(project_id=self.rng.randint(1, 18), user_id=user.pk))

    def polls(self):
        from polls.models import Choice, Poll, Question

        add = self.plan.add
        results_time = self.now - timedelta(days=330)
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
        question_pk = choice_pk = 0
        for pk, spec in enumerate(specs, start=1):
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
                question_pk += 1
                question = Question(
                    pk=question_pk,
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
                    choice_pk += 1
                    add(
                        "small",
                        Choice(
                            pk=choice_pk,
                            question_id=question_pk,
                            position=choice_position,
                            label=self.words(2, 5).capitalize(),
                            description=self.sentence() if choice_position % 2 == 0 else "",
                        ),
                    )
                    question.choice_pks.append(choice_pk)
                questions.append(question)
            self.poll_specs.append((poll, spec, questions))
        self.paper_batches()

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

    def proposals(self):
        from moderation.models import ModerationState
        from proposals.models import Proposal, StatusEntry, Support

        add = self.plan.add
        statuses = (
            [Proposal.Status.SUBMITTED] * 60
            + [Proposal.Status.UNDER_REVIEW] * 20
            + [Proposal.Status.ACCEPTED] * 8
            + [Proposal.Status.REJECTED] * 7
            + [Proposal.Status.IMPLEMENTED] * 5
        )
        self.proposal_list = []
        entry_pk = 0
        for pk in range(1, PROPOSALS + 1):
            stage = "small" if (pk - 1) % SMALL_EVERY == 0 else "rest"
            created = self.ago(1, 1100)
            state = (
                ModerationState.PUBLISHED
                if pk == PROPOSAL_200_PK
                else self.moderation_state(0.90, 0.04, 0.04)
            )
            status = (
                self.rng.choice(statuses) if state == ModerationState.PUBLISHED else "submitted"
            )
            proposal = Proposal(
                pk=pk,
                title=self.sentence(4, 10).rstrip(".")[:118],
                description="\n\n".join(self.paragraph() for _ in range(self.rng.randint(1, 3))),
                topic_id=self.rng.randint(1, len(TOPICS)),
                project_id=self.rng.randint(1, 10) if self.rng.random() < 0.7 else None,
                status=status,
                author_id=self.rng.choice(self.users).pk,
                created_at=created,
            )
            self.moderated(proposal, state, created)
            if status != Proposal.Status.SUBMITTED:
                proposal.response = self.paragraph(2, 4)
                proposal.response_at = created + timedelta(days=self.rng.randint(10, 90))
                proposal.response_by_id = self.moderator.pk
                for step in range(self.rng.randint(1, 2)):
                    entry_pk += 1
                    add(
                        stage,
                        StatusEntry(
                            pk=entry_pk,
                            proposal_id=pk,
                            status=status,
                            status_changed=step == 0,
                            response_changed=True,
                            changed_by_id=self.moderator.pk,
                            created_at=proposal.response_at + timedelta(days=step),
                        ),
                    )
            proposal.stage = stage
            add(stage, proposal)
            self.proposal_list.append(proposal)

        # Supports: a few proposals gather hundreds, most a handful.
        published = [p for p in self.proposal_list if p.moderation_state == "published"]
        weights = [self.rng.paretovariate(1.3) for _ in published]
        scale = SUPPORTS / sum(weights)
        user_pks = [user.pk for user in self.users]
        for proposal, weight in zip(published, weights, strict=True):
            count = min(len(user_pks), max(0, round(weight * scale)))
            for index, user_pk in enumerate(self.rng.sample(user_pks, count)):
                small = proposal.stage == "small" and index < math.ceil(count / 10)
                add(
                    "small" if small else "rest",
                    Support(
                        proposal_id=proposal.pk,
                        user_id=user_pk,
                        created_at=proposal.created_at + timedelta(hours=index + 1),
                    ),
                )

    def comments(self):
        from django.contrib.contenttypes.models import ContentType

        from polls.models import Poll
        from projects.models import Project
        from proposals.models import Proposal

        published = [
            p
            for p in self.proposal_list
            if p.moderation_state == "published" and p.pk != PROPOSAL_200_PK
        ]
        proposal_total = COMMENTS - PROJECT_COMMENTS - POLL_COMMENTS - 200
        weights = [self.rng.paretovariate(1.5) for _ in published]
        counts = defaultdict(int)
        for proposal in self.rng.choices(published, weights, k=proposal_total):
            counts[proposal.pk] += 1
        proposal_type = ContentType.objects.get_for_model(Proposal)
        threads = [(proposal_type, PROPOSAL_200_PK, 200, "small")]
        stage_of = {p.pk: p.stage for p in self.proposal_list}
        threads += [(proposal_type, pk, n, stage_of[pk]) for pk, n in sorted(counts.items())]
        project_type = ContentType.objects.get_for_model(Project)
        # The project on the bench gets a busy discussion: 100 comments beyond its share.
        project_counts = self.split(PROJECT_COMMENTS - 100, 18)
        project_counts[0] += 100
        for pk, count in enumerate(project_counts, start=1):
            threads.append((project_type, pk, count, "small"))
        poll_type = ContentType.objects.get_for_model(Poll)
        for pk in range(1, 6):
            threads.append((poll_type, pk, POLL_COMMENTS // 5, "small"))
        self.comment_pk = 0
        for content_type, object_id, count, stage in threads:
            # The long discussion stays fully visible, so that its page shows 200 comments.
            complete = content_type == proposal_type and object_id == PROPOSAL_200_PK
            self.thread(content_type, object_id, count, stage, self.ago(20, 1000), complete)

    def split(self, total, parts):
        weights = [self.rng.paretovariate(1.5) for _ in range(parts)]
        counts = [int(total * w / sum(weights)) for w in weights]
        counts[-1] += total - sum(counts)
        return counts

    def thread(self, content_type, object_id, count, stage, start, all_visible):
        """`count` comments on one page, in order; replies answer an earlier top comment."""
        from comments.models import Comment
        from moderation.models import ModerationState

        add = self.plan.add
        small_count = math.ceil(count / 10) if stage == "small" else 0
        tops = []
        created = start
        for index in range(count):
            self.comment_pk += 1
            created += timedelta(minutes=self.rng.randint(5, 600))
            parent = None
            if tops and self.rng.random() < 0.3:
                parent = self.rng.choice(tops[-20:])
            state = ModerationState.PUBLISHED if all_visible else self.moderation_state()
            official = not all_visible and self.rng.random() < 0.01
            deleted = not all_visible and not official and self.rng.random() < 0.02
            comment = Comment(
                pk=self.comment_pk,
                content_type_id=content_type.pk,
                object_id=object_id,
                parent_id=parent,
                answered_id=parent,
                text="" if deleted else self.paragraph(1, 4)[:2000],
                is_official=official,
                deleted_at=created + timedelta(days=1) if deleted else None,
                author_id=self.moderator.pk if official else self.rng.choice(self.users).pk,
                created_at=created,
            )
            self.moderated(comment, state, created)
            if parent is None:
                tops.append(self.comment_pk)
            add("small" if index < small_count else "rest", comment)

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


def insert(plan, stage):
    from django.db import connection, transaction

    counts = {}
    with transaction.atomic():
        for model in plan.order:
            rows = plan.rows[stage].get(model, [])
            if rows:
                model.objects.bulk_create(rows, batch_size=BATCH)
                counts[model._meta.label] = len(rows)
        # bulk_create stamps auto_now_add fields with this moment; spread the ballots over the
        # days their poll was open instead, as they came in.
        with connection.cursor() as cursor:
            cursor.execute(
                """
                UPDATE polls_ballot AS b
                SET created_at = p.opens_at
                    + (LEAST(p.closes_at, now()) - p.opens_at) * ((b.id * 7919) %% 1000) / 1000.0,
                    updated_at = p.opens_at
                    + (LEAST(p.closes_at, now()) - p.opens_at) * ((b.id * 7919) %% 1000) / 1000.0
                FROM polls_poll AS p
                WHERE b.poll_id = p.id
                """,
                [],
            )
            # The services keep Proposal.support_count; rows put in directly are counted here,
            # after each stage, so that it holds the supports inserted so far.
            cursor.execute(
                """
                UPDATE proposals_proposal AS p
                SET support_count = (
                    SELECT count(*) FROM proposals_support AS s WHERE s.proposal_id = p.id
                )
                """,
                [],
            )
    return counts


def reset_sequences():
    """Sequences past the explicit keys; tables vacuumed and analysed as autovacuum would."""
    from django.apps import apps
    from django.core.management.color import no_style
    from django.db import connection

    models = list(apps.get_models(include_auto_created=True))
    with connection.cursor() as cursor:
        for sql in connection.ops.sequence_reset_sql(no_style(), models):
            cursor.execute(sql)
        # After a bulk load autovacuum would soon set the visibility map (index-only scans)
        # and the statistics; a site with years of content has both.
        cursor.execute("VACUUM (ANALYZE)")


def table_sizes():
    """Rows per table of the data set, for the report."""
    from django.apps import apps

    labels = [
        "accounts.User",
        "account.EmailAddress",
        "projects.Project",
        "projects.Phase",
        "projects.ProjectUpdate",
        "proposals.Proposal",
        "proposals.Support",
        "proposals.StatusEntry",
        "comments.Comment",
        "polls.Poll",
        "polls.Ballot",
        "polls.Selection",
        "polls.TextAnswer",
        "polls.PaperBatch",
        "polls.PaperCount",
    ]
    return {label: apps.get_model(label).objects.count() for label in labels}


def main(stage):
    import time as clock

    setup_django()
    started = clock.monotonic()
    plan = Builder().build()
    planned = clock.monotonic() - started
    counts = insert(plan, stage)
    reset_sequences()
    took = clock.monotonic() - started
    total = sum(counts.values())
    print(f"build_data {stage}: {total:,} rows in {took:.0f} s (planning {planned:.0f} s)")
    for label, count in counts.items():
        print(f"  {label:28} {count:>8,}")
    if stage == "rest":
        write_json("rows.json", table_sizes())


if __name__ == "__main__":
    if len(sys.argv) != 2 or sys.argv[1] not in ("small", "rest"):
        sys.exit("usage: build_data.py small|rest")
    main(sys.argv[1])
