"""The tag admin: taggit's own, with the tag's description for its page."""

from django.contrib import admin
from taggit.admin import TagAdmin
from taggit.models import Tag

from .models import TagDescription


class TagDescriptionInline(admin.StackedInline):
    model = TagDescription
    can_delete = False
    verbose_name_plural = "description"


admin.site.unregister(Tag)


@admin.register(Tag)
class DescribedTagAdmin(TagAdmin):
    inlines = [TagDescriptionInline, *TagAdmin.inlines]
