import pytest
from django.test import Client
from tests.faults.test_redis_outage import production_caches, signed_in  # noqa
from tests.polls.factories import QuestionFactory, ChoiceFactory, PollFactory
from tests.accounts.factories import UserFactory

pytestmark = pytest.mark.django_db

@pytest.mark.usefixtures("production_caches")
def test_dbg(django_capture_on_commit_callbacks):
    poll = PollFactory()
    q = QuestionFactory(poll=poll)
    c = ChoiceFactory(question=q)
    ChoiceFactory(question=q)
    client = signed_in(UserFactory())
    with django_capture_on_commit_callbacks(execute=True):
        r = client.post(poll.get_absolute_url(), {f"question_{q.pk}": str(c.pk)}, follow=True)
    import re
    print(r.redirect_chain, re.findall(r'class="alert[^"]*"[^>]*>(.*?)</', r.text, re.S)[:3])
    assert "gezählt" in r.text
