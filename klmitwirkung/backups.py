"""What a backup holds, and whether a restored copy holds the same (bin/backup, bin/restore-drill).

A database is described by its fingerprint: every table's row count and a SHA-256 over its
rows as PostgreSQL prints them, sorted, so that it depends neither on the order on disk nor
on the Python or Django version that reads it; the last value of every sequence, so that new
rows get fresh numbers; and the SHA-256 of every uploaded file the rows name. bin/backup
records the fingerprint of what it dumps (`verify_restore --record`, in the dump's snapshot);
bin/restore-drill compares the restored copy with it (`verify_restore --against`) and asks
the restored platform for its pages.
"""

import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from django.apps import apps
from django.core.exceptions import SuspiciousFileOperation
from django.core.files.storage import FileSystemStorage
from django.db import models
from django.utils.html import escape

MANIFEST_FORMAT = 1

# How PostgreSQL prints values, stated for every fingerprint, so that two servers with
# other defaults (another time zone, date style or collation) print the same rows alike.
SESSION_SETTINGS = [
    "SET LOCAL TIME ZONE 'UTC'",
    "SET LOCAL datestyle = 'ISO, YMD'",
    "SET LOCAL intervalstyle = 'postgres'",
    "SET LOCAL extra_float_digits = 3",
    "SET LOCAL bytea_output = 'hex'",
]

# A snapshot name as pg_export_snapshot() returns it, e.g. 00000003-0000001B-1.
SNAPSHOT_NAME = re.compile(r"^[0-9A-F]+(-[0-9A-F]+)+$")

# What the drill names row by row; every other table is summed up in one line.
NAMED_MODELS = [
    "accounts.User",
    "projects.Project",
    "polls.Poll",
    "polls.Question",
    "polls.Choice",
    "polls.Ballot",
    "polls.Selection",
    "polls.TextAnswer",
    "polls.PaperBatch",
    "polls.PaperCount",
    "proposals.Proposal",
    "proposals.Support",
    "comments.Comment",
]


def use_snapshot(cursor, snapshot):
    """Read, in the transaction just begun, exactly what pg_dump reads in that snapshot."""
    if not SNAPSHOT_NAME.match(snapshot):
        raise ValueError(f"not a snapshot name: {snapshot!r}")
    cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
    cursor.execute(f"SET TRANSACTION SNAPSHOT '{snapshot}'")


def quote(name):
    return '"' + name.replace('"', '""') + '"'


def database_fingerprint(cursor):
    """Tables, sequences and named files of the database, read in the cursor's transaction."""
    for statement in SESSION_SETTINGS:
        cursor.execute(statement)
    cursor.execute(
        "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
        "WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') ORDER BY 1"
    )
    tables = {}
    for (table,) in cursor.fetchall():
        # Each row's md5 sorted bytewise: the same rows give the same sum in any order.
        cursor.execute(
            "SELECT count(*), encode(sha256(convert_to("  # noqa: S608 - a quoted table name
            "coalesce(string_agg(h, '' ORDER BY h COLLATE \"C\"), ''), 'UTF8')), 'hex') "
            f"FROM (SELECT md5(t::text) AS h FROM {quote(table)} AS t) AS rows"
        )
        rows, digest = cursor.fetchone()
        tables[table] = {"rows": rows, "sha256": digest}
    cursor.execute(
        "SELECT sequencename, last_value FROM pg_sequences "
        "WHERE schemaname = current_schema() ORDER BY 1"
    )
    sequences = dict(cursor.fetchall())
    return {"tables": tables, "sequences": sequences, "files": named_files(cursor, tables)}


def file_columns():
    """(table, column) of every uploaded file (FileField, ImageField) the models know."""
    columns = set()
    for model in apps.get_models():
        for model_field in model._meta.concrete_fields:
            if isinstance(model_field, models.FileField):
                columns.add((model._meta.db_table, model_field.column))
    return sorted(columns)


def named_files(cursor, tables):
    names = set()
    for table, column in file_columns():
        if table in tables:
            cursor.execute(
                f"SELECT DISTINCT {quote(column)} FROM {quote(table)} "  # noqa: S608 - quoted names
                f"WHERE {quote(column)} <> ''"
            )
            names.update(name for (name,) in cursor.fetchall())
    return sorted(names)


def file_digests(names, media_root):
    """SHA-256 of each named file under media_root; None for a file that is not there."""
    storage = FileSystemStorage(location=media_root)
    digests = {}
    for name in names:
        try:
            path = Path(storage.path(name))
        except SuspiciousFileOperation:
            path = None
        if path is None or not path.is_file():
            digests[name] = None
            continue
        digest = hashlib.sha256()
        with path.open("rb") as file:
            for chunk in iter(lambda: file.read(1 << 20), b""):
                digest.update(chunk)
        digests[name] = digest.hexdigest()
    return digests


