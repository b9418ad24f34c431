# The search columns (klmitwirkung/search_schema.py); the fields are those of SEARCHED in
# klmitwirkung/search.py at the time of writing.

from django.db import migrations

from klmitwirkung.search_schema import AddSearchVector


class Migration(migrations.Migration):
    dependencies = [
        ("projects", "0004_follow"),
        ("polls", "0005_paperbatch_revision"),
        ("proposals", "0005_revision"),
        ("comments", "0004_revision"),
        ("pages", "0001_initial"),
    ]

    operations = [
        AddSearchVector("projects_project", {"A": ["title"], "B": ["teaser", "body"]}),
        AddSearchVector("projects_projectupdate", {"A": ["title"], "B": ["text"]}),
        AddSearchVector("polls_poll", {"A": ["title"], "B": ["intro"]}),
        AddSearchVector("proposals_proposal", {"A": ["title"], "B": ["description", "response"]}),
        AddSearchVector("comments_comment", {"B": ["text"]}),
        AddSearchVector("pages_page", {"A": ["title"], "B": ["body"]}),
    ]
