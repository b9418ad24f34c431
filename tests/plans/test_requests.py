"""Citizens ask to be involved in a planned project: pre-moderated like every contribution,
counted once released, answered by staff in the admin (one mail to the person, after the
commit), part of the data export and of deleting an account."""

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from klmitwirkung.privacy import delete_account, personal_data
from moderation.models import ModerationState, SiteSettings
from moderation.services import release
from outbox.models import Mail
from plans.models import ParticipationRequest, Plan
from plans.services import request_participation, respond
from tests.accounts.factories import PASSWORD, UserFactory
from tests.test_page_cache import cache_state

from .factories import ParticipationRequestFactory, PlanFactory

pytestmark = pytest.mark.django_db

PENDING = ModerationState.PENDING
PUBLISHED = ModerationState.PUBLISHED
REASON = "Die Straße ist unser Schulweg."


@pytest.fixture
def premoderation():
    settings = SiteSettings.load()
    settings.premoderation = True
    settings.save()


@pytest.fixture
def plan():
    return PlanFactory(title="Radweg Mannheimer Straße")


def ask(client, plan, reason=REASON):
    return client.post(plan.get_absolute_url(), {"reason": reason})


def recipients():
    return sorted(address for message in mail.outbox for address in message.to)


# --- asking --------------------------------------------------------------------------------


def test_anonymous_visitors_are_sent_to_sign_in_and_nothing_is_stored(client, plan):
    response = ask(client, plan)
    assert response.status_code == 302
    assert response["Location"].startswith("/konto/login/")
    assert plan.get_absolute_url() in response["Location"]
    assert not ParticipationRequest.objects.exists()


def test_a_request_waits_for_release_unseen_and_uncounted(client, user, plan, premoderation):
    client.force_login(user)
    response = ask(client, plan)
    participation_request = ParticipationRequest.objects.get()
    assert response.status_code == 302
    assert response["Location"] == participation_request.get_absolute_url()
    assert participation_request.is_pending
    assert participation_request.author == user and participation_request.plan == plan
    assert participation_request.reason == REASON
    # The author sees it, marked as waiting, and gets no second form.
    page = client.get(plan.get_absolute_url())
    assert f'id="anfrage-{participation_request.pk}"' in page.text
    assert REASON in page.text
    assert page.context["own_request"] == participation_request
    assert page.context["form"] is None
    assert page.context["plan"].request_count == 0
    # Nobody else sees it, and it is not counted.
    for other in [Client(), client_for(UserFactory())]:
        page = other.get(plan.get_absolute_url())
        assert REASON not in page.text
        assert list(page.context["requests"]) == []
        assert page.context["plan"].request_count == 0
    [listed] = Client().get("/vorhaben/").context["plans"]
    assert listed.request_count == 0


def test_once_released_it_shows_and_is_counted(client, user, moderator, plan, premoderation):
    client.force_login(user)
    ask(client, plan)
    participation_request = ParticipationRequest.objects.get()
    release(
        contribution=participation_request,
        moderator=moderator,
        seen_revision=participation_request.revision,
    )
    page = Client().get(plan.get_absolute_url())
    assert list(page.context["requests"]) == [participation_request]
    assert f'id="anfrage-{participation_request.pk}"' in page.text
    assert REASON in page.text and user.username in page.text
    assert page.context["plan"].request_count == 1
    [listed] = Client().get("/vorhaben/").context["plans"]
    assert listed.request_count == 1


def test_without_premoderation_a_request_is_published_at_once(client, user, plan):
    settings = SiteSettings.load()
    settings.premoderation = False
    settings.save()
    client.force_login(user)
    ask(client, plan)
    participation_request = ParticipationRequest.objects.get()
    assert participation_request.is_published
    assert participation_request.published_at is not None
    assert Client().get(plan.get_absolute_url()).context["plan"].request_count == 1


