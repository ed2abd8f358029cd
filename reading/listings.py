"""Person, tag and author listings that cost the same at five stories or fifty thousand.

Each person link and tag link carries a copy of its story's status and
publication time, so "this person's newest stories" is one walk of one index
(``article_person_reading``, ``tagged_article_reading``), not a join sorted
over every story they were ever in. A link takes the copy when it is saved;
``refresh`` renews the copies whenever a story's status or time changes.

Every change made through the ORM reaches these rows through the receivers in
``reading.receivers`` (saves, deletions, ``people.add/remove/set/clear`` from
either side, tags, merges, ``loaddata``). Code that goes around the ORM's
signals (``bulk_create``, ``QuerySet.update``, raw SQL) announces the
stories it touched with ``articles.signals.stories_written``, whose receiver
calls ``sync`` (or, for status and time alone, ``refresh``). ``check``
recomputes everything from the source tables and reports (or repairs) what
has drifted: ``manage.py checklistings``.

Each person and tag also has its published stories counted per month, in desk
time, renewed at the same moments. The coverage chart and the page count read
those few rows, and a deep page starts its walk at the month it falls in
instead of skipping every newer story (no ``OFFSET 500000``).
"""

import datetime
from collections import Counter
from dataclasses import dataclass

from django.apps import apps
from django.db import connections, models, transaction
from django.db.models import Count, Exists, F, OuterRef, Subquery, Sum
from django.db.models.expressions import Expression, RawSQL
from django.db.models.functions import TruncMonth
from django.utils import timezone

from common.months import next_month

from . import pagecache


def month_of(moment):
    """The first day of ``moment``'s month, in desk time."""
    return timezone.localtime(moment).date().replace(day=1)


def counted(key, is_published, published_at):
    """{(key, month)}: where a link with these copies is counted; empty when it is not."""
    return {(key, month_of(published_at))} if is_published and published_at else set()


def joined(parts, separator):
    """One (SQL, parameters) from many, the SQL joined by ``separator``."""
    return separator.join(sql for sql, _ in parts), [
        value for _, params in parts for value in params
    ]


def as_date(value):
    """A date from the database: a date, or its ISO text where dates are text (SQLite)."""
    return value if isinstance(value, datetime.date) else datetime.date.fromisoformat(value)


def month_start(month):
    """The moment ``month`` (a first day) begins, in desk time."""
    return timezone.make_aware(datetime.datetime.combine(month, datetime.time.min))


