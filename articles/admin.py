"""The desk's admin for stories (and the stories a photo leads, on the photo admin)."""

import datetime

from csp.decorators import csp_replace
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.contrib.admin.templatetags.admin_urls import add_preserved_filters
from django.contrib.admin.utils import flatten_fieldsets, unquote
from django.contrib.admin.views.main import ORDER_VAR, SEARCH_VAR, ChangeList
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F, Prefetch, Q, TextField, Value
from django.http import Http404, HttpResponseNotAllowed, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.html import format_html, format_html_join
from django.utils.translation import ngettext
from django.views.decorators.clickjacking import xframe_options_sameorigin
from js_asset import Media
from reversion.admin import VersionAdmin
from reversion.models import Version

from common.admin_fields import with_the_rest
from common.admin_lists import ArchiveListMixin, rows_of_each
from common.admin_rows import RowsFormSet
from common.admin_widgets import ChosenRowsMixin, LabelledCellsMixin, LabelledDateTimeMixin
from common.month_names import month_names
from people.admin import PersonAdmin, RelationshipAdmin
from people.models import Person, PersonAlias, name_key
from photos.admin import THUMBNAIL_WIDTH, PhotoAdmin, photos_matching, thumbnail_of
from photos.models import Photo, PhotoCredit
from photos.quick_upload import QuickPhotoForm

from . import (  # noqa: F401 - the *_admin modules register their models
    calendar,
    front_page_admin,
    revisions,
    roles,
    section_admin,
    tag_admin,
    workflow,
)
from .body import (
    DESCRIPTION_LENGTH,
    HEADLINE_SEARCH_LENGTH,
    SOCIAL_TITLE_LENGTH,
    WORDS_PER_MINUTE,
    age_mismatches,
    mentioned_people,
    photo_ids,
    plain_text,
    reading_minutes,
    word_count,
    word_runs,
)
from .desk import (
    CorrectionsFilter,
    MineFilter,
    PersonFilter,
    PhotoRightsFilter,
    PublishedFilter,
    TagFilter,
    desk_search,
)
from .forms import BulkPersonForm, BulkTagForm, LivePreviewForm, StoryForm
from .models import (
    Article,
    ArticlePerson,
    Byline,
    Contributor,
    Correction,
    PersonCoverage,
    Place,
    RelationshipEvidence,
    TaggedArticle,
    byline_name,
    desk_time,
)
from .querysets import UNSHOWN, credits_prefetch
from .sanitize import clean_body

#: What a story shows once saved: a new story's form has none of these.
SAVED_STORY_ONLY = ("status_history", "preview_link", "desk_checks", "search_preview")
#: Stories a teaser search offers at once.
TEASER_CHOICES = 10
#: Photos a photo search offers at once.
PHOTO_CHOICES = 12
#: The story editor's upload form's field names start so: none is the story form's.
PHOTO_UPLOAD_PREFIX = "photo-upload"


@admin.display(description="used in")
def used_in(photo):
    return ", ".join(story.headline for story in photo.lead_of.all()) or "–"


# The photo admin is the photos app's; the stories a photo leads are added here,
# where stories are known.
admin.site.unregister(Photo)


@admin.register(Photo)
class StoryPhotoAdmin(PhotoAdmin):
    list_display = [*PhotoAdmin.list_display, used_in]
    uses_title = "Stories using it"

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .prefetch_related(
                Prefetch("lead_of", queryset=Article.objects.only("pk", "headline", "lead_photo"))
            )
        )

    def uses_of(self, photos):
        stories = Article.objects.filter(lead_photo__in=photos).only(
            "pk", "headline", "status", "published_at", "lead_photo"
        )
        uses = {}
        for story in stories.order_by("-published_at", "-pk"):
            uses.setdefault(story.lead_photo_id, []).append(
                {
                    "url": reverse("admin:articles_article_change", args=[story.pk]),
                    "label": story.headline,
                    "note": story.get_status_display(),
                }
            )
        return uses


# The person admin is the people app's; how much each person is covered is
# added here, where stories are known.
admin.site.unregister(Person)

#: After exact names and aliases: the most covered people first.
MOST_COVERED = [F("coverage__stories").desc(), "pk"]


@admin.register(Person)
class CoveredPersonAdmin(PersonAdmin):
    """People with the number of stories about each, ranked by it where searched.

    The pickers of the story form ask this admin: a search puts whoever is
    named exactly (name or alias) first, then the most covered people, so
    "kim" offers the star before a namesake in two stories. Read from
    ``PersonCoverage``: one indexed row a person, whatever the archive.
    """

    list_display = [*PersonAdmin.list_display, "stories"]
    list_select_related = ["coverage"]

    @admin.display(description="stories", ordering="coverage__stories")
    def stories(self, person):
        try:
            count = person.coverage.stories
        except PersonCoverage.DoesNotExist:
            count = 0
        return format_html(
            '<a href="{}?person={}">{}</a>',
            reverse("admin:articles_article_changelist"),
            person.slug,
            f"{count:,}",
        )

    def get_search_results(self, request, queryset, search_term):
        found, duplicates = super().get_search_results(request, queryset, search_term)
        # The list orders through get_ordering; a picker takes the order given here.
        if request.resolver_match and request.resolver_match.url_name == "autocomplete":
            # Every person has a total (reading.receivers gives one at creation):
            # joined as an inner join, the most covered are read off its index
            # (an empty picker at 50,000 people: 67 ms -> 0.3 ms of SQL).
            found = found.filter(coverage__isnull=False).exact_first(search_term, *MOST_COVERED)
        return found, duplicates

    def get_ordering(self, request):
        term = request.GET.get(SEARCH_VAR, "").strip()
        if term and ORDER_VAR not in request.GET:
            return Person.objects.exact_first_ordering(term, *MOST_COVERED)
        return super().get_ordering(request)


def replacement_note(photo, without):
    """What readers see of an expired ``photo``: its replacement, or ``without``."""
    if photo.for_readers is not None:
        return f"readers see its replacement, “{photo.replacement}”"
    return without


