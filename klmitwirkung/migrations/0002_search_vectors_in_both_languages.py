# The search columns of the texts editors write in German and English (django-modeltranslation
# keeps each language in a column of its own): both languages' columns are searched.

from django.db import migrations

from klmitwirkung.search_schema import AddSearchVector


class Migration(migrations.Migration):
    dependencies = [
        ("klmitwirkung", "0001_search_vectors"),
        ("projects", "0005_content_in_english"),
        ("polls", "0006_content_in_english"),
        ("pages", "0002_content_in_english"),
    ]

    operations = [
        AddSearchVector(
            "projects_project",
            {
                "A": ["title_de", "title_en"],
                "B": ["teaser_de", "teaser_en", "body_de", "body_en"],
            },
            previous={"A": ["title"], "B": ["teaser", "body"]},
        ),
        AddSearchVector(
            "projects_projectupdate",
            {"A": ["title_de", "title_en"], "B": ["text_de", "text_en"]},
            previous={"A": ["title"], "B": ["text"]},
        ),
        AddSearchVector(
            "polls_poll",
            {"A": ["title_de", "title_en"], "B": ["intro_de", "intro_en"]},
            previous={"A": ["title"], "B": ["intro"]},
        ),
        AddSearchVector(
            "pages_page",
            {"A": ["title_de", "title_en"], "B": ["body_de", "body_en"]},
            previous={"A": ["title"], "B": ["body"]},
        ),
    ]