@dataclass(frozen=True)
class Listing:
    """The stories of one kind of link (people or tags), newest first, and their counts."""

    link_name: str  # the link model, "app.Model"
    count_name: str  # its monthly count model
    story: str  # the link's field naming the story
    key: str  # the link's field naming the person or tag
    keys_field: str  # the story's field keeping the keys of its links
    totals_name: str = ""  # the model keeping each key's stories in all, if any

    # The models are looked up by name: the models module builds on this one.
    @property
    def links(self):
        return apps.get_model(self.link_name).objects

    @property
    def counts(self):
        return apps.get_model(self.count_name).objects

    @property
    def totals(self):
        return apps.get_model(self.totals_name).objects if self.totals_name else None

    @property
    def story_model(self):
        """The story model, as the link names it."""
        return self.links.model._meta.get_field(self.story).related_model

    def published(self, key, now=None):
        """``key``'s links to stories readers may see, newest first (the reading index)."""
        return self.links.filter(
            **{self.key: key}, is_published=True, published_at__lte=now or timezone.now()
        ).order_by("-published_at", f"-{self.story}")

    def newest(self, key, limit, exclude=None, now=None):
        """The ids of ``key``'s ``limit`` newest stories, as a subquery: one index walk."""
        links = self.published(key, now)
        if exclude is not None:
            links = links.exclude(**{self.story: exclude})
        return links.values(self.story)[:limit]

    def _sql_names(self, db):
        """(quote, the links' table, its story column, its key column), quoted, for ``db``."""
        name = connections[db].ops.quote_name
        meta = self.links.model._meta
        columns = (meta.get_field(field).column for field in (self.story, self.key))
        return name, name(meta.db_table), *(name(column) for column in columns)

    def newest_sql(self, key, limit, exclude=None, now=None, db="default"):
        """``newest`` as (SQL, parameters), to join many in one UNION cheaply.

        The related-stories query draws from a score of these at once; built
        through the ORM they cost more to compose than to run.
        """
        walk, params = self._walk_sql("%s", limit, exclude, now, db)
        story = self._sql_names(db)[2]
        # Safe: SQL from _walk_sql, every value a parameter.
        return f"SELECT {story} FROM ({walk}) newest", [key, *params]  # noqa: S608  # nosec

    def _walk_sql(self, key_sql, limit, exclude, now, db):
        """(SQL, parameters after the key's) of one key's ``limit`` newest stories.

        ``key_sql`` names the key: a parameter, or a column of an outer query.
        """
        name, table, story, key_column = self._sql_names(db)
        now = now or timezone.now()
        params = [connections[db].ops.adapt_datetimefield_value(now)]
        other = ""
        if exclude is not None:
            other = f" AND {story} <> %s"
            params.append(exclude)
        # Safe: names from the model, quoted; every value a parameter.
        sql = (
            f"SELECT {story} FROM {table} WHERE {key_column} = {key_sql}"  # noqa: S608  # nosec
            f" AND {name('is_published')} AND {name('published_at')} <= %s{other}"
            f" ORDER BY {name('published_at')} DESC, {story} DESC LIMIT {int(limit)}"
        )
        return sql, params

    def newest_each_sql(self, keys, limit, exclude=None, now=None, db="default"):
        """``newest`` for each of ``keys`` at once, as (SQL, parameters) of one story column.

        On PostgreSQL one lateral walk over an array of keys: the same index
        walks as a UNION of ``newest_sql``, but one plan whatever the number
        of keys, which the planner settles in a fraction of the time.
        """
        keys = list(keys)
        if not keys or connections[db].vendor != "postgresql":
            return joined(
                [self.newest_sql(key, limit, exclude, now, db) for key in keys], " UNION ALL "
            )
        walk, params = self._walk_sql("drawn.key", limit, exclude, now, db)
        story = self._sql_names(db)[2]
        # Safe: SQL from _walk_sql, every value a parameter.
        sql = (
            f"SELECT newest.{story} FROM unnest(%s) AS drawn(key)"  # noqa: S608  # nosec
            f" CROSS JOIN LATERAL ({walk}) newest"
        )
        return sql, [keys, *params]

    def shared(self, weights, db="default"):
        """The weight of the story of the query it is in: for each (weight, keys) in
        ``weights``, ``weight`` for each of the story's keys among ``keys``.

        Added up from the keys the story's own row keeps (``keys_field``):
        arithmetic on a row the query has read, no lookup of its links. An
        expression, to annotate stories with or to add up.
        """
        weights = [(int(weight), list(keys)) for weight, keys in weights if keys]
        if not weights:
            return RowSQL("0", [])
        if connections[db].vendor == "postgresql":
            # One array parameter per kind of key: the same SQL for any number of keys.
            cases = " ".join(f"WHEN k.value = ANY(%s) THEN {weight}" for weight, _ in weights)
            params = [keys for _, keys in weights]
            source = f"unnest({RowSQL.ROW}) AS k(value)"
        else:
            cases = " ".join(
                f"WHEN k.value IN ({', '.join(['%s'] * len(keys))}) THEN {weight}"
                for weight, keys in weights
            )
            params = [value for _, keys in weights for value in keys]
            source = f"json_each({RowSQL.ROW}) AS k"
        # Safe: fixed SQL; weights are integers; every value a parameter.
        sql = f"(SELECT COALESCE(SUM(CASE {cases} ELSE 0 END), 0) FROM {source})"  # noqa: S608  # nosec
        return RowSQL(sql, params, row=self.keys_field)

    def months(self, key, now=None, db="default"):
        """[(first day of the month, stories)], oldest first, months without any left out.

        Past months come from the counts; the current month is counted live,
        since stories scheduled for later in it join without any save. One query.
        """
        sql, params = put_row(*self.months_sql(now, db), "%s", [getattr(key, "pk", key)])
        with connections[db].cursor() as cursor:
            # Safe: SQL from months_sql, every value a parameter.
            cursor.execute(f"SELECT month, stories FROM ({sql}) m ORDER BY month", params)  # noqa: S608  # nosec
            return [(as_date(month), stories) for month, stories in cursor.fetchall()]

    def months_sql(self, now=None, db="default"):
        """``months`` as (SQL of rows (month, stories), parameters), for the key ``{row}``.

        ``months`` puts a key where ``{row}`` stands; a query of people or
        tags (``RowSQL``) its own id column.
        """
        name, table, story, key_column = self._sql_names(db)
        counts = self.counts.model._meta
        counts_key = name(counts.get_field(self.key).column)
        ops = connections[db].ops
        now = now or timezone.now()
        row = RowSQL.ROW
        # Safe: names from the models, quoted; every value a parameter.
        sql = (
            f"SELECT {name('month')} AS month, {name('stories')} AS stories"  # noqa: S608  # nosec
            f" FROM {name(counts.db_table)} WHERE {counts_key} = {row}"
            f" AND {name('month')} < %s AND {name('stories')} > 0"
            f" UNION ALL SELECT %s, COUNT(*) FROM {table} WHERE {key_column} = {row}"
            f" AND {name('is_published')} AND {name('published_at')} >= %s"
            f" AND {name('published_at')} <= %s HAVING COUNT(*) > 0"
        )
        this_month = month_of(now)
        month = ops.adapt_datefield_value(this_month)
        start = ops.adapt_datetimefield_value(month_start(this_month))
        return sql, [month, month, start, ops.adapt_datetimefield_value(now)]

    def walk(self, key, pages, months, now=None):
        """A sequence of ``key``'s stories for a Paginator, each page one bounded query.

        ``pages`` is what ``pages()`` gave; ``months`` is what ``months()`` gave.
        """
        return Walk(self, key, pages, months, now or timezone.now())

    def pages(self, cards):
        """What gives the query of a page of a key's stories, for ``walk``.

        ``cards(stories, key)`` makes the rows what the page shows (say
        ``stories.for_listing()``). The page's ids are one walk of the reading
        index from the start of its month (``before``), ``skip`` rows in.
        """

        def page(skip, size, key, now, before):
            links = self.published(key, now).filter(published_at__lt=before)
            ids = links.values(self.story)[skip : skip + size]
            stories = self.story_model.objects.published(now)
            return cards(stories, key).filter(pk__in=ids).order_by("-published_at", "-pk")

        return page

    # Keeping the copies and the counts ------------------------------------------------

    def recount(self, pairs):
        """Count again the stories of each (key id, month) in ``pairs``.

        The count rows are locked first, in a fixed order, so two editors
        saving stories of the same month at once cannot both write a count
        that misses the other's story.
        """
        if not pairs:
            return
        pairs = sorted(pairs)
        model = self.counts.model
        with transaction.atomic():
            self.lock_totals({key for key, _ in pairs})
            self.counts.bulk_create(
                [model(**{f"{self.key}_id": key, "month": month}) for key, month in pairs],
                ignore_conflicts=True,
            )
            by_key = {}
            for key, month in pairs:
                by_key.setdefault(key, []).append(month)
            wanted = models.Q()
            for key, months in by_key.items():
                wanted |= models.Q(**{f"{self.key}_id": key, "month__in": months})
            rows = list(
                self.counts.select_for_update().filter(wanted).order_by(f"{self.key}_id", "month")
            )
            # One aggregate over each key's span of months, the rows then written at once.
            span = models.Q()
            for key, months in by_key.items():
                span |= models.Q(
                    **{
                        f"{self.key}_id": key,
                        "published_at__gte": month_start(min(months)),
                        "published_at__lt": month_start(next_month(max(months))),
                    }
                )
            found = self.monthly(self.links.filter(span))
            for row in rows:
                row.stories = found.get((getattr(row, f"{self.key}_id"), as_date(row.month)), 0)
            self.counts.bulk_update([row for row in rows if row.stories], ["stories"])
            self.counts.filter(pk__in=[row.pk for row in rows if not row.stories]).delete()
            self.write_totals(by_key)

    def monthly(self, links):
        """{(key id, month): published stories} among ``links``, in one grouped query.

        Months are cut in desk time, as ``month_of`` cuts them.
        """
        month = TruncMonth(
            "published_at", output_field=models.DateField(), tzinfo=timezone.get_current_timezone()
        )
        rows = (
            links.filter(is_published=True, published_at__isnull=False)
            .order_by()
            .annotate(month=month)
            .values_list(f"{self.key}_id", "month")
            .annotate(stories=Count("pk"))
        )
        return {(key, as_date(month)): n for key, month, n in rows}

    def recount_all(self, keys):
        """Count every month of ``keys`` (a key or several) again, after links moved in bulk.

        One grouped query and one insert, however many stories the keys have.
        """
        keys = _ids(keys if isinstance(keys, list | tuple | set) else [keys])
        if not keys:
            return
        model = self.counts.model
        with transaction.atomic():
            self.lock_totals(keys)
            self.counts.filter(**{f"{self.key}_id__in": keys}).delete()
            found = self.monthly(self.links.filter(**{f"{self.key}_id__in": keys}))
            self.counts.bulk_create(
                model(**{f"{self.key}_id": key, "month": month, "stories": n})
                for (key, month), n in sorted(found.items())
            )
            self.write_totals(keys)

    def lock_totals(self, keys):
        """Lock the totals of ``keys`` (made where missing), in a fixed order.

        Taken before their months are counted: two editors saving stories of
        one person in different months then count one after the other, and
        neither total misses the other's story.
        """
        if self.totals is None or not keys:
            return
        self.start_totals(keys)
        list(self.totals.select_for_update().filter(pk__in=keys).order_by("pk").values_list("pk"))

    def start_totals(self, keys):
        """Give each of ``keys`` a total where it has none: 0 stories until counted."""
        if self.totals is None:
            return
        model = self.totals.model
        self.totals.bulk_create(
            [model(**{f"{self.key}_id": key}) for key in sorted(keys)], ignore_conflicts=True
        )

    def write_totals(self, keys):
        """Each of ``keys``' stories in all, summed from its monthly counts; one grouped query."""
        if self.totals is None or not keys:
            return
        sums = dict(
            self.counts.filter(**{f"{self.key}_id__in": list(keys)})
            .order_by()
            .values_list(f"{self.key}_id")
            .annotate(n=Sum("stories"))
            .values_list(f"{self.key}_id", "n")
        )
        model = self.totals.model
        self.totals.bulk_create(
            [model(**{f"{self.key}_id": key, "stories": sums.get(key, 0)}) for key in sorted(keys)],
            update_conflicts=True,
            unique_fields=[self.key],
            update_fields=["stories"],
        )

    def refresh(self, story_ids):
        """Copy each story's status and time onto its links, and recount what moved.

        One query when nothing moved (the usual save of a story's text).
        """
        copies = self.copies()
        rows = (
            self.links.filter(**{f"{self.story}__in": story_ids})
            .annotate(**{f"story_{name}": value for name, value in copies.items()})
            .values_list(
                "pk",
                f"{self.key}_id",
                "is_published",
                "published_at",
                "story_is_published",
                "story_published_at",
            )
        )
        stale, pairs = [], set()
        for pk, key, was_published, was_at, is_published, at in rows:
            if (was_published, was_at) == (is_published, at):
                continue
            stale.append(pk)
            pairs |= counted(key, was_published, was_at) | counted(key, is_published, at)
        if stale:
            self.links.filter(pk__in=stale).update(**copies)
            self.recount(pairs)

    def copies(self):
        """{field: expression}: the link's copies as its story has them now, to update with."""
        story = self.story_model.objects.filter(pk=OuterRef(self.story))
        return {
            "is_published": Exists(story.filter(status=self.story_model.Status.PUBLISHED)),
            "published_at": Subquery(story.values("published_at")[:1]),
        }

    def recount_linked(self, story_ids, skip=()):
        """Count again every (key, month) where the stories' links are counted now.

        Keys in ``skip`` are left out (their every month is counted again anyway).
        """
        pairs = set()
        links = self.links.filter(**{f"{self.story}__in": story_ids})
        if skip:
            links = links.exclude(**{f"{self.key}_id__in": skip})
        rows = links.values_list(f"{self.key}_id", "is_published", "published_at")
        for key, is_published, at in rows:
            pairs |= counted(key, is_published, at)
        self.recount(pairs)

    def keys_of(self, story_ids):
        """{story id: the sorted ids of its people or tags}, from its links."""
        found = {pk: [] for pk in story_ids}
        # By id, as ``store_keys`` sorts them (a person's own ordering is by name).
        links = self.links.filter(**{f"{self.story}__in": found}).order_by(f"{self.key}_id")
        for story, key in links.values_list(self.story, f"{self.key}_id"):
            found[story].append(key)
        return found

    def store_keys(self, story_ids):
        """Write onto each story's row the keys of its links (``keys_field``), sorted.

        One UPDATE for all the stories (a star's merge touches tens of
        thousands), each row's keys gathered by a correlated subquery.
        """
        ids = list(story_ids)
        if ids:
            stories = self.story_model.objects.filter(pk__in=ids)
            stories.update(
                **{self.keys_field: self.keys_sql(self.story_model, connections[stories.db])}
            )

    def copy_onto_range(self, start, stop):
        """The copies on the links of stories ``start`` <= id < ``stop``, in one UPDATE.

        For archives loaded in bulk (``rebuild``), where comparing link by
        link would cost a million round trips.
        """
        self.links.filter(**{f"{self.story}__gte": start, f"{self.story}__lt": stop}).update(
            **self.copies()
        )

    def keys_sql(self, story_model, connection):
        """SQL of the sorted keys of the story row being updated, as ``keys_field`` holds them."""
        name = connection.ops.quote_name
        meta = self.links.model._meta
        table, story, key = (
            name(meta.db_table),
            *(name(meta.get_field(field).column) for field in (self.story, self.key)),
        )
        row = f"{name(story_model._meta.db_table)}.{name(story_model._meta.pk.column)}"
        field = story_model._meta.get_field(self.keys_field)
        # Safe: names from the models, quoted; no values at all.
        if connection.vendor == "postgresql":
            sql = (
                f"COALESCE((SELECT array_agg(x.{key} ORDER BY x.{key}) FROM {table} x"  # noqa: S608  # nosec
                f" WHERE x.{story} = {row}), '{{}}')"
            )
        else:
            # SQLite gathers in the order of the ordered subquery.
            sql = (
                f"COALESCE((SELECT json_group_array(k) FROM (SELECT x.{key} AS k FROM {table} x"  # noqa: S608  # nosec
                f" WHERE x.{story} = {row} ORDER BY x.{key})), '[]')"
            )
        return RawSQL(sql, [], output_field=field)  # noqa: S611  # nosec

    def counted_months(self, link):
        """{(key, month)} where ``link`` is counted, as its copies stand."""
        return counted(getattr(link, f"{self.key}_id"), link.is_published, link.published_at)

    def copy_onto(self, link):
        """Give a link being saved its story's status and time, as stored.

        Read from the row, not from the story object the link holds: that one
        may be out of date (``story.tags.add`` on an instance read before a
        bulk update) or carry changes not saved yet.
        """
        stories = self.story_model
        stored = (
            stories.objects.filter(pk=getattr(link, f"{self.story}_id"))
            .values_list("status", "published_at")
            .first()
        )
        if stored is None:
            story = getattr(link, self.story)
            stored = story.status, story.published_at
        link.is_published = stored[0] == stories.Status.PUBLISHED
        link.published_at = stored[1]


