import factory

from maps.models import Place


class PlaceFactory(factory.django.DjangoModelFactory):
    """A place in the inner city of Kaiserslautern (the Stiftsplatz, by default)."""

    class Meta:
        model = Place

    name = factory.Sequence(lambda n: f"Platz {n}")
    kind = Place.Kind.SQUARE
    latitude = "49.443900"
    longitude = "7.770700"
