"""The desk's view of photo rights: what runs out soon, and warnings for editors."""

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.template.response import TemplateResponse
from django.urls import path
from django.utils import timezone

# How far ahead the desk looks for licences running out.
EXPIRY_WINDOW_DAYS = 30


class RightsFilter(admin.SimpleListFilter):
    title = "rights"
    parameter_name = "rights"

    def lookups(self, request, model_admin):
        return [
            ("expiring", f"expiring within {EXPIRY_WINDOW_DAYS} days"),
            ("expired", "expired"),
            ("restricted", "with usage restrictions"),
        ]

    def queryset(self, request, queryset):
        today = timezone.localdate()
        if self.value() == "expiring":
            return queryset.expiring_within(EXPIRY_WINDOW_DAYS, today)
        if self.value() == "expired":
            return queryset.filter(expires_on__lte=today)
        if self.value() == "restricted":
            return queryset.exclude(Q(restrictions="") | Q(restrictions__isnull=True))
        return queryset


class PhotoRightsAdmin:
    """Adds the "expiring soon" page to the photo admin."""

    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        return [
            path(
                "expiring/",
                self.admin_site.admin_view(self.expiring_view),
                name="{}_{}_expiring".format(*info),
            ),
            *super().get_urls(),
        ]

    # What uses a photo is for the apps built on photos to say (stories do, in
    # articles.admin): photos know nothing of them.
    uses_title = None

    def uses_of(self, photos):
        """{photo pk: [{"url", "label", "note"}]} of what uses each of ``photos``."""
        return {}

    def expiring_view(self, request):
        """Photos whose licence runs out within the window, with what uses them."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        today = timezone.localdate()
        photos = list(
            self.model.objects.expiring_within(EXPIRY_WINDOW_DAYS, today).select_related(
                "replacement"
            )
        )
        uses = self.uses_of(photos)
        rows = [
            {
                "photo": photo,
                "days_left": (photo.expires_on - today).days,
                "uses": uses.get(photo.pk, []),
            }
            for photo in photos
        ]
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": f"Photos whose licence expires within {EXPIRY_WINDOW_DAYS} days",
            "rows": rows,
            "window": EXPIRY_WINDOW_DAYS,
            "uses_title": self.uses_title,
        }
        return TemplateResponse(request, "admin/photos/photo/expiring.html", context)

    def changelist_view(self, request, extra_context=None):
        extra_context = {**(extra_context or {}), "expiring_window": EXPIRY_WINDOW_DAYS}
        return super().changelist_view(request, extra_context)
