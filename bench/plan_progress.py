"""„Was daraus wurde“ in the benchmark's data set: milestones of the big project itself (20),
of its polls and proposals (40 more) and of the closed poll (5) (a part of
bench/build_data.Builder).

Bulk inserts skip Milestone.save(), which fills `project` from the target: it is set here,
the project itself or its poll's or proposal's project.
"""

import math
from datetime import datetime, time, timedelta

from common import CLOSED_POLL_SLUG, PROPOSAL_200_PK, RUSH_POLL_SLUG

STEPS = [
    "Auftakt im Quartier",
    "Bestandsaufnahme abgeschlossen",
    "Ergebnisse der Beteiligung ausgewertet",
    "Prüfung durch die Verwaltung",
    "Vorlage an den Bauausschuss",
    "Beschluss des Stadtrats",
    "Entwurfsplanung",
    "Förderantrag gestellt",
    "Förderbescheid erhalten",
    "Ausschreibung",
    "Vergabe der Bauarbeiten",
    "Baubeginn",
    "Erster Bauabschnitt fertig",
    "Zweiter Bauabschnitt",
    "Bepflanzung",
    "Zwischenbericht im Ortsbeirat",
    "Dritter Bauabschnitt",
    "Abnahme",
    "Einweihung",
    "Rückblick mit den Anwohnern",
]
CLOSED_POLL_STEPS = [
    ("Ergebnis an den Stadtrat übergeben", -320),
    ("Stadtrat beschließt den Siegerentwurf", -260),
    ("Planung des Umbaus abgeschlossen", -90),
    ("Umbau des Stiftsplatzes", -20),
    ("Einweihung des neuen Stiftsplatzes", 200),
]
PROJECT_MILESTONES = 20
# The big project's polls (bench/plan_polls.py) other than the live one, whose results are
# a row of their own and stay as they were: the guest poll and the rush poll.
POLL_MILESTONES = {"ausprobierbox-2026": 6, RUSH_POLL_SLUG: 4}
PROPOSALS_WITH_MILESTONES = 15  # two each


class ProgressRows:
    """Mixed into bench/build_data.py's Builder; planned after every other part."""

    def milestones(self):
        from django.contrib.contenttypes.models import ContentType

        from polls.models import Poll
        from projects.models import Project
        from proposals.models import Proposal

        self.milestone_pk = 0
        project = self.project_list[0]
        kind = ContentType.objects.get_for_model
        # The project's own steps over three years, the last ones still to come.
        self.timeline(
            kind(Project), project.pk, project.pk, self.spread(PROJECT_MILESTONES, -900, 400)
        )
        polls = {poll.slug: poll for poll, _spec, _questions in self.poll_specs}
        for slug, count in POLL_MILESTONES.items():
            poll = polls[slug]
            self.timeline(kind(Poll), poll.pk, poll.project_id, self.spread(count, -100, 400))
        # Proposals released and taken up: the first few of the small stage, so that both
        # stages show milestones of every kind on the project's page.
        taken_up = [
            proposal
            for proposal in self.proposal_list
            if proposal.project_id == project.pk
            and proposal.moderation_state == "published"
            and proposal.status != "submitted"
            and proposal.pk != PROPOSAL_200_PK
        ]
        chosen = [p for p in taken_up if p.stage == "small"][:3]
        chosen += self.rng.sample(
            [p for p in taken_up if p.stage == "rest"], PROPOSALS_WITH_MILESTONES - len(chosen)
        )
        for proposal in chosen:
            self.timeline(
                kind(Proposal),
                proposal.pk,
                project.pk,
                self.spread(2, -300, 200),
                stage=proposal.stage,
            )
        closed = polls[CLOSED_POLL_SLUG]
        self.timeline(
            kind(Poll),
            closed.pk,
            closed.project_id,
            [(step, self.today + timedelta(days=days)) for step, days in CLOSED_POLL_STEPS],
        )

    def spread(self, count, first_day, last_day):
        """`count` steps from STEPS on dates between the two days from today, in order."""
        days = sorted(self.rng.sample(range(first_day, last_day), count))
        steps = [STEPS[index * len(STEPS) // count] for index in range(count)]
        return [
            (step, self.today + timedelta(days=day)) for step, day in zip(steps, days, strict=True)
        ]

    def timeline(self, content_type, object_id, project_id, steps, stage="small"):
        """Milestones of one target in date order: done until a month ago, then in progress,
        then planned; one planned step not published yet. The first tenth of a target of the
        small stage goes in with it."""
        from zoneinfo import ZoneInfo

        from django.conf import settings

        from progress.models import Milestone

        local = ZoneInfo(settings.TIME_ZONE)
        small_count = math.ceil(len(steps) / 10) if stage == "small" else 0
        for index, (title, date) in enumerate(steps):
            self.milestone_pk += 1
            ago = (self.today - date).days
            if ago > 30:
                status = Milestone.Status.DONE
            elif ago > -60:
                status = Milestone.Status.IN_PROGRESS
            else:
                status = Milestone.Status.PLANNED
            done = status == Milestone.Status.DONE
            self.plan.add(
                "small" if index < small_count else "rest",
                Milestone(
                    pk=self.milestone_pk,
                    content_type_id=content_type.pk,
                    object_id=object_id,
                    project_id=project_id,
                    title=title,
                    date=date,
                    status=status,
                    text=self.html(1) if self.rng.random() < 0.7 else "",
                    is_published=not (index == len(steps) - 1 and len(steps) > 5),
                    reached_at=datetime.combine(date, time(10), tzinfo=local) if done else None,
                ),
            )
