"""Prove a restored backup: the same rows as the source, every file, and pages that serve.

Run against the restored copy (DATABASE_URL and DJANGO_MEDIA_ROOT point at it), naming the
source database it was made from; bin/restore-drill does all of it.
"""

import hashlib
from pathlib import Path

import dj_database_url
from django.apps import apps
from django.conf import settings
from django.core.files.storage import default_storage
from django.core.management.base import BaseCommand, CommandError
from django.db import connections, models
from django.test import Client
from django.test.utils import override_settings
from django.utils.html import escape

from accounts.models import User
from polls.models import Poll
from polls.permissions import results_are_public
from projects.models import Project

SOURCE = "restore_source"


def fingerprint(model, alias):
    """(rows, sha256 over every field of every row in the order of the primary key)."""
    names = [field.attname for field in model._meta.concrete_fields]
    digest = hashlib.sha256()
    rows = 0
    for row in model._base_manager.using(alias).order_by("pk").values_list(*names).iterator(2000):
        digest.update(repr(row).encode())
        rows += 1
    return rows, digest.hexdigest()


def file_fields(model):
    return [field for field in model._meta.concrete_fields if isinstance(field, models.FileField)]


class Command(BaseCommand):
    help = (
        "Compare the restored database (DATABASE_URL) and media folder (DJANGO_MEDIA_ROOT) "
        "with the source they were backed up from, and serve pages from the copy. Exits "
        "non-zero on any difference."
    )

    def add_arguments(self, parser):
        parser.add_argument("--source-database", required=True, help="URL of the source")
        parser.add_argument("--source-media", help="the source's media folder, to compare sizes")

    def handle(self, *, source_database, source_media, **options):
        connections.settings[SOURCE] = {
            **connections.settings["default"],
            **dj_database_url.parse(source_database),
        }
        problems = self.compare_tables() + self.compare_files(source_media) + self.serve()
        connections[SOURCE].close()
        if problems:
            for problem in problems:
                self.stderr.write(f"DIFFERENT: {problem}")
            raise CommandError(f"The restored copy differs from its source: {len(problems)}")
        self.stdout.write(self.style.SUCCESS("The restored copy matches its source."))

    def compare_tables(self):
        problems = []
        self.stdout.write(f"{'table':<40} {'rows':>8}  same")
        for model in sorted(
            apps.get_models(include_auto_created=True), key=lambda m: m._meta.db_table
        ):
            if not model._meta.managed or model._meta.proxy:
                continue
            restored = fingerprint(model, "default")
            source = fingerprint(model, SOURCE)
            same = restored == source
            self.stdout.write(
                f"{model._meta.db_table:<40} {restored[0]:>8}  {'yes' if same else 'NO'}"
            )
            if not same:
                problems.append(
                    f"{model._meta.db_table}: {restored[0]} rows restored, {source[0]} in the "
                    "source, or their contents differ"
                )
        return problems

    def compare_files(self, source_media):
        problems, files = [], 0
        for model in apps.get_models():
            for field in file_fields(model):
                names = (
                    model._base_manager.exclude(**{field.attname: ""})
                    .values_list(field.attname, flat=True)
                    .iterator()
                )
                for name in names:
                    files += 1
                    if not default_storage.exists(name):
                        problems.append(f"file {name} is missing from {settings.MEDIA_ROOT}")
                    elif source_media and (
                        default_storage.size(name) != (Path(source_media) / name).stat().st_size
                    ):
                        problems.append(f"file {name} differs in size from the source's")
        self.stdout.write(
            f"files named by the database: {files}, missing or different: {len(problems)}"
        )
        return problems

    def serve(self):
        """Pages of the copy answer and show what they should, signed in too."""
        problems, pages = [], 0
        client = Client()
        with override_settings(
            ALLOWED_HOSTS=["testserver"], SECURE_SSL_REDIRECT=False, PAGE_CACHE_SECONDS=0
        ):

            def expect(path, text):
                nonlocal pages
                pages += 1
                response = client.get(path)
                if response.status_code != 200 or escape(text) not in response.text:
                    problems.append(f"{path} answered {response.status_code} without {text!r}")

            expect("/", "KLmitWirkung")
            expect("/projekte/", "Projekte")
            for project in Project.objects.published():
                expect(project.get_absolute_url(), project.title)
            for poll in Poll.objects.published():
                expect(poll.get_absolute_url(), poll.title)
                if results_are_public(poll):
                    expect(poll.get_results_url(), poll.title)
            person = User.objects.filter(is_active=True, is_staff=False).order_by("pk").first()
            if person is not None:
                client.force_login(person)
                expect("/konto/profil/", person.username)
        self.stdout.write(f"pages served from the copy: {pages}, wrong: {len(problems)}")
        return problems
