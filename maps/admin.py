from django.contrib import admin

from .models import Place


@admin.register(Place)
class PlaceAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "latitude", "longitude"]
    list_filter = ["kind"]
    search_fields = ["name", "description"]
    fields = ["name", "kind", "description", ("latitude", "longitude")]
