"""The form for an entry: a category, a text, and where: a point on the map, a named place
from the list, or the name of a place typed in (matched against the list)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.photos import PhotoFields
from maps.models import COORDINATE, Place

from .models import TEXT_MAX_LENGTH

NO_PLACE = _(
    "Please say where: choose a place from the list, type its name, or place a point on the map."
)


class EntryForm(PhotoFields, forms.Form):
    category = forms.ModelChoiceField(
        label=_("What is it about?"),
        queryset=None,
        widget=forms.RadioSelect,
        empty_label=None,
        error_messages={"required": _("Please choose what your entry is about.")},
    )
    text = forms.CharField(
        label=_("Your entry"),
        max_length=TEXT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Please write a few words about the place.")},
    )
    place = forms.ModelChoiceField(
        label=_("Choose a place from the list"),
        queryset=Place.objects.by_name(),
        required=False,
        empty_label=_("– no place from the list –"),
    )
    address = forms.CharField(
        label=_("… or type the name of a street, square or district"),
        max_length=120,
        required=False,
    )
    # Set by the map (with JavaScript): the point chosen on it.
    latitude = forms.DecimalField(required=False, widget=forms.HiddenInput, **COORDINATE)
    longitude = forms.DecimalField(required=False, widget=forms.HiddenInput, **COORDINATE)

    def __init__(self, *args, consultation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].queryset = consultation.categories.all()
        # Only the named places in the consultation's area.
        south, west, north, east = consultation.bounds
        self.places = Place.objects.by_name().filter(
            latitude__range=(south, north), longitude__range=(west, east)
        )
        self.fields["place"].queryset = self.places
        self.photo_setup()

    def clean(self):
        cleaned = super().clean()
        self.photo_errors(cleaned)
        place = cleaned.get("place")
        typed = (cleaned.get("address") or "").strip()
        if place is None and typed:
            place = self.place_named(typed)
            if place is None:
                self.add_error(
                    "address",
                    _(
                        "We do not know a place called “%(typed)s”. Please choose one from "
                        "the list, or place a point on the map."
                    )
                    % {"typed": typed},
                )
                return cleaned
        latitude, longitude = cleaned.get("latitude"), cleaned.get("longitude")
        if place is not None:
            cleaned["place"] = place
            cleaned["latitude"], cleaned["longitude"] = place.latitude, place.longitude
        elif latitude is None or longitude is None:
            raise forms.ValidationError(NO_PLACE, code="no_place")
        return cleaned

    def place_named(self, typed):
        """The named place of the area that the typed words name: exactly, or as the only
        one containing them; None if none or several do."""
        exact = self.places.filter(name__iexact=typed).first()
        if exact is not None:
            return exact
        found = list(self.places.filter(name__icontains=typed)[:2])
        return found[0] if len(found) == 1 else None
