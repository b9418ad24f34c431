"""The Vorhabenliste of the benchmark's data set: 8 departments, 300 published plans of every
status and participation (and a few drafts), and the citizens' requests to be involved in
them: 5,000 released (200 of them on the plan at BIG_PLAN_SLUG), a few hundred waiting for
release, some rejected (a part of bench/build_data.Builder)."""

import math
from datetime import timedelta

from common import BIG_PLAN_REQUESTS, BIG_PLAN_SLUG, FILTER_PARTICIPATION
from plan_data import (
    DEPARTMENTS,
    PLAN_DRAFTS,
    PLAN_REQUESTS,
    PLAN_REQUESTS_PENDING,
    PLAN_REQUESTS_REJECTED,
    PLANS,
    SMALL_LISTED,
)

DEPARTMENT_NAMES = [
    ("Referat Stadtentwicklung", "stadtentwicklung"),
    ("Referat Tiefbau und Verkehr", "tiefbau-und-verkehr"),
    ("Referat Umweltschutz", "umweltschutz"),
    ("Referat Grünflächen", "gruenflaechen"),
    ("Referat Schulen", "schulen"),
    ("Referat Kultur", "kultur"),
    ("Referat Soziales", "soziales"),
    ("Referat Gebäudewirtschaft", "gebaeudewirtschaft"),
][:DEPARTMENTS]
MEASURES = [
    "Sanierung",
    "Neubau",
    "Umgestaltung",
    "Erweiterung",
    "Modernisierung",
    "Begrünung",
    "Barrierefreier Umbau",
    "Neuordnung",
    "Neue Beleuchtung",
    "Entsiegelung",
    "Machbarkeitsstudie",
    "Verkehrsberuhigung",
]
OBJECTS = [
    "Grundschule",
    "Turnhalle",
    "Kita",
    "Spielplatz",
    "Bushaltestelle",
    "Fußgängerzone",
    "Radweg",
    "Stadtteilpark",
    "Parkhaus",
    "Friedhof",
    "Jugendhaus",
    "Bürgerhaus",
    "Marktplatz",
    "Kreuzung",
    "Uferweg",
]
DISTRICTS = [
    "Innenstadt",
    "Betzenberg",
    "Pfaffenberg",
    "Erzhütten",
    "Morlautern",
    "Siegelbach",
    "Hohenecken",
    "Grübentälchen",
]
HOW = [
    "Eine Online-Umfrage und eine Werkstatt im Quartier.",
    "Ein Infostand auf dem Wochenmarkt und eine Abstimmung auf der Plattform.",
    "Ein Spaziergang vor Ort mit dem Planungsbüro, danach Vorschläge online.",
    "Zwei Abendveranstaltungen und eine Online-Beteiligung zu den Entwürfen.",
]
WHEN = ["Frühjahr 2026", "Sommer 2026", "Herbst 2026", "Winter 2026/27", "Frühjahr 2027"]
REASONS = [
    "Eine gesetzliche Pflichtaufgabe ohne Spielraum für die Gestaltung.",
    "Die Maßnahme ersetzt Bestehendes eins zu eins; es gibt nichts zu entscheiden.",
    "Der Stadtrat hat schon entschieden; die Beteiligung dazu fand 2023 statt.",
    "Eine reine Instandhaltung im Inneren des Gebäudes.",
]


