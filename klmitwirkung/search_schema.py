"""The search columns in PostgreSQL: a stored tsvector per searched table, and its GIN index.

Each searched table gets a generated column `search_vector` with its words in German and in
English (weight A for titles, B for the rest) and a GIN index on it. The column is stored
rather than computed in the query, because ranking needs the vector of every matching row:
computing it afresh costs about 35 µs per row and language, half a second for a common word
among 50,000 comments, while reading the stored one costs a few microseconds.

Django's models do not know the column (so SQLite, the default of `make run`, needs none and
`makemigrations` stays quiet); klmitwirkung.search reads it by name. Change the searched
fields of a table with a new migration that calls `AddSearchVector` again with the new
fields (and the old ones as `previous`, so that it can be reversed): it replaces the column
and the index.
"""

from django.db import migrations

COLUMN = "search_vector"
LANGUAGES = ("german", "english")


def index_name(table):
    return f"{table}_search_idx"


def vector_sql(fields_by_weight, quote):
    """The tsvector of `fields_by_weight` ({"A": ["title"], "B": ["body"]}) in all LANGUAGES."""
    parts = []
    for weight, fields in sorted(fields_by_weight.items()):
        text = " || ' ' || ".join(f"coalesce({quote(field)}, '')" for field in fields)
        parts.extend(
            f"setweight(to_tsvector('{language}'::regconfig, {text}), '{weight}')"
            for language in LANGUAGES
        )
    return " || ".join(parts)


class AddSearchVector(migrations.operations.base.Operation):
    """(Re)creates the stored search vector of `table` and its GIN index, on PostgreSQL only."""

    reduces_to_sql = True
    reversible = True

    def __init__(self, table, fields_by_weight, previous=None):
        self.table = table
        self.fields_by_weight = fields_by_weight
        self.previous = previous

    def deconstruct(self):
        kwargs = {"previous": self.previous} if self.previous else {}
        return self.__class__.__name__, [self.table, self.fields_by_weight], kwargs

    def state_forwards(self, app_label, state):
        pass  # the models do not know the column

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        self.create(schema_editor, self.fields_by_weight)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        self.create(schema_editor, self.previous)

    def create(self, schema_editor, fields_by_weight):
        """Drops the column (its index goes with it), then adds it with `fields_by_weight`."""
        if schema_editor.connection.vendor != "postgresql":
            return
        quote = schema_editor.quote_name
        table = quote(self.table)
        schema_editor.execute(f"ALTER TABLE {table} DROP COLUMN IF EXISTS {quote(COLUMN)}")
        if not fields_by_weight:
            return
        schema_editor.execute(
            f"ALTER TABLE {table} ADD COLUMN {quote(COLUMN)} tsvector GENERATED ALWAYS AS "
            f"({vector_sql(fields_by_weight, quote)}) STORED"
        )
        schema_editor.execute(
            f"CREATE INDEX {quote(index_name(self.table))} ON {table} USING gin ({quote(COLUMN)})"
        )

    def describe(self):
        return f"Search vector and index on {self.table} (PostgreSQL only)"
