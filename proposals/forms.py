"""The form citizens write a proposal with; the services do the saving."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from core import photos
from core.images import ALT_REQUIRED
from projects.models import Project

from .models import DESCRIPTION_MAX_LENGTH, TITLE_MAX_LENGTH, Proposal


class ProposalForm(forms.ModelForm):
    """Title, description, topic and, optionally, a project that accepts proposals now.

    A proposal that already belongs to a project keeps it on the choice list while the
    author corrects it, even if that project has closed in the meantime.
    """

    class Meta:
        model = Proposal
        fields = ["title", "description", "topic", "project"]
        widgets = {
            "title": forms.TextInput(attrs={"maxlength": TITLE_MAX_LENGTH}),
            "description": forms.Textarea(attrs={"rows": 10, "maxlength": DESCRIPTION_MAX_LENGTH}),
        }
        help_texts = {
            "title": _("Up to 120 characters. Say in a few words what you propose."),
            "description": _(
                "Up to 5,000 characters of plain text; web addresses become links. What should "
                "change, where, and why? Please do not name private persons."
            ),
            "topic": _("The topic your proposal belongs to."),
            "project": _(
                "Optional. Only projects that are currently collecting proposals are listed."
            ),
        }
        error_messages = {
            "title": {"required": _("Please give your proposal a title.")},
            "description": {"required": _("Please describe your proposal.")},
            "topic": {"required": _("Please choose a topic.")},
            "project": {
                "invalid_choice": _("This project does not accept proposals at the moment.")
            },
        }

    photo = forms.FileField(
        label=_("Photo (optional)"),
        required=False,
        widget=forms.FileInput(attrs={"accept": photos.ACCEPT_ATTRIBUTE}),
        help_text=_(
            "One photo of what your proposal is about: JPEG, PNG or WebP, up to 12 MB. Before "
            "we keep it, we remove everything the file says besides the picture, such as the "
            "place where it was taken and the camera. It is published with your proposal."
        ),
    )
    photo_alt = forms.CharField(
        label=_("What the photo shows"),
        required=False,
        max_length=200,
        help_text=_(
            "For people who cannot see it, for example “The crossing at Stiftsplatz, with "
            "cars parked on the cycle lane”. Required with a photo."
        ),
    )
    photo_rights = forms.BooleanField(
        label=_(
            "I took this photo myself or may publish it, and nobody can be recognised on it "
            "who has not agreed."
        ),
        required=False,
    )
    remove_photo = forms.BooleanField(label=_("Remove the photo"), required=False)

    def __init__(self, *args, contest=None, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.image:
            self.fields["photo"].label = _("Replace the photo (optional)")
            self.fields["photo_alt"].initial = self.instance.image_alt
        else:
            del self.fields["remove_photo"]
        if contest is not None or self.instance.contest_id:
            # An idea for a contest belongs to the contest's project.
            del self.fields["project"]
            return
        projects = Project.objects.published().accepting_proposals()
        if self.instance.project_id:
            projects = projects | Project.objects.filter(pk=self.instance.project_id)
        self.fields["project"].queryset = projects.order_by("title")
        self.fields["project"].empty_label = _("No particular project")
        self.fields["topic"].empty_label = _("Please choose")

    def clean_photo(self):
        upload = self.cleaned_data.get("photo")
        return photos.cleaned_photo(upload) if upload else None

    def clean(self):
        cleaned = super().clean()
        new_photo = cleaned.get("photo")
        keeps_photo = bool(self.instance.image) and not cleaned.get("remove_photo")
        if new_photo and not cleaned.get("photo_rights"):
            self.add_error(
                "photo_rights",
                ValidationError(
                    _("Please confirm that you may publish this photo."), code="rights"
                ),
            )
        if (new_photo or keeps_photo) and not cleaned.get("photo_alt", "").strip():
            self.add_error("photo_alt", ValidationError(ALT_REQUIRED, code="alt"))
        if self.errors.get("photo") is None and new_photo and self.errors:
            # A browser never sends a chosen file again: say so, rather than lose it quietly.
            self.add_error(
                "photo",
                ValidationError(
                    _(
                        "Your photo was fine, but please choose it once more: for your "
                        "safety, browsers do not keep a chosen file when a form comes back."
                    ),
                    code="choose_again",
                ),
            )
        return cleaned

    def service_arguments(self):
        """What submit_proposal and update_proposal take: the text fields, the new photo
        (or None) with its description, and, for a proposal that has one, whether its photo
        is to go."""
        arguments = {
            name: self.cleaned_data.get(name) for name in self._meta.fields if name in self.fields
        }
        arguments["photo"] = self.cleaned_data.get("photo")
        arguments["photo_alt"] = self.cleaned_data.get("photo_alt", "")
        if self.instance.pk:
            arguments["remove_photo"] = bool(self.cleaned_data.get("remove_photo"))
        return arguments
