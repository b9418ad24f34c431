"""The backup and restore drill: bin/backup, bin/restore-drill and verify_restore, for real.

A backup is only as good as its restore. These tests back up with pg_dump, restore with
pg_restore into scratch databases on the test server, and let the restored platform prove
that it holds and serves what was backed up: once on the demo content (as `make
restore-drill`), once with uploaded files, and with copies that differ, which must fail.

They need PostgreSQL (`DATABASE_URL=postgres://...`) and its client tools; without them they
are skipped, except in CI (`CI=true`), where they fail.
"""

import io
import json
import os
import re
import shutil
import subprocess
import tarfile
from pathlib import Path
from types import SimpleNamespace

import psycopg
import pytest
from django.db import connection
from PIL import Image

from polls.models import Ballot, Choice
from projects.models import Project
from tests.accounts.factories import UserFactory
from tests.polls.factories import BallotFactory, ChoiceFactory, PollFactory, QuestionFactory
from tests.projects.factories import ProjectFactory
from tests.test_scale_out import database_url

ROOT = Path(__file__).resolve().parents[1]
PG_TOOLS = ("pg_dump", "pg_restore", "psql", "createdb", "dropdb")


def skip_or_fail(reason):
    """Skipped on a developer machine without PostgreSQL; CI must have it."""
    message = f"The restore drill needs {reason}"
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture(scope="module")
def server(django_db_setup):
    """The test database's URL: the drill's scratch databases go beside it."""
    if connection.vendor != "postgresql":
        skip_or_fail(
            f"PostgreSQL: DATABASE_URL=postgres://... (the database is {connection.vendor})"
        )
    missing = [tool for tool in PG_TOOLS if shutil.which(tool) is None]
    if missing:
        skip_or_fail(f"PostgreSQL's client tools ({', '.join(missing)})")
    return database_url(connection.settings_dict)


def environment(database_url, media_root=None):
    """The development settings, as `make restore-drill` runs it; no Redis."""
    passed_on = ("PATH", "HOME", "LANG", "LC_ALL", "TMPDIR")
    env = {key: os.environ[key] for key in passed_on if key in os.environ}
    env.update(DJANGO_DEBUG="1", DATABASE_URL=database_url, DJANGO_LOG_LEVEL="WARNING")
    if media_root:
        env["DJANGO_MEDIA_ROOT"] = str(media_root)
    return env


def run(command, env):
    return subprocess.run(
        command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, check=False
    )


def table(output):
    """verify_restore's table: {what: (backup, restored, state)}."""
    lines = re.findall(r"^(\S.*?)\s+(\d+)\s+(\d+)\s+(ok|FAILED)", output, re.MULTILINE)
    return {what: (int(source), int(restored), state) for what, source, restored, state in lines}


def scratch_databases(output):
    return re.findall(r"^--- scratch database (\S+)$", output, re.MULTILINE)


def existing_databases(names):
    with connection.cursor() as cursor:
        cursor.execute("SELECT datname FROM pg_database WHERE datname = ANY(%s)", [names])
        return [name for (name,) in cursor.fetchall()]


def png(colour):
    buffer = io.BytesIO()
    Image.new("RGB", (4, 3), colour).save(buffer, format="PNG")
    return buffer.getvalue()


@pytest.mark.django_db
def test_drill_on_the_demo_content_restores_what_was_backed_up(server):
    result = run(["bin/restore-drill", "--demo"], environment(server))
    output = result.stdout + result.stderr

    assert result.returncode == 0, output
    rows = table(result.stdout)
    for what in ("users", "projects", "polls", "choices", "ballots", "selections"):
        backed_up, restored, state = rows[what]
        assert backed_up == restored > 0 and state == "ok", (what, rows[what])
    assert rows["projects"][0] == 11 and rows["polls"][0] == 6
    assert rows["paper batches"][2] == "ok" and rows["proposals"][2] == "ok"
    assert rows["comments"][2] == "ok"
    assert rows["pages served"][1] == rows["pages served"][0] > 20
    assert "schema matches the code: no migration unapplied" in result.stdout
    assert "Restore drill passed" in result.stdout
    created = scratch_databases(result.stdout)
    assert len(created) == 2  # the demo source and the restored copy
    assert existing_databases(created) == []


@pytest.fixture(scope="module")
def backup(server, django_db_blocker, tmp_path_factory, cache_table):
    """A backup of the test database by bin/backup, with two uploaded images and a ballot.

    The rows are committed, so that pg_dump sees them, and removed afterwards.
    """
    folder = tmp_path_factory.mktemp("drill")
    media = folder / "media"
    for name, colour in (("projects/park.png", "green"), ("polls/tram.png", "blue")):
        (media / name).parent.mkdir(parents=True, exist_ok=True)
        (media / name).write_bytes(png(colour))
    with django_db_blocker.unblock():
        project = ProjectFactory(title="Stadtpark für alle", image_alt="Der Stadtpark")
        poll = PollFactory(title="Welche Linie zuerst?", project=project)
        question = QuestionFactory(poll=poll)
        tram = ChoiceFactory(question=question, label="Westpfalz-Tram", image_alt="Eine Tram")
        Project.objects.filter(pk=project.pk).update(image="projects/park.png")
        Choice.objects.filter(pk=tram.pk).update(image="polls/tram.png")
        voter = UserFactory()
        ballot = BallotFactory(poll=poll, user=voter, choices=[tram])
        try:
            result = run(["bin/backup", str(folder / "backup")], environment(server, media))
            assert result.returncode == 0, result.stdout + result.stderr
            yield SimpleNamespace(
                folder=folder / "backup", media=media, output=result.stdout, ballot=ballot
            )
        finally:
            Ballot.objects.filter(poll=poll).delete()
            poll.delete()
            project.delete()
            voter.delete()


