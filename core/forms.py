"""How a service's refusal reaches the form the person filled in: one way for every app."""

from django.core.exceptions import ValidationError


def show_service_error(form, error):
    """Put `error` from a service on `form`, which keeps what the person typed.

    A ValidationError naming fields goes to those the form has, the rest above the form; a
    refusal of another kind (a rate limit, a permission) above the form, in its own words.
    """
    if isinstance(error, ValidationError) and hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    elif isinstance(error, ValidationError):
        form.add_error(None, error)
    else:
        form.add_error(None, str(error))
