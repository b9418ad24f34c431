"""Public pages served from the cache, to visitors and to citizens who see the same.

When a vote opens and the press release goes out, most visitors are not signed in and
look at the same few pages. Such a page is rendered once and then served from the cache
"pages" (a Redis of its own in production, or each process's memory). Its key is made of
the address, the language and the current version of each kind of content the page shows;
the versions are shared by every app server (settings.PAGE_CACHE_VERSIONS), stored without
expiry where pages expire, so that no page entry can push them out.

The services that change public content call `changed(kind)`; after their transaction
commits, the kind gets a new version, so the next visitor sees the change. A new ballot
shows in live results at once. Entries also expire after `PAGE_CACHE_SECONDS`, which
bounds what no write changes: a poll opening or closing at its set time, and figures that
a page shows without naming their kind (the participation on the start page).

If the cache cannot be reached, pages are rendered as if there were none, and the
failure is logged: the cache makes the site fast, it must never take it down.

Signed-in citizens share a page where its view says who sees the same
(`page_cache_audience`: every citizen, or for a poll those who may vote and have not): it
is stored without the person's name and CSRF token, which are filled in for each of them.

Never cached: staff; signed-in visitors where the view does not say so; anyone else with a
session (notices, guest ballots, a sign-in under way); anyone with a notice waiting; other
methods than GET; query parameters the page does not name; responses that are not 200,
that set a cookie or that used the CSP nonce. A page with a form still
works: its CSRF token is stored as a placeholder and filled in for each visitor.
"""

import hashlib
import logging
import re
import uuid
from functools import wraps

from django.conf import settings
from django.contrib import messages
from django.core.cache import caches
from django.db import DatabaseError, transaction
from django.db.models import Exists
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.utils.html import escape
from django.utils.translation import get_language
from redis.exceptions import RedisError

# The kinds of content a page can show.
CONTENT = "content"  # projects, pages, news, proposals, comments, supports, moderation
VOTES = "votes"  # ballots, paper votes, published results
KINDS = (CONTENT, VOTES)
# Changed by whatever may change anything (a change saved in the admin): part of every key.
EVERYTHING = "everything"


def scoped(kind, name):
    """The part of `kind` that belongs to one object, such as the votes of one poll.

    A page of one poll declares `scoped(VOTES, "{slug}")`, filled in from its address; the
    service that counts a ballot changes `scoped(VOTES, poll.slug)` and plain VOTES, so
    that a ballot renews the pages of its own poll and those showing every poll's figures,
    and leaves the pages of the other polls in the cache.
    """
    if kind not in KINDS:
        raise ValueError(f"Unknown kind of content: {kind!r}")
    return f"{kind}@{name}"


def _known(kind):
    return kind.partition("@")[0] in KINDS


# What the cache backends raise when their server is gone: Redis, or the database cache.
CACHE_ERRORS = (RedisError, DatabaseError, OSError)

logger = logging.getLogger(__name__)

CSRF_PLACEHOLDER = "__csrf_token__"
NAME_PLACEHOLDER = "__public_name__"
# Where the header names the person signed in (templates/includes/_header.html).
NAME_SPAN = re.compile(r'(<span data-personal="name">)[^<]*(</span>)')
NAME_PLACEHOLDER_SPAN = re.compile(
    r'(<span data-personal="name">)' + re.escape(NAME_PLACEHOLDER) + r"(</span>)"
)
CSRF_INPUT = re.compile(
    r'(<input type="hidden" name="csrfmiddlewaretoken" value=")[A-Za-z0-9]+(">)'
)
# Only the hidden input gets the visitor's token: words that somebody wrote may contain the
# placeholder too, but never as this markup, because their quotes and brackets are escaped.
CSRF_PLACEHOLDER_INPUT = re.compile(
    r'(<input type="hidden" name="csrfmiddlewaretoken" value=")'
    + re.escape(CSRF_PLACEHOLDER)
    + r'(">)'
)


def pages():
    """Where rendered pages and figures go: a cache that may evict them at any time."""
    return caches["pages"]


def versions_cache():
    """Where the content versions go: shared by every app process (settings.CACHES)."""
    return caches[settings.PAGE_CACHE_VERSIONS]


def _version_key(kind):
    return f"page-version:{kind}"


def enabled():
    return settings.PAGE_CACHE_SECONDS > 0


