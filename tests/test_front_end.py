"""What the browser gets: no render-blocking or inline JavaScript, images sized and lazy,
nothing loaded from other hosts, and little JavaScript at all."""

import gzip
import io
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from pages.models import Page
from tests.accounts.factories import UserFactory
from tests.comments.factories import CommentFactory
from tests.images import with_renditions
from tests.maps.factories import PlaceFactory
from tests.polls.factories import BallotFactory, ChoiceFactory, PollFactory, QuestionFactory
from tests.projects.factories import PhaseFactory, ProjectFactory, ProjectUpdateFactory
from tests.proposals.factories import ProposalFactory

JS_BUDGET = 30 * 1024
# Pages with a map (maps/) load the map library too, and only they: Leaflet, compressed
# as whitenoise serves it, within this budget beside the 30 KB of our own.
MAP_LIBRARY = "vendor/leaflet-1.9.4/"
MAP_LIBRARY_GZIP_BUDGET = 50 * 1024
# <script type=...> blocks that hold data and never run.
DATA_SCRIPT_TYPES = {"application/json", "application/ld+json"}
# Elements whose URLs the browser fetches by itself; links (<a href>) are the reader's choice.
FETCHED = {
    "link": ["href"],
    "script": ["src"],
    "img": ["src", "srcset"],
    "source": ["src", "srcset"],
    "iframe": ["src"],
    "video": ["src", "poster"],
    "audio": ["src"],
    "object": ["data"],
    "embed": ["src"],
}
# An <img> that may load at once instead of lazily, and why.
EAGER_IMAGE_EXEMPTIONS = {
    "fetchpriority=high": "the page's lead image, above the fold: loading it lazily delays it",
}
CSS_URL = re.compile(r"""url\(\s*['"]?([^'")\s]+)|@import\s+(?:url\()?\s*['"]?([^'");\s]+)""")


class Elements(HTMLParser):
    """Every start tag with its attributes, and the text of <style> and <script> elements."""

    def __init__(self, html):
        super().__init__(convert_charrefs=True)
        self.tags = []
        self.texts = {"style": [], "script": []}
        self._open = None
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._open = tag if tag in self.texts else None
        if self._open:
            self.texts[tag].append("")

    def handle_data(self, data):
        if self._open:
            self.texts[self._open][-1] += data

    def handle_endtag(self, tag):
        self._open = None

    def all(self, name):
        return [attrs for tag, attrs in self.tags if tag == name]


