"""Public names and e-mail addresses: the rules every account keeps, in the database too."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError

from accounts.models import User
from tests.accounts.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "name", ["abc", "Lauterer_Bürgerin", "kl.fan-67655", "x" * 30, "Олена_К", "Γιώργος"]
)
def test_valid_public_names(name):
    User(username=name, email="a@example.org").full_clean(exclude=["password"])


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("ab", "invalid"),
        ("x" * 31, "max_length"),
        ("mit leerzeichen", "invalid"),
        ("<script>", "invalid"),
        ("admin", "reserved"),
        ("Moderation", "reserved"),
        ("STADT", "reserved"),
        ("KLmitWirkung", "reserved"),
        # Look-alikes of reserved names: Cyrillic М, full-width letters, digit one for i.
        ("Мoderation", "reserved"),
        ("ＭＯＤＥＲＡＴＩＯＮ", "reserved"),
        ("moderat1on", "reserved"),
        ("Rathaus\u200b", "reserved"),
        # Latin and Cyrillic letters mixed: a look-alike in the making.
        ("Rеdaktion-Demo", "mixed_scripts"),
    ],
)
def test_invalid_public_names(name, code):
    with pytest.raises(ValidationError) as error:
        User(username=name, email="a@example.org").full_clean(exclude=["password"])
    assert code in [e.code for e in error.value.error_dict["username"]]


def test_public_name_is_unique_ignoring_case_in_the_database():
    UserFactory(username="Pfalzliebe")
    with pytest.raises(IntegrityError):
        User.objects.create(username="pfalzliebe", email="other@example.org")


def test_public_name_clash_ignoring_case_is_a_validation_message():
    UserFactory(username="Pfalzliebe")
    with pytest.raises(ValidationError) as error:
        User(username="PFALZLIEBE", email="other@example.org").full_clean(exclude=["password"])
    assert "Dieser öffentliche Name ist bereits vergeben." in str(error.value)


def test_email_is_unique_ignoring_case_in_the_database():
    UserFactory(email="person@example.org")
    with pytest.raises(IntegrityError):
        User.objects.create(username="zweite", email="Person@Example.org")


def test_no_real_name_is_stored():
    field_names = {field.name for field in User._meta.get_fields()}
    assert not {"first_name", "last_name"} & field_names
    assert str(UserFactory(username="Westpfalz")) == "Westpfalz"


@pytest.mark.parametrize(
    "look_alike",
    [
        "Rеdaktion-Demo",  # Cyrillic е
        "REDAKTION-DEMO",
        "Redaktion-Dem0",  # digit zero
        "Redaktlon-Demo",  # small L for i
    ],
)
def test_a_name_that_looks_like_one_taken_is_refused(look_alike):
    UserFactory(username="Redaktion-Demo")
    with pytest.raises(ValidationError):
        User(username=look_alike, email="other@example.org").full_clean(exclude=["password"])
    assert User.objects.count() == 1


def test_look_alike_names_are_refused_by_the_database_too():
    UserFactory(username="Redaktion-Demo")
    with pytest.raises(IntegrityError):
        User.objects.create(username="Redaktion-Dern0", email="other@example.org")


def test_a_similar_but_distinct_name_is_fine():
    UserFactory(username="Redaktion-Demo")
    User(username="Redaktion-Deno", email="other@example.org").full_clean(exclude=["password"])


def test_invisible_characters_are_removed_from_names():
    user = User(username="\u202eAnna\u200b_K", email="anna@example.org")
    user.full_clean(exclude=["password"])
    assert user.username == "Anna_K"
