"""The desk's story list at archive size: its filters, and search through the
stored full-text document on PostgreSQL. (How any long list counts its rows
and drills down by date is ``common.admin_lists``.)

Nothing here imports the reading layer: the desk and the reading site share
only the model and its stored search column.
"""

from django.contrib import admin
from django.contrib.postgres.search import SearchQuery
from django.db import connection
from django.db.models import Q
from django.utils import timezone
from taggit.models import Tag

from common.admin_lists import DateDrillDown
from people.models import Person
from photos.models import Photo
from photos.rights import EXPIRY_WINDOW_DAYS

from .models import ArticlePerson, TaggedArticle
from .search_document import CONFIG, story_document

#: A desk search looks for stories about at most this many matching people.
PEOPLE_SEARCHED = 20


class PublishedFilter(DateDrillDown):
    """Publication year, then month: the years from the oldest story's, read off the index."""

    title = "published"
    parameter_name = "published"
    field_name = "published_at"


def looks_like_a_key(term):
    """Whether ``term`` may be a story's id or slug: digits, or one hyphenated word."""
    return term.isdigit() or ("-" in term and " " not in term)


def exact_story(queryset, term):
    """The story whose slug, or id, is ``term``; none if no such."""
    match = Q(slug=term)
    if term.isdigit() and len(term) < 18:
        match |= Q(pk=int(term))
    return queryset.filter(match)


def desk_search(queryset, term):
    """Stories matching ``term``: its words in the text, or about a person it names.

    A slug or an id finds that story alone. On PostgreSQL the words are looked
    up in the stored, indexed document readers search too; on SQLite the
    headline and standfirst contain them (no index: a fallback for small desks).
    """
    # Control characters find nothing (and PostgreSQL refuses a NUL outright).
    term = " ".join("".join(ch for ch in term if ch.isprintable() or ch.isspace()).split())
    if not term:
        return queryset
    if looks_like_a_key(term):
        exact = exact_story(queryset, term)
        if exact.exists():
            return exact
    people = list(
        Person.objects.matching(term).order_by().values_list("pk", flat=True)[:PEOPLE_SEARCHED]
    )
    about_people = Q(pk__in=ArticlePerson.objects.filter(person__in=people).values("article"))
    if connection.vendor == "postgresql":
        words = SearchQuery(term, search_type="websearch", config=CONFIG)
        by_text = Q(desk_document=words)
        queryset = queryset.alias(desk_document=story_document())
    else:
        by_text = Q()
        for word in term.split():
            by_text &= Q(headline__icontains=word) | Q(standfirst__icontains=word)
    return queryset.filter(by_text | about_people) if people else queryset.filter(by_text)


# Filters editors use. None lists every row of a table as its choices: a
# person or tag comes from the URL (its links on the list set it), and the
# filter shows only the one chosen.


class ChosenFilter(admin.SimpleListFilter):
    """A filter by one person or tag, given by slug or id; shows the one chosen."""

    model = None

    def chosen(self):
        value = (self.value() or "").strip()
        if not value:
            return None
        match = Q(slug=value) | (Q(pk=int(value)) if value.isdigit() else Q())
        return self.model.objects.filter(match).order_by("pk").first()

    def lookups(self, request, model_admin):
        self.found = self.chosen()
        if not self.value():
            return []
        # Shown even when unknown, so the desk sees why the list is empty.
        return [(self.value(), str(self.found) if self.found else f"“{self.value()}”: not found")]

    def queryset(self, request, queryset):
        if not self.value():
            return queryset
        if self.found is None:
            # An unknown person or tag: nothing matches, and the list says so.
            return queryset.none()
        return queryset.filter(pk__in=self.links(self.found))


class PersonFilter(ChosenFilter):
    title = "person"
    parameter_name = "person"
    model = Person

    def links(self, person):
        return ArticlePerson.objects.filter(person=person).values("article")


class TagFilter(ChosenFilter):
    title = "tag"
    parameter_name = "tag"
    model = Tag

    def links(self, tag):
        return TaggedArticle.objects.filter(tag=tag).values("content_object")


class MineFilter(admin.SimpleListFilter):
    title = "author"
    parameter_name = "mine"

    def lookups(self, request, model_admin):
        return [("yes", "my stories")]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(authors=request.user)
        return queryset


class CorrectionsFilter(admin.SimpleListFilter):
    title = "corrections"
    parameter_name = "corrections"

    def lookups(self, request, model_admin):
        return [("yes", "corrected")]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(has_corrections=True)
        return queryset


class PhotoRightsFilter(admin.SimpleListFilter):
    """Stories whose lead photo's licence runs out soon, or has run out."""

    title = "lead photo rights"
    parameter_name = "photo_rights"

    def lookups(self, request, model_admin):
        return [
            ("warning", f"licence ends within {EXPIRY_WINDOW_DAYS} days"),
            ("expired", "licence expired"),
        ]

    def queryset(self, request, queryset):
        today = timezone.localdate()
        match self.value():
            case "warning":
                photos = Photo.objects.expiring_within(EXPIRY_WINDOW_DAYS, today)
            case "expired":
                photos = Photo.objects.filter(expires_on__lte=today)
            case _:
                return queryset
        return queryset.filter(lead_photo__in=photos.order_by().values("pk"))