def fingerprint(cursor, media_root):
    """The whole fingerprint: the database's, and the digests of the files it names."""
    database = database_fingerprint(cursor)
    files = database.pop("files")
    return {**database, "files": file_digests(files, media_root)}


def write_manifest(path, fingerprint):
    Path(path).write_text(
        json.dumps({"format": MANIFEST_FORMAT, **fingerprint}, indent=1, sort_keys=True) + "\n"
    )


def read_manifest(path):
    manifest = json.loads(Path(path).read_text())
    if manifest.get("format") != MANIFEST_FORMAT:
        raise ValueError(f"{path} is not a manifest of format {MANIFEST_FORMAT}")
    return {key: manifest[key] for key in ("tables", "sequences", "files")}


@dataclass
class Line:
    """One line of the drill's table: what, in the source, in the restored copy, whether alike."""

    what: str
    source: object
    restored: object
    ok: bool
    note: str = ""


@dataclass
class Comparison:
    lines: list = field(default_factory=list)

    @property
    def ok(self):
        return all(line.ok for line in self.lines)

    def add(self, what, source, restored, ok, note=""):
        self.lines.append(Line(what, source, restored, ok, note))


def model_tables():
    """English plural names of the tables the drill names, by table."""
    names = {}
    for label in NAMED_MODELS:
        options = apps.get_model(label)._meta
        names[options.db_table] = str(options.verbose_name_plural)
    return names


def compare(source, restored):
    """Line by line, whether the restored fingerprint matches the source's."""
    result = Comparison()
    named = model_tables()
    source_tables, restored_tables = source["tables"], restored["tables"]

    def rows(tables, table):
        return tables[table]["rows"] if table in tables else "-"

    def table_line(what, table):
        here, there = source_tables.get(table), restored_tables.get(table)
        if here == there:
            result.add(what, here["rows"], there["rows"], True)
        elif here and there and here["rows"] == there["rows"]:
            result.add(what, here["rows"], there["rows"], False, "same count, other rows")
        else:
            result.add(what, rows(source_tables, table), rows(restored_tables, table), False)

    for table, what in named.items():
        table_line(what, table)
    others = sorted((set(source_tables) | set(restored_tables)) - set(named))
    differing = [name for name in others if source_tables.get(name) != restored_tables.get(name)]
    result.add(
        f"other tables ({len(others)})",
        sum(source_tables[table]["rows"] for table in others if table in source_tables),
        sum(restored_tables[table]["rows"] for table in others if table in restored_tables),
        not differing,
    )
    for table in differing:
        table_line(f"  table {table}", table)

    sequences = sorted(set(source["sequences"]) | set(restored["sequences"]))
    behind = [
        name
        for name in sequences
        if source["sequences"].get(name, "-") != restored["sequences"].get(name, "-")
    ]
    result.add(
        f"sequences ({len(sequences)})",
        len(source["sequences"]),
        len(restored["sequences"]),
        not behind,
        f"other last value: {', '.join(behind)}" if behind else "",
    )

    names = sorted(set(source["files"]) | set(restored["files"]))
    missing = [name for name in names if restored["files"].get(name) is None]
    changed = [
        name
        for name in names
        if name not in missing and source["files"].get(name) != restored["files"][name]
    ]
    notes = []
    if missing:
        notes.append("missing: " + ", ".join(missing))
    if changed:
        notes.append("other content: " + ", ".join(changed))
    result.add(
        f"uploaded files ({len(names)})",
        sum(digest is not None for digest in source["files"].values()),
        len(names) - len(missing),
        not missing and not changed,
        "; ".join(notes),
    )
    return result


def pages_to_serve():
    """What the restored platform must serve: (paths, texts that must appear among them).

    The start page, the health check, the project list (all its pages together name every
    published project), every published project, the poll list, every published poll and
    its results page.
    """
    from polls.models import Poll
    from projects.models import Project
    from projects.views import ProjectListView

    projects = list(Project.objects.published().order_by("pk"))
    polls = list(Poll.objects.published().order_by("pk"))
    list_pages = max(1, -(-len(projects) // ProjectListView.paginate_by))
    pages = [
        (["/healthz"], ["ok"]),
        (["/"], []),
        (
            ["/projekte/"] + [f"/projekte/?page={number}" for number in range(2, list_pages + 1)],
            [escape(project.title) for project in projects],
        ),
    ]
    pages += [([project.get_absolute_url()], [escape(project.title)]) for project in projects]
    pages.append((["/abstimmungen/"], []))
    for poll in polls:
        pages.append(([poll.get_absolute_url()], [escape(poll.title)]))
        pages.append(([poll.get_results_url()], [escape(poll.title)]))
    return pages
