"""The front page the desk arranges: the lead and the top stories, one slot each.

Editors pick a story through the story picker (any story: a draft or a
scheduled one waits until it is live), optionally with a headline and photo
of its own for the front page and a moment the slot ends. The list says what
readers see in each place now; an empty, ended or waiting slot falls back to
the newest stories (``reading.front_page``).
"""

from django.contrib import admin
from django.utils import timezone

from common.admin_widgets import LabelledDateTimeMixin

from .models import FrontSlot, desk_time


@admin.register(FrontSlot)
class FrontSlotAdmin(LabelledDateTimeMixin, admin.ModelAdmin):
    list_display = ["place_name", "article", "headline", "ends", "showing"]
    list_display_links = ["place_name", "article"]
    list_select_related = ["article"]
    autocomplete_fields = ["article", "photo"]
    fields = ["place", "article", "headline", "photo", "ends_at"]

    @admin.display(description="place", ordering="place")
    def place_name(self, slot):
        return slot.get_place_display().capitalize()

    @admin.display(description="ends", ordering="ends_at")
    def ends(self, slot):
        return desk_time(slot.ends_at) if slot.ends_at else "until changed"

    @admin.display(description="readers see it")
    def showing(self, slot):
        """In words: shown now, or why the newest stories stand in."""
        now = timezone.now()
        if slot.ends_at is not None and slot.ends_at <= now:
            return "no: ended, the newest stories stand in"
        if not slot.article.is_live:
            if slot.article.is_scheduled:
                return f"from {desk_time(slot.article.published_at)}"
            return "no: the story is not published yet"
        return "yes"
