"""Small view helpers that every app may use."""


class NoStoreMixin:
    """Personal data stays out of shared and browser caches."""

    def dispatch(self, request, *args, **kwargs):
        response = super().dispatch(request, *args, **kwargs)
        response["Cache-Control"] = "no-store"
        return response