def png(name):
    buffer = io.BytesIO()
    Image.new("RGB", (4, 2), "red").save(buffer, "PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


@pytest.fixture
def pages(db, settings, tmp_path):
    """The public pages with content on them: images, a ballot form, comments, results."""
    settings.MEDIA_ROOT = tmp_path
    project = ProjectFactory(image=png("park.png"), image_alt="Der Stadtpark im Sommer")
    other = ProjectFactory(image=png("bahnhof.png"), image_alt="Der Bahnhofsvorplatz")
    PhaseFactory(project=project)
    ProjectUpdateFactory(project=project)
    poll = PollFactory(project=project)
    question = QuestionFactory(poll=poll)
    bench = ChoiceFactory(question=question, image=png("bank.png"), image_alt="Eine Holzbank")
    project = with_renditions(project)
    with_renditions(other, bench)
    ChoiceFactory(question=question)
    located = PollFactory(project=project, title="Wo soll die Box stehen?")
    ChoiceFactory(question=QuestionFactory(poll=located), place=PlaceFactory())
    closed = PollFactory(state="closed")
    BallotFactory(poll=closed, choices=[ChoiceFactory(question=QuestionFactory(poll=closed))])
    proposal = ProposalFactory(project=project)
    CommentFactory(target=proposal)
    CommentFactory(target=project)
    Page.objects.update_or_create(
        slug="impressum", defaults={"title": "Impressum", "body": "<p>KL.digital GmbH</p>"}
    )
    return {
        "start": "/",
        "projects": "/projekte/",
        "project": project.get_absolute_url(),
        "polls": "/abstimmungen/",
        "poll": poll.get_absolute_url(),
        "location poll": located.get_absolute_url(),
        "closed poll": closed.get_absolute_url(),
        "results": f"{closed.get_absolute_url()}ergebnisse/",
        "proposals": "/vorschlaege/",
        "proposal": proposal.get_absolute_url(),
        "page": "/impressum/",
        "sign in": "/konto/login/",
        "sign up": "/konto/signup/",
    }


@pytest.fixture(params=["anonymous", "citizen"])
def rendered(request, pages, client):
    """Each page's HTML, for a visitor and for a signed-in citizen (who sees the forms)."""
    if request.param == "citizen":
        client.force_login(UserFactory())
    result = {}
    for url in pages.values():
        response = client.get(url)
        if request.param == "citizen" and url.startswith("/konto/"):
            continue  # signed-in people are sent on from the sign-in pages
        assert response.status_code == 200, url
        result[url] = response.text
    not_found = client.get("/gibt-es-nicht/")
    assert not_found.status_code == 404
    result["404"] = not_found.text
    return result


def is_other_host(url):
    url = url.strip()
    if url.startswith("data:") or url.startswith("#"):
        return False
    parts = urlsplit(url)
    return bool(parts.netloc) and parts.hostname not in {"testserver", "localhost"}


def test_the_pages_show_what_this_test_is_about(rendered):
    # Guards the other tests against passing on empty pages.
    joined = "".join(rendered.values())
    assert joined.count("<img") >= 3
    assert 'rel="stylesheet"' in joined


def test_no_script_blocks_rendering_or_runs_inline(rendered):
    for url, html in rendered.items():
        for attrs in Elements(html).all("script"):
            if attrs.get("type") in DATA_SCRIPT_TYPES:
                continue
            assert attrs.get("src"), f"{url}: inline script; put it into static/ and load it"
            assert "defer" in attrs or "async" in attrs or attrs.get("type") == "module", (
                f"{url}: {attrs['src']} blocks rendering; add defer"
            )


def test_every_image_has_its_size_and_loads_lazily_unless_exempted(rendered):
    for url, html in rendered.items():
        eager = []
        for attrs in Elements(html).all("img"):
            assert attrs.get("width", "").isdigit(), f"{url}: {attrs} has no width"
            assert attrs.get("height", "").isdigit(), f"{url}: {attrs} has no height"
            if attrs.get("loading") == "lazy":
                continue
            assert f"fetchpriority={attrs.get('fetchpriority')}" in EAGER_IMAGE_EXEMPTIONS, (
                f'{url}: {attrs} needs loading="lazy" or a reason to load at once'
            )
            eager.append(attrs)
        assert len(eager) <= 1, f"{url}: only one image can be the lead image"


def test_the_lead_image_of_a_project_loads_first(rendered, pages):
    html = rendered[pages["project"]]
    [lead] = [attrs for attrs in Elements(html).all("img") if "loading" not in attrs]
    assert lead["alt"] == "Der Stadtpark im Sommer"
    assert lead["fetchpriority"] == "high"


def test_nothing_is_loaded_from_another_host(rendered):
    for url, html in rendered.items():
        elements = Elements(html)
        for tag, names in FETCHED.items():
            for attrs in elements.all(tag):
                for name in names:
                    value = attrs.get(name) or ""
                    # srcset lists "address width" candidates, separated by commas.
                    addresses = (
                        [c.split()[0] for c in value.split(",") if c.strip()]
                        if name == "srcset"
                        else [value]
                    )
                    for address in addresses:
                        assert not is_other_host(address), f"{url}: <{tag} {name}={value!r}>"
        styles = elements.texts["style"] + [
            attrs["style"] for tag, attrs in elements.tags if attrs.get("style")
        ]
        for css in styles:
            for address in filter(None, sum(CSS_URL.findall(css), ())):
                assert not is_other_host(address), f"{url}: CSS loads {address}"


def static_files(suffix):
    """Our static files: static/ and the static/ folder of each of our apps."""
    roots = [Path(root) for root in settings.STATICFILES_DIRS]
    roots += sorted(Path(settings.BASE_DIR).glob("*/static"))
    return sorted(path for root in roots for path in root.rglob(suffix))


def test_our_stylesheets_load_nothing_from_other_hosts_fonts_included():
    stylesheets = static_files("*.css")
    assert stylesheets
    for path in stylesheets:
        css = path.read_text(encoding="utf-8")
        # url() covers @font-face sources, background images and url() imports.
        for address in filter(None, sum(CSS_URL.findall(css), ())):
            assert not is_other_host(address), f"{path}: {address}"


def test_templates_name_no_other_host_for_anything_the_browser_fetches():
    tag = "|".join(FETCHED)
    pattern = re.compile(
        rf"<(?:{tag})\b[^>]*\b(?:src|href|srcset|poster|data)=[\"']?(?:https?:)?//", re.I
    )
    css = re.compile(r"@import|url\(\s*['\"]?(?:https?:)?//", re.I)
    offenders = []
    for path in sorted((Path(settings.BASE_DIR) / "templates").rglob("*.html")):
        if "email" in path.parts:
            continue  # mails are read in mail programs, which load no remote content by default
        text = path.read_text(encoding="utf-8")
        if pattern.search(text) or css.search(text):
            offenders.append(str(path))
    assert offenders == []


def test_javascript_stays_within_the_budget(rendered):
    # What each page loads: our own scripts within the budget; the map library only on
    # pages with a map, within its own.
    map_pages = 0
    for url, html in rendered.items():
        sources = {attrs["src"] for attrs in Elements(html).all("script") if attrs.get("src")}
        library = {src for src in sources if MAP_LIBRARY in src}
        if library:
            assert "data-map=" in html, f"{url} loads the map library without a map"
            map_pages += 1
        own = 0
        for src in sources - library:
            path = finders.find(urlsplit(src).path.removeprefix(settings.STATIC_URL))
            assert path, f"{src} is not one of our static files"
            own += Path(path).stat().st_size
        assert own < JS_BUDGET, url
    assert map_pages == 1  # the location poll
    # ... and everything in static/ that a page could start to load.
    scripts = static_files("*.js")
    own = [path for path in scripts if MAP_LIBRARY not in path.as_posix()]
    assert sum(path.stat().st_size for path in own) < JS_BUDGET
    library = [path for path in scripts if MAP_LIBRARY in path.as_posix()]
    assert library
    assert sum(len(gzip.compress(path.read_bytes())) for path in library) < MAP_LIBRARY_GZIP_BUDGET
