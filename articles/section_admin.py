"""The section admin: editors name the sections, their addresses and their order in the
navigation. A section that stories are filed under cannot be deleted (``PROTECT``)."""

from django.contrib import admin
from django.utils.html import format_html

from .models import Section


@admin.register(Section)
class SectionAdmin(admin.ModelAdmin):
    list_display = ["name", "order", "slug", "page"]
    list_editable = ["order"]
    list_display_links = ["name"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    fields = ["name", "slug", "order", "description"]

    @admin.display(description="page")
    def page(self, section):
        return format_html('<a href="{}">{}</a>', section.get_absolute_url(), "View on site")
