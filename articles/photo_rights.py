"""The desk's view of photo rights: what runs out soon, and warnings for editors."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch, Q
from django.template.response import TemplateResponse
from django.urls import path
from django.utils import timezone

from .models import Article

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

    def expiring_view(self, request):
        """Photos whose licence runs out within the window, with the stories they lead."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        today = timezone.localdate()
        photos = (
            self.model.objects.expiring_within(EXPIRY_WINDOW_DAYS, today)
            .select_related("replacement")
            .prefetch_related(
                Prefetch(
                    "lead_of",
                    queryset=Article.objects.only(
                        "pk", "headline", "status", "published_at", "lead_photo"
                    ).order_by("-published_at", "-pk"),
                )
            )
        )
        rows = [
            {
                "photo": photo,
                "days_left": (photo.expires_on - today).days,
                "stories": photo.lead_of.all(),
            }
            for photo in photos
        ]
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": f"Photos whose licence expires within {EXPIRY_WINDOW_DAYS} days",
            "rows": rows,
            "window": EXPIRY_WINDOW_DAYS,
        }
        return TemplateResponse(request, "admin/articles/photo/expiring.html", context)

    def changelist_view(self, request, extra_context=None):
        extra_context = {**(extra_context or {}), "expiring_window": EXPIRY_WINDOW_DAYS}
        return super().changelist_view(request, extra_context)


def warn_about_lead_photo(request, article):
    """Tell the editor who just chose ``article``'s lead photo what its rights say."""
    photo = article.lead_photo
    if photo is None:
        return
    warning = photo.rights_warning
    if not warning:
        return
    if photo.is_expired:
        fallback = (
            f"readers see its replacement, “{photo.replacement}”"
            if photo.for_readers is not None
            else "readers see the story without a photo"
        )
        messages.warning(request, f"The lead photo cannot be shown: {warning}; {fallback}.")
    else:
        messages.warning(request, f"Check the lead photo's rights before publishing: {warning}.")
