import time

import factory
from allauth.account.models import EmailAddress
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, hotp_value
from django.contrib.auth.models import Group

from accounts.models import User

PASSWORD = "a-Secure-test-password-1"
# The authenticator-app secret of staff made by the factory (see `totp_code`).
STAFF_TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


def totp_code(secret=STAFF_TOTP_SECRET, at=None):
    """The code an authenticator app shows for `secret` right now (or at the time `at`)."""
    return format_hotp_value(hotp_value(secret, int(time.time() if at is None else at) // 30))


class UserFactory(factory.django.DjangoModelFactory):
    """A citizen with a confirmed e-mail address.

    `confirmed=False` leaves the address unconfirmed; `groups=["Redaktion"]` puts the
    user into staff groups. Staff get an authenticator app (TOTP), as the admin requires;
    `second_factor=False` leaves it out.
    """

    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"nutzerin{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    password = factory.django.Password(PASSWORD)

    @factory.post_generation
    def confirmed(self, create, extracted, **kwargs):
        if create:
            EmailAddress.objects.create(
                user=self, email=self.email, primary=True, verified=extracted is not False
            )

    @factory.post_generation
    def groups(self, create, extracted, **kwargs):
        if create and extracted:
            self.groups.add(*Group.objects.filter(name__in=extracted))

    @factory.post_generation
    def second_factor(self, create, extracted, **kwargs):
        if create and self.is_staff and extracted is not False:
            TOTP.activate(self, STAFF_TOTP_SECRET)
