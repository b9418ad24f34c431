"""Staff reach the admin only with a second factor set up on their account."""

from allauth.mfa.utils import is_mfa_enabled
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _


class StaffSecondFactorMiddleware:
    """Send staff without an authenticator app to set one up before the admin opens.

    allauth then asks for the code at every sign-in, so a stolen password alone never
    opens the back office.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if (
            request.path.startswith(reverse("admin:index"))
            and user.is_authenticated
            and user.is_staff
            and not is_mfa_enabled(user)
        ):
            messages.info(
                request,
                _(
                    "Before you can open the administration, please set up sign-in with an "
                    "authenticator app. You will then enter a code from the app every time "
                    "you sign in."
                ),
            )
            return redirect(
                f"{reverse('mfa_activate_totp')}?{urlencode({'next': request.get_full_path()})}"
            )
        return self.get_response(request)
