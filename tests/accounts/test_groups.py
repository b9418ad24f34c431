"""The staff groups that the data migration creates."""

import pytest
from django.contrib.auth.models import Group

pytestmark = pytest.mark.django_db


def test_staff_groups_exist():
    assert set(Group.objects.values_list("name", flat=True)) >= {"Moderation", "Redaktion"}


def test_editors_may_maintain_pages_and_moderators_may_not(editor, moderator):
    for action in ("add", "change", "delete", "view"):
        assert editor.has_perm(f"pages.{action}_page")
        assert not moderator.has_perm(f"pages.{action}_page")