def changed(*kinds, forget_pages=False):
    """Pages showing these kinds are out of date once the current transaction commits.

    `forget_pages` is for words that are deleted: the pages that showed them are not only
    out of date but removed from the cache, rather than left there until they expire.
    """
    if not kinds or not all(_known(kind) for kind in kinds):
        raise ValueError(f"Unknown kinds of content: {kinds!r}")

    def bump():
        _renew(kinds)
        if forget_pages:
            try:
                pages().clear()
            except CACHE_ERRORS:
                logger.exception("Page cache unavailable: deleted words stay until they expire")

    transaction.on_commit(bump)


def changed_everything():
    """Every page, figure and fragment is out of date once the current transaction commits."""
    transaction.on_commit(lambda: _renew([EVERYTHING]))


def _renew(kinds):
    try:
        versions_cache().set_many(
            {_version_key(kind): uuid.uuid4().hex for kind in kinds}, timeout=None
        )
    except CACHE_ERRORS:
        # The change is committed; cached pages show it once they expire.
        logger.exception("Page cache unavailable: pages showing %s may be out of date", kinds)


def versions(kinds):
    """The current version of each kind and of everything, in one cache round trip."""
    keys = [_version_key(kind) for kind in (EVERYTHING, *kinds)]
    cache = versions_cache()
    found = cache.get_many(keys)
    for key in keys:
        if key not in found:
            # First use, or evicted: a new version, so no entry stored before can match.
            cache.add(key, uuid.uuid4().hex, timeout=None)
            found[key] = cache.get(key)
    return [found[key] for key in keys]


def remember(name, kinds, compute):
    """`compute()`, kept in the cache like the pages: until `kinds` change, at most
    PAGE_CACHE_SECONDS. For figures that signed-in visitors see too, such as results."""
    if not enabled():
        return compute()
    try:
        key = ":".join(["figures", name, *versions(kinds)])
        value = pages().get(key)
    except CACHE_ERRORS:
        logger.warning("Page cache unavailable: %s worked out without it", name, exc_info=True)
        return compute()
    if value is None:
        value = compute()
        _set(key, value)
    return value


def _set(key, value):
    try:
        pages().set(key, value, timeout=settings.PAGE_CACHE_SECONDS)
    except CACHE_ERRORS:
        logger.warning("Page cache unavailable: nothing stored", exc_info=True)


def _page_key(request, kinds, params, audience):
    query = sorted((name, value) for name in params for value in request.GET.getlist(name))
    parts = [request.build_absolute_uri(request.path), get_language(), repr(query), audience]
    parts += versions(kinds)
    return "page:" + hashlib.sha256("\n".join(parts).encode()).hexdigest()


def _plain_get(request, params):
    """A GET with no query parameter the page does not name, while the cache is on."""
    return enabled() and request.method == "GET" and set(request.GET) <= set(params)


def _cacheable_request(request, params):
    return (
        _plain_get(request, params)
        and not request.user.is_authenticated
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
    )


def _shareable_request(request, params):
    """A citizen's request for a page that may be the same for many citizens.

    Staff are left out (their header counts the contributions waiting for them, and they
    see drafts and previews), and so is anyone with a notice waiting to be shown.
    """
    user = request.user
    return (
        _plain_get(request, params)
        and user.is_authenticated
        and not (user.is_staff or user.is_superuser)
        and not messages.get_messages(request)
    )


def every_citizen(request, **kwargs):
    """`page_cache_audience` of a page that shows every signed-in citizen the same."""
    return "citizen"


# What a person may have written on an object that a page of it shows them alone (their
# comments waiting for release, say), by the apps that keep it: `own_rows(user, model)` is
# their rows on the `model` object that an enclosing query is about (`OuterRef("pk")`).
_OWN_ROWS = []


def shows_own_rows(own_rows):
    """Register `own_rows` (in the app's `ready()`): pages of objects of every model on
    which such rows can be written are then this person's own for as long as they exist."""
    _OWN_ROWS.append(own_rows)
    return own_rows


def shared_object(queryset, user, **facts):
    """The one object of `queryset` with `facts` about `user` (`Exists` expressions), in one
    query, for a view's `page_cache_audience`; None if there is none, or if the person has
    rows of their own on it (`shows_own_rows`), which make the page theirs."""
    own_rows = {
        f"own_rows_{index}": Exists(own(user, queryset.model))
        for index, own in enumerate(_OWN_ROWS)
    }
    found = queryset.annotate(**facts, **own_rows).order_by().first()
    if found is None or any(getattr(found, name) for name in own_rows):
        return None
    return found


def _storable(request, response):
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not response.has_header("Cache-Control")
        and not request._csp_nonce  # a nonce belongs to one response only
        and not messages.get_messages(request)  # a notice is for this visitor only
        and not request.session.modified  # nor is what the view keeps for them
    )


