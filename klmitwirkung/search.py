"""Search across projects, news, polls, proposals, comments, pages, planned projects and
events: what is searched, and how.

SEARCHED declares, once, which fields of which kind are searched (weight A: the title, B: the
rest) and which of them hold HTML. On PostgreSQL each searched table has a stored tsvector of
those fields in German and English with a GIN index (search_schema.py, created by this app's
migrations: a change of the fields here needs a new migration there). On other databases
(SQLite, the default of `make run`) a simpler search looks for every word in the fields,
without stemming or ranking.

What is found follows the rules of the pages themselves: the QuerySet methods that decide
what the lists and detail pages show, and for comments those of the thread and its page.
A search costs a constant number of queries: the newest matches of every kind with their
rank (which also gives the counts per kind), and the objects of one page of hits per kind
(with their highlighted snippets).
"""

import html
import re
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.contrib.postgres.search import (
    SearchHeadline,
    SearchQuery,
    SearchRank,
    SearchVectorField,
)
from django.db import connection
from django.db.models import DateTimeField, F, FloatField, Q, QuerySet, TextField, Value
from django.db.models.expressions import RawSQL
from django.db.models.functions import Cast, Coalesce, Concat, NullIf
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.utils.translation import get_language, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from comments.models import Comment, allowed_target_models
from core.languages import known_language
from events.models import Event
from moderation.models import ModerationState
from pages.models import Page
from plans.models import Plan
from polls.models import Poll
from projects.models import Project, ProjectUpdate
from proposals.models import Proposal

from .search_schema import COLUMN, LANGUAGES

MAX_QUERY_LENGTH = 200
RESULTS_PER_PAGE = 20
# Hits of one kind that are ranked: the newest that match. A word found in thousands of
# comments would otherwise cost the vector of each of them for every search; nobody reads
# that far, and the count then says "more than" (COUNT_LIMIT).
CANDIDATES = 500
COUNT_LIMIT = CANDIDATES

# Rare characters around the words ts_headline marks; the snippet is escaped as a whole
# before only they become <mark> elements, so that no text of anyone becomes markup.
START, STOP = "\x02", "\x03"
MARKED = re.compile(f"{START}([^{START}{STOP}]*){STOP}")
TAG = re.compile(r"<[^>]*>")
SNIPPET_WORDS = 30
FALLBACK_SNIPPET_CHARS = 240


@dataclass(frozen=True)
class Kind:
    key: str  # the value of ?kind=
    label: str  # plural, for the filter
    singular: str  # for a hit
    model: type
    fields: dict  # weight: field names; "A" is the title
    date: str  # the field that orders hits of the same rank, newest first
    html_fields: frozenset = field(default_factory=frozenset)
    # Written by editors in every language (django-modeltranslation: title_de, title_en):
    # every language's column is searched, the page's language (or German) is shown.
    translated: bool = False

    @property
    def title_field(self):
        return self.fields.get("A", (None,))[0]

    @property
    def text_fields(self):
        return self.fields["B"]

    def columns(self, name):
        """The columns that hold field `name`: one per language where it is translated."""
        if self.translated:
            return [f"{name}_{code}" for code, _name in settings.LANGUAGES]
        return [name]

    @property
    def searched_fields(self):
        return [
            column
            for weight in sorted(self.fields)
            for name in self.fields[weight]
            for column in self.columns(name)
        ]

    def shown(self, name):
        """The text of field `name` as the page shows it: in the page's language, German
        where editors wrote no version in it."""
        if not self.translated:
            return F(name)
        default = F(f"{name}_{settings.LANGUAGE_CODE}")
        language = known_language(get_language())
        if language == settings.LANGUAGE_CODE:
            return default
        return Coalesce(
            NullIf(F(f"{name}_{language}"), Value(""), output_field=TextField()),
            default,
            output_field=TextField(),
        )

    def visible(self):
        """What everyone may see of this kind, as the lists and detail pages decide it."""
        return VISIBLE[self.key]()

    def for_hits(self, queryset):
        """The rows a hit shows beside the object itself (its project, its thread page)."""
        return FOR_HITS.get(self.key, lambda queryset: queryset)(queryset)


