"""Paper ballots are recorded against the stand where they were collected: the batch names
the event, and the results' note on method links it."""

import pytest

from polls.models import PaperBatch
from polls.services import confirm_paper_batch, enter_paper_batch
from tests.accounts.factories import UserFactory
from tests.polls.factories import poll_with_questions
from tests.polls.test_admin import ADD_URL, batch_form

from .factories import EventFactory

pytestmark = pytest.mark.django_db


def test_the_results_name_the_stand_of_a_batch(client, editor):
    poll = poll_with_questions()
    stand = EventFactory(title="Stand „Lautern blüht auf“", days=-1)
    single = poll.questions.order_by("position").first()
    batch = enter_paper_batch(
        poll=poll,
        entered_by=editor,
        place="Stand am Stiftsplatz",
        collected_on=stand.starts_at.date(),
        ballots_count=4,
        counts={single.choices.first(): 4},
        event=stand,
    )
    confirm_paper_batch(
        batch=batch,
        confirmed_by=UserFactory(is_staff=True, groups=["Moderation"]),
        seen_revision=1,
    )
    page = client.get(poll.get_results_url()).content.decode()
    assert f'<a href="{stand.get_absolute_url()}">Stand „Lautern blüht auf“</a>' in page


def test_staff_choose_the_event_when_they_enter_a_batch(client, editor):
    poll = poll_with_questions()
    stand = EventFactory(title="Wochenmarkt-Stand")
    client.force_login(editor)
    form = client.get(f"{ADD_URL}?poll={poll.pk}").content.decode()
    assert "Wochenmarkt-Stand" in form
    response = client.post(f"{ADD_URL}?poll={poll.pk}", {**batch_form(poll), "event": stand.pk})
    assert response.status_code == 302
    assert PaperBatch.objects.get().event == stand
