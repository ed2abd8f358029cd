"""Section listings that cost the same at five stories or fifty thousand.

A section is a column of the story (``Article.section``), not a link row, so
a section's newest stories are one walk of the story table's own index
(``article_section_reading``: section, status, newest first). As for people
and tags (``reading.listings``), each section has its published stories
counted by month in desk time (``SectionMonth``): the page count comes from
those few rows, and a deep page starts its walk at the month it falls in
instead of skipping every newer story.

Each story remembers where it was last counted (``counted_section``,
``counted_month``), so a change of section, status or time made through
``QuerySet.update`` and announced with ``articles.signals.stories_written``
still finds the month it left. ``refresh`` compares and recounts; the
receivers in ``reading.receivers`` call it after every save, deletion, load
and bulk write; ``check`` (``manage.py checklistings``) recomputes it all
from the stories and reports, or repairs, what has drifted.

The header's navigation reads the sections from the shared cache
(``articles.section_list``).
"""

import logging

from django.apps import apps
from django.db import connections, models, transaction
from django.db.models import Count
from django.db.models.functions import TruncMonth
from django.utils import timezone

from common.months import next_month

from . import pagecache
from .listings import BATCH, Drift, Walk, as_date, month_of, month_start

logger = logging.getLogger(__name__)

PUBLISHED = "published"


def _stories():
    # Looked up by name, as the listings do: the receivers import this module early.
    return apps.get_model("articles", "Article").objects


def _counts():
    return apps.get_model("articles", "SectionMonth").objects


def _sections():
    return apps.get_model("articles", "Section").objects


def counted_at(section_id, status, published_at):
    """(section id, month) where a story with these values is counted, or (None, None)."""
    if section_id and status == PUBLISHED and published_at:
        return section_id, month_of(published_at)
    return None, None