class VorhabenRows:
    """Mixed into bench/build_data.py's Builder; planned after every other part."""

    def vorhaben(self):
        from plans.models import Department, Plan

        add = self.plan.add
        for pk, (name, slug) in enumerate(DEPARTMENT_NAMES, start=1):
            add("small", Department(pk=pk, name=name, slug=slug))
        titles = self.rng.sample(
            [
                f"{measure} {thing} {district}"
                for measure in MEASURES
                for thing in OBJECTS
                for district in DISTRICTS
            ],
            PLANS + PLAN_DRAFTS,
        )
        titles[0] = "Radverkehrskonzept Innenstadt"
        count = len(titles)
        statuses = [list(Plan.Status)[index % len(Plan.Status)] for index in range(count)]
        shares = {"planned": 6, "running": 3, "undecided": 5, "none": 3, "done": 3}
        participations = [
            participation
            for participation, share in shares.items()
            for _ in range(math.ceil(count * share / sum(shares.values())))
        ][:count]
        self.rng.shuffle(statuses)
        self.rng.shuffle(participations)
        published_projects = [p.pk for p in self.project_list if p.is_published]
        self.plan_list = []
        for pk, title in enumerate(titles, start=1):
            big = pk == 1
            participation = FILTER_PARTICIPATION if big else participations[pk - 1]
            years = self.rng.randint(2025, 2030)
            plan = Plan(
                pk=pk,
                title=title,
                slug=BIG_PLAN_SLUG if big else f"{self.slug_of(title)[:72]}-{pk}",
                summary=self.sentence(10, 24)[:300],
                description=self.html(self.rng.randint(1, 4)),
                department_id=self.rng.randint(1, len(DEPARTMENT_NAMES)),
                timeframe=f"{years} bis {years + self.rng.randint(1, 4)}",
                status=Plan.Status.PLANNING if big else statuses[pk - 1],
                participation=participation,
                is_published=pk <= PLANS,
            )
            if participation in ("planned", "running", "done"):
                plan.participation_how = self.rng.choice(HOW)
                plan.participation_when = self.rng.choice(WHEN)
            if participation == "none":
                # A database constraint: no participation only with a reason.
                plan.participation_reason = self.rng.choice(REASONS)
            if participation in ("running", "done"):
                plan.project_id = self.rng.choice(published_projects)
            plan.stage = "small" if (pk - 1) % SMALL_LISTED == 0 else "rest"
            add(plan.stage, plan)
            self.plan_list.append(plan)
        self.participation_requests()

    def participation_requests(self):
        """Released requests mostly on plans that take them, a few on plans whose
        participation has begun since; waiting ones on plans that take them, the newest."""
        published = [plan for plan in self.plan_list if plan.is_published]
        big, others = published[0], published[1:]
        released = {plan.pk: 0 for plan in published}
        released[big.pk] = BIG_PLAN_REQUESTS
        weights = [
            self.rng.paretovariate(1.4) * (1 if plan.takes_requests else 0.1) for plan in others
        ]
        # None of the others gathers as many as the big plan.
        cap = BIG_PLAN_REQUESTS * 3 // 4
        left = PLAN_REQUESTS - BIG_PLAN_REQUESTS
        while left:
            plan = self.rng.choices(others, weights)[0]
            if released[plan.pk] < cap:
                released[plan.pk] += 1
                left -= 1
        open_plans = [plan for plan in published if plan.takes_requests]
        waiting = {plan.pk: [] for plan in published}
        for state, total in (
            ("pending", PLAN_REQUESTS_PENDING),
            ("rejected", PLAN_REQUESTS_REJECTED),
        ):
            for plan in self.rng.choices(open_plans, k=total):
                waiting[plan.pk].append(state)
        self.request_pk = 0
        for plan in published:
            states = ["published"] * released[plan.pk]
            rejected = waiting[plan.pk].count("rejected")
            # Rejected ones among the released, the waiting ones last, as they came in.
            for _ in range(rejected):
                states.insert(self.rng.randint(0, len(states)), "rejected")
            states += ["pending"] * (len(waiting[plan.pk]) - rejected)
            self.requests_of(plan, states)

    def requests_of(self, plan, states):
        from plans.models import ParticipationRequest

        if not states:
            return
        # One request per person and plan; the signed-in citizen of the bench has made none.
        authors = self.rng.sample(self.users, len(states))
        small_count = math.ceil(len(states) / 10) if plan.stage == "small" else 0
        created = self.ago(len(states) // 4 + 30, 700)
        for index, (state, author) in enumerate(zip(states, authors, strict=True)):
            self.request_pk += 1
            created += timedelta(minutes=self.rng.randint(10, 360))
            # Those waiting for release came in during the last days.
            submitted = self.ago(0, 10) if state == "pending" else created
            request = ParticipationRequest(
                pk=self.request_pk,
                plan_id=plan.pk,
                author_id=author.pk,
                reason=self.paragraph(1, 3)[:2000],
                created_at=submitted,
                language="de",
            )
            self.moderated(request, state, submitted)
            if state == "published" and self.rng.random() < 0.4:
                request.response = self.paragraph(1, 3)
                request.response_by_id = self.editor.pk
                request.response_at = created + timedelta(days=self.rng.randint(2, 40))
            self.plan.add("small" if index < small_count else "rest", request)