@pytest.mark.django_db
def test_backup_writes_dump_manifest_and_files(backup):
    written = sorted(path.name.split("-")[0] for path in backup.folder.iterdir())
    assert written == ["db", "manifest", "media"]
    assert backup.output.count("wrote ") == 3
    archive = next(backup.folder.glob("media-*.tar.gz"))
    with tarfile.open(archive) as files:
        assert {"./projects/park.png", "./polls/tram.png"} <= set(files.getnames())


@pytest.mark.django_db
def test_drill_restores_uploaded_files_and_serves_them(backup, server):
    result = run(["bin/restore-drill", str(backup.folder)], environment(server))

    assert result.returncode == 0, result.stdout + result.stderr
    rows = table(result.stdout)
    assert rows["uploaded files (2)"] == (2, 2, "ok")
    assert rows["ballots"][0] == rows["ballots"][1] >= 1
    assert existing_databases(scratch_databases(result.stdout)) == []


@pytest.fixture
def restored(backup, server, tmp_path):
    """The backup restored by hand into a scratch database and folder, to be tampered with."""
    name = f"klmitwirkung_drill_test_{os.getpid()}"
    url = server.rsplit("/", 1)[0] + "/" + name
    dump = next(backup.folder.glob("db-*.dump"))
    subprocess.run(["createdb", f"--maintenance-db={server}", name], check=True)
    try:
        subprocess.run(
            ["pg_restore", f"--dbname={url}", "--exit-on-error", "--no-owner", str(dump)],
            check=True,
        )
        media = tmp_path / "media"
        shutil.copytree(backup.media, media)
        yield SimpleNamespace(url=url, media=media)
    finally:
        subprocess.run(["dropdb", f"--maintenance-db={server}", "--force", name], check=True)


def verify(backup, restored):
    manifest = next(backup.folder.glob("manifest-*.json"))
    command = [".venv/bin/python", "manage.py", "verify_restore", "--against", str(manifest)]
    return run(command, environment(restored.url, restored.media))


@pytest.mark.django_db
def test_a_faithful_copy_passes(backup, restored):
    result = verify(backup, restored)

    assert result.returncode == 0, result.stdout + result.stderr
    assert "The restored copy matches the backup." in result.stdout


@pytest.mark.django_db
def test_a_copy_that_lost_a_ballot_a_file_or_a_title_fails(backup, restored):
    with psycopg.connect(restored.url) as copy:
        ballot = backup.ballot.pk
        copy.execute("DELETE FROM polls_selection WHERE ballot_id = %s", [ballot])
        copy.execute("DELETE FROM polls_ballot WHERE id = %s", [ballot])
        copy.execute(
            "UPDATE projects_project SET title = 'Stadtpark für wenige' "
            "WHERE title = 'Stadtpark für alle'"
        )
    (restored.media / "polls/tram.png").unlink()

    result = verify(backup, restored)

    assert result.returncode == 1, result.stdout + result.stderr
    rows = table(result.stdout)
    backed_up, now, state = rows["ballots"]
    assert now == backed_up - 1 and state == "FAILED"
    assert rows["selections"][2] == "FAILED"
    assert re.search(
        r"^projects\s+(\d+)\s+\1\s+FAILED  same count, other rows$", result.stdout, re.M
    )
    assert rows["uploaded files (2)"] == (2, 1, "FAILED")
    assert "missing: polls/tram.png" in result.stdout
    assert rows["users"][2] == rows["polls"][2] == "ok"
    assert "The restored copy failed the checks marked FAILED." in result.stderr


@pytest.mark.django_db
def test_drill_fails_without_the_files_and_still_drops_its_database(backup, server, tmp_path):
    empty = tmp_path / "media-empty.tar.gz"
    with tarfile.open(empty, "w:gz"):
        pass
    dump = next(backup.folder.glob("db-*.dump"))

    result = run(["bin/restore-drill", str(dump), str(empty)], environment(server))

    assert result.returncode == 1, result.stdout + result.stderr
    assert re.search(r"^uploaded files \(2\)\s+2\s+0\s+FAILED  missing: ", result.stdout, re.M)
    assert "Restore drill passed" not in result.stdout
    created = scratch_databases(result.stdout)
    assert len(created) == 1
    assert existing_databases(created) == []


@pytest.mark.django_db
def test_manifest_describes_the_snapshot_while_the_platform_writes(server, tmp_path):
    """bin/backup reads its manifest in pg_dump's snapshot: later writes are not in it."""
    with (
        psycopg.connect(server) as dump_transaction,
        psycopg.connect(server, autocommit=True) as platform,
    ):
        dump_transaction.isolation_level = psycopg.IsolationLevel.REPEATABLE_READ
        snapshot = dump_transaction.execute("SELECT pg_export_snapshot()").fetchone()[0]
        # An editor adds a topic while the backup runs.
        platform.execute("INSERT INTO projects_topic (name, slug) VALUES ('Drill', 'drill')")
        try:
            for name, options in (("then", ["--snapshot", snapshot]), ("now", [])):
                command = [".venv/bin/python", "manage.py", "verify_restore"]
                command += ["--record", str(tmp_path / f"{name}.json"), *options]
                result = run(command, environment(server, tmp_path))
                assert result.returncode == 0, result.stdout + result.stderr
        finally:
            platform.execute("DELETE FROM projects_topic WHERE slug = 'drill'")

    then = json.loads((tmp_path / "then.json").read_text())["tables"]["projects_topic"]
    now = json.loads((tmp_path / "now.json").read_text())["tables"]["projects_topic"]
    assert now["rows"] == then["rows"] + 1
    assert now["sha256"] != then["sha256"]
