"""Reads: reader visits to a story, counted by the beacon, and what readers read most.

A story page carries a small script (``static/js/read-beacon.js``) that sends
one POST to our own ``/hit/<story id>/`` per story per reader visit (the tab's
``sessionStorage`` remembers it; no cookie is set or read). Counting happens
there, not while the page is rendered, so pages stay cacheable by us and by a
CDN in front, and a reader without scripts, a crawler that fetches the page,
or the desk's preview is never counted. Requests from known robots, headless
browsers and HTTP libraries (by their User-Agent) are answered but not counted.

Counts go into hourly buckets in the database (``StoryReads``): shared by
every app server whatever the cache is, kept through restarts, and gone with
the story. "Most read" is the sum of the last ``WINDOW``, read from one index.
"""

import datetime
import re

from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.db.models import F, OuterRef, Subquery, Sum
from django.utils import timezone

from articles.models import Article

from .models import StoryReads

# "Most read" is what readers opened within the last day.
WINDOW = datetime.timedelta(hours=24)
# Buckets older than this are deleted (at most once an hour), a margin past the window.
KEPT = datetime.timedelta(hours=48)
PRUNED_KEY = "reads:pruned:{:%Y%m%d%H}"
# The beacon sends no body; anything larger than this is not a beacon.
MAX_BODY = 64

# User agents that are not readers: crawlers, link previews, monitors,
# headless and automated browsers, HTTP libraries. No User-Agent at all counts
# as a robot too.
ROBOTS = re.compile(
    r"bot\b|bot/|crawl|spider|slurp|archiver|preview|facebookexternalhit|embedly|"
    r"headless|phantomjs|selenium|lighthouse|pingdom|uptime|monitor|"
    r"curl|wget|python|httpx|aiohttp|okhttp|java/|go-http-client|libwww|feedfetcher",
    re.IGNORECASE,
)


def is_robot(user_agent):
    """Whether a request with this User-Agent comes from something other than a reader."""
    return not user_agent.strip() or ROBOTS.search(user_agent) is not None


def hour_of(moment):
    """The start of the hour ``moment`` falls in (UTC): the bucket it is counted in."""
    return moment.astimezone(datetime.UTC).replace(minute=0, second=0, microsecond=0)


def count(story_id, now=None):
    """Count one reader visit to the story ``story_id``; False if readers cannot see it.

    One bucket row per story and hour, added to in place; the first read of
    the hour creates it (two at once: the second adds to the first's row).
    """
    now = now or timezone.now()
    if not Article.objects.published(now).filter(pk=story_id).exists():
        return False
    hour = hour_of(now)
    bucket = StoryReads.objects.filter(story_id=story_id, hour=hour)
    if not bucket.update(reads=F("reads") + 1):
        try:
            with transaction.atomic():
                StoryReads.objects.create(story_id=story_id, hour=hour, reads=1)
        except IntegrityError:
            bucket.update(reads=F("reads") + 1)
    _prune(hour)
    return True


def _prune(hour):
    """Delete the buckets nobody adds up any more: once an hour, by whoever reads first."""
    if cache.add(PRUNED_KEY.format(hour), True, timeout=int(KEPT.total_seconds())):
        StoryReads.objects.filter(hour__lt=hour - KEPT).delete()


def top(limit, now=None, section=None):
    """The ids of the ``limit`` stories read most within the last ``WINDOW`` that readers
    may still see (unpublished, scheduled or deleted stories never), as a subquery;
    with ``section``, of that section's stories only.

    Most reads first; between equals, the story read last (the higher id).
    """
    now = now or timezone.now()
    visible = Article.objects.published(now)
    if section is not None:
        visible = visible.filter(section=section)
    return (
        StoryReads.objects.filter(
            hour__gte=hour_of(now - WINDOW),
            story__in=visible.values("pk"),
        )
        .values("story")
        .annotate(total=Sum("reads"))
        .order_by("-total", "-story")
        .values("story")[:limit]
    )


def total(now=None):
    """A story's reads within the last ``WINDOW``, as an annotation of a story queryset."""
    now = now or timezone.now()
    reads = (
        StoryReads.objects.filter(story=OuterRef("pk"), hour__gte=hour_of(now - WINDOW))
        .values("story")
        .annotate(total=Sum("reads"))
        .values("total")
    )
    return Subquery(reads)


def ranked(rows, limit, leave_out=()):
    """The first ``limit`` of ``rows`` (each with ``reads``) most read first, less
    those in ``leave_out`` (stories the page already shows) and those never read."""
    shown = {getattr(row, "pk", row) for row in leave_out}
    rows = [row for row in rows if row.reads and row.pk not in shown]
    rows.sort(key=lambda row: (row.reads, row.pk), reverse=True)
    return rows[:limit]
