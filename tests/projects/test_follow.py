"""Following a project on its page, and stopping again: who may, what is stored, what is said."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from projects.models import Follow
from projects.permissions import can_follow
from projects.services import follow_project, unfollow_project
from tests.accounts.factories import UserFactory

from .factories import ProjectFactory

pytestmark = pytest.mark.django_db

FOLLOWING = (
    "Sie folgen jetzt diesem Projekt. Wir schreiben Ihnen, wenn hier eine Abstimmung "
    "oder Umfrage beginnt."
)


@pytest.fixture
def project():
    return ProjectFactory(title="Stadtgarten", slug="stadtgarten")


@pytest.fixture
def draft():
    return ProjectFactory(title="Entwurf", slug="entwurf", is_published=False)


def follow_url(project):
    return f"/projekte/{project.slug}/folgen/"


def unfollow_url(project):
    return f"/projekte/{project.slug}/nicht-mehr-folgen/"


def follows(project):
    return sorted(Follow.objects.filter(project=project).values_list("user__username", flat=True))


# Who may follow


@pytest.mark.parametrize(
    ("who", "published", "expected"),
    [
        ("anonymous", True, False),
        ("unconfirmed", True, False),
        ("inactive", True, False),
        ("citizen", True, True),
        ("staff", True, True),
        ("citizen", False, False),
        ("staff", False, False),
    ],
)
def test_who_may_follow(who, published, expected):
    users = {
        "anonymous": AnonymousUser,
        "unconfirmed": lambda: UserFactory(confirmed=False),
        "inactive": lambda: UserFactory(is_active=False),
        "citizen": UserFactory,
        "staff": lambda: UserFactory(is_staff=True, groups=["Redaktion"]),
    }
    assert can_follow(users[who](), ProjectFactory(is_published=published)) is expected


# The service


def test_a_second_follow_leaves_one_row(project, user):
    assert follow_project(project=project, user=user) is True
    assert follow_project(project=project, user=user) is False
    assert Follow.objects.filter(project=project, user=user).count() == 1


def test_service_refuses_unconfirmed_people_and_unpublished_projects(project, draft, user):
    with pytest.raises(PermissionDenied):
        follow_project(project=project, user=UserFactory(confirmed=False))
    with pytest.raises(PermissionDenied):
        follow_project(project=draft, user=user)
    assert not Follow.objects.exists()


def test_unfollow_removes_only_the_persons_own_follow(project, user):
    other = UserFactory()
    follow_project(project=project, user=user)
    follow_project(project=project, user=other)
    assert unfollow_project(project=project, user=user) is True
    assert unfollow_project(project=project, user=user) is False
    assert follows(project) == [other.username]


# Following through the page


@pytest.mark.parametrize("url", [follow_url, unfollow_url])
def test_anonymous_visitor_signs_in_first_and_nothing_is_stored(client, project, url):
    response = client.post(url(project))
    assert response.status_code == 302
    assert response["Location"] == "/konto/login/?next=/projekte/stadtgarten/"
    assert not Follow.objects.exists()


def test_anonymous_visitor_sees_a_sign_in_link_instead_of_the_button(client, project):
    html = client.get(project.get_absolute_url()).text
    assert 'href="/konto/login/?next=/projekte/stadtgarten/"' in html
    assert follow_url(project) not in html
    assert "wenn hier eine Abstimmung oder Umfrage beginnt" in html


def test_unconfirmed_person_is_told_to_confirm_and_nothing_is_stored(client, project):
    client.force_login(UserFactory(confirmed=False))
    html = client.get(project.get_absolute_url()).text
    assert follow_url(project) not in html
    assert 'href="/konto/email/"' in html

    response = client.post(follow_url(project))
    assert response.status_code == 302
    assert response["Location"] == "/projekte/stadtgarten/#folgen"
    assert not Follow.objects.exists()
    assert "Bitte bestätigen Sie Ihre E-Mail-Adresse" in client.get(response["Location"]).text


def test_citizen_follows_and_sees_the_unfollow_button(client, project, user):
    client.force_login(user)
    html = client.get(project.get_absolute_url()).text
    assert f'action="{follow_url(project)}"' in html
    assert "Projekt folgen" in html

    response = client.post(follow_url(project))
    assert response.status_code == 302
    assert response["Location"] == "/projekte/stadtgarten/#folgen"
    assert follows(project) == [user.username]

    html = client.get(response["Location"]).text
    assert FOLLOWING in html
    assert f'action="{unfollow_url(project)}"' in html
    assert f'action="{follow_url(project)}"' not in html
    assert "Nicht mehr folgen" in html


def test_following_with_notifications_off_points_to_the_profile(client, project):
    person = UserFactory(notify_followed_projects=False)
    client.force_login(person)
    response = client.post(follow_url(project), follow=True)
    assert follows(project) == [person.username]
    assert "Ihre Benachrichtigungen für neue Abstimmungen sind im Profil ausgeschaltet." in (
        response.text
    )
    assert 'href="/konto/profil/#benachrichtigungen"' in response.text
    assert FOLLOWING not in response.text


def test_following_twice_leaves_one_row_and_says_so(client, project, user):
    client.force_login(user)
    client.post(follow_url(project))
    response = client.post(follow_url(project), follow=True)
    assert response.status_code == 200
    assert Follow.objects.filter(project=project, user=user).count() == 1
    assert "Sie folgen diesem Projekt bereits." in response.text


def test_unfollow_through_the_page(client, project, user):
    other = UserFactory()
    follow_project(project=project, user=user)
    follow_project(project=project, user=other)
    client.force_login(user)
    response = client.post(unfollow_url(project), follow=True)
    assert follows(project) == [other.username]
    assert "Sie folgen „Stadtgarten“ nicht mehr." in response.text
    assert f'action="{follow_url(project)}"' in response.text


def test_unfollow_without_following_changes_nothing(client, project, user):
    follow_project(project=project, user=UserFactory(username="Nachbarin"))
    client.force_login(user)
    response = client.post(unfollow_url(project), follow=True)
    assert follows(project) == ["Nachbarin"]
    assert "Sie folgten diesem Projekt nicht." in response.text


def test_unfollow_returns_to_a_page_of_the_site_but_never_elsewhere(client, project, user):
    client.force_login(user)
    follow_project(project=project, user=user)
    response = client.post(unfollow_url(project), {"next": "/konto/profil/#projekte"})
    assert response["Location"] == "/konto/profil/#projekte"
    follow_project(project=project, user=user)
    response = client.post(unfollow_url(project), {"next": "https://example.com/"})
    assert response["Location"] == "/projekte/stadtgarten/#folgen"


@pytest.mark.parametrize("url", [follow_url, unfollow_url])
def test_unpublished_project_is_not_found_for_citizens(client, draft, user, url):
    client.force_login(user)
    assert client.post(url(draft)).status_code == 404
    assert not Follow.objects.exists()


def test_staff_cannot_follow_a_project_in_preview(client, draft, editor):
    client.force_login(editor)
    html = client.get(draft.get_absolute_url()).text
    assert follow_url(draft) not in html
    assert client.post(follow_url(draft)).status_code == 403
    assert not Follow.objects.exists()


def test_staff_follow_like_citizens(client, project, editor):
    client.force_login(editor)
    client.post(follow_url(project))
    assert follows(project) == [editor.username]


def test_following_is_a_post_with_a_csrf_token(project, user):
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    assert client.get(follow_url(project)).status_code == 405
    assert client.post(follow_url(project)).status_code == 403
    assert not Follow.objects.exists()


def test_whether_one_follows_costs_one_query_on_the_project_page(client, project, user):
    client.force_login(user)
    client.get(project.get_absolute_url())  # fills caches (content types, site settings)
    with CaptureQueriesContext(connection) as before:
        client.get(project.get_absolute_url())
    follow_project(project=project, user=user)
    with CaptureQueriesContext(connection) as after:
        html = client.get(project.get_absolute_url()).text
    assert f'action="{unfollow_url(project)}"' in html
    follow_queries = [q["sql"] for q in after.captured_queries if "projects_follow" in q["sql"]]
    assert len(follow_queries) == 1
    # Following spares the check of the e-mail address, so it never costs more.
    assert len(after) <= len(before)


def test_message_escapes_the_project_title(client, user):
    project = ProjectFactory(title="<script>alert(1)</script>", slug="skript")
    follow_project(project=project, user=user)
    client.force_login(user)
    html = client.post(unfollow_url(project), follow=True).text
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
