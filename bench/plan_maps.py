"""The map consultation of the benchmark's data set: named places and 5,000 entries."""

from datetime import timedelta

from common import MAP_SLUG
from plan_data import MAP_ENTRIES, SMALL_EVERY

# The bench's area: Kaiserslautern (settings.MAP_BOUNDS, the default).
SOUTH, WEST, NORTH, EAST = 49.40, 7.70, 49.48, 7.84
PLACE_NAMES = [
    "Stiftsplatz",
    "Schillerplatz",
    "Marktplatz",
    "Hauptbahnhof",
    "Rathaus",
    "Fackelstraße",
    "Pfaffenberg",
    "Betzenberg",
    "Volkspark",
    "Gartenschau",
    "Lauterstraße",
    "Stadtpark",
]
CATEGORIES = ["Hier ist es im Sommer zu heiß", "Hier fehlt Schatten", "Hier fehlt eine Bank"]


class MapRows:
    """Mixed into bench/build_data.py's Builder."""

    def map_consultation(self):
        from decimal import Decimal

        from mapconsultations.models import Category, Consultation, Entry
        from maps.models import Place

        add = self.plan.add
        places = []
        for pk, name in enumerate(PLACE_NAMES, start=1):
            place = Place(
                pk=pk,
                name=name,
                kind=Place.Kind.SQUARE,
                latitude=Decimal(f"{self.rng.uniform(SOUTH, NORTH):.6f}"),
                longitude=Decimal(f"{self.rng.uniform(WEST, EAST):.6f}"),
            )
            places.append(place)
            add("small", place)
        consultation = Consultation(
            pk=1,
            project_id=1,
            title="Hitzeorte",
            slug=MAP_SLUG,
            intro="<p>Wo ist es im Sommer zu heiß?</p>",
            opens_at=self.now - timedelta(days=120),
            closes_at=self.now + timedelta(days=60),
            is_published=True,
        )
        add("small", consultation)
        categories = []
        for pk, name in enumerate(CATEGORIES, start=1):
            category = Category(pk=pk, consultation_id=1, position=pk, name=name)
            categories.append(category)
            add("small", category)
        for pk in range(1, MAP_ENTRIES + 1):
            created_at = self.ago(0, 120)
            place = self.rng.choice(places) if self.rng.random() < 0.2 else None
            entry = Entry(
                pk=pk,
                consultation_id=1,
                category_id=self.rng.choice(categories).pk,
                author_id=self.rng.choice(self.users).pk,
                text=self.sentence(6, 30)[:1000],
                place=place,
                latitude=place.latitude
                if place
                else Decimal(f"{self.rng.uniform(SOUTH, NORTH):.6f}"),
                longitude=place.longitude
                if place
                else Decimal(f"{self.rng.uniform(WEST, EAST):.6f}"),
                created_at=created_at,
                language="de",
            )
            self.moderated(entry, self.moderation_state(), created_at)
            add("small" if (pk - 1) % SMALL_EVERY == 0 else "rest", entry)
