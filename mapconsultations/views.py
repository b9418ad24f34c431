"""The page of a map consultation: the map and the list of the same entries, filterable by
category, and the form for a new entry; the entries as open data (GeoJSON and CSV)."""

import csv
import json

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views import View

from core.forms import show_service_error
from core.page_cache import CONTENT
from core.ratelimit import RateLimited
from maps.markers import Marker

from .forms import EntryForm
from .models import Consultation, Entry, EntrySupport
from .permissions import can_add_entry, can_see_consultation, can_see_entry, can_support_entry
from .services import add_entry, support_entry, withdraw_entry_support

ENTRIES_PER_PAGE = 20
# The map shows the newest of the entries listed (all of them up to this number).
MARKERS_AT_MOST = 500
OPEN_DATA_LICENCE = "Datenlizenz Deutschland – Namensnennung – Version 2.0 (dl-de/by-2-0)"


def visible_consultation(request, project, slug):
    consultation = get_object_or_404(
        Consultation.objects.select_related("project"), project__slug=project, slug=slug
    )
    if not can_see_consultation(request.user, consultation):
        raise Http404("No such map consultation")
    return consultation


class ConsultationView(View):
    page_cache_shows = [CONTENT]  # entries, released or not; no votes
    template_name = "mapconsultations/consultation_detail.html"

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.consultation = visible_consultation(request, kwargs["project"], kwargs["slug"])
        self.categories = list(self.consultation.categories.all())

    def chosen_category(self):
        wanted = self.request.GET.get("kategorie", "")
        return next((c for c in self.categories if str(c.pk) == wanted), None)

    def get(self, request, project, slug):
        form = None
        if can_add_entry(request.user, self.consultation):
            form = EntryForm(consultation=self.consultation)
        return self.render(form)

    def post(self, request, project, slug):
        if not can_add_entry(request.user, self.consultation):
            if not request.user.is_authenticated:
                return redirect_to_login(self.consultation.get_absolute_url())
            raise PermissionDenied(_("This map takes no entries from you at the moment."))
        form = EntryForm(request.POST, request.FILES, consultation=self.consultation)
        if form.is_valid():
            data = form.cleaned_data
            try:
                entry = add_entry(
                    author=request.user,
                    consultation=self.consultation,
                    category=data["category"],
                    text=data["text"],
                    latitude=data["latitude"],
                    longitude=data["longitude"],
                    place=data["place"],
                    **form.photo_arguments(),
                )
            except (ValidationError, RateLimited, PermissionDenied) as error:
                show_service_error(form, error)
            else:
                if entry.is_published:
                    messages.success(request, _("Thank you! Your entry is on the map."))
                else:
                    messages.success(
                        request,
                        _(
                            "Thank you! Your entry waits for release by the moderators; "
                            "then it appears on the map and in the list."
                        ),
                    )
                return redirect(f"{self.consultation.get_absolute_url()}#eintrag-{entry.pk}")

        return self.render(form, status=400)

    def render(self, form, status=200):
        category = self.chosen_category()
        entries = Entry.objects.published().filter(consultation=self.consultation)
        if category is not None:
            entries = entries.filter(category=category)
        page = Paginator(entries.for_list(), ENTRIES_PER_PAGE).get_page(
            self.request.GET.get("page")
        )
        shown = list(entries.for_map()[:MARKERS_AT_MOST])
        own = []
        if self.request.user.is_authenticated:
            own = list(
                Entry.objects.pending()
                .filter(consultation=self.consultation, author=self.request.user)
                .for_map()
            )
        context = {
            "consultation": self.consultation,
            "project": self.consultation.project,
            "categories": self.categories,
            "category": category,
            "category_query": f"kategorie={category.pk}" if category else "",
            "page_obj": page,
            "entries": page.object_list,
            "markers": [
                # Name and point only: the texts are in the list, and 500 of them would
                # weigh down every visit.
                Marker(name=entry.heading, point=entry.point)
                for entry in shown
            ],
            "markers_limited": page.paginator.count > MARKERS_AT_MOST,
            "markers_at_most": MARKERS_AT_MOST,
            "own_pending": own,
            "form": form,
            "is_open": self.consultation.is_open(),
        }
        return render(self.request, self.template_name, context, status=status)


