"""No input with a NUL character reaches a view: every page answers 400, never 500.

PostgreSQL refuses NUL in text, so before `RejectNullCharactersMiddleware` such input
ended as a server error wherever a view passed a parameter on to a query.
"""

import re

import pytest
from django.test import Client

from tests.accounts.factories import UserFactory
from tests.test_security_headers import URLS, objects  # noqa: F401 - the fixture

pytestmark = pytest.mark.django_db

NUL = "\x00"
# The query parameters the site understands, wherever they are read.
QUERY_PARAMETERS = [
    "q",
    "page",
    "p",
    "projekt",
    "thema",
    "status",
    "art",
    "sortierung",
    "kommentarseite",
    "next",
    "poll",
    "alle",
]
ADMIN_PATHS = [
    "/admin/",
    "/admin/proposals/proposal/",
    "/admin/comments/comment/",
    "/admin/moderation/decision/queue/",
    "/admin/polls/paperbatch/add/",
    "/admin/projects/project/",
]


def field_names(html):
    return set(re.findall(r'<(?:input|select|textarea)\b[^>]*\bname="([^"]+)"', html))


def fuzz(client, path):
    """Every way a NUL can come with a request to `path`; {what: status} of the answers."""
    answers = {}
    page = client.get(path)
    names = field_names(page.text) if "text/html" in page.get("Content-Type", "") else set()
    for name in sorted(set(QUERY_PARAMETERS) | names):
        answers[f"GET {path}?{name}=%00"] = client.get(path, {name: NUL}).status_code
    answers[f"GET {path}?q%00=1"] = client.get(path, {"q" + NUL: "1"}).status_code
    form = dict.fromkeys((names - {"csrfmiddlewaretoken"}) | {"text"}, f"Text{NUL}mit NUL")
    answers[f"POST {path} (every field)"] = client.post(path, form).status_code
    answers[f"GET {path}%00"] = client.get(f"{path}%00").status_code
    return answers


@pytest.mark.parametrize("who", ["visitor", "staff"])
def test_a_nul_character_anywhere_gets_a_clear_400_on_every_page(objects, who):  # noqa: F811
    client = Client()
    paths = [path_of(objects) for path_of in URLS.values()]
    if who == "staff":
        client.force_login(UserFactory(is_staff=True, is_superuser=True, second_factor=True))
        paths += ADMIN_PATHS
    answers = {}
    for path in paths:
        answers |= fuzz(client, path)

    assert {what: status for what, status in answers.items() if status != 400} == {}


def test_the_400_page_explains_and_keeps_the_site_usable(client):
    response = client.get("/vorschlaege/neu/", {"projekt": NUL})
    assert response.status_code == 400
    assert "Ungültige Anfrage" in response.text
    assert "zurück" in response.text
    assert 'href="/"' in response.text


def test_a_cookie_with_a_nul_character_gets_a_400(client):
    client.cookies["sessionid"] = f"abc{NUL}"
    assert client.get("/").status_code == 400