class RowSQL(Expression):
    """SQL of our own about the row of the query it is in (a story, a person).

    ``RawSQL`` is pasted as written, so naming the row's table in it breaks
    once the query becomes a subquery and its table is renamed (``U0``).
    Here ``{row}`` stands for the row's id column and is compiled in
    whatever the query calls it. Two add up with ``+``.
    """

    ROW = "{row}"

    def __init__(self, sql, params, output_field=None, row="pk"):
        super().__init__(output_field=output_field or models.IntegerField())
        self.sql, self.params = sql, list(params)
        self.row = F(row)

    def get_source_expressions(self):
        return [self.row]

    def set_source_expressions(self, expressions):
        (self.row,) = expressions

    def __add__(self, other):
        if isinstance(other, RowSQL) and other.row == self.row:
            return RowSQL(f"({self.sql} + {other.sql})", [*self.params, *other.params])
        return super().__add__(other)

    def as_sql(self, compiler, connection):
        return put_row(self.sql, self.params, *compiler.compile(self.row))


def put_row(sql, params, row_sql, row_params):
    """(``sql`` with ``row_sql`` where ``{row}`` stands, its parameters in their places)."""
    pieces = sql.split(RowSQL.ROW)
    rest = list(params)
    done, ordered = "", []
    for n, piece in enumerate(pieces):
        if n:
            done += row_sql
            ordered += row_params
        used = piece.count("%s")
        done += piece
        ordered += rest[:used]
        rest = rest[used:]
    return done, ordered


