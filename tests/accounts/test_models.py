"""Public names and e-mail addresses: the rules every account keeps, in the database too."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError

from accounts.models import User
from tests.accounts.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("name", ["abc", "Lauterer_Bürgerin", "kl.fan-67655", "x" * 30])
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
