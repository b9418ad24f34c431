"""Check a restored copy of the platform against its backup; bin/restore-drill runs it.

It runs against the restored copy as the platform would: the database is DATABASE_URL, the
files are DJANGO_MEDIA_ROOT. `--against` names what the copy must match: the manifest that
bin/backup wrote beside the dump (exactly what was dumped), or the source database's URL
with its media folder (only when nothing writes to the source meanwhile, as in `make
restore-drill`). bin/backup writes that manifest with `--record`.
"""

import logging
from contextlib import contextmanager
from pathlib import Path

import psycopg
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.test import Client
from django.test.utils import override_settings
from django.utils import translation

from klmitwirkung.backups import (
    compare,
    database_fingerprint,
    file_digests,
    fingerprint,
    pages_to_serve,
    read_manifest,
    use_snapshot,
    write_manifest,
)

# The restored platform renders every page itself: a page cache of its own in this process,
# never the live platform's Redis, whose pages would hide what the copy serves.
PRIVATE_PAGE_CACHE = {
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    "LOCATION": "verify-restore",
}


@contextmanager
def quiet_request_log():
    """The table names each failing page and its error; no traceback per page on top."""
    logger = logging.getLogger("django.request")
    level = logger.level
    logger.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        logger.setLevel(level)


class Command(BaseCommand):
    # A backup must not wait for anything the system checks ask for (a Redis, say); the drill
    # runs `migrate --check`, with the checks, against the copy first.
    requires_system_checks = []
    help = (
        "Compares this database (DATABASE_URL) and its files (DJANGO_MEDIA_ROOT), restored "
        "from a backup, with what was backed up, and asks the platform for its public pages. "
        "Exits with 1 if anything differs."
    )

    def add_arguments(self, parser):
        mode = parser.add_mutually_exclusive_group(required=True)
        mode.add_argument(
            "--against",
            metavar="MANIFEST_OR_URL",
            help="The manifest bin/backup wrote beside the dump, or the source database's "
            "URL (postgres://...).",
        )
        mode.add_argument(
            "--record",
            metavar="MANIFEST",
            help="Write the fingerprint of this database and its files to MANIFEST instead.",
        )
        parser.add_argument(
            "--snapshot",
            help="With --record: read in this exported snapshot (pg_export_snapshot), the "
            "one pg_dump --snapshot dumps.",
        )
        parser.add_argument(
            "--source-media",
            metavar="FOLDER",
            help="With --against a database URL: the source's media folder.",
        )

    def handle(self, *args, against, record, snapshot, source_media, **options):
        if connection.vendor != "postgresql":
            raise CommandError(
                f"verify_restore needs PostgreSQL; DATABASE_URL names {connection.vendor}."
            )
        if record:
            self.record(record, snapshot)
            return
        if snapshot:
            raise CommandError("--snapshot goes with --record.")
        source = self.source(against, source_media)
        with transaction.atomic(), connection.cursor() as cursor:
            restored = fingerprint(cursor, settings.MEDIA_ROOT)
            transaction.set_rollback(True)
        with translation.override("en"):
            result = compare(source, restored)
        self.serve(result)
        self.report(result)
        if not result.ok:
            raise CommandError("The restored copy failed the checks marked FAILED.")
        self.stdout.write(self.style.SUCCESS("The restored copy matches the backup."))

    def record(self, path, snapshot):
        with transaction.atomic(), connection.cursor() as cursor:
            if snapshot:
                try:
                    use_snapshot(cursor, snapshot)
                except ValueError as error:
                    raise CommandError(str(error)) from error
            taken = fingerprint(cursor, settings.MEDIA_ROOT)
        missing = [name for name, digest in taken["files"].items() if digest is None]
        if missing:
            # Recorded all the same: the drill will name them, the backup must not stop.
            self.stderr.write(f"Files named in the database but missing: {', '.join(missing)}")
        write_manifest(path, taken)
        self.stdout.write(
            f"Recorded {len(taken['tables'])} tables and {len(taken['files'])} uploaded "
            f"files in {path}"
        )

    def source(self, against, source_media):
        if "://" not in against:
            try:
                return read_manifest(against)
            except (OSError, ValueError, KeyError) as error:
                raise CommandError(f"Cannot read the manifest {against}: {error}") from error
        if not source_media:
            raise CommandError("--against a database URL needs --source-media, its files.")
        try:
            with psycopg.connect(against) as source:
                source.isolation_level = psycopg.IsolationLevel.REPEATABLE_READ
                source.read_only = True
                with source.cursor() as cursor:
                    database = database_fingerprint(cursor)
                source.rollback()
        except psycopg.Error as error:
            raise CommandError(f"Cannot read the source database: {error}") from error
        return {**database, "files": file_digests(database["files"], Path(source_media))}

    def serve(self, result):
        """Ask the restored platform for its public pages, as a visitor who is not signed in."""
        failures = []
        served = requests = 0
        client = Client(raise_request_exception=False)
        with (
            override_settings(
                ALLOWED_HOSTS=[*settings.ALLOWED_HOSTS, "testserver"],
                CACHES={**settings.CACHES, "pages": PRIVATE_PAGE_CACHE},
                PAGE_CACHE_VERSIONS="pages",
                PAGE_CACHE_SECONDS=0,
            ),
            quiet_request_log(),
        ):
            for paths, texts in pages_to_serve():
                html, failed = "", len(failures)
                for path in paths:
                    requests += 1
                    try:
                        response = client.get(path, secure=True)
                    except Exception as error:  # the error page itself failed
                        failures.append(f"{path}: {error.__class__.__name__}: {error}")
                        continue
                    if response.status_code == 200:
                        served += 1
                    else:
                        error = response.exc_info[1] if response.exc_info else None
                        failures.append(
                            f"{path} answered {response.status_code}"
                            + (f" ({error.__class__.__name__}: {error})" if error else "")
                        )
                    html += response.content.decode(errors="replace")
                if len(failures) == failed:  # every page answered: do they say what they must?
                    missing = [text for text in texts if text not in html]
                    failures += [f"{paths[0]} without {text!r}" for text in missing]
        note = "; ".join(failures[:3])
        if len(failures) > 3:
            note += f"; {len(failures) - 3} more"
        result.add("pages served", requests, served, not failures, note)

    def report(self, result):
        self.stdout.write(f"{'':<28}{'backup':>10}{'restored':>10}")
        for line in result.lines:
            state = "ok" if line.ok else self.style.ERROR("FAILED")
            note = f"  {line.note}" if line.note else ""
            self.stdout.write(
                f"{line.what:<28}{line.source!s:>10}{line.restored!s:>10}  {state}{note}"
            )