class Walk:
    """A key's published stories, newest first, sliced the way a Paginator slices.

    A slice starting at row N begins its index walk at the month row N falls
    in, found from the monthly counts, so it skips at most one month's stories.
    """

    def __init__(self, listing, key, pages, months, now):
        self.listing, self.key, self.pages, self.now = listing, key, pages, now
        self.months = months
        self.total = sum(n for _, n in months)

    def count(self):
        return self.total

    def __len__(self):
        return self.total

    def __getitem__(self, window):
        if not isinstance(window, slice):
            raise TypeError("A walk is read a page at a time.")
        start, stop = window.start or 0, min(window.stop or self.total, self.total)
        if start >= stop:
            return []
        skip = start
        for month, n in reversed(self.months):
            if skip < n:
                before = month_start(next_month(month))
                break
            skip -= n
        page = self.pages(
            skip, stop - start, key=getattr(self.key, "pk", self.key), now=self.now, before=before
        )
        return list(page)


PEOPLE = Listing(
    "articles.ArticlePerson",
    "articles.PersonMonth",
    "article",
    "person",
    "person_ids",
    "articles.PersonCoverage",
)
TAGS = Listing("articles.TaggedArticle", "articles.TagMonth", "content_object", "tag", "tag_ids")
AUTHORS = Listing("articles.Byline", "articles.AuthorMonth", "article", "contributor", "author_ids")
LISTINGS = (PEOPLE, TAGS, AUTHORS)


