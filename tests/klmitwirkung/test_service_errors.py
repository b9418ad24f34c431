"""Every app shows a service's refusal on the form the same way (core.forms)."""

from django import forms
from django.core.exceptions import PermissionDenied, ValidationError

from core.forms import show_service_error
from core.ratelimit import RateLimited


class TextForm(forms.Form):
    text = forms.CharField()


def bound():
    form = TextForm({"text": "Mein Beitrag"})
    assert form.is_valid()
    return form


def test_field_errors_go_to_their_fields_and_the_rest_above_the_form():
    form = bound()
    show_service_error(
        form, ValidationError({"text": "Zu kurz.", "project": "Projekt geschlossen."})
    )
    assert form.errors["text"] == ["Zu kurz."]
    assert form.non_field_errors() == ["Projekt geschlossen."]
    assert form.data["text"] == "Mein Beitrag"  # what the person typed stays


def test_other_refusals_go_above_the_form_in_their_own_words():
    for error in (
        ValidationError("Bitte laden Sie die Seite neu."),
        RateLimited("Bitte warten Sie ein wenig."),
        PermissionDenied("Nur für Moderation."),
    ):
        form = bound()
        show_service_error(form, error)
        assert form.non_field_errors() == [
            error.messages[0] if hasattr(error, "messages") else str(error)
        ]