def warn_about_lead_photo(request, article):
    """Tell the editor who just chose ``article``'s lead photo what its rights say."""
    photo = article.lead_photo
    if photo is None:
        return
    warning = photo.rights_warning
    if not warning:
        return
    if photo.is_expired:
        fallback = replacement_note(photo, "readers see the story without a photo")
        messages.warning(request, f"The lead photo cannot be shown: {warning}; {fallback}.")
    else:
        messages.warning(request, f"Check the lead photo's rights before publishing: {warning}.")


def warn_about_body_photos(request, photos):
    """Tell the editor who just placed ``photos`` in a body what their rights say,
    as for a lead photo."""
    for photo in photos:
        warning = photo.rights_warning
        marker = f"[photo: {photo.pk}]"
        if not warning:
            continue
        if photo.is_expired:
            fallback = replacement_note(photo, "readers see nothing in its place")
            messages.warning(
                request, f"The photo {marker} in the body cannot be shown: {warning}; {fallback}."
            )
        else:
            messages.warning(
                request,
                f"Check the rights of the photo {marker} in the body before publishing: {warning}.",
            )


def readers_note(photo):
    """What readers see of ``photo`` when it is placed, when that is not the photo itself."""
    shown = photo.for_readers
    if shown is photo:
        return ""
    if shown is not None:
        return f"Readers see its replacement instead: “{shown}”."
    if photo.is_expired:
        return "Readers will not see it: its licence has expired and nothing replaces it."
    return "Readers will not see it: it has no renditions yet."


def photo_choice(photo):
    """``photo`` as the story editor's photo picker lists it (credits prefetched)."""
    return {
        "id": photo.pk,
        "marker": f"[photo: {photo.pk}]",
        "caption": photo.caption,
        "alt": photo.alt_text,
        "credit_line": photo.credit_line,
        "uploaded": desk_time(photo.created_at),
        "thumbnail": thumbnail_of(photo, THUMBNAIL_WIDTH),
        "rights": photo.rights_warning,
        "readers": readers_note(photo),
    }


class PeopleInStoryFormSet(RowsFormSet):
    """A person once per story, and at most one of them the main person."""

    def clean(self):
        super().clean()
        elsewhere = self.saved_elsewhere()
        tagged = set(elsewhere.values_list("person_id", flat=True))
        has_main = elsewhere.filter(is_main=True).exists()
        for form in self.kept_forms():
            link = form.instance
            if link.person_id in tagged:
                self.refuse(form, "article_person_unique")
            tagged.add(link.person_id)
            if link.is_main:
                if has_main:
                    self.refuse(form, "article_one_main_person")
                has_main = True

    def save_existing_objects(self, commit=True):
        # Rows are saved in page order: handing "main" to a row above the old
        # main person would briefly make two, which the database refuses.
        if commit:
            staying_main = [form.instance.pk for form in self.kept_forms() if form.instance.is_main]
            self.model.objects.filter(pk__in=self.pks_on_page(), is_main=True).exclude(
                pk__in=[pk for pk in staying_main if pk is not None]
            ).update(is_main=False)
        return super().save_existing_objects(commit)


