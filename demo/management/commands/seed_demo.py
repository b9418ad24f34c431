"""Load demo content: accounts for each role, pages, projects, polls, proposals and comments,
events and the Vorhabenliste.

Safe to run again: whatever exists already is left alone. `make run` prints what this
prints last, just before the server starts: a few lines, the demo logins at the end.
"""

from io import StringIO

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.test.utils import override_settings
from django.urls import reverse
from django.utils import translation

from demo.accounts import DEMO_TOTP_SECRET, seed_users
from demo.documents import seed_documents
from demo.events import seed_events
from demo.mapconsultations import seed_map_consultations
from demo.moderation import seed_reason_templates
from demo.pages import seed_pages
from demo.places import seed_places
from demo.plans import seed_plans
from demo.polls import seed_polls
from demo.progress import seed_milestones
from demo.projects import seed_projects
from demo.proposals import seed_proposals

# Tasks are recorded in memory and never run (Django's dummy backend).
NOT_RUN = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}


class Command(BaseCommand):
    help = "Creates demo accounts and content. Running it again changes nothing."

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="store_true",
            help="Run even with DEBUG off (never on the live platform).",
        )
        parser.add_argument(
            "--without-renditions",
            action="store_true",
            help="Leave the illustrations' renditions to the worker or make_renditions "
            "(the tests seed in seconds this way).",
        )

    def handle(self, *args, force=False, without_renditions=False, **options):
        if not settings.DEBUG and not force:
            raise CommandError(
                "seed_demo creates accounts with known passwords and refuses to run with "
                "DEBUG off. Use --force only on a test system."
            )
        # The demo's past goes through the services, which queue mails about each decision
        # and status change; nobody is to get those, so their tasks are kept, not run.
        # In German, the language the demo's texts are found by (modeltranslation reads a
        # model's plain fields in the active language).
        with override_settings(TASKS=NOT_RUN), translation.override(settings.LANGUAGE_CODE):
            logins = seed_users()
            pages = seed_pages()
            projects = seed_projects()
            places = seed_places()
            polls = seed_polls()
            seed_milestones()
            maps = seed_map_consultations()
            reason_templates = seed_reason_templates()
            proposals, comments = seed_proposals()
            events = seed_events()
            plans, requests = seed_plans()
            documents, document_comments = seed_documents()
            comments += document_comments
            if not without_renditions:
                # The illustrations' renditions, as the worker would make them.
                call_command("make_renditions", stdout=StringIO())
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo content ready ({pages} new pages, {projects} new projects, "
                f"{places} new places, {maps} new map consultations, {polls} new polls, "
                f"{proposals} new proposals, {comments} new comments, "
                f"{reason_templates} new reason templates, {events} new events, "
                f"{plans} new planned projects, {requests} new requests for participation, "
                f"{documents} new documents to comment on)."
            )
        )
        login_url = settings.SITE_URL + reverse("account_login")
        self.stdout.write(f"Demo logins (sign in at {login_url}):")
        for email, password, role in logins:
            self.stdout.write(f"  {role:<12} {email:<28} {password}")
        self.stdout.write(
            "Staff also enter a code from an authenticator app with the secret "
            f"{DEMO_TOTP_SECRET} (or: oathtool --totp -b {DEMO_TOTP_SECRET})."
        )
