"""The demo's named places: where the Ausprobierbox could stand (approximate points)."""

from demo.content import load
from maps.models import Place

PLACES = load("places")["places"]


def seed_places():
    created = 0
    for data in PLACES:
        if Place.objects.filter(name=data["name"]).exists():
            continue
        place = Place(**data)
        place.full_clean()
        place.save()
        created += 1
    return created