class EntryView(View):
    """One entry with its place on the map and its discussion."""

    page_cache_shows = [CONTENT]  # the entry and its comments; no votes
    template_name = "mapconsultations/entry_detail.html"

    def get(self, request, project, slug, pk):
        entry = visible_entry(request, project, slug, pk)
        context = {
            "consultation": entry.consultation,
            "project": entry.consultation.project,
            "entry": entry,
            "markers": [Marker(name=entry.heading, point=entry.point)],
            "may_support": can_support_entry(request.user, entry),
            "supported": request.user.is_authenticated
            and EntrySupport.objects.filter(entry=entry, user=request.user).exists(),
        }
        return render(request, self.template_name, context)


def visible_entry(request, project, slug, pk):
    consultation = visible_consultation(request, project, slug)
    entry = get_object_or_404(
        Entry.objects.filter(consultation=consultation).select_related(
            "author", "category", "place"
        ),
        pk=pk,
    )
    if not can_see_entry(request.user, entry):
        raise Http404("No such entry")
    entry.consultation = consultation
    return entry


class EntrySupportView(View):
    """POST: support an entry, or (`withdraw`) take the support back."""

    withdraw = False

    def post(self, request, project, slug, pk):
        entry = visible_entry(request, project, slug, pk)
        if not request.user.is_authenticated:
            return redirect_to_login(entry.get_absolute_url())
        if self.withdraw:
            if withdraw_entry_support(entry=entry, user=request.user):
                messages.success(request, _("You no longer support this entry."))
        else:
            if not can_support_entry(request.user, entry):
                raise PermissionDenied(_("Only released entries of an open map can be supported."))
            if support_entry(entry=entry, user=request.user):
                messages.success(request, _("Thank you! You support this entry."))
            else:
                messages.info(request, _("You already support this entry."))
        return redirect(f"{entry.get_absolute_url()}#unterstuetzen")


def published_entries(consultation):
    return Entry.objects.published().filter(consultation=consultation).for_map()


def entries_geojson(request, project, slug):
    """The released entries as GeoJSON: no names, no accounts; the licence stated."""
    consultation = visible_consultation(request, project, slug)
    features = [
        {
            "type": "Feature",
            "id": entry.pk,
            # GeoJSON: longitude first.
            "geometry": {"type": "Point", "coordinates": [entry.point[1], entry.point[0]]},
            "properties": {
                "category": entry.category.name,
                "text": entry.text,
                "place": entry.place.name if entry.place_id else None,
                "source": entry.source,
                "published": entry.published_at.date().isoformat() if entry.published_at else None,
            },
        }
        for entry in published_entries(consultation)
    ]
    data = {
        "type": "FeatureCollection",
        "name": consultation.title,
        "license": OPEN_DATA_LICENCE,
        "features": features,
    }
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=1), content_type="application/geo+json"
    )
    response["Content-Disposition"] = f'attachment; filename="{consultation.slug}.geojson"'
    return response


def entries_csv(request, project, slug):
    """The same entries as CSV (UTF-8, commas); the page states the licence."""
    consultation = visible_consultation(request, project, slug)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{consultation.slug}.csv"'
    writer = csv.writer(response)
    writer.writerow(
        [
            _("Number"),
            _("Category"),
            _("Text"),
            _("Place"),
            _("Latitude"),
            _("Longitude"),
            _("Published"),
            _("Source"),
        ]
    )
    for entry in published_entries(consultation):
        writer.writerow(
            [
                entry.pk,
                entry.category.name,
                entry.text,
                entry.place.name if entry.place_id else "",
                entry.latitude,
                entry.longitude,
                entry.published_at.date().isoformat() if entry.published_at else "",
                entry.get_source_display(),
            ]
        )
    return response