class StoryRowsInline(ChosenRowsMixin, LabelledCellsMixin, admin.TabularInline):
    """Rows of a story that a user may add, change or delete only where ``allows`` says."""

    # A row's label names its story and its person or tag: read with the
    # rows, not one query a row.
    related = ()

    def get_queryset(self, request):
        return super().get_queryset(request).select_related(*self.related)

    def allows(self, request, obj):
        raise NotImplementedError

    def has_add_permission(self, request, obj=None):
        return super().has_add_permission(request, obj) and self.allows(request, obj)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and self.allows(request, obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and self.allows(request, obj)


class PersonInStoryInline(StoryRowsInline):
    model = ArticlePerson
    formset = PeopleInStoryFormSet
    fields = ["person", "is_main", "order"]
    autocomplete_fields = ["person"]
    related = ["article", "person"]
    extra = 1

    # Writers tag people on the stories they may edit; researchers on any story.
    def allows(self, request, obj):
        return (
            obj is None or roles.can_write(request.user, obj) or roles.can_tag_people(request.user)
        )


class StoryTagsFormSet(RowsFormSet):
    """A tag once per story."""

    def clean(self):
        super().clean()
        tags = set(self.saved_elsewhere().values_list("tag_id", flat=True))
        for form in self.kept_forms():
            if form.instance.tag_id in tags:
                self.refuse(form, "tagged_article_unique")
            tags.add(form.instance.tag_id)


class TagInline(StoryRowsInline):
    """Tags, picked by search; replaces the plain comma-separated ``tags`` field."""

    model = TaggedArticle
    formset = StoryTagsFormSet
    fields = ["tag"]
    autocomplete_fields = ["tag"]
    related = ["content_object", "tag"]
    extra = 1

    def allows(self, request, obj):
        return obj is None or roles.can_write(request.user, obj)


class BylinesFormSet(RowsFormSet):
    """An author once per byline; a writer who may edit only their own stories stays on it."""

    user = None  # set by BylineInline.get_formset

    def clean(self):
        super().clean()
        kept = set(self.saved_elsewhere().values_list("contributor_id", flat=True))
        for form in self.kept_forms():
            if form.instance.contributor_id in kept:
                self.refuse(form, "byline_unique")
            kept.add(form.instance.contributor_id)
        if self.user is None or self.instance.pk is None or roles.can_edit_any(self.user):
            return
        own = Contributor.objects.filter(account=self.user).values_list("pk", flat=True).first()
        if own is not None and own not in kept:
            raise ValidationError(
                "Keep your own name on the byline: without it you could no longer edit "
                "the story. An editor can take it off."
            )


class BylineInline(StoryRowsInline):
    """The byline, in the order printed: staff writers and guests, picked by search."""

    model = Byline
    formset = BylinesFormSet
    fields = ["contributor", "order"]
    autocomplete_fields = ["contributor"]
    related = ["article", "contributor"]
    extra = 1
    verbose_name = "author on the byline"
    verbose_name_plural = "byline (printed in this order; each name links to its author page)"

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        return type(formset.__name__, (formset,), {"user": request.user})

    def allows(self, request, obj):
        return obj is None or roles.can_write(request.user, obj)


class CorrectionInline(admin.StackedInline):
    """Corrections and updates: editors append them; nobody edits or removes one."""

    model = Correction
    fields = ["kind", "text", "created_at", "by"]
    readonly_fields = ["created_at", "by"]
    extra = 0
    can_delete = False
    verbose_name = "correction or update"
    verbose_name_plural = "corrections and updates (shown at the foot of the story, kept for good)"

    def has_add_permission(self, request, obj=None):
        # Appended to published stories; a draft is simply rewritten.
        return (
            super().has_add_permission(request, obj)
            and obj is not None
            and obj.status == Article.Status.PUBLISHED
        )

    def has_change_permission(self, request, obj=None):
        return False

    def get_readonly_fields(self, request, obj=None):
        return self.readonly_fields

    def get_fields(self, request, obj=None):
        return self.fields


class StateFilter(admin.SimpleListFilter):
    """Where stories stand for readers, scheduled ones apart from live ones."""

    title = "state"
    parameter_name = "state"

    def lookups(self, request, model_admin):
        return [
            ("draft", "draft"),
            ("review", "in review"),
            ("scheduled", "scheduled"),
            ("live", "live"),
        ]

    def queryset(self, request, queryset):
        now = timezone.now()
        match self.value():
            case "draft" | "review":
                return queryset.filter(status=self.value())
            case "scheduled":
                return queryset.filter(status="published", published_at__gt=now)
            case "live":
                return queryset.published(now)
        return queryset


class StoryChangeList(ChangeList):
    """The story list reads only the columns it shows: never the bodies, and of
    each story's people only the name and slug its cell links to."""

    shown = ["headline", "slug", "status", "published_at"]

    def get_queryset(self, request, exclude_parameters=None):
        # Bulk actions get this queryset too: they read bodies (age checks) and save.
        return (
            super().get_queryset(request, exclude_parameters).defer("body", "person_ids", "tag_ids")
        )

    def get_results(self, request):
        # Into lists of their own (to_attr): a related manager's prefetch
        # builds a queryset for each of the 100 rows, taggit's two.
        people = ArticlePerson.objects.select_related("person").only(
            "article", "is_main", "order", "person__name", "person__slug"
        )
        tags = TaggedArticle.objects.select_related("tag").only(
            "content_object", "tag__name", "tag__slug"
        )
        self.queryset = (
            self.queryset.only(*self.shown)
            .prefetch_related(None)
            .prefetch_related(
                Prefetch("person_links", queryset=people, to_attr="listed_people"),
                Prefetch("tagged_items", queryset=tags, to_attr="listed_tags"),
            )
        )
        super().get_results(request)


@admin.register(Article)
class ArticleAdmin(ArchiveListMixin, LabelledDateTimeMixin, VersionAdmin):
    form = StoryForm
    list_display = ["headline", "state", "publication", "main_person", "tag_list"]
    # One status filter (StateFilter tells scheduled from live); the publication
    # drill-down reads the date index, where date_hierarchy would read every row.
    list_filter = [
        StateFilter,
        MineFilter,
        PublishedFilter,
        PersonFilter,
        TagFilter,
        CorrectionsFilter,
        PhotoRightsFilter,
    ]
    # desk_search decides what is searched; the box shows because this is set.
    search_fields = ["headline"]
    prepopulated_fields = {"slug": ["headline"]}
    autocomplete_fields = ["lead_photo", "related", "dateline_place"]
    # The groups with a place of their own; any other field of the story (not
    # the people and tags, which have inlines) comes last, under "More".
    fieldsets = with_the_rest(
        Article,
        [
            (
                None,
                {
                    "fields": [
                        "headline",
                        ("slug", "kind", "section"),
                        "standfirst",
                        ("dateline", "dateline_place", "dateline_source"),
                        "body",
                        "text_stats",
                        "seen_version",
                    ]
                },
            ),
            ("Desk checks", {"fields": ["desk_checks"]}),
            (
                "Publishing",
                {
                    "fields": [
                        "status",
                        "published_at",
                        "publish_despite_ages",
                        "preview_link",
                        "status_history",
                    ]
                },
            ),
            ("Around the story", {"fields": ["lead_photo", "related"]}),
            (
                "Search and social",
                {"fields": ["seo_title", "social_headline", "search_preview"]},
            ),
        ],
        exclude=StoryForm._meta.exclude,
    )
    inlines = [BylineInline, PersonInStoryInline, TagInline, CorrectionInline]
    actions = ["publish_stories", "unpublish_stories", "add_tag", "add_person"]
    object_history_template = "admin/articles/article/object_history.html"
    change_list_template = "admin/articles/article/change_list.html"

    class Media:
        css = {"all": ["admin/articles/desk.css"]}
        js = [
            "admin/articles/desk.js",
            "admin/articles/story_draft.js",
            "admin/articles/live_preview.js",
            "admin/articles/teaser_picker.js",
            "admin/articles/photo_picker.js",
        ]

    # Who may do what -------------------------------------------------------

    def get_inlines(self, request, obj):
        # Corrections are appended to published stories only.
        inlines = [*self.inlines, ReportedRelationshipInline]
        if (
            obj is None
            or obj.status != Article.Status.PUBLISHED
            or self.opened_unpublished(request)
        ):
            return [inline for inline in inlines if inline is not CorrectionInline]
        return inlines

    @staticmethod
    def opened_unpublished(request):
        """A post from a form drawn before the story was published: it has no corrections.

        Without this the save would be refused for a missing form, not for the
        version its author never saw.
        """
        prefix = Correction._meta.get_field("article").remote_field.get_accessor_name()
        return request.method == "POST" and f"{prefix}-TOTAL_FORMS" not in request.POST

    def has_change_permission(self, request, obj=None):
        if not super().has_change_permission(request, obj):
            return False
        return (
            obj is None or roles.can_write(request.user, obj) or roles.can_tag_people(request.user)
        )

    def has_publish_permission(self, request):
        return roles.can_publish(request.user)

    def has_edit_any_permission(self, request):
        return roles.can_edit_any(request.user)

    def has_tag_people_permission(self, request):
        return roles.can_tag_people(request.user)

    def render_change_form(self, request, context, *args, **kwargs):
        story = context.get("original")
        if request.method == "POST" and story is not None and story.pk is not None:
            # A refused save: the heading names the story as saved, not as typed.
            saved = Article.objects.filter(pk=story.pk).first()
            if saved is not None:
                context["subtitle"] = str(saved)
                context["original"] = saved
        if context.get("has_change_permission", True):
            # The buttons, by role and stage, instead of a status menu and Save.
            # A refused save offers the buttons of the story as saved, not as typed.
            saved = context.get("original")
            context["story_steps"] = workflow.steps(request.user, saved)
            context["story_stage"] = workflow.describe_stage(saved)
        # The rich-text editor's import map is an inline script: it carries this
        # request's CSP nonce, which is all the policy lets run inline.
        context["media"] = Media.from_media(context["media"], nonce=request.csp_nonce)
        # The editor also sets styles from its scripts; styles may not run code, so
        # this page alone lets them be inline. Scripts stay nonce-only.
        response = super().render_change_form(request, context, *args, **kwargs)
        # A file chosen or dropped for upload is shown from the browser's own copy
        # (a blob: address) before it is sent, as on the photo form.
        response._csp_update = {"style-src": ["'unsafe-inline'"], "img-src": ["blob:"]}
        return response

    def get_prepopulated_fields(self, request, obj=None):
        # A read-only slug (a researcher's view of a story) cannot be prefilled.
        if obj is not None and not roles.can_write(request.user, obj):
            return {}
        return super().get_prepopulated_fields(request, obj)

    def get_readonly_fields(self, request, obj=None):
        shown = ["text_stats", "desk_checks", "preview_link", "status_history", "search_preview"]
        if obj is not None and not roles.can_write(request.user, obj):
            # A researcher tags people; the story itself stays as written.
            form_fields = [
                field
                for field in flatten_fieldsets(self.fieldsets)
                if field not in shown and field != "seen_version"
            ]
            return [*shown, *form_fields]
        if not roles.can_publish(request.user):
            shown.append("published_at")
        return shown

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if not roles.can_publish(request.user):
            fieldsets = [
                (
                    name,
                    {
                        **options,
                        "fields": [f for f in options["fields"] if f != "publish_despite_ages"],
                    },
                )
                for name, options in fieldsets
            ]
        if obj is None:
            return [
                (
                    name,
                    {
                        **options,
                        "fields": [f for f in options["fields"] if f not in SAVED_STORY_ONLY],
                    },
                )
                for name, options in fieldsets
                if options["fields"] != ["desk_checks"]
            ]
        return fieldsets

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        return type(form.__name__, (form,), {"request": request})

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .prefetch_related(
                Prefetch("person_links", queryset=ArticlePerson.objects.select_related("person")),
                "tags",
            )
        )

    def get_changelist(self, request, **kwargs):
        return StoryChangeList

    def lookup_allowed(self, lookup, value, request=None):
        # Links made when the tag filter listed every tag keep working.
        return lookup == "tags__id__exact" or super().lookup_allowed(lookup, value, request)

    def get_search_results(self, request, queryset, search_term):
        return desk_search(queryset, search_term), False

    # Saving ----------------------------------------------------------------

    def may_restore(self, request, story=None):
        return self.has_change_permission(request, story) and roles.can_restore(request.user, story)

    def revision_view(self, request, object_id, version_id, extra_context=None):
        """Restore an old revision: it is laid over the story, then saved as a new version.

        The rights are checked, and the revision found among the story's own,
        before anything is laid over: the restore writes to the database first.
        The story keeps its publication state; only its text comes back.
        """
        story = self.get_object(request, unquote(object_id))
        if story is None:
            raise Http404("No such story.")
        if not self.may_restore(request, story):
            raise PermissionDenied
        if not Version.objects.get_for_object(story).filter(pk=version_id).exists():
            raise Http404("No such revision of this story.")
        request.version_before_restore = story.version
        request.publication_kept = (story.status, story.published_at)
        return super().revision_view(request, object_id, version_id, extra_context)

    def recover_view(self, request, version_id, extra_context=None):
        """Bring back a deleted story, as a draft: publishing it again is the workflow's."""
        if not (self.has_add_permission(request) and self.may_restore(request)):
            raise PermissionDenied
        if not Version.objects.get_deleted(Article).filter(pk=version_id).exists():
            raise Http404("No such deleted story.")
        request.publication_kept = (Article.Status.DRAFT, None)
        return super().recover_view(request, version_id, extra_context)

    def changelist_view(self, request, extra_context=None):
        extra_context = {
            **(extra_context or {}),
            "may_restore": self.has_add_permission(request) and self.may_restore(request),
        }
        # Not one revision around the whole list, as VersionAdmin makes: the bulk
        # moves keep one per story, so restoring one story never rolls back another.
        return super(VersionAdmin, self).changelist_view(request, extra_context)

    def recoverlist_view(self, request, extra_context=None):
        if not (self.has_add_permission(request) and self.may_restore(request)):
            raise PermissionDenied
        return super().recoverlist_view(request, extra_context)

    def get_object(self, request, object_id, from_field=None):
        """One story, with its lead photo and the photo's credits (the search preview's card).

        As the admin's own, but joined to the photo in the same query: the
        photo's picker reads it again for its label, and the form keeps within
        its 20 queries.
        """
        credits = PhotoCredit.objects.select_related("source")
        queryset = (
            self.get_queryset(request)
            .select_related("lead_photo__replacement")
            .prefetch_related(Prefetch("lead_photo__credits", queryset=credits))
        )
        field = self.opts.pk if from_field is None else self.opts.get_field(from_field)
        try:
            story = queryset.get(**{field.name: field.to_python(object_id)})
        except (Article.DoesNotExist, ValidationError, ValueError):
            story = None
        kept = getattr(request, "publication_kept", None)
        if story is not None and kept is not None:
            # Laid over by a restore: the form shows, and saves, the state as it was.
            story.status, story.published_at = kept
        return story

    def save_model(self, request, obj, form, change):
        restoring = getattr(request, "version_before_restore", None)
        if restoring is not None:
            obj.version = restoring  # the laid-over revision has no counter of its own
        was = form.initial.get("status") if change else ""
        workflow.leave_publication(obj, was, keep_time="published_at" in form.changed_data)
        request.main_person_before = (
            ArticlePerson.objects.filter(article=obj, is_main=True).select_related("person").first()
            if change
            else None
        )
        super().save_model(request, obj, form, change)
        request.status_change = workflow.record(obj, was, request.user)
        if "lead_photo" in form.changed_data:
            warn_about_lead_photo(request, obj)
        if "body" in form.changed_data:
            before = set(photo_ids(form.initial.get("body")))
            placed = [pk for pk in photo_ids(obj.body) if pk not in before]
            if placed:
                found = Photo.objects.select_related("replacement").in_bulk(placed)
                warn_about_body_photos(request, [found[pk] for pk in placed if pk in found])

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        story = form.instance
        if not change and not story.authors.exists():
            story.authors.add(request.user)
        tag_pk = request.POST.get("_tag_person")
        if tag_pk and str(tag_pk).isdigit() and self.may_tag_people(request, story):
            person = Person.objects.filter(pk=tag_pk).first()
            if person and not story.person_links.filter(person=person).exists():
                order = story.person_links.count()
                ArticlePerson.objects.create(article=story, person=person, order=order)
                messages.success(request, f"{person.name} is now tagged on the story.")
        self.warn_without_main_person(request, story)

    def warn_without_main_person(self, request, story):
        """Say so when a save leaves the story's people without a main one."""
        links = list(story.person_links.select_related("person"))
        if any(link.is_main for link in links):
            return
        before = getattr(request, "main_person_before", None)
        if before is not None and all(link.person_id != before.person_id for link in links):
            lost = f"{before.person.name}, the story's main person, was removed."
        elif before is not None:
            lost = f"{before.person.name} is no longer marked as the story's main person."
        elif links:
            lost = "None of the story's people is marked as its main person."
        else:
            return
        if links:
            lost += " Tick “main” for one of its people and save again."
        messages.warning(request, lost)

    def save_formset(self, request, form, formset, change):
        if formset.model is Correction:
            for correction in formset.save(commit=False):
                correction.by = request.user
                correction.save()
            return
        super().save_formset(request, form, formset, change)

    def may_tag_people(self, request, story):
        return request.user.has_perm("articles.add_articleperson") and (
            roles.can_write(request.user, story) or roles.can_tag_people(request.user)
        )

    def construct_change_message(self, request, form, formsets, add=False):
        """The history's comment in words: "Headline and body changed; published"."""
        change = getattr(request, "status_change", None)
        return revisions.change_comment(form, formsets, change, adding=add)

    def response_add(self, request, obj, post_url_continue=None):
        self.report_checks(request, obj)
        if "_step" in request.POST:
            return self.after_step(request, obj)
        return super().response_add(request, obj, post_url_continue)

    def response_change(self, request, obj):
        self.report_checks(request, obj)
        if "_tag_person" in request.POST:
            return HttpResponseRedirect(request.path)
        if "_step" in request.POST:
            return self.after_step(request, obj)
        return super().response_change(request, obj)

    def after_step(self, request, story):
        """Back on the story's form, told what the button did."""
        change = getattr(request, "status_change", None)
        messages.success(request, f"“{story}”: {workflow.outcome(story, change)}")
        # Ctrl+Shift+S: saved, and back to the list.
        view = "changelist" if "_to_list" in request.POST else "change"
        url = reverse(f"admin:articles_article_{view}", args=[story.pk] if view == "change" else [])
        preserved = {"preserved_filters": self.get_preserved_filters(request), "opts": self.opts}
        return HttpResponseRedirect(add_preserved_filters(preserved, url))

    def report_checks(self, request, story):
        """After a save: the age check's findings and people named but not tagged."""
        for mismatch in self.age_findings(story):
            messages.warning(request, f"Age check: {mismatch}")
        suggested = self.suggestions(story)
        if suggested:
            names = ", ".join(person.name for person in suggested)
            messages.info(
                request,
                format_html(
                    'Named in the text but not tagged: {}. <a href="{}">Tag them with one '
                    "click</a> under Desk checks.",
                    names,
                    reverse("admin:articles_article_change", args=[story.pk]) + "#desk-checks",
                ),
            )

    def age_findings(self, story, links=None):
        """Age checks of ``story``; ``links``: its person links with people, if already read."""
        if links is None:
            links = story.person_links.select_related("person")
        return age_mismatches(story, [link.person for link in links])

    def suggestions(self, story):
        untagged = Person.objects.exclude(pk__in=story.person_links.values("person"))
        text = plain_text(" ".join([story.headline, story.standfirst, story.body]))
        # The database narrows the search to people whose name or alias is a
        # run of the text's words; whole words and exact case are checked in
        # Python.
        runs = word_runs(text)
        if runs is None:
            # A very long text: each name is compared with it instead.
            candidates = untagged.alias(text=Value(text, output_field=TextField())).filter(
                Q(text__contains=F("name")) | ~Q(aliases="")
            )
        else:
            # Two lookups in a union, each through its own index: joined, the
            # planner guessed thousands of namesakes and read every person.
            aliases = PersonAlias.objects.filter(key__in={name_key(run) for run in runs})
            candidates = (
                untagged.filter(name__in=runs)
                .order_by()
                .union(untagged.filter(pk__in=aliases.values("person")).order_by())
                .order_by("name")
            )
        return mentioned_people(text, candidates)

    # What the page shows ----------------------------------------------------

    @admin.display(description="state")
    def state(self, story):
        if story.is_scheduled:
            return f"scheduled for {desk_time(story.published_at)}"
        if story.status == Article.Status.PUBLISHED:
            return "live"
        return story.get_status_display()

    @admin.display(description="published at", ordering="published_at")
    def publication(self, story):
        # Only a published story has been (or is to be) published: a draft claims no time.
        if story.status != Article.Status.PUBLISHED:
            return "–"
        return desk_time(story.published_at)

    @admin.display(description="main person")
    def main_person(self, article):
        # Each name and tag filters the list by it (the rows come from StoryChangeList).
        links = article.person_links_in_order(article.listed_people)
        if not links:
            return "-"
        person = links[0].person
        return format_html('<a href="?person={}">{}</a>', person.slug, person)

    @admin.display(description="tags")
    def tag_list(self, article):
        tags = sorted((item.tag for item in article.listed_tags), key=lambda tag: tag.name)
        return format_html_join(", ", '<a href="?tag={}">{}</a>', ((t.slug, t.name) for t in tags))

    @admin.display(description="length")
    def text_stats(self, story):
        words = word_count(plain_text(story.body if story else ""))
        return format_html(
            '<span id="desk-text-stats" data-words-per-minute="{}">{}</span>',
            WORDS_PER_MINUTE,
            describe_length(words),
        )

    @admin.display(description="checks")
    def desk_checks(self, story):
        if story is None or story.pk is None:
            return ""
        findings = [
            format_html('<li class="desk-warning">Age check: {}</li>', mismatch)
            # The form's story came with its people (get_queryset): no second read.
            for mismatch in self.age_findings(story, story.person_links.all())
        ]
        for person in self.suggestions(story):
            findings.append(
                format_html(
                    '<li class="desk-suggestion">{} is named in the text but not tagged. '
                    '<button type="submit" class="button" name="_tag_person" value="{}">'
                    "Save and tag {}</button></li>",
                    person.name,
                    person.pk,
                    person.name,
                )
            )
        if not findings:
            return format_html('<p id="desk-checks">{}</p>', "No problems found.")
        return format_html(
            '<ul id="desk-checks">{}</ul>', format_html_join("", "{}", ((f,) for f in findings))
        )

    @admin.display(description="as shown")
    def search_preview(self, story):
        """The story as a search result and as a shared card; desk.js redraws it as typed."""
        # The form's story came with its photo and credits (get_object).
        photo = story.lead_photo_for_readers if story.lead_photo_id else None
        return render_to_string(
            "admin/articles/article/_search_preview.html",
            {
                "story": story,
                "site_name": settings.SITE_NAME,
                "photo": photo,
                "image_url": photo.share_image_url if photo else "",
                "title_length": HEADLINE_SEARCH_LENGTH,
                "social_length": SOCIAL_TITLE_LENGTH,
                "description_length": DESCRIPTION_LENGTH,
            },
        )

    @admin.display(description="preview")
    def preview_link(self, story):
        if story is None or story.pk is None:
            return ""
        return format_html(
            '<a href="{}" target="_blank" rel="noopener">Preview as readers will see it</a>',
            reverse("admin:articles_article_preview", args=[story.pk]),
        )

    @admin.display(description="history")
    def status_history(self, story):
        if story is None or story.pk is None:
            return ""
        changes = story.status_changes.select_related("by")
        if not changes:
            return "No status changes recorded."
        return format_html(
            '<ol class="status-history">{}</ol>',
            format_html_join(
                "",
                "<li>{}: {} by {}</li>",
                (
                    (
                        desk_time(change.at),
                        change.describe(),
                        byline_name(change.by) if change.by else "a removed account",
                    )
                    for change in changes
                ),
            ),
        )

    # Views of our own ----------------------------------------------------------

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("<int:pk>/preview/", view(self.preview_view), name="articles_article_preview"),
            path("<int:pk>/compare/", view(self.compare_view), name="articles_article_compare"),
            path(
                "<int:pk>/preview/live/",
                # Drawn inside the story form: this page alone may be framed, by the desk.
                view(
                    xframe_options_sameorigin(
                        csp_replace({"frame-ancestors": ["'self'"]})(self.live_preview_view)
                    )
                ),
                name="articles_article_live_preview",
            ),
            path("calendar/", view(self.calendar_view), name="articles_article_calendar"),
            path("teasers/", view(self.teaser_search_view), name="articles_article_teasers"),
            path("photos/", view(self.photo_search_view), name="articles_article_photos"),
            path(
                "photos/upload/",
                view(self.photo_upload_view),
                name="articles_article_photo_upload",
            ),
            path(
                "calendar/move/<int:pk>/",
                view(self.move_view),
                name="articles_article_calendar_move",
            ),
            *super().get_urls(),
        ]

    # The page itself is drawn by the reading layer, which builds on this one:
    # the site's wiring (newsroom/urls.py) hands its view over. The checks
    # of who may see it stay here, with the desk.
    preview_page = None

    def preview_view(self, request, pk):
        """The story exactly as readers will see it, for the desk only, never indexed."""
        return self.desk_preview(request, pk)

    def live_preview_view(self, request, pk):
        """The story as readers will see it with the form's unsaved text; nothing is saved.

        The story form posts its text here as the editor types (live_preview.js);
        people, tags and the photo are as last saved.
        """
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        return self.desk_preview(request, pk, typed=LivePreviewForm(request.POST))

    def desk_preview(self, request, pk, typed=None):
        """The story page for whoever may open the story, never indexed nor kept.

        ``typed``: the story form's unsaved words, laid over the saved story
        where they would pass its checks, the body cleaned as a save cleans it.
        """
        story = get_object_or_404(Article.objects.for_story_page(), pk=pk)
        if not roles.can_open(request.user, story):
            raise PermissionDenied
        if typed is not None:
            typed.is_valid()
            for name, value in typed.cleaned_data.items():
                if name in typed.data:
                    setattr(story, name, value)
            story.body = clean_body(story.body)
        response = self.preview_page(request, story, live=typed is not None)
        response["X-Robots-Tag"] = "noindex, nofollow"
        patch_cache_control(response, private=True, no_store=True)
        return response

    def history_view(self, request, object_id, extra_context=None):
        versions = list(
            Version.objects.get_for_object_reference(Article, object_id).select_related(
                "revision__user"
            )
        )
        story = self.get_object(request, unquote(object_id))
        return super().history_view(
            request,
            object_id,
            {
                **(extra_context or {}),
                "versions": versions,
                "may_restore": story is not None and self.may_restore(request, story),
            },
        )

    def compare_view(self, request, pk):
        """What changed between two revisions of a story, field by field."""
        story = get_object_or_404(Article, pk=pk)
        if not roles.can_open(request.user, story):
            raise PermissionDenied
        versions = Version.objects.get_for_object(story).select_related("revision__user")
        try:
            old = versions.get(pk=request.GET.get("old"))
            new = versions.get(pk=request.GET.get("new"))
        except (Version.DoesNotExist, ValueError, TypeError):
            messages.error(request, "Choose two revisions of this story to compare.")
            return HttpResponseRedirect(reverse("admin:articles_article_history", args=[story.pk]))
        if old.revision.date_created > new.revision.date_created:
            old, new = new, old
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "original": story,
            "title": f"Changes to “{story}”",
            "old": old,
            "new": new,
            "changes": revisions.compare(old.field_dict, new.field_dict),
            "revert_url": reverse("admin:articles_article_revision", args=[story.pk, old.pk]),
            "may_restore": self.may_restore(request, story),
        }
        return render(request, "admin/articles/article/compare.html", context)

    def teaser_search_view(self, request):
        """Live stories for a teaser, found as the story list finds them, newest first."""
        if not roles.can_open(request.user):
            raise PermissionDenied
        stories = Article.objects.published().only("slug", "headline", "published_at")
        stories = desk_search(stories, request.GET.get("q", "")[:100])
        found = stories.order_by("-published_at", "-pk")[:TEASER_CHOICES]
        return JsonResponse(
            {
                "results": [
                    {
                        "slug": story.slug,
                        "headline": story.headline,
                        "published": desk_time(story.published_at),
                    }
                    for story in found
                ]
            }
        )

    def photo_search_view(self, request):
        """Photos to place in the body, found as the photo list finds them (caption or alt
        text, credit, person shown), or uploaded on a day; newest first.

        Each says what readers would see of it: one they may not see is listed
        with the reason, and the replacement they see instead.
        """
        if not roles.can_open(request.user):
            raise PermissionDenied
        photos = Photo.objects.select_related("replacement").defer(
            *UNSHOWN, *(f"replacement__{field}" for field in UNSHOWN)
        )
        photos = photos_matching(photos, request.GET.get("q", "")[:100])
        day, understood = calendar.parse_day(request.GET.get("uploaded"), None)
        if not understood:
            refusal = {"error": "Give the day as year-month-day.", "results": []}
            return JsonResponse(refusal, status=400)
        if day is not None:
            after = calendar.midnight(day + datetime.timedelta(days=1))
            photos = photos.filter(created_at__gte=calendar.midnight(day), created_at__lt=after)
        found = photos.order_by("-created_at", "-pk").prefetch_related(credits_prefetch())
        return JsonResponse({"results": [photo_choice(photo) for photo in found[:PHOTO_CHOICES]]})

    def photo_upload_view(self, request):
        """A photo uploaded from the story editor, through the photo form's checks
        (``photos.quick_upload``), for whoever may both open the desk and add photos.

        GET: the upload form's fields, for the editor's upload dialog. POST: the
        photo stored with its credits and renditions, described as the photo
        search describes it (201); or each field's errors (400), nothing stored.
        """
        user = request.user
        if not (roles.can_open(user) and user.has_perm("photos.add_photo")):
            raise PermissionDenied
        options = {
            "prefix": PHOTO_UPLOAD_PREFIX,
            "may_create_sources": user.has_perm("photos.add_creditsource"),
        }
        if request.method == "GET":
            form = QuickPhotoForm(**options)
            return render(request, "admin/articles/article/_photo_upload.html", {"form": form})
        if request.method != "POST":
            return HttpResponseNotAllowed(["GET", "POST"])
        form = QuickPhotoForm(request.POST, request.FILES, **options)
        if not form.is_valid():
            # A message once: a blank alt text is refused by the field and by the model.
            errors = {
                name: list(dict.fromkeys(error["message"] for error in found))
                for name, found in form.errors.get_json_data().items()
            }
            return JsonResponse({"errors": errors}, status=400)
        photo = form.save_photo()
        self.admin_site._registry[Photo].log_addition(
            request, photo, [{"added": {}}, "Uploaded from the story editor."]
        )
        photo = (
            Photo.objects.select_related("replacement")
            .prefetch_related(credits_prefetch())
            .get(pk=photo.pk)
        )
        return JsonResponse({"photo": photo_choice(photo)}, status=201)

    def calendar_view(self, request):
        """Scheduled and published stories by day: a week, or with ``?day=`` one whole day."""
        if not roles.can_open(request.user):
            raise PermissionDenied
        today = timezone.localdate()
        if "day" in request.GET:
            day, understood = calendar.parse_day(request.GET["day"], today)
            shown = calendar.days(day, 1, per_day=None)
            first = calendar.week_start(day)
            title = f"Calendar: {day.day} {month_names()[day.month]} {day.year}"
        else:
            first, understood = calendar.parse_day(request.GET.get("week"), today)
            first = calendar.week_start(first)
            shown = calendar.days(first, 7)
            title = f"Calendar: the week of {first.day} {month_names()[first.month]} {first.year}"
        if not understood:
            messages.warning(request, "That is not a date (year-month-day): today is shown.")
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": title,
            "days": shown,
            "week": first,
            "previous": first - datetime.timedelta(days=7),
            "next": first + datetime.timedelta(days=7),
            "one_day": "day" in request.GET,
            "may_move": roles.can_publish(request.user),
            "time_zone": timezone.get_current_timezone_name(),
        }
        return TemplateResponse(request, "admin/articles/article/calendar.html", context)

    def move_view(self, request, pk):
        """Move a scheduled story to another time, from the calendar."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        when = calendar.parse_moment(request.POST.get("when"))
        week = request.POST.get("week", "")
        try:
            story = calendar.reschedule(pk, when, request.POST.get("version"), request.user)
        except calendar.Refused as refusal:
            if not roles.can_publish(request.user):
                raise PermissionDenied from refusal
            messages.error(request, str(refusal))
            back = f"?week={week}" if calendar.parse_day(week, None)[0] else ""
            return HttpResponseRedirect(reverse("admin:articles_article_calendar") + back)
        messages.success(request, f"“{story}” is now scheduled for {desk_time(when)}.")
        moved_to = calendar.week_start(timezone.localdate(when))
        return HttpResponseRedirect(
            reverse("admin:articles_article_calendar") + f"?week={moved_to.isoformat()}"
        )

    # Bulk actions ------------------------------------------------------------------

    @admin.action(description="Publish selected stories", permissions=["publish"])
    def publish_stories(self, request, queryset):
        held = []
        ready = []
        for story in queryset.exclude(status=Article.Status.PUBLISHED).prefetch_related(
            "person_links__person"
        ):
            mismatches = age_mismatches(story, [link.person for link in story.person_links.all()])
            (held if mismatches else ready).append(story.pk)
            for mismatch in mismatches:
                messages.warning(request, f"Not published, “{story}”: age check: {mismatch}")
        moved = workflow.publish(Article.objects.filter(pk__in=ready), request.user)
        if moved:
            messages.success(
                request,
                ngettext("Published %d story.", "Published %d stories.", len(moved)) % len(moved),
            )

    @admin.action(description="Unpublish selected stories (back to draft)", permissions=["publish"])
    def unpublish_stories(self, request, queryset):
        moved = workflow.unpublish(queryset, request.user)
        messages.success(
            request,
            ngettext("Unpublished %d story.", "Unpublished %d stories.", len(moved)) % len(moved),
        )

    @admin.action(description="Add a tag to selected stories", permissions=["edit_any"])
    def add_tag(self, request, queryset):
        form = BulkTagForm(request.POST if "apply" in request.POST else None)
        if form.is_bound and form.is_valid():
            tag = form.cleaned_data["tag"]
            with transaction.atomic():
                for story in queryset:
                    story.tags.add(tag)
            count = queryset.count()
            messages.success(
                request,
                ngettext("Tagged %(n)d story “%(tag)s”.", "Tagged %(n)d stories “%(tag)s”.", count)
                % {"n": count, "tag": tag},
            )
            return None
        return self.bulk_form(request, queryset, form, "add_tag", "Add a tag")

    @admin.action(description="Tag a person on selected stories", permissions=["tag_people"])
    def add_person(self, request, queryset):
        data = request.POST if "apply" in request.POST else None
        form = BulkPersonForm(data, admin_site=self.admin_site)
        if form.is_bound and form.is_valid():
            person = form.cleaned_data["person"]
            added = 0
            with transaction.atomic():
                for story in queryset.exclude(person_links__person=person):
                    ArticlePerson.objects.create(
                        article=story, person=person, order=story.person_links.count()
                    )
                    added += 1
            messages.success(
                request,
                ngettext(
                    "Tagged %(name)s on %(n)d story.", "Tagged %(name)s on %(n)d stories.", added
                )
                % {"name": person.name, "n": added},
            )
            return None
        return self.bulk_form(request, queryset, form, "add_person", "Tag a person")

    def bulk_form(self, request, queryset, form, action, title):
        count = queryset.count()
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": ngettext("%(title)s on %(n)d story", "%(title)s on %(n)d stories", count)
            % {"title": title, "n": count},
            "form": form,
            "media": self.media + form.media,
            "stories": queryset,
            "action": action,
            "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
        }
        return render(request, "admin/articles/article/bulk_action.html", context)


def describe_length(words):
    minutes = reading_minutes(words)
    return f"{words} words, about {minutes} min reading" if words else "No words yet"


@admin.register(Place)
class PlaceAdmin(admin.ModelAdmin):
    """Places on record for datelines: kept by editors and researchers, picked by writers."""

    list_display = ["name", "region", "country", "stories"]
    search_fields = ["name", "region", "country"]
    prepopulated_fields = {"slug": ["name", "region"]}

    def get_queryset(self, request):
        filed = rows_of_each(Article.objects, "dateline_place")
        return super().get_queryset(request).annotate(filed=filed)

    @admin.display(description="stories", ordering="filed")
    def stories(self, place):
        return place.filed


@admin.register(Contributor)
class ContributorAdmin(admin.ModelAdmin):
    """Authors: staff writers (made with their first byline) and guests, with their pages."""

    list_display = ["name", "kind", "stories", "page"]
    list_filter = [("account", admin.EmptyFieldListFilter)]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["photo"]
    fields = ["name", "slug", "account", "bio", "photo", "links"]
    raw_id_fields = ["account"]

    def get_queryset(self, request):
        authors = super().get_queryset(request).select_related("account")
        return authors.annotate(bylines_count=rows_of_each(Byline.objects, "contributor"))

    def get_readonly_fields(self, request, obj=None):
        # A staff writer's name is their account's: changed there, printed the same everywhere.
        return ["name"] if obj is not None and obj.account_id else []

    def get_prepopulated_fields(self, request, obj=None):
        return {} if obj is not None and obj.account_id else self.prepopulated_fields

    @admin.display(description="staff or guest", ordering="account")
    def kind(self, author):
        return "guest" if author.is_guest else f"staff ({author.account.get_username()})"

    @admin.display(description="stories", ordering="bylines_count")
    def stories(self, author):
        return f"{author.bylines_count:,}"

    @admin.display(description="author page")
    def page(self, author):
        return format_html('<a href="{}">{}</a>', author.get_absolute_url(), "Open")


class EvidenceFormSet(RowsFormSet):
    """A story once per relationship."""

    def clean(self):
        super().clean()
        other = "article" if self.fk.name == "relationship" else "relationship"
        given = set(self.saved_elsewhere().values_list(f"{other}_id", flat=True))
        for form in self.kept_forms():
            value = getattr(form.instance, f"{other}_id")
            if value in given:
                self.refuse(form, "relationship_evidence_unique")
            given.add(value)


class EvidenceInline(LabelledCellsMixin, admin.TabularInline):
    """On a relationship: the stories that report it."""

    model = RelationshipEvidence
    formset = EvidenceFormSet
    fields = ["article"]
    autocomplete_fields = ["article"]
    extra = 1


class ReportedRelationshipInline(LabelledCellsMixin, admin.TabularInline):
    """On a story: the relationships it reports, so they carry it as evidence."""

    model = RelationshipEvidence
    formset = EvidenceFormSet
    fields = ["relationship"]
    autocomplete_fields = ["relationship"]
    extra = 0
    verbose_name_plural = "relationships this story reports"


# The people app knows nothing of stories; its relationship page gets their evidence here.
RelationshipAdmin.inlines = [*RelationshipAdmin.inlines, EvidenceInline]
