"""Builds the load-benchmark data set: years of content in a fresh database, in minutes.

    DATABASE_URL=postgres://.../klmitwirkung_bench python bench/build_data.py small
    DATABASE_URL=postgres://.../klmitwirkung_bench python bench/build_data.py rest

The plan is drawn from a fixed seed, so both calls see the same rows; ``small`` inserts the
structure (accounts, topics, 20 projects with phases and news, 5 polls plus the polls of
the two rushes and the survey, with questions, choices and paper batches, the departments of
the Vorhabenliste) and about one row in a hundred of the bulk content (of plans and events,
rows of list pages, one in ten, so that those lists are not nearly empty), ``rest`` the
other rows. bench/run measures the queries of
every page between the two, which shows whether the number of queries depends on the amount
of content.

The full data set: 42,020 citizens with confirmed e-mail addresses (1,000 of them the voters
of the voting rush, 1,000 those of the mixed rush, who sign in by code, and 20 who sign in
with a password), 5,000 proposals (mostly published, some waiting, rejected or removed;
statuses and city responses with their history) with about 75,000 supports, 50,000
comments (one proposal with exactly 200, one level of replies, moderation states as on a
real site, official answers, deleted ones), and 100,000 online ballots in five polls with
their selections and free-text answers: one closed with published results, one open with
live results, one closed after-close, one open for residents, one open survey with guests;
and the two open polls of the rushes, without ballots. The people and the poll of the mixed
rush are drawn after all of that, so that every row before them stays as in earlier runs;
after them a survey with one question of every further kind (a rating scale, a matrix, a
ranking, a number and a participatory budget; bench/plan_survey.py) with 20,000 online
ballots and two confirmed paper batches. Drawn after all of that (issue 20): the
Vorhabenliste with 8 departments, 300 published plans of every status and participation
(and 10 drafts) and 5,000 released requests to be involved in them (200 on one plan), 300
waiting for release and 40 rejected (bench/plan_vorhaben.py); 200 events, 150 of them in
the coming year, some of the big project (bench/plan_events.py); and what became of the big
project and the closed poll: 20 milestones of the project itself, 40 of its polls and
proposals and 5 of the closed poll (bench/plan_progress.py).

Rows go in through the real models with ``bulk_create`` in batches of 5,000 and explicit
primary keys (so that replies, selections and the split into two stages need no look-ups);
the sequences are reset afterwards and the tables analysed.
"""

import random
import sys
from collections import defaultdict
from datetime import timedelta

from common import (
    BENCH_PASSWORD,
    MIXED_CITIZENS,
    PASSWORD_CITIZENS,
    RUSH_VOTERS,
    SIGNED_IN_EMAIL,
    setup_django,
    write_json,
)
from plan_data import (
    BATCH,
    CITIZENS,
    KL_POSTAL_CODES,
    PROJECT_NAMES,
    SEED,
    TOPICS,
    WORDS,
)
from plan_discussions import DiscussionRows
from plan_documents import DocumentRows
from plan_events import EventRows
from plan_maps import MapRows
from plan_polls import PollRows
from plan_progress import ProgressRows
from plan_survey import SurveyRows
from plan_vorhaben import VorhabenRows


def bench_renditions(pk):
    """What core.renditions.make stores for a 1440 × 720 picture, with made-up names."""
    return {
        "width": 1440,
        "height": 720,
        **{
            key: [
                [f"renditions/bench/{pk}-{width}.{suffix}", width, width // 2]
                for width in (480, 960, 1440)
            ]
            for key, suffix in (("avif", "avif"), ("webp", "webp"), ("jpeg", "jpg"))
        },
    }


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


class Builder(
    PollRows,
    SurveyRows,
    DiscussionRows,
    MapRows,
    VorhabenRows,
    EventRows,
    ProgressRows,
    DocumentRows,
):
    """Plans every row; the polls, the survey, the discussions, the map, the Vorhabenliste,
    the events and the milestones come from bench/plan_*.py."""

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

    @staticmethod
    def slug_of(title):
        from django.utils.text import slugify

        return slugify(
            title.replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss")
        )

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
        self.map_consultation()
        self.ballots()
        self.mixed_rush()
        # After everything else, so that every row drawn before it stays as in earlier runs.
        self.survey()
        # Issue 20, after the survey for the same reason: the Vorhabenliste, the events and
        # the milestones of what became of the big project and the closed poll.
        self.vorhaben()
        self.events()
        self.milestones()
        # Issue 23, last for the same reason: the document to comment on.
        self.documents()
        return self.plan

    def account(self, username, email, **extra):
        """A citizen with a confirmed e-mail address, planned in the first stage."""
        from allauth.account.models import EmailAddress

        from accounts.models import User
        from accounts.names import name_key

        self.user_pk += 1
        pk = self.user_pk
        extra.setdefault("password", "!bench-no-login")  # an unusable password hash
        obj = User(
            pk=pk,
            username=username,
            name_key=name_key(username),  # bulk inserts skip User.save()
            email=email,
            date_joined=self.ago(30, 1500),
            **extra,
        )
        self.plan.add("small", obj)
        self.plan.add("small", EmailAddress(user_id=pk, email=email, verified=True, primary=True))
        return obj

    def accounts(self):
        user = self.account
        self.user_pk = 0
        self.users = []
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

    def mixed_rush(self):
        """The people of the mixed rush (bench/mixed_rush.py) and its poll, planned last, so
        that every row drawn before them is the same as in earlier runs."""
        from django.contrib.auth.hashers import make_password

        self.mixed_citizens = [
            self.account(f"gemischt-{number:04d}", f"gemischt-{number:04d}@example.invalid")
            for number in range(MIXED_CITIZENS)
        ]
        # One real hash for all of them: hashing costs a third of a second each.
        password = make_password(BENCH_PASSWORD)
        self.password_citizens = [
            self.account(
                f"passwort-{number:02d}",
                f"passwort-{number:02d}@example.invalid",
                password=password,
            )
            for number in range(PASSWORD_CITIZENS)
        ]
        self.mixed_rush_poll()

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
                # Every project has a picture, as on the live platform: the pages show its
                # renditions (the files need not exist for the server's part of the work).
                image=f"projects/bench-{pk}.png",
                image_alt=f"Ein Bild zum Projekt {title}",
                image_credit="Foto: Stadt Kaiserslautern",
                image_licence="CC BY 4.0",
                image_renditions=bench_renditions(pk),
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
        "polls.ValueAnswer",
        "polls.RankAnswer",
        "polls.NoAnswer",
        "polls.PaperBatch",
        "polls.PaperCount",
        "polls.PaperValueCount",
        "plans.Department",
        "plans.Plan",
        "plans.ParticipationRequest",
        "events.Event",
        "progress.Milestone",
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