def _shareable(html):
    """`html` without the visitor's CSRF token, which becomes the placeholder."""
    return CSRF_INPUT.sub(rf"\g<1>{CSRF_PLACEHOLDER}\g<2>", html)


def _personal(html, request):
    """Stored `html` with this visitor's CSRF token in the placeholders of its forms, and
    their public name where the header names the person signed in."""
    if CSRF_PLACEHOLDER in html:
        token = get_token(request)
        html = CSRF_PLACEHOLDER_INPUT.sub(lambda match: f"{match[1]}{token}{match[2]}", html)
    if NAME_PLACEHOLDER in html and request.user.is_authenticated:
        name = escape(request.user.get_username())
        html = NAME_PLACEHOLDER_SPAN.sub(lambda match: f"{match[1]}{name}{match[2]}", html)
    return html


def _impersonal(html, user):
    """A citizen's page without their name, or None if it still shows something of theirs.

    The header's name becomes the placeholder. The views that share pages among citizens
    declare what their page shows of the person (`page_cache_audience`); as a second line
    of defence, a page that names them anywhere else, or shows their e-mail address, is
    not stored at all (it is rendered again for the next citizen).
    """
    html = NAME_SPAN.sub(rf"\g<1>{NAME_PLACEHOLDER}\g<2>", html)
    traces = [escape(user.get_username()), escape(user.email)]
    if any(trace and trace in html for trace in traces):
        return None
    return html


def _serve(entry, request):
    content_type, content = entry
    response = HttpResponse(_personal(content, request), content_type=content_type)
    response["X-Page-Cache"] = "hit"
    return response


def _store(key, request, response):
    html = _shareable(response.content.decode())
    if request.user.is_authenticated:
        html = _impersonal(html, request.user)
        if html is None:
            return
    _set(key, (response["Content-Type"], html))
    response["X-Page-Cache"] = "miss"


def fragment(name, kinds, render, request):
    """The HTML of `render()`, shared by everyone for whom the caller knows it is the same.

    Kept like the pages: until `kinds` change, at most PAGE_CACHE_SECONDS; a form in it
    gets each visitor's CSRF token.
    """
    html = remember(f"fragment-{name}-{get_language()}", kinds, lambda: _shareable(render()))
    return _personal(html, request)


def cache_public_page(view=None, *, shows=None, params=()):
    """Serve `view` from the cache to visitors who are not signed in (see above), and to
    signed-in citizens where the view says which of them see the same page.

    `shows` names the kinds of content whose change must show at once. The view declares
    it where it knows what it renders, as `page_cache_shows` on its class; without it,
    every kind (tests/test_page_cache_declarations.py renders each cached page before and
    after each kind of change and holds the declarations to it). A kind of one object,
    `scoped(VOTES, "{slug}")`, is filled in from the page's address. `params` names the
    query parameters the page understands (any other one bypasses the cache).

    `page_cache_audience(request, **kwargs)` on the view's class, if there is one, tells
    for a signed-in citizen which group of citizens sees exactly the same page, apart from
    the name in the header and the CSRF tokens (`every_citizen`: all of them); None means
    the page is this person's own and is rendered for them. Without it, signed-in visitors
    always get the page rendered.
    """

    def decorator(view):
        # Per view: one decorator may wrap several views with declarations of their own.
        view_class = getattr(view, "view_class", None)
        kinds = shows
        if kinds is None:
            kinds = getattr(view_class, "page_cache_shows", KINDS)
        audience_of = getattr(view_class, "page_cache_audience", None)

        @wraps(view)
        def cached_view(request, *args, **kwargs):
            if _cacheable_request(request, params):
                audience = "visitor"
            elif audience_of is not None and _shareable_request(request, params):
                audience = audience_of(request, **kwargs)
                if audience is None:
                    return view(request, *args, **kwargs)
                audience = f"citizen:{audience}"
            else:
                return view(request, *args, **kwargs)
            try:
                key = _page_key(
                    request, [kind.format(**kwargs) for kind in kinds], params, audience
                )
                entry = pages().get(key)
            except CACHE_ERRORS:
                logger.warning("Page cache unavailable: %s rendered", request.path, exc_info=True)
                return view(request, *args, **kwargs)
            if entry is not None:
                return _serve(entry, request)
            response = view(request, *args, **kwargs)
            if hasattr(response, "render") and callable(response.render):
                response = response.render()
            if _storable(request, response):
                _store(key, request, response)
            return response

        cached_view.page_cache_shows = tuple(kinds)
        cached_view.page_cache_params = tuple(params)
        cached_view.page_cache_audience = audience_of
        return cached_view

    return decorator if view is None else decorator(view)