def test_a_second_request_is_refused_and_the_text_kept(client, user, plan, premoderation):
    client.force_login(user)
    ask(client, plan)
    first = ParticipationRequest.objects.get()
    response = ask(client, plan, reason="Noch ein Grund, der nicht verloren geht.")
    assert response.status_code == 400
    form = response.context["form"]
    assert form is not None and form.non_field_errors()
    assert "Noch ein Grund, der nicht verloren geht." in response.text
    assert list(ParticipationRequest.objects.all()) == [first]
    assert first.reason == REASON


@pytest.mark.parametrize("reason", ["", "   "])
def test_a_request_without_reason_is_refused(client, user, plan, reason):
    client.force_login(user)
    response = ask(client, plan, reason=reason)
    assert response.status_code == 400
    assert response.context["form"].errors["reason"]
    assert 'name="reason"' in response.text
    assert not ParticipationRequest.objects.exists()


@pytest.mark.parametrize("participation", [Plan.Participation.RUNNING, Plan.Participation.DONE])
def test_a_plan_with_running_or_past_participation_takes_no_requests(client, user, participation):
    plan = PlanFactory(participation=participation)
    client.force_login(user)
    assert client.get(plan.get_absolute_url()).context["form"] is None
    assert ask(client, plan).status_code == 403
    assert not ParticipationRequest.objects.exists()


@pytest.mark.parametrize(
    "participation",
    [Plan.Participation.PLANNED, Plan.Participation.UNDECIDED, Plan.Participation.NONE],
)
def test_a_plan_before_participation_takes_requests(client, user, participation):
    plan = PlanFactory(participation=participation, participation_reason="Gründe.")
    client.force_login(user)
    assert client.get(plan.get_absolute_url()).context["form"] is not None
    assert ask(client, plan).status_code == 302
    assert ParticipationRequest.objects.get().plan == plan


def test_an_unconfirmed_address_takes_no_part(client, plan):
    client.force_login(UserFactory(confirmed=False))
    assert client.get(plan.get_absolute_url()).context["form"] is None
    assert ask(client, plan).status_code == 403
    assert not ParticipationRequest.objects.exists()


@pytest.mark.parametrize("who", ["anonymous", "user"])
def test_an_unpublished_plan_takes_no_request(client, user, who):
    plan = PlanFactory(is_published=False)
    if who == "user":
        client.force_login(user)
    assert ask(client, plan).status_code == 404
    assert not ParticipationRequest.objects.exists()


def test_asking_needs_the_csrf_token(user, plan):
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    assert ask(client, plan).status_code == 403
    assert not ParticipationRequest.objects.exists()


def test_the_rate_limit_refuses_with_the_text_kept(client, user, settings):
    settings.CONTRIBUTION_RATE_LIMITS = {
        **settings.CONTRIBUTION_RATE_LIMITS,
        "participation_request": "1/d",
    }
    first, second = PlanFactory(), PlanFactory()
    client.force_login(user)
    assert ask(client, first).status_code == 302
    response = ask(client, second, reason="Auch hier möchte ich mitreden.")
    assert response.status_code == 400
    assert response.context["form"].non_field_errors()
    assert "Auch hier möchte ich mitreden." in response.text
    assert [r.plan for r in ParticipationRequest.objects.all()] == [first]


def test_a_waiting_request_is_released_from_the_moderation_queue(client, user, moderator, plan):
    participation_request = ParticipationRequestFactory(
        plan=plan, author=user, moderation_state=PENDING, published_at=None
    )
    moderators = client_for(moderator)
    key = f"plans.participationrequest:{participation_request.pk}:1"
    queue = moderators.get("/admin/moderation/decision/queue/")
    assert [row.key for row in queue.context["rows"]] == [key]
    assert participation_request.reason in queue.text
    response = moderators.post(
        "/admin/moderation/decision/queue/", {"items": [key], "decision": "release"}
    )
    assert response.status_code == 302
    participation_request.refresh_from_db()
    assert participation_request.is_published and participation_request.published_at
    assert client.get(plan.get_absolute_url()).context["plan"].request_count == 1


# --- the city's response in the admin ------------------------------------------------------


def client_for(user):
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def change_url(participation_request):
    return reverse("admin:plans_participationrequest_change", args=[participation_request.pk])


