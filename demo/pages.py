"""Demo pages for `seed_demo`; a page that already exists is left as staff wrote it."""

from django.db import transaction

from demo.content import load
from pages.models import Page

PAGES = load("pages")["pages"]


@transaction.atomic
def seed_pages():
    created = 0
    for data in PAGES:
        if Page.objects.filter(slug=data["slug"]).exists():
            continue
        page = Page(slug=data["slug"], title=data["title"], body=data["body"])
        page.full_clean()
        page.save()
        created += 1
    return created