class SectionListing:
    """A section's published stories, newest first, and their monthly counts.

    The same interface as ``reading.listings.Listing`` for what pages use:
    ``months``, ``pages`` and ``walk``.
    """

    def published(self, section, now=None):
        """``section``'s stories readers may see, newest first: one walk of the index."""
        return (
            _stories()
            .filter(
                section=getattr(section, "pk", section),
                status=PUBLISHED,
                published_at__lte=now or timezone.now(),
            )
            .order_by("-published_at", "-pk")
        )

    def months(self, section, now=None, db="default"):
        """[(first day of the month, stories)], oldest first, months without any left out.

        Past months come from the counts; the current month is counted live,
        since stories scheduled for later in it join without any save. One query.
        """
        key = getattr(section, "pk", section)
        name = connections[db].ops.quote_name
        ops = connections[db].ops
        stories = _stories().model._meta
        counts = _counts().model._meta
        section_column = name(stories.get_field("section").column)
        now = now or timezone.now()
        this_month = month_of(now)
        # Safe: names from the models, quoted; every value a parameter.
        sql = (
            f"SELECT month, stories FROM (SELECT {name('month')} AS month,"  # noqa: S608  # nosec
            f" {name('stories')} AS stories FROM {name(counts.db_table)}"
            f" WHERE {name(counts.get_field('section').column)} = %s"
            f" AND {name('month')} < %s AND {name('stories')} > 0"
            f" UNION ALL SELECT %s, COUNT(*) FROM {name(stories.db_table)}"
            f" WHERE {section_column} = %s AND {name('status')} = %s"
            f" AND {name('published_at')} >= %s AND {name('published_at')} <= %s"
            f" HAVING COUNT(*) > 0) m ORDER BY month"
        )
        month = ops.adapt_datefield_value(this_month)
        params = [
            key,
            month,
            month,
            key,
            PUBLISHED,
            ops.adapt_datetimefield_value(month_start(this_month)),
            ops.adapt_datetimefield_value(now),
        ]
        with connections[db].cursor() as cursor:
            cursor.execute(sql, params)
            return [(as_date(month), stories) for month, stories in cursor.fetchall()]

    def pages(self, cards):
        """What gives the query of a page of a section's stories, for ``walk``.

        ``cards(stories, section)`` makes the rows what the page shows. The
        page's ids are one walk of the section's index from the start of its
        month (``before``), ``skip`` rows in; then only those rows are read.
        """

        def page(skip, size, key, now, before):
            ids = self.published(key, now).filter(published_at__lt=before)
            ids = ids.values("pk")[skip : skip + size]
            stories = _stories().published(now)
            return cards(stories, key).filter(pk__in=ids).order_by("-published_at", "-pk")

        return page

    def walk(self, section, pages, months, now=None):
        """A sequence of the section's stories for a Paginator, each page one bounded query."""
        return Walk(self, section, pages, months, now or timezone.now())

    def newest_each(self, section_ids, limit, now=None, db="default"):
        """The ids of each section's ``limit`` newest stories readers may see, as one
        subquery: a walk of the section index per section, joined by UNION ALL."""
        ids = list(section_ids)
        if not ids:
            return _stories().none().values("pk")
        name = connections[db].ops.quote_name
        meta = _stories().model._meta
        table, pk = name(meta.db_table), name(meta.pk.column)
        section = name(meta.get_field("section").column)
        at = connections[db].ops.adapt_datetimefield_value(now or timezone.now())
        walks, params = [], []
        order = f"{name('published_at')} DESC, {pk} DESC LIMIT {int(limit)}"
        for n, key in enumerate(ids):
            # Safe: names from the model, quoted; the limit an integer; values parameters.
            walks.append(
                f"SELECT {pk} FROM (SELECT {pk} FROM {table} WHERE {section} = %s"  # noqa: S608  # nosec
                f" AND {name('status')} = %s AND {name('published_at')} <= %s"
                f" ORDER BY {order}) w{n}"
            )
            params += [key, PUBLISHED, at]
        return models.expressions.RawSQL(" UNION ALL ".join(walks), params)  # noqa: S611  # nosec

    # Keeping the counts ---------------------------------------------------------------

    def refresh(self, story_ids):
        """Count each story where it belongs now, and again where it was counted before.

        One query when nothing moved (the usual save of a story's text).
        """
        ids = sorted(set(story_ids))
        if not ids:
            return
        stories = _stories()
        rows = stories.filter(pk__in=ids).values_list(
            "pk", "section_id", "status", "published_at", "counted_section", "counted_month"
        )
        moved, pairs = {}, set()
        for pk, section, status, at, was_section, was_month in rows:
            now = counted_at(section, status, at)
            was = (was_section, as_date(was_month) if was_month else None)
            if now == was:
                continue
            moved.setdefault(now, []).append(pk)
            pairs |= {pair for pair in (was, now) if pair[0]}
        if not moved:
            return
        with transaction.atomic():
            for (section, month), pks in moved.items():
                stories.filter(pk__in=pks).update(counted_section=section, counted_month=month)
            self.recount(pairs)

    def copy_of(self, story_id):
        """(section id, month) where the story is counted, as stored; None if no such row."""
        return (
            _stories().filter(pk=story_id).values_list("counted_section", "counted_month").first()
        )

    def forget(self, story):
        """A story deleted: the month it was counted in is counted again (as its object
        has it, and where its section and time put it, should that object be older)."""
        pairs = {counted_at(story.section_id, story.status, story.published_at)}
        if story.counted_section and story.counted_month:
            pairs.add((story.counted_section, as_date(story.counted_month)))
        self.recount({pair for pair in pairs if pair[0]})

    def recount(self, pairs):
        """Count again the stories of each (section id, month) in ``pairs``.

        The count rows are made where missing and locked in a fixed order, so
        two editors saving stories of one month at once cannot both write a
        count that misses the other's story.
        """
        pairs = sorted(pairs)
        if not pairs:
            return
        model = _counts().model
        existing = set(
            _sections().filter(pk__in={s for s, _ in pairs}).values_list("pk", flat=True)
        )
        pairs = [(section, month) for section, month in pairs if section in existing]
        with transaction.atomic():
            _counts().bulk_create(
                [model(section_id=section, month=month) for section, month in pairs],
                ignore_conflicts=True,
            )
            wanted = models.Q()
            for section, month in pairs:
                wanted |= models.Q(section_id=section, month=month)
            rows = list(
                _counts().select_for_update().filter(wanted).order_by("section_id", "month")
            )
            found = {}
            for section in {s for s, _ in pairs}:
                months = [month for s, month in pairs if s == section]
                span = _stories().filter(
                    section=section,
                    published_at__gte=month_start(min(months)),
                    published_at__lt=month_start(next_month(max(months))),
                )
                found.update(self.monthly(span))
            for row in rows:
                row.stories = found.get((row.section_id, as_date(row.month)), 0)
            _counts().bulk_update([row for row in rows if row.stories], ["stories"])
            _counts().filter(pk__in=[row.pk for row in rows if not row.stories]).delete()

    def monthly(self, stories):
        """{(section id, month): published stories} among ``stories``: one grouped query.

        Months are cut in desk time, as ``month_of`` cuts them.
        """
        month = TruncMonth(
            "published_at", output_field=models.DateField(), tzinfo=timezone.get_current_timezone()
        )
        rows = (
            stories.filter(status=PUBLISHED, published_at__isnull=False, section__isnull=False)
            .order_by()
            .annotate(month=month)
            .values_list("section_id", "month")
            .annotate(n=Count("pk"))
        )
        return {(section, as_date(month)): n for section, month, n in rows}

    def recount_all(self, section_ids):
        """Every month of the sections counted again: one grouped query and one insert."""
        ids = sorted(set(section_ids))
        if not ids:
            return
        model = _counts().model
        with transaction.atomic():
            _counts().filter(section_id__in=ids).delete()
            found = self.monthly(_stories().filter(section__in=ids))
            _counts().bulk_create(
                model(section_id=section, month=month, stories=n)
                for (section, month), n in sorted(found.items())
            )

    def rebuild(self):
        """Every story's copy and every section's months written afresh, set-based.

        For archives written around the ORM in bulk (``seedbench``).
        """
        stories = _stories()
        top = (stories.order_by("-pk").values_list("pk", flat=True).first() or 0) + 1
        for start in range(0, top, 10 * BATCH):
            self.refresh(
                stories.filter(pk__gte=start, pk__lt=start + 10 * BATCH).values_list(
                    "pk", flat=True
                )
            )
        self.recount_all(_sections().values_list("pk", flat=True))
        pagecache.content_changed()

    # Checking (``manage.py checklistings``) -------------------------------------------

    def check(self, repair=False, batch=BATCH, progress=None):
        """Each story's copy and each section's months recomputed: yields each ``Drift``."""
        found = False
        stories = _stories()
        total, done, last = stories.count(), 0, None
        fields = ("pk", "slug", "section_id", "status", "published_at")
        copies = ("counted_section", "counted_month")
        while True:
            page = stories.order_by("pk")
            if last is not None:
                page = page.filter(pk__gt=last)
            rows = list(page.values_list(*fields, *copies)[:batch])
            if not rows:
                break
            last = rows[-1][0]
            stale = []
            for pk, slug, section, status, at, was_section, was_month in rows:
                want = counted_at(section, status, at)
                had = (was_section, as_date(was_month) if was_month else None)
                if want != had:
                    stale.append(pk)
                    found = True
                    yield Drift(
                        "section count copy",
                        f"story {slug} (id {pk})",
                        f"counted in {_pair(had)}, belongs in {_pair(want)}",
                    )
            if repair and stale:
                self.refresh(stale)
            done += len(rows)
            if progress:
                progress(done, total, "stories' sections")
        truth = self.monthly(stories.all())
        stored = {
            (section, as_date(month)): n
            for section, month, n in _counts()
            .filter(stories__gt=0)
            .values_list("section_id", "month", "stories")
        }
        names = dict(_sections().values_list("pk", "slug"))
        wrong = sorted(
            pair for pair in stored.keys() | truth.keys() if stored.get(pair) != truth.get(pair)
        )
        for section, month in wrong:
            found = True
            yield Drift(
                "section month count",
                f"section {names.get(section, '?')} (id {section})",
                f"{month:%Y-%m} counts {stored.get((section, month), 0)} stories, the stories"
                f" give {truth.get((section, month), 0)}",
            )
        if repair and wrong:
            self.recount_all({section for section, _ in wrong})
        if repair and found:
            pagecache.content_changed()


def _pair(pair):
    section, month = pair
    return f"section {section}, {month:%Y-%m}" if section else "no section"


SECTIONS = SectionListing()
