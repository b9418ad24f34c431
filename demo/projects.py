"""Demo topics, projects, phases and news for `seed_demo`, in German and English; existing
projects are left alone.

Seeding runs in German: modeltranslation reads and writes a model's plain field (`title`)
in the active language, and the demo finds what exists by its German name."""

import datetime

from django.db import transaction
from django.utils import timezone, translation
from django.utils.text import slugify

from demo.content import in_both_languages, load
from demo.illustrations import illustrate
from projects.models import Phase, Project, ProjectUpdate, Topic

TOPICS = load("projects")["topics"]
TOPICS_EN = load("projects").get("topics_en", {})  # German name -> English name
PROJECTS = load("projects")["projects"]


@transaction.atomic
@translation.override("de")
def seed_projects(today=None):
    today = today or timezone.localdate()

    def day(offset):
        return today + datetime.timedelta(days=offset)

    topics = {}
    for name in TOPICS:
        topics[name], _ = Topic.objects.get_or_create(
            name_de=name, defaults={"slug": slugify(name), "name_en": TOPICS_EN.get(name)}
        )

    created = 0
    for data in PROJECTS:
        if Project.objects.filter(slug=data["slug"]).exists():
            continue
        project = Project(
            slug=data["slug"],
            kind=data["kind"],
            status=data["status"],
            **in_both_languages(data, "title", "teaser", "body"),
            contact_name=data["contact_name"],
            contact_role=data["contact_role"],
            contact_email=data["contact_email"],
            accepts_proposals=data["accepts_proposals"],
            proposals_until=(
                day(data["proposals_until_days"])
                if data["accepts_proposals"] and data.get("proposals_until_days") is not None
                else None
            ),
            is_published=True,
        )
        illustrate(project, data["slug"], about=data["title"])
        project.full_clean()
        project.save()
        project.topics.set([topics[name] for name in data["topics"]])
        for phase in data["phases"]:
            Phase.objects.create(
                project=project,
                start=day(phase["start_days"]),
                end=day(phase["end_days"]),
                **in_both_languages(phase, "title", "description"),
            )
        for news in data["news"]:
            update = ProjectUpdate(
                project=project,
                published_on=day(news["days"]),
                **in_both_languages(news, "title", "text"),
            )
            update.full_clean()
            update.save()
        created += 1
    return created
