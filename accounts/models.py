"""The person behind a contribution: an e-mail address to sign in and a public name."""

from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .validators import german_postal_code, not_reserved, username_characters

# The postal codes of the city of Kaiserslautern; resident-only polls accept these.
KAISERSLAUTERN_POSTAL_CODES = ("67655", "67657", "67659", "67661", "67663")


class User(AbstractUser):
    # The public name is all that others see; real names are never asked for.
    username = models.CharField(
        _("public name"),
        max_length=30,
        unique=True,
        validators=[username_characters, not_reserved],
        help_text=_(
            "Shown with your contributions. 3 to 30 letters, digits, dots, hyphens or "
            "underscores. Please do not use your real name if you do not want to be recognised."
        ),
        error_messages={"unique": _("This public name is already taken.")},
    )
    email = models.EmailField(
        _("e-mail address"),
        unique=True,
        error_messages={"unique": _("An account with this e-mail address already exists.")},
    )
    first_name = None
    last_name = None
    postal_code = models.CharField(
        _("postal code"),
        max_length=5,
        blank=True,
        validators=[german_postal_code],
        help_text=_(
            "Optional. Polls for residents of Kaiserslautern ask for it; it is never shown "
            "to others."
        ),
    )
    postal_code_changed_at = models.DateTimeField(_("postal code changed"), null=True, blank=True)
    # Mails the person can switch off in the profile or by the link in each mail
    # (klmitwirkung.notifications.KINDS names them).
    notify_moderation = models.BooleanField(
        _("release of my contributions"),
        default=True,
        help_text=_(
            "An e-mail when the moderation releases one of your proposals or comments, or "
            "explains why it was not released or was removed."
        ),
    )
    notify_replies = models.BooleanField(
        _("replies to my comments"),
        default=True,
        help_text=_("An e-mail when someone answers one of your comments."),
    )
    notify_proposal_updates = models.BooleanField(
        _("news on proposals I made or support"),
        default=True,
        help_text=_(
            "An e-mail when the city changes the status of such a proposal or answers it."
        ),
    )
    notify_followed_projects = models.BooleanField(
        _("new polls in projects I follow"),
        default=True,
        help_text=_("An e-mail when a poll or survey opens in a project you follow."),
    )
    notify_poll_results = models.BooleanField(
        _("results of polls I took part in"),
        default=True,
        help_text=_("An e-mail when the results of a poll or survey you answered are out."),
    )

    objects = UserManager()

    REQUIRED_FIELDS = ["email"]

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["username"]
        constraints = [
            models.UniqueConstraint(
                Lower("username"),
                name="accounts_user_username_ci_unique",
                violation_error_message=_("This public name is already taken."),
            ),
            models.UniqueConstraint(
                Lower("email"),
                name="accounts_user_email_ci_unique",
                violation_error_message=_("An account with this e-mail address already exists."),
            ),
        ]

    def __str__(self):
        return self.username

    def get_absolute_url(self):
        return reverse("accounts:profile")

    @property
    def lives_in_kaiserslautern(self):
        return self.postal_code in KAISERSLAUTERN_POSTAL_CODES

    def get_full_name(self):
        return self.username

    def get_short_name(self):
        return self.username
