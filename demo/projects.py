"""Demo topics, projects, phases and news for `seed_demo`; existing projects are left alone."""

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from demo.content import load
from projects.models import Phase, Project, ProjectUpdate, Topic

TOPICS = load("projects")["topics"]
PROJECTS = load("projects")["projects"]


@transaction.atomic
def seed_projects(today=None):
    today = today or timezone.localdate()

    def day(offset):
        return today + datetime.timedelta(days=offset)

    topics = {}
    for name in TOPICS:
        topics[name], _ = Topic.objects.get_or_create(name=name, defaults={"slug": slugify(name)})

    created = 0
    for data in PROJECTS:
        if Project.objects.filter(slug=data["slug"]).exists():
            continue
        project = Project(
            slug=data["slug"],
            title=data["title"],
            kind=data["kind"],
            status=data["status"],
            teaser=data["teaser"],
            body=data["body"],
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
        project.full_clean()
        project.save()
        project.topics.set([topics[name] for name in data["topics"]])
        for phase in data["phases"]:
            Phase.objects.create(
                project=project,
                title=phase["title"],
                start=day(phase["start_days"]),
                end=day(phase["end_days"]),
                description=phase["description"],
            )
        for news in data["news"]:
            update = ProjectUpdate(
                project=project,
                published_on=day(news["days"]),
                title=news["title"],
                text=news["text"],
            )
            update.full_clean()
            update.save()
        created += 1
    return created
