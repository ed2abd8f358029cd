"""What keeps a long admin list cheap at any size: rows drawn directly, counts
that never read the whole table, and a date drill-down that reads an index.

Django's admin counts every row of a list (twice), lists the dates of every
row for its date hierarchy, and renders a form widget for each row's
selection box. At a million stories each of those alone takes seconds.
"""

import datetime
import json

from django.contrib import admin
from django.contrib.admin import helpers
from django.core.paginator import EmptyPage, Page, Paginator
from django.db import connections
from django.db.models import Count, Max, Min, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.html import format_html
from django.utils.translation import gettext as _

from .month_names import month_names
from .months import next_month

#: A list counts its rows exactly up to this many, and estimates beyond.
COUNT_CAP = 10_000
#: A search counts its matches up to this many: each is a row read from the table.
SEARCH_COUNT_CAP = 1_000
#: From this row on, a page's ids are found before its rows are read.
DEEP_PAGE = 1_000


def planner_estimate(queryset):
    """The planner's row estimate for ``queryset`` on PostgreSQL, else None.

    EXPLAIN runs the query's own SQL with its parameters and reads no rows.
    """
    if connections[queryset.db].vendor != "postgresql":
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
    """Counts at most ``cap`` + 1 rows; beyond, pages on the planner's estimate.

    ``exact`` says whether ``count`` is the true number; ``count_wording`` is
    what the list shows either way.
    """

    cap = COUNT_CAP
    #: Whether to ask the planner beyond the cap; a search's estimate is too rough to show.
    estimated = True
    #: Whether every page, not only a deep one, finds its ids first (searches).
    ids_first = False

    def page(self, number):
        """The page's rows found by their ids first, then read whole.

        The ids of a deep page come from walking the list's index alone; only
        the page's own rows are read from the table (at a million stories,
        page 500: 147 ms -> 13 ms of SQL). A search's matches are sorted the
        same way, by their ids and times alone (the photos of everyone named
        "Ford" in 250,000 photos: 261 -> 99 ms).
        """
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        if bottom < DEEP_PAGE and not self.ids_first:
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


class PickerPaginator(CappedPaginator):
    """A picker's pages (the autocomplete view), which only say whether another follows.

    The page's ids and one more are read in a single query: the row past the
    page tells whether there is a next, so nothing is counted (at a million
    stories the related-stories picker lost a 13 ms count).
    """

    def page(self, number):
        try:
            number = max(int(number), 1)
        except (TypeError, ValueError):
            number = 1
        bottom = (number - 1) * self.per_page
        ids = list(
            self.object_list.values_list("pk", flat=True)[bottom : bottom + self.per_page + 1]
        )
        if not ids and number > 1:
            raise EmptyPage("That page contains no results")
        # What the count would have said, as far as the page needs to know.
        self.count = bottom + len(ids)
        return Page(self.object_list.filter(pk__in=ids[: self.per_page]), number, self)


class QuickRowsMixin:
    """For ModelAdmins with lists: each row's selection box written out directly.

    The stock ``action_checkbox`` renders a form widget through the template
    engine for every row: on a list of 100 stories that was a third of the
    page's time. The markup here is the widget's own, so the admin's scripts
    (select all, shift-click ranges) work as before.
    """

    def action_checkbox(self, obj):
        return format_html(
            '<input type="checkbox" name="{}" value="{}" class="action-select" aria-label="{}">',
            helpers.ACTION_CHECKBOX_NAME,
            obj.pk,
            format_html(_("Select this object for an action - {}"), str(obj)),
        )


class ArchiveListMixin(QuickRowsMixin):
    """For ModelAdmins of tables that grow without end (stories, photos, people).

    Counts stop at a cap and are estimated beyond ("about 1.2 million"), the
    full result count and the counts beside each filter choice are off, and a
    search counts to a lower cap and says "more than" beyond it. The site's
    ``admin/pagination.html``, ``search_form.html`` and ``actions.html`` word
    the count.
    """

    paginator = CappedPaginator
    show_full_result_count = False
    # Counts beside every filter choice would count the table once per choice.
    show_facets = admin.ShowFacets.NEVER

    def get_paginator(self, request, queryset, per_page, orphans=0, allow_empty_first_page=True):
        paginator = super().get_paginator(
            request, queryset, per_page, orphans, allow_empty_first_page
        )
        # Beyond the cap a search says "more than": the planner's guess at a
        # text match is too rough to print, and asking it costs a query. Its
        # cap is lower, as every match counted is a row read from the table.
        if request.GET.get("q"):
            paginator.estimated, paginator.cap = False, SEARCH_COUNT_CAP
            paginator.ids_first = True
        elif "term" in request.GET:
            return PickerPaginator(queryset, per_page, orphans, allow_empty_first_page)
        return paginator


class DateDrillDown(admin.SimpleListFilter):
    """Year, then month, of ``field_name``, in the desk's time zone; and the past week.

    Takes the place of ``date_hierarchy``, which lists the distinct days of
    every row: the years here run from the oldest value to the newest, the
    two ends of the field's index, read in one query.
    """

    field_name = None

    def lookups(self, request, model_admin):
        this_year = timezone.localdate().year
        ends = model_admin.model._default_manager.order_by().aggregate(
            first=Min(self.field_name), last=Max(self.field_name)
        )
        first = timezone.localtime(ends["first"]).year if ends["first"] else this_year
        last = max(timezone.localtime(ends["last"]).year if ends["last"] else 0, this_year)
        choices = [("recent", "past 7 days")]
        chosen = self.value() or ""
        year = chosen[:4] if chosen[:4].isdigit() else None
        names = month_names()
        for each in range(last, first - 1, -1):
            choices.append((str(each), str(each)))
            if str(each) == year:
                choices.extend(
                    (f"{each}-{month:02d}", f"· {names[month]} {each}") for month in range(1, 13)
                )
        return choices

    def queryset(self, request, queryset):
        span = self.span(self.value())
        if span is None:
            return queryset
        start, end = span
        return queryset.filter(**{f"{self.field_name}__gte": start, f"{self.field_name}__lt": end})

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
                end = next_month(start)
        except ValueError:
            return None
        zone = timezone.get_current_timezone()
        return (
            datetime.datetime.combine(start, datetime.time(), zone),
            datetime.datetime.combine(end, datetime.time(), zone),
        )


def rows_of_each(related, field):
    """How many ``related`` rows point at each row listed, through ``field``; 0 for none.

    Counted per row shown (a page's or a picker's twenty), not grouped over
    every related row.
    """
    counted = (
        related.filter(**{field: OuterRef("pk")})
        .order_by()
        .values(field)
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(counted), 0)
