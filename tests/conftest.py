"""Fixtures shared by all tests."""

import pytest
from django.core.cache import cache

from tests.accounts.factories import UserFactory


@pytest.fixture(autouse=True)
def _empty_cache():
    # Rate limits and cached fragments must not leak from one test into the next.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def user(db):
    return UserFactory()


@pytest.fixture
def editor(db):
    return UserFactory(is_staff=True, groups=["Redaktion"])


@pytest.fixture
def moderator(db):
    return UserFactory(is_staff=True, groups=["Moderation"])


def pytest_collection_modifyitems(items):
    # Browser journeys use the live server, whose transactional tests empty the database
    # afterwards (groups from data migrations included); run them after all others.
    items.sort(key=lambda item: "tests/e2e/" in str(item.path).replace("\\", "/"))
