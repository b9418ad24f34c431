"""The events of the benchmark's data set: 150 upcoming within the next year and 50 past
ones, all published, some of them the big project's (a part of bench/build_data.Builder)."""

from datetime import datetime, time, timedelta

from plan_data import EVENTS_PAST, EVENTS_UPCOMING, SMALL_LISTED, TOPICS
from plan_maps import PLACE_NAMES

KINDS = {
    "stand": "Infostand",
    "workshop": "Werkstatt",
    "information": "Informationsabend",
    "other": "Rundgang",
}
ACCESSIBILITY = [
    "Stufenloser Zugang, barrierefreie Toilette im Erdgeschoss.",
    "Ebenerdig im Freien; Sitzgelegenheiten vorhanden.",
    "Stufenloser Zugang, Induktionsschleife; Gebärdensprache auf Anfrage.",
]
WHAT_TO_DO = [
    "Fragen stellen, die Pläne ansehen und auf Papier abstimmen.",
    "Ideen auf die Karte kleben und mit der Verwaltung sprechen.",
    "Den Entwurf kennenlernen und Hinweise geben.",
]
# One in BIG_PROJECT_EVERY events is the big project's, the first one among them.
BIG_PROJECT_EVERY = 13


class EventRows:
    """Mixed into bench/build_data.py's Builder; planned after every other part."""

    def events(self):
        from zoneinfo import ZoneInfo

        from django.conf import settings

        from events.models import Event

        local = ZoneInfo(settings.TIME_ZONE)
        when = ["upcoming"] * EVENTS_UPCOMING + ["past"] * EVENTS_PAST
        self.rng.shuffle(when)
        projects = [p for p in self.project_list if p.is_published]
        for pk, listing in enumerate(when, start=1):
            # Past ones ended before today, even a stand over two days.
            days = self.rng.randint(1, 364) if listing == "upcoming" else -self.rng.randint(2, 400)
            day = self.today + timedelta(days=days)
            starts_at = datetime.combine(day, time(self.rng.randint(9, 19)), tzinfo=local)
            kind = self.rng.choice(list(KINDS))
            if pk % BIG_PROJECT_EVERY == 1:
                project = projects[0]
            elif self.rng.random() < 0.6:
                project = self.rng.choice(projects[1:])
            else:
                project = None
            place = self.rng.randint(1, len(PLACE_NAMES)) if self.rng.random() < 0.4 else None
            venue = PLACE_NAMES[place - 1] if place else self.rng.choice(PLACE_NAMES)
            title = f"{KINDS[kind]}: {project.title if project else self.rng.choice(TOPICS)[0]}"
            # Stands stay a few hours; one in ten is a weekend stand over two days.
            hours = self.rng.choice((2, 3, 4)) if self.rng.random() < 0.9 else 30
            self.plan.add(
                "small" if (pk - 1) % SMALL_LISTED == 0 else "rest",
                Event(
                    pk=pk,
                    title=title[:160],
                    slug=f"{self.slug_of(title)[:60]}-{pk}",
                    kind=kind,
                    description=self.html(self.rng.randint(1, 3)),
                    starts_at=starts_at,
                    ends_at=starts_at + timedelta(hours=hours),
                    venue=f"{venue}, am Eingang" if kind == "stand" else venue,
                    address=f"{venue}, 67655 Kaiserslautern",
                    place_id=place,
                    accessibility=self.rng.choice(ACCESSIBILITY),
                    what_to_do=self.rng.choice(WHAT_TO_DO),
                    project_id=project.pk if project else None,
                    is_published=True,
                ),
            )
