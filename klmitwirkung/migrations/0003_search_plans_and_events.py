# The Vorhabenliste and the events are found by the search too (klmitwirkung.search).

from django.db import migrations

from klmitwirkung.search_schema import AddSearchVector


class Migration(migrations.Migration):
    dependencies = [
        ("klmitwirkung", "0002_search_vectors_in_both_languages"),
        ("plans", "0002_staff_permissions"),
        ("events", "0002_editor_permissions"),
    ]

    operations = [
        AddSearchVector(
            "plans_plan",
            {
                "A": ["title_de", "title_en"],
                "B": [
                    "summary_de",
                    "summary_en",
                    "description_de",
                    "description_en",
                    "participation_how_de",
                    "participation_how_en",
                ],
            },
        ),
        AddSearchVector(
            "events_event",
            {
                "A": ["title_de", "title_en"],
                "B": [
                    "description_de",
                    "description_en",
                    "venue_de",
                    "venue_en",
                    "what_to_do_de",
                    "what_to_do_en",
                ],
            },
        ),
    ]