# The fields of a kind: add a language's columns (title_en, ...) here and in a migration.
SEARCHED = [
    Kind(
        "project",
        _("Projects"),
        _("Project"),
        Project,
        {"A": ("title",), "B": ("teaser", "body")},
        "updated_at",
        frozenset({"body"}),
        translated=True,
    ),
    Kind(
        "news",
        _("News"),
        _("News item"),
        ProjectUpdate,
        {"A": ("title",), "B": ("text",)},
        "published_on",
        frozenset({"text"}),
        translated=True,
    ),
    Kind(
        "poll",
        _("Polls"),
        _("Poll"),
        Poll,
        {"A": ("title",), "B": ("intro",)},
        "opens_at",
        frozenset({"intro"}),
        translated=True,
    ),
    Kind(
        "proposal",
        _("Proposals"),
        _("Proposal"),
        Proposal,
        {"A": ("title",), "B": ("description", "response")},
        "created_at",
    ),
    Kind("comment", _("Comments"), _("Comment"), Comment, {"B": ("text",)}, "created_at"),
    Kind(
        "page",
        _("Pages"),
        _("Page"),
        Page,
        {"A": ("title",), "B": ("body",)},
        "updated_at",
        frozenset({"body"}),
        translated=True,
    ),
    Kind(
        "plan",
        pgettext_lazy("search", "Planned projects"),
        _("Planned project"),
        Plan,
        {"A": ("title",), "B": ("summary", "description", "participation_how")},
        "updated_at",
        frozenset({"description"}),
        translated=True,
    ),
    Kind(
        "event",
        _("Events"),
        _("Event"),
        Event,
        {"A": ("title",), "B": ("description", "venue", "what_to_do")},
        "starts_at",
        frozenset({"description"}),
        translated=True,
    ),
]
KINDS = {kind.key: kind for kind in SEARCHED}
# What ModeratedQuerySet.public() shows: a thread keeps the replies of a removed comment.
PUBLIC_STATES = [ModerationState.PUBLISHED, ModerationState.HIDDEN]


def visible_comments():
    """Released, undeleted comments that their thread shows to everyone, on pages that are found.

    A reply shows under a top-level comment that is public (released, or removed with its
    place kept); a comment on a page nobody may see (a draft project, a waiting proposal)
    is not found either, nor one on a kind of page that search does not know.
    """
    targets = allowed_target_models()
    on_visible_pages = Q(pk__in=[])
    for kind in SEARCHED:
        if kind.model in targets:
            on_visible_pages |= Q(
                content_type=ContentType.objects.get_for_model(kind.model),
                object_id__in=kind.visible().values("pk"),
            )
    return (
        Comment.objects.published()
        .filter(deleted_at__isnull=True)
        # Comment.objects.public() for the top-level comment, as a join: as a subquery
        # PostgreSQL would read every comment for each search.
        .filter(Q(parent__isnull=True) | Q(parent__moderation_state__in=PUBLIC_STATES))
        .filter(on_visible_pages)
    )


VISIBLE = {
    "project": lambda: Project.objects.published(),
    "news": lambda: ProjectUpdate.objects.public(),
    "poll": lambda: Poll.objects.published(),
    "proposal": lambda: Proposal.objects.published(),
    "comment": visible_comments,
    "page": lambda: Page.objects.published(),
    "plan": lambda: Plan.objects.published(),
    "event": lambda: Event.objects.published(),
}
FOR_HITS = {
    "news": lambda queryset: queryset.select_related("project"),
    "comment": lambda queryset: queryset.with_thread_position().prefetch_related("target"),
}


# --- the query --------------------------------------------------------------------------


def uses_postgres():
    return connection.vendor == "postgresql"


