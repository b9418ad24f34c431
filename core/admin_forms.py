"""Admin form pieces that screen readers can name: inline fields and file inputs."""

from django.contrib.admin.widgets import AdminFileWidget
from django.forms.models import BaseInlineFormSet


class LabelledInlineFormSet(BaseInlineFormSet):
    """Tabular inlines name their inputs only in the column headings: screen readers need more."""

    def add_fields(self, form, index):
        super().add_fields(form, index)
        for field in form.fields.values():
            if field.label and not field.widget.is_hidden:
                # A foreign key's select sits inside the admin's wrapper (with its "+"
                # link): the select itself needs the name.
                widget = getattr(field.widget, "widget", field.widget)
                widget.attrs.setdefault("aria-label", field.label)


class LabelledFileWidget(AdminFileWidget):
    """The admin's file input, named by the field's own label.

    Django's admin puts a file field into a fieldset whose legend names the group
    (current file, "Clear", new file) but leaves the file input itself without a name.
    """

    use_fieldset = False