# Stories handled per round of ``sync`` and ``check``: memory stays flat at any size.
BATCH = 1000


def _batches(ids, size=BATCH):
    ids = sorted(set(ids))
    for start in range(0, len(ids), size):
        yield ids[start : start + size]


def sync(story_ids, people=(), tags=()):
    """The one entry point for changes the ORM's signals do not see.

    After ``bulk_create`` or ``QuerySet.update`` of stories or of their person
    and tag links, or raw SQL on them, call this with the ids of the stories
    touched: their links take their status and time, every month where they
    are counted is counted again, their rows get the ids of their people and
    tags, and the page cache starts a new generation.

    Links moved from one person or tag to another (``QuerySet.update(person=...)``)
    or deleted around the ORM leave counts behind that no story's links name
    any more: name the people and tags they left and joined in ``people`` and
    ``tags`` (ids or objects), and every month of theirs is counted again.
    """
    moved = {PEOPLE: _ids(people), TAGS: _ids(tags), AUTHORS: []}
    for batch in _batches(story_ids):
        with transaction.atomic():
            for listing in LISTINGS:
                listing.refresh(batch)
                listing.recount_linked(batch, skip=moved[listing])
                listing.store_keys(batch)
    for listing, keys in moved.items():
        listing.recount_all(keys)
    pagecache.content_changed()