def ts_query(text):
    """The words of `text` as German and as English words (web search syntax: "", or, -)."""
    german, english = (
        SearchQuery(text, config=language, search_type="websearch") for language in LANGUAGES
    )
    return german | english


def stored_vector(kind):
    table = connection.ops.quote_name(kind.model._meta.db_table)
    # Names of our own, quoted; no input of anyone.
    column = f"{table}.{connection.ops.quote_name(COLUMN)}"
    return RawSQL(column, (), SearchVectorField())  # noqa: S611


def words_of(text):
    return text.split()


def matches(kind, text):
    """The visible objects of `kind` that `text` finds."""
    queryset = kind.visible()
    if uses_postgres():
        return queryset.alias(found=stored_vector(kind)).filter(found=ts_query(text))
    for word in words_of(text):
        any_field = Q(pk__in=[])
        for name in kind.searched_fields:
            any_field |= Q(**{f"{name}__icontains": word})
        queryset = queryset.filter(any_field)
    return queryset


def ranked(kind, text):
    """(kind, pk, rank, date) of the newest matches of `kind`: CANDIDATES of them, and one
    more that tells there are more."""
    if uses_postgres():
        rank = SearchRank(stored_vector(kind), ts_query(text))
    else:
        rank = Value(0.0, output_field=FloatField())
    queryset = (
        matches(kind, text)
        .annotate(
            hit_kind=Value(kind.key),
            hit_pk=F("pk"),
            hit_rank=rank,
            hit_date=Cast(kind.date, DateTimeField()),
        )
        .order_by(f"-{kind.date}", "-pk")
    )
    # A plain QuerySet: django-modeltranslation's would reorder the columns of the values of
    # translated models, and a UNION pairs columns by their place.
    return QuerySet(kind.model, query=queryset.query).values_list(
        "hit_kind", "hit_pk", "hit_rank", "hit_date"
    )[: CANDIDATES + 1]


def candidates(text):
    """{kind: [(kind, pk, rank, date), ...]}: the newest matches of every kind, in one query
    (a UNION; SQLite, which cannot order the parts of one, gets a query per kind)."""
    queries = [ranked(kind, text) for kind in SEARCHED]
    if connection.features.supports_slicing_ordering_in_compound:
        rows = list(queries[0].union(*queries[1:], all=True).order_by())
    else:
        rows = [row for query in queries for row in query]
    found = {kind.key: [] for kind in SEARCHED}
    for row in rows:
        found[row[0]].append(row)
    return found


def best_first(row):
    """Rank, then the newest, then by kind and the newest row: the order of the hits."""
    kind, pk, rank, date = row
    return (-rank, -date.timestamp(), kind, -pk)


@dataclass
class Hit:
    kind: Kind
    obj: object
    title: str  # safe HTML, the searched words marked
    snippet: str  # safe HTML
    date: object

    @property
    def url(self):
        return self.obj.get_absolute_url()

    @property
    def context(self):
        """The page a news item or a comment belongs to."""
        if self.kind.key == "news":
            return self.obj.project
        if self.kind.key == "comment":
            return self.obj.target
        return None


class Hits:
    """The hits of one search, best first, for Django's Paginator: their rows are known,
    their objects are fetched a page at a time."""

    def __init__(self, text, rows):
        self.text = text
        self.rows = rows

    def count(self):
        return len(self.rows)

    def __len__(self):
        return len(self.rows)

    def __getitem__(self, window):
        rows = self.rows[window]
        if not rows:
            return []
        objects = fetch(rows, self.text)
        return [objects[(key, pk)] for key, pk, _rank, _date in rows if (key, pk) in objects]


def search(text, keys):
    """How many hits each kind has (up to COUNT_LIMIT, then "more than"), and the hits in
    the kinds `keys` (every kind if empty)."""
    found = candidates(text)
    rows = [row for key in keys or KINDS for row in found[key][:CANDIDATES]]
    rows.sort(key=best_first)
    return {key: len(kind_rows) for key, kind_rows in found.items()}, Hits(text, rows)


