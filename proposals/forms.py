"""The form citizens write a proposal with; the services do the saving."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.photos import PhotoFields
from projects.models import Project

from .models import DESCRIPTION_MAX_LENGTH, TITLE_MAX_LENGTH, Proposal


class ProposalForm(PhotoFields, forms.ModelForm):
    """Title, description, topic and, optionally, a project that accepts proposals now, and
    a photo (core.photos.PhotoFields).

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

    def __init__(self, *args, contest=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.photo_setup(self.instance if self.instance.pk else None)
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

    def clean(self):
        cleaned = super().clean()
        self.photo_errors(cleaned)
        return cleaned

    def service_arguments(self):
        """What submit_proposal and update_proposal take: the text fields, the new photo
        (or None) with its description, and, for a proposal that has one, whether its photo
        is to go."""
        arguments = {
            name: self.cleaned_data.get(name) for name in self._meta.fields if name in self.fields
        }
        return {**arguments, **self.photo_arguments()}
