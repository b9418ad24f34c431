"""The person behind a contribution: an e-mail address to sign in and a public name."""

from django.conf import settings
from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .names import name_key, normalise
from .validators import german_postal_code, not_reserved, single_script, username_characters

# The postal codes of the city of Kaiserslautern; resident-only polls accept these.
KAISERSLAUTERN_POSTAL_CODES = ("67655", "67657", "67659", "67661", "67663")


class User(AbstractUser):
    # The public name is all that others see; real names are never asked for.
    username = models.CharField(
        _("public name"),
        max_length=30,
        unique=True,
        validators=[username_characters, not_reserved, single_script],
        help_text=_(
            "Shown with your contributions. 3 to 30 letters, digits, dots, hyphens or "
            "underscores. Please do not use your real name if you do not want to be recognised."
        ),
        error_messages={"unique": _("This public name is already taken.")},
    )
    # The name with case and look-alike letters ignored (accounts/names.py): unique, so
    # that nobody can pose as someone else with a Cyrillic "е" in place of a Latin "e".
    name_key = models.CharField(
        _("name without look-alikes"),
        max_length=150,
        unique=True,
        editable=False,
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
    # The language of the platform's mails to this person, and of the pages after signing in:
    # the language they signed up in, changed by the switch in the header or in the profile.
    language = models.CharField(
        _("language"),
        max_length=8,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        help_text=_("The language of the pages after you sign in and of our e-mails to you."),
    )
    # Mails the person can switch off in the profile or by the link in each mail
    # (core.notifications.KINDS names them).
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
    notify_progress = models.BooleanField(
        _("what became of what I took part in"),
        default=True,
        help_text=_(
            "An e-mail when the city reaches a step of what became of a poll you answered, "
            "a proposal you made or support, or a project you follow, and when it responds "
            "to your request for participation."
        ),
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

    def clean_fields(self, exclude=None):
        # The rules apply to the name as it will be stored (accounts/names.py).
        self.username = normalise(self.username or "")
        self.name_key = name_key(self.username)
        super().clean_fields(exclude=exclude)

    def save(self, *args, **kwargs):
        # Derived from the name, whichever way it was set (sign-up, admin, shell).
        self.name_key = name_key(self.username)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "username" in update_fields:
            kwargs["update_fields"] = {*update_fields, "name_key"}
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("accounts:profile")

    @property
    def lives_in_kaiserslautern(self):
        return self.postal_code in KAISERSLAUTERN_POSTAL_CODES

    def get_full_name(self):
        return self.username

    def get_short_name(self):
        return self.username