def _ids(keys):
    return sorted({getattr(key, "pk", key) for key in keys})


def rebuild(batch=10 * BATCH, progress=None):
    """Every derived row written afresh from the source tables, set-based.

    For archives written around the ORM in bulk (``seedbench``): the links
    take their stories' status and time and the stories the keys of their
    links, a range of ``batch`` story ids at a time (an UPDATE a range for
    each kind of link, and one for the stories), then every person's and
    tag's months and totals are counted again, ``BATCH`` people or tags at a
    time. Memory stays flat at any size. ``progress(done, total, what)`` is called after each batch.
    """
    stories = PEOPLE.story_model.objects
    top = (stories.order_by("-pk").values_list("pk", flat=True).first() or 0) + 1
    for start in range(0, top, batch):
        with transaction.atomic():
            for listing in LISTINGS:
                listing.copy_onto_range(start, start + batch)
            # Both kinds of keys in one UPDATE: each rewrites the story's row.
            in_range = stories.filter(pk__gte=start, pk__lt=start + batch)
            connection = connections[in_range.db]
            in_range.update(
                **{
                    listing.keys_field: listing.keys_sql(listing.story_model, connection)
                    for listing in LISTINGS
                }
            )
        if progress:
            progress(min(start + batch, top), top, "story rows")
    for listing in LISTINGS:
        keyed = listing.counts.model._meta.get_field(listing.key).related_model
        total, done = keyed.objects.count(), 0
        for rows in _walk(keyed.objects.all(), ("pk",), BATCH):
            listing.recount_all([pk for (pk,) in rows])
            done += len(rows)
            if progress:
                progress(done, total, f"{listing.key} counts")
    pagecache.content_changed()


