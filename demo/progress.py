"""What became of the demo's closed vote: the steps after Stadt.Raum.Wir. 2022."""

import datetime

from polls.models import Poll
from progress.models import Milestone

DONE, PLANNED = Milestone.Status.DONE, Milestone.Status.PLANNED

MILESTONES = {
    "stadt-raum-wir-2022": [
        (
            datetime.date(2022, 7, 20),
            DONE,
            "Ergebnis im Bauausschuss vorgestellt",
            "Result presented to the building committee",
            "<p>Die Verwaltung hat das Ergebnis vorgestellt; der Ausschuss hat die "
            "Umsetzung von „Lautern tanzt“ auf dem Platz beschlossen.</p>",
        ),
        (
            datetime.date(2022, 9, 3),
            DONE,
            "„Lautern tanzt“ auf dem Platz",
            "“Lautern tanzt” on the square",
            "<p>Rund 400 Menschen tanzten einen Abend lang auf der freien Fläche in der "
            "Innenstadt, mit Tanzschulen aus der Region.</p>",
        ),
        (
            datetime.date(2026, 6, 1),
            PLANNED,
            "Nächste Runde: Stadt.Raum.Wir. 2026",
            "Next round: Stadt.Raum.Wir. 2026",
            "",
        ),
    ],
}


def seed_milestones():
    """The milestones of the demo polls that have none yet; returns how many were made."""
    made = 0
    for slug, steps in MILESTONES.items():
        poll = Poll.objects.filter(slug=slug).first()
        if poll is None or Milestone.objects.of(poll).exists():
            continue
        for date, status, title_de, title_en, text in steps:
            milestone = Milestone(
                target=poll,
                date=date,
                status=status,
                title_de=title_de,
                title_en=title_en,
                text_de=text,
            )
            milestone.full_clean()
            milestone.save()
            made += 1
    return made
