"""Demo pages for `seed_demo`, in German and (but for Leichte Sprache) in English; a page
that already exists is left as staff wrote it."""

from django.db import transaction
from django.utils import translation

from demo.content import in_both_languages, load
from pages.models import Page

PAGES = load("pages")["pages"]


@transaction.atomic
@translation.override("de")
def seed_pages():
    created = 0
    for data in PAGES:
        if Page.objects.filter(slug=data["slug"]).exists():
            continue
        page = Page(slug=data["slug"], **in_both_languages(data, "title", "body"))
        page.full_clean()
        page.save()
        created += 1
    return created
