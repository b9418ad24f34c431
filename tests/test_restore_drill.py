"""The restore drill (bin/backup, bin/restore-drill, manage.py verify_restore): a backup of
the demo content restores into scratch copies that match their source row for row, with
its files, and serve the pages; and the drill notices when a copy differs.

It needs PostgreSQL (`DATABASE_URL=postgres://...`); it is skipped otherwise, except in CI
(`CI=true`), where it fails.
"""

import os
import subprocess
import sys
import urllib.parse
from pathlib import Path

import pytest
from django.db import connection

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def postgres_url():
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        message = "The restore drill needs DATABASE_URL=postgres://..."
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return url


def environment(**extra):
    kept = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DATABASE_", "REDIS_", "EMAIL_"))
    }
    return {**kept, "DJANGO_DEBUG": "1", "PY": sys.executable, **extra}


def with_name(url, name):
    return urllib.parse.urlunsplit(urllib.parse.urlsplit(url)._replace(path=f"/{name}"))


def scratch_databases(url):
    result = subprocess.run(
        [
            "psql",
            "--dbname",
            with_name(url, "postgres"),
            "-Atc",
            "SELECT datname FROM pg_database",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    return [name for name in result.stdout.split() if name.startswith("klmitwirkung_restore_")]


def test_the_demo_content_restores_and_the_copy_serves_it(postgres_url):
    before = scratch_databases(postgres_url)
    result = subprocess.run(
        ["bash", "bin/restore-drill", "--demo"],
        cwd=ROOT,
        env=environment(DATABASE_URL=postgres_url),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    output = result.stdout
    assert "The restored copy matches its source." in output
    rows = dict(
        line.split()[:2] for line in output.splitlines() if line.startswith(("polls_", "acc"))
    )
    assert int(rows["polls_ballot"]) > 100  # the demo's ballots
    assert int(rows["accounts_user"]) > 40
    assert "files named by the database: 1, missing or different: 0" in output
    assert "pages served from the copy: " in output and ", wrong: 0" in output
    assert " NO" not in output
    assert scratch_databases(postgres_url) == before  # the scratch copies are gone


@pytest.mark.django_db
def test_the_drill_notices_a_copy_that_differs(postgres_url, tmp_path):
    """The test database, copied with pg_dump and pg_restore, then one row changed."""
    source = with_name(postgres_url, connection.settings_dict["NAME"])
    copy_name = "klmitwirkung_restore_tampered"
    copy = with_name(postgres_url, copy_name)
    admin = with_name(postgres_url, "postgres")
    subprocess.run(["psql", "--dbname", admin, "-qc", f"CREATE DATABASE {copy_name}"], check=True)
    try:
        dump = tmp_path / "db.dump"
        subprocess.run(["pg_dump", "-Fc", "--dbname", source, "--file", dump], check=True)
        subprocess.run(["pg_restore", "--no-owner", "--dbname", copy, dump], check=True)
        subprocess.run(
            ["psql", "--dbname", copy, "-qc", "DELETE FROM auth_permission WHERE id = "
             "(SELECT max(id) FROM auth_permission)"],
            check=True,
        )  # fmt: skip
        result = subprocess.run(
            [sys.executable, "manage.py", "verify_restore", "--source-database", source],
            cwd=ROOT,
            env=environment(DATABASE_URL=copy, DJANGO_MEDIA_ROOT=str(tmp_path)),
            capture_output=True,
            text=True,
            timeout=120,
        )
    finally:
        subprocess.run(
            ["psql", "--dbname", admin, "-qc", f"DROP DATABASE {copy_name} WITH (FORCE)"],
            check=True,
        )
    assert result.returncode != 0
    assert "DIFFERENT: auth_permission" in result.stderr
    assert "auth_permission" in result.stdout and " NO" in result.stdout
