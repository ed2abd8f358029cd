"""The desk's story list at archive size: counts that never read the whole table,
a publication drill-down that reads the date index, and search through the
stored full-text document on PostgreSQL.

Nothing here imports the reading layer: the desk and the reading site share
only the model and its stored search column.
"""

import datetime
import json

from django.contrib import admin
from django.contrib.postgres.search import SearchQuery
from django.core.paginator import Page, Paginator
from django.db import connection
from django.db.models import Min, Q
from django.utils import timezone
from django.utils.functional import cached_property
from taggit.models import Tag

from people.models import Person
from photos.models import Photo
from photos.rights import EXPIRY_WINDOW_DAYS

from .models import Article, ArticlePerson, TaggedArticle
from .search_document import CONFIG, story_document

#: The list counts its rows exactly up to this many, and estimates beyond.
COUNT_CAP = 10_000
#: A search counts its matches up to this many: each is a row read from the table.
SEARCH_COUNT_CAP = 1_000
#: From this row on, a page's ids are found before its rows are read.
DEEP_PAGE = 1_000
#: A desk search looks for stories about at most this many matching people.
PEOPLE_SEARCHED = 20


def planner_estimate(queryset):
    """The planner's row estimate for ``queryset`` on PostgreSQL, else None.

    EXPLAIN runs the query's own SQL with its parameters and reads no rows.
    """
    if connection.vendor != "postgresql":
        return None
    plan = json.loads(queryset.order_by().explain(format="json"))
    return int(plan[0]["Plan"]["Plan Rows"])


def about(number):
    """A large count, rounded as a person says it: "about 1.2 million"."""
    if number >= 1_000_000:
        return f"about {number / 1_000_000:.1f} million".replace(".0 ", " ")
    if number >= 10_000:
        return f"about {round(number, -3):,}"
    return f"about {number:,}"


class CappedPaginator(Paginator):
    """Counts at most ``COUNT_CAP`` + 1 rows; beyond, pages on the planner's estimate.

    ``exact`` says whether ``count`` is the true number; ``count_wording`` is
    what the list shows either way.
    """

    cap = COUNT_CAP
    #: Whether to ask the planner beyond the cap; a search's estimate is too rough to show.
    estimated = True

    def page(self, number):
        """The page's rows found by their ids first, then read whole.

        The ids of a deep page come from walking the list's index alone; only
        the page's own rows are read from the table (at a million stories,
        page 500: 147 ms -> 13 ms of SQL).
        """
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        if bottom < DEEP_PAGE:
            return super().page(number)
        top = bottom + self.per_page
        if top + self.orphans >= self.count:
            top = self.count
        # Fetched, not nested: as a subquery the planner would test the
        # list's conditions (a search's full-text match) on every row again.
        ids = list(self.object_list.values_list("pk", flat=True)[bottom:top])
        return Page(self.object_list.filter(pk__in=ids), number, self)

    @cached_property
    def capped_count(self):
        # Unordered: counting needs no sort, and a search's matches are then
        # read straight from its index (at a million stories 530 ms -> 110 ms).
        return self.object_list.order_by()[: self.cap + 1].count()

    @cached_property
    def exact(self):
        return self.capped_count <= self.cap

    @cached_property
    def estimate(self):
        if self.exact or not self.estimated:
            return None
        guess = planner_estimate(self.object_list)
        # The rows counted are more than the cap, whatever the planner guesses.
        return max(guess, self.cap + 1) if guess is not None else None

    @cached_property
    def count(self):
        if self.exact:
            return self.capped_count
        return self.estimate or self.capped_count

    @cached_property
    def count_wording(self):
        if self.exact:
            return f"{self.count:,}"
        if self.estimate and self.estimate > self.cap * 2:
            return about(self.estimate)
        return f"more than {self.cap:,}"


def oldest_year():
    """The year of the oldest publication time: one read at the end of the date index."""
    oldest = Article.objects.order_by().aggregate(first=Min("published_at"))["first"]
    return timezone.localtime(oldest).year if oldest else None


class PublishedFilter(admin.SimpleListFilter):
    """Publication year, then month: the years from the oldest story's, read off the index."""

    title = "published"
    parameter_name = "published"

    def lookups(self, request, model_admin):
        this_year = timezone.localdate().year
        first_year = oldest_year() or this_year
        choices = [("recent", "past 7 days")]
        chosen = self.value() or ""
        year = chosen[:4] if chosen[:4].isdigit() else None
        for each in range(this_year, first_year - 1, -1):
            choices.append((str(each), str(each)))
            if str(each) == year:
                choices.extend(
                    (f"{each}-{month:02d}", datetime.date(each, month, 1).strftime("· %B %Y"))
                    for month in range(1, 13)
                )
        return choices

    def queryset(self, request, queryset):
        span = self.span(self.value())
        if span is None:
            return queryset
        start, end = span
        return queryset.filter(published_at__gte=start, published_at__lt=end)

    @staticmethod
    def span(value):
        """The [start, end) of a chosen period, in the desk's time zone; None if none."""
        if not value:
            return None
        now = timezone.now()
        if value == "recent":
            return now - datetime.timedelta(days=7), now + datetime.timedelta(days=1)
        try:
            if len(value) == 4:
                start = datetime.date(int(value), 1, 1)
                end = datetime.date(start.year + 1, 1, 1)
            else:
                year, month = value.split("-")
                start = datetime.date(int(year), int(month), 1)
                end = (start + datetime.timedelta(days=32)).replace(day=1)
        except ValueError:
            return None
        zone = timezone.get_current_timezone()
        return (
            datetime.datetime.combine(start, datetime.time(), zone),
            datetime.datetime.combine(end, datetime.time(), zone),
        )


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
    term = " ".join(term.split())
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
