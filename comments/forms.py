"""The form to write a comment or a reply; the target travels in hidden fields."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import TEXT_MAX_LENGTH
from .permissions import can_answer_officially, needs_second_factor_to_answer


class CommentForm(forms.Form):
    """Text and, for staff who may, the mark "answer of the city".

    The hidden fields name the page ("app_label.model" and its number) and the comment
    answered; the view looks them up among what the writer may see.
    """

    target = forms.CharField(widget=forms.HiddenInput)
    object_id = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
    parent = forms.IntegerField(widget=forms.HiddenInput, min_value=1, required=False)
    text = forms.CharField(
        label=_("Your comment"),
        help_text=_("Up to 2,000 characters; web addresses become links."),
        max_length=TEXT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={
            "required": _("Please write a comment."),
            "max_length": _(
                "Please shorten your comment to %(limit_value)s characters; it has %(show_value)s."
            ),
        },
    )
    official = forms.BooleanField(
        label=_("Publish as the answer of the city"),
        help_text=_("Marks the comment as the official answer of the city."),
        required=False,
    )

    def __init__(self, *args, user, **kwargs):
        kwargs.setdefault("auto_id", "id_comment_%s")
        super().__init__(*args, **kwargs)
        if not can_answer_officially(user):
            # A citizen's "official=on" is simply not a field of their form.
            del self.fields["official"]
        # Staff who could answer as the city once they have set up their second factor.
        self.second_factor_missing = needs_second_factor_to_answer(user)
        if self["parent"].value():
            self.fields["text"].label = _("Your reply")

    def has_text(self):
        """Whether the person wrote something, so that the page may say it is still there."""
        return bool(str(self["text"].value() or "").strip())

    @classmethod
    def for_target(cls, target, *, user, parent=None):
        initial = {"target": target._meta.label_lower, "object_id": target.pk}
        if parent is not None:
            initial["parent"] = parent.pk
        return cls(user=user, initial=initial)