def answer(client, participation_request, response="Wir beteiligen Sie im Frühjahr."):
    return client.post(change_url(participation_request), {"response": response, "_save": "1"})


def test_who_may_open_and_answer_a_request_in_the_admin(editor, moderator):
    participation_request = ParticipationRequestFactory()
    url = change_url(participation_request)
    # Anonymous visitors and citizens are sent to sign in (as staff).
    for who in [None, UserFactory()]:
        response = client_for(who).get(url)
        assert response.status_code == 302
        assert "login" in response["Location"]
        assert answer(client_for(who), participation_request).status_code == 302
    # Editors read it but cannot answer.
    editor_client = client_for(editor)
    page = editor_client.get(url)
    assert page.status_code == 200
    assert 'name="response"' not in page.text
    assert answer(editor_client, participation_request).status_code == 403
    participation_request.refresh_from_db()
    assert participation_request.response == "" and participation_request.response_by is None
    # Moderators answer.
    moderator_client = client_for(moderator)
    page = moderator_client.get(url)
    assert page.status_code == 200
    assert 'name="response"' in page.text
    assert answer(moderator_client, participation_request).status_code == 302
    participation_request.refresh_from_db()
    assert participation_request.response == "Wir beteiligen Sie im Frühjahr."


def test_the_admin_answer_is_stored_and_mailed_once_after_the_commit(
    moderator, django_capture_on_commit_callbacks, committed
):
    author = UserFactory()
    participation_request = ParticipationRequestFactory(author=author)
    client = client_for(moderator)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = answer(client, participation_request)
    assert response.status_code == 302
    assert mail.outbox == []  # nothing inside the transaction
    with committed():
        for callback in callbacks:
            callback()
    participation_request.refresh_from_db()
    assert participation_request.response == "Wir beteiligen Sie im Frühjahr."
    assert participation_request.response_by == moderator
    assert participation_request.response_at is not None
    assert recipients() == [author.email]
    [message] = mail.outbox
    assert participation_request.plan.title in message.subject
    assert "Wir beteiligen Sie im Frühjahr." in message.body
    assert f"#anfrage-{participation_request.pk}" in message.body
    assert Mail.objects.filter(purpose="plans/email/response").count() == 1
    # The same answer saved again: nothing changes, nobody hears of it twice.
    response_at = participation_request.response_at
    with committed():
        assert answer(client, participation_request).status_code == 302
    participation_request.refresh_from_db()
    assert participation_request.response_at == response_at
    assert len(mail.outbox) == 1


def test_a_changed_answer_is_mailed_again(moderator, committed):
    participation_request = ParticipationRequestFactory()
    client = client_for(moderator)
    with committed():
        answer(client, participation_request, response="Wir prüfen das.")
    with committed():
        answer(client, participation_request, response="Es gibt im Mai einen Workshop.")
    assert len(mail.outbox) == 2
    assert "Es gibt im Mai einen Workshop." in mail.outbox[1].body


def test_no_mail_for_who_switched_progress_mails_off(moderator, committed):
    participation_request = ParticipationRequestFactory(author=UserFactory(notify_progress=False))
    with committed():
        assert answer(client_for(moderator), participation_request).status_code == 302
    participation_request.refresh_from_db()
    assert participation_request.response == "Wir beteiligen Sie im Frühjahr."
    assert mail.outbox == []


def test_no_mail_for_a_request_waiting_for_release(moderator, committed):
    participation_request = ParticipationRequestFactory(moderation_state=PENDING)
    with committed():
        respond(
            participation_request=participation_request,
            user=moderator,
            response="Wir prüfen das.",
        )
    assert participation_request.response == "Wir prüfen das."
    assert mail.outbox == []


def test_the_answer_shows_on_the_plan_page(client, moderator, plan):
    participation_request = ParticipationRequestFactory(plan=plan)
    page = client.get(plan.get_absolute_url()).text
    assert 'class="official-response' not in page
    respond(
        participation_request=participation_request,
        user=moderator,
        response="Wir beteiligen Sie im Frühjahr.",
    )
    page = client.get(plan.get_absolute_url()).text
    item = page.split(f'id="anfrage-{participation_request.pk}"')[1].split("</li>")[0]
    assert 'class="official-response' in item
    assert "Wir beteiligen Sie im Frühjahr." in item


