"""The demo's map consultation: heat spots downtown for the digital heat atlas, with released
entries by demo citizens and one entry of the demo citizen that waits for release."""

import datetime

from django.utils import timezone

from accounts.models import User
from demo.accounts import DEMO_USERS
from demo.content import in_both_languages, load
from demo.polls import seed_voters
from mapconsultations.models import Category, Consultation, Entry
from maps.models import Place
from moderation.models import ModerationState
from projects.models import Project

CONSULTATIONS = load("mapconsultations")["consultations"]


def seed_map_consultations(today=None):
    now = timezone.now()
    voters = seed_voters()
    citizen = User.objects.get(email__iexact=DEMO_USERS[2][0])
    created = 0
    for data in CONSULTATIONS:
        if Consultation.objects.filter(slug=data["slug"]).exists():
            continue
        consultation = Consultation(
            project=Project.objects.get(slug=data["project"]),
            slug=data["slug"],
            **in_both_languages(data, "title", "intro"),
            opens_at=now + datetime.timedelta(days=data["opens"]),
            closes_at=now + datetime.timedelta(days=data["closes"]),
            is_published=True,
        )
        consultation.full_clean()
        consultation.save()
        categories = [
            Category.objects.create(
                consultation=consultation, position=position, name_de=german, name_en=english
            )
            for position, (german, english) in enumerate(data["categories"], start=1)
        ]
        for number, spec in enumerate(data["entries"]):
            written = now - datetime.timedelta(days=12 - number, hours=number)
            _entry(consultation, categories, spec, voters[number % len(voters)], written, True)
        _entry(consultation, categories, data["waiting"], citizen, now, False)
        created += 1
    return created


def _entry(consultation, categories, spec, author, written, released):
    category, place_name, latitude, longitude, text = spec
    place = Place.objects.get(name=place_name) if place_name else None
    entry = Entry(
        consultation=consultation,
        category=categories[category],
        author=author,
        text=text,
        place=place,
        latitude=place.latitude if place else latitude,
        longitude=place.longitude if place else longitude,
        created_at=written,
        language="de",
        moderation_state=ModerationState.PUBLISHED if released else ModerationState.PENDING,
        published_at=written + datetime.timedelta(hours=3) if released else None,
    )
    entry.full_clean()
    entry.save()
    return entry