def refresh(story_ids):
    """After stories' status or time changed in bulk, bring their listings along.

    Part of ``sync``, for callers that changed only status or time and bump
    the page cache themselves (the desk's bulk actions).
    """
    for listing in LISTINGS:
        listing.refresh(story_ids)


def store_keys(story_ids):
    """After stories' links changed in bulk, write their people's and tags' ids onto them.

    Part of ``sync``, which also renews the links' copies and counts.
    """
    for listing in LISTINGS:
        listing.store_keys(story_ids)


# Recomputing and comparing (``manage.py checklistings``) -------------------------------


@dataclass(frozen=True)
class Drift:
    """One derived value that differs from what the source tables give."""

    kind: str  # e.g. "person link copy", "tag ids", "person month count"
    subject: str  # the story, person or tag, by slug and id
    detail: str  # what is stored, and what it should be

    def __str__(self):
        return f"{self.subject}: {self.kind}: {self.detail}"


def _story_name(slug, pk):
    return f"story {slug} (id {pk})"


def _check_stories(listing, rows, repair):
    """Drifts of the links' copies and of the keys on the rows of a batch of stories."""
    truth = {
        pk: (status == listing.story_model.Status.PUBLISHED, at, slug, keys)
        for pk, slug, status, at, keys in rows
    }
    keys = {pk: [] for pk in truth}
    stale = set()
    noun = listing.key
    links = (
        listing.links.filter(**{f"{listing.story}__in": list(truth)})
        .order_by(listing.story, f"{listing.key}_id")
        .values_list(listing.story, f"{listing.key}_id", "is_published", "published_at")
    )
    for story, key, is_published, at in links:
        keys[story].append(key)
        want_published, want_at, slug, _ = truth[story]
        if (is_published, at) != (want_published, want_at):
            stale.add(story)
            yield Drift(
                f"{noun} link copy",
                _story_name(slug, story),
                f"the link to {noun} {key} has (published={is_published}, at={at}),"
                f" the story (published={want_published}, at={want_at})",
            )
    wrong_keys = []
    for story, (_, _, slug, stored) in truth.items():
        if list(stored or []) != keys[story]:
            wrong_keys.append(story)
            yield Drift(
                listing.keys_field.replace("_", " "),
                _story_name(slug, story),
                f"the row has {list(stored or [])}, its links {keys[story]}",
            )
    if repair:
        if stale:
            listing.links.filter(**{f"{listing.story}__in": stale}).update(**listing.copies())
        if wrong_keys:
            listing.store_keys(wrong_keys)