def test_staff_find_plans_and_requests_in_the_admin(editor, moderator):
    plan = PlanFactory()
    ParticipationRequestFactory(plan=plan, author=None)
    ParticipationRequestFactory(plan=plan, response="Danke.")
    ParticipationRequestFactory(plan=plan, moderation_state=PENDING)
    for staff in [editor, moderator]:
        client = client_for(staff)
        plans = client.get(reverse("admin:plans_plan_changelist"))
        assert plans.status_code == 200
        [listed] = plans.context["cl"].result_list
        assert (listed.published_requests, listed.unanswered_requests) == (2, 1)
        requests = client.get(reverse("admin:plans_participationrequest_changelist"))
        assert requests.status_code == 200
        assert len(requests.context["cl"].result_list) == 3


def test_citizens_and_editors_may_not_respond(user, editor):
    from django.core.exceptions import PermissionDenied

    participation_request = ParticipationRequestFactory()
    for who in [user, editor]:
        with pytest.raises(PermissionDenied):
            respond(participation_request=participation_request, user=who, response="Ja.")
    participation_request.refresh_from_db()
    assert participation_request.response == ""


# --- the service ---------------------------------------------------------------------------


def test_the_service_checks_the_rule_of_one_request_per_person(user, plan):
    from django.core.exceptions import ValidationError

    request_participation(author=user, plan=plan, reason=REASON)
    with pytest.raises(ValidationError):
        request_participation(author=user, plan=plan, reason="Nochmal.")
    assert ParticipationRequest.objects.count() == 1


# --- privacy -------------------------------------------------------------------------------


def test_the_data_export_has_the_person_s_requests(plan):
    author = UserFactory()
    participation_request = ParticipationRequestFactory(
        plan=plan, author=author, reason=REASON, response="Danke."
    )
    ParticipationRequestFactory(plan=plan)  # somebody else's
    [exported] = personal_data(author)["participation_requests"]
    assert exported["id"] == participation_request.pk
    assert exported["planned_project"] == "Radweg Mannheimer Straße"
    assert exported["reason"] == REASON
    assert exported["response"] == "Danke."
    assert exported["moderation_state"] == PUBLISHED


def test_deleting_the_account_keeps_released_requests_without_name(client, plan):
    author = UserFactory()
    kept = ParticipationRequestFactory(plan=plan, author=author)
    ParticipationRequestFactory(author=author, moderation_state=PENDING)
    delete_account(user=author, password=PASSWORD)
    assert list(ParticipationRequest.objects.all()) == [kept]
    kept.refresh_from_db()
    assert kept.author is None
    page = client.get(plan.get_absolute_url())
    assert page.status_code == 200
    assert page.context["plan"].request_count == 1
    assert kept.reason in page.text


# --- the page cache: citizens share the plan page until they ask ----------------------------


@pytest.mark.usefixtures("page_cache")
def test_citizens_share_the_plan_page_until_they_have_asked(premoderation):
    plan = PlanFactory()
    anna, berta = UserFactory(username="anna-k"), UserFactory(username="berta-m")
    anna_client, berta_client = Client(), Client()
    anna_client.force_login(anna)
    berta_client.force_login(berta)
    assert cache_state(anna_client.get(plan.get_absolute_url())) == "miss"
    shared = berta_client.get(plan.get_absolute_url())
    assert cache_state(shared) == "hit"
    assert 'name="reason"' in shared.text and "anna-k" not in shared.text
    # Once Berta has asked, her page is hers: her waiting request, no form.
    berta_client.post(plan.get_absolute_url(), {"reason": "Bertas Bitte"})
    own = berta_client.get(plan.get_absolute_url())
    assert cache_state(own) != "hit"
    assert "Bertas Bitte" in own.text and 'name="reason"' not in own.text
    # Anna still gets the shared page without Berta's waiting request.
    again = anna_client.get(plan.get_absolute_url())
    assert cache_state(again) == "hit" and "Bertas Bitte" not in again.text