# --- the page's objects and their snippets ------------------------------------------------


def fetch(rows, text):
    """{(kind, pk): Hit} for the rows of one page: one query per kind among them."""
    pks = {}
    for key, pk, _rank, date in rows:
        pks.setdefault(key, {})[pk] = date
    hits = {}
    for key, dates in pks.items():
        kind = KINDS[key]
        for obj in highlighted(
            kind, kind.for_hits(kind.model.objects.filter(pk__in=dates).order_by()), text
        ):
            hits[(key, obj.pk)] = Hit(
                kind=kind,
                obj=obj,
                title=obj.marked_title,
                snippet=obj.marked_snippet,
                date=dates[obj.pk],
            )
    return hits


def text_expression(kind):
    names = kind.text_fields
    if len(names) == 1:
        return kind.shown(names[0])
    parts = [kind.shown(names[0])]
    for name in names[1:]:
        parts += [Value(" "), kind.shown(name)]
    return Concat(*parts, output_field=TextField())


def highlighted(kind, queryset, text):
    """The objects with `marked_title` and `marked_snippet`: safe HTML, found words marked."""
    is_html = bool(set(kind.text_fields) & kind.html_fields)
    if not uses_postgres():
        return [marked_in_python(kind, obj, text, is_html) for obj in queryset]
    query = ts_query(text)
    marks = {"start_sel": START, "stop_sel": STOP}
    annotations = {}
    for language in LANGUAGES:
        if kind.title_field:
            annotations[f"title_{language}"] = SearchHeadline(
                kind.shown(kind.title_field), query, config=language, highlight_all=True, **marks
            )
        annotations[f"snippet_{language}"] = SearchHeadline(
            text_expression(kind),
            query,
            config=language,
            max_words=SNIPPET_WORDS,
            min_words=SNIPPET_WORDS // 2,
            max_fragments=2,
            fragment_delimiter=" … ",
            **marks,
        )
    objects = list(queryset.annotate(**annotations))
    for obj in objects:
        if kind.title_field:
            obj.marked_title = as_html(best(obj, "title"))
        else:
            obj.marked_title = ""
        obj.marked_snippet = as_html(best(obj, "snippet"), is_html=is_html)
    return objects


def best(obj, prefix):
    """The headline of the language that marked the most words (German if even)."""
    headlines = [getattr(obj, f"{prefix}_{language}") for language in LANGUAGES]
    return max(headlines, key=lambda headline: headline.count(START))


def as_html(marked, *, is_html=False):
    """Escaped text with only the marked words as <mark>; tags of HTML fields dropped."""
    if is_html:
        marked = html.unescape(TAG.sub(" ", marked))
    escaped = escape(" ".join(marked.split()))
    return mark_safe(  # noqa: S308 - escaped above; only the markers become markup
        MARKED.sub(r"<mark>\1</mark>", escaped).replace(START, "").replace(STOP, "")
    )


def marked_in_python(kind, obj, text, is_html):
    """The fallback's marks: each searched word wherever it occurs, case aside."""
    words = sorted({word.lower() for word in words_of(text)}, key=len, reverse=True)
    pattern = re.compile("|".join(re.escape(word) for word in words), re.IGNORECASE)

    def mark(value):
        return pattern.sub(lambda match: f"{START}{match.group(0)}{STOP}", value)

    body = " ".join(str(getattr(obj, name) or "") for name in kind.text_fields)
    if is_html:
        body = html.unescape(TAG.sub(" ", body))
    body = " ".join(body.split())
    first = pattern.search(body)
    if first and first.start() > FALLBACK_SNIPPET_CHARS // 2:
        body = "… " + body[first.start() - FALLBACK_SNIPPET_CHARS // 4 :]
    body = Truncator(body).chars(FALLBACK_SNIPPET_CHARS)
    obj.marked_title = as_html(mark(getattr(obj, kind.title_field))) if kind.title_field else ""
    obj.marked_snippet = as_html(mark(body))
    return obj