def _check_counts(listing, key_rows, repair):
    """Drifts of the monthly counts of a batch of people or tags, counted from the stories."""
    names = dict(key_rows)
    story = listing.story
    truth = Counter()
    published = listing.links.filter(
        **{
            f"{listing.key}__in": list(names),
            f"{story}__status": listing.story_model.Status.PUBLISHED,
            f"{story}__published_at__isnull": False,
        }
    ).values_list(f"{listing.key}_id", f"{story}__published_at")
    for key, at in published.iterator(chunk_size=5000):
        truth[key, month_of(at)] += 1
    stored = {
        (key, as_date(month)): stories
        for key, month, stories in listing.counts.filter(
            **{f"{listing.key}__in": list(names)}, stories__gt=0
        ).values_list(f"{listing.key}_id", "month", "stories")
    }
    wrong = sorted(pair for pair in stored.keys() | truth.keys() if stored.get(pair) != truth[pair])
    for key, month in wrong:
        yield Drift(
            f"{listing.key} month count",
            f"{listing.key} {names[key]} (id {key})",
            f"{month:%Y-%m} counts {stored.get((key, month), 0)} stories, the stories give"
            f" {truth[key, month]}",
        )
    if repair and wrong:
        model = listing.counts.model
        with transaction.atomic():
            wanted = models.Q()
            for key, month in wrong:
                wanted |= models.Q(**{f"{listing.key}_id": key, "month": month})
            listing.counts.filter(wanted).delete()
            listing.counts.bulk_create(
                model(**{f"{listing.key}_id": key, "month": month, "stories": truth[key, month]})
                for key, month in wrong
                if truth[key, month]
            )
    if listing.totals is not None:
        yield from _check_totals(listing, names, truth, repair)


def _check_totals(listing, names, truth, repair):
    """Drifts of the stories in all of a batch of people, against their true months."""
    want = Counter()
    for (key, _), n in truth.items():
        want[key] += n
    stored = dict(listing.totals.filter(pk__in=list(names)).values_list("pk", "stories"))
    # Every person has a total, 0 until covered: the desk's pickers read them all.
    wrong = sorted(key for key in names if stored.get(key) != want[key])
    for key in wrong:
        counts = f"counts {stored[key]} stories in all" if key in stored else "has no total"
        yield Drift(
            f"{listing.key} total",
            f"{listing.key} {names[key]} (id {key})",
            f"{counts}, the stories give {want[key]}",
        )
    if repair and wrong:
        # The months are true by now (repaired above): the totals are summed from them.
        listing.write_totals(wrong)


def _walk(queryset, fields, size):
    """``queryset``'s rows (pk first in ``fields``) in batches by primary key."""
    last = None
    while True:
        page = queryset.order_by("pk")
        if last is not None:
            page = page.filter(pk__gt=last)
        rows = list(page.values_list(*fields)[:size])
        if not rows:
            return
        last = rows[-1][0]
        yield rows


def check(repair=False, batch=BATCH, progress=None):
    """Every derived row recomputed from the source tables: yields each ``Drift``.

    The source tables are the stories (status, publication time), their
    person and tag links (which story, which person or tag) and the people
    and tags. Derived from them and compared: each link's copy of its story's
    status and time, each story's ``person_ids`` and ``tag_ids``, the
    monthly counts of every person and tag, and each person's stories in all.
    With ``repair`` each drifted row is rewritten as it is found, in
    transactions of one batch, and the page cache starts a new generation.
    ``progress(done, total, what)`` is called after each batch.
    """
    found = False
    stories = PEOPLE.story_model.objects.all()
    total = stories.count()
    done = 0
    fields = ("pk", "slug", "status", "published_at")
    for rows in _walk(stories, fields + tuple(each.keys_field for each in LISTINGS), batch):
        with transaction.atomic():
            for n, listing in enumerate(LISTINGS):
                mine = [(*row[: len(fields)], row[len(fields) + n]) for row in rows]
                for drift in _check_stories(listing, mine, repair):
                    found = True
                    yield drift
        done += len(rows)
        if progress:
            progress(done, total, "stories")
    for listing in LISTINGS:
        keyed = listing.counts.model._meta.get_field(listing.key).related_model
        total, done = keyed.objects.count(), 0
        for rows in _walk(keyed.objects.all(), ("pk", "slug"), batch):
            for drift in _check_counts(listing, rows, repair):
                found = True
                yield drift
            done += len(rows)
            if progress:
                progress(done, total, f"{listing.key} counts")
    if repair and found:
        pagecache.content_changed()
