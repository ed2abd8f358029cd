"""Middleware of the site: response headers Django has no setting for, and the page cache.

The page cache serves anonymous readers whole pages from the shared cache,
never stale: each page is kept under its URL with the content generation it
was rendered in (``reading.pagecache``) and served only while that
generation is current.

What changes with the clock rather than with a save is covered by the entry's
lifetime: no page outlives the next scheduled publication (a story set to go
live at 14:00 appears at 14:00), the next end of a front-page slot, nor the next
local midnight (photo licences run
out by the day, ages change on birthdays). No worker or cron job is needed.

Only anonymous GET/HEAD requests for reader pages are served from the cache:
not the desk (``/admin/``), not a browser that carries a session (an editor)
or has just written (``primary_reads``), and only 200 answers that set no
cookie. When the cache is down, pages are served uncached.

Answers carry an ETag and Last-Modified (304 for a browser or CDN that already
has the page) and ``Cache-Control: public, max-age=0, must-revalidate``: a CDN
in front may keep the page but asks us before each use, which costs it one
cached 304 here and can never show a stale page.
"""

import datetime
import hashlib
import logging
import time

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone
from django.utils.cache import patch_cache_control, set_response_etag
from django.utils.http import http_date

from articles.models import Article, FrontSlot
from reading import pagecache

from .routers import AFTER_WRITE_COOKIE

logger = logging.getLogger(__name__)

NEXT_CHANGE_KEY = "pagecache:next-change:{}"
READER_CACHE_CONTROL = {"public": True, "max_age": 0, "must_revalidate": True}


def skip_paths():
    """Paths never served from the page cache (PAGE_CACHE_SKIP_PATHS)."""
    return getattr(settings, "PAGE_CACHE_SKIP_PATHS", ["/admin/", "/api/schema/"])


def next_scheduled_change(generation, now):
    """When the next scheduled story goes live or the next front-page slot ends (or None),
    remembered for this generation."""
    key = NEXT_CHANGE_KEY.format(generation)
    remembered = cache.get(key)
    if remembered is not None and (remembered == 0 or remembered > now.timestamp()):
        return None if remembered == 0 else remembered
    # A slot that ends hands its place to the newest stories: no page outlives it.
    # One query for both, each read off its index.
    upcoming = Article.objects.filter(status="published", published_at__gt=now).order_by()
    ending = FrontSlot.objects.filter(ends_at__gt=now).order_by()
    moments = upcoming.values_list("published_at").union(ending.values_list("ends_at"))
    first = moments.order_by("published_at").first()
    value = first[0].timestamp() if first else 0
    cache.set(key, value, pagecache.seconds())
    return value or None


def lifetime(generation, now=None):
    """Seconds a page rendered now may be served: until the next change the clock brings."""
    now = now or timezone.now()
    local = timezone.localtime(now)
    midnight = timezone.make_aware(
        datetime.datetime.combine(local.date() + datetime.timedelta(days=1), datetime.time())
    )
    limits = [pagecache.seconds(), (midnight - now).total_seconds()]
    scheduled = next_scheduled_change(generation, now)
    if scheduled is not None:
        limits.append(scheduled - now.timestamp())
    return int(min(limits))


def is_cacheable_request(request):
    return (
        pagecache.is_enabled()
        and request.method in ("GET", "HEAD")
        and not request.path.startswith(tuple(skip_paths()))
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and AFTER_WRITE_COOKIE not in request.COOKIES
    )


def _key(request):
    url = request.build_absolute_uri()
    digest = hashlib.sha256(url.encode("utf-8", "surrogateescape")).hexdigest()
    return f"pagecache:page:{digest}"


def _look_up(key):
    """(the current generation, the page kept under ``key`` if rendered in it, else None)."""
    found = cache.get_many([pagecache.GENERATION_KEY, key])
    generation = found.get(pagecache.GENERATION_KEY)
    if generation is None:
        return pagecache.current_generation(), None
    kept = found.get(key)
    if kept is not None and kept[0] == generation:
        return generation, kept[1]
    return generation, None


class PageCacheMiddleware:
    """Serves anonymous readers from the page cache and marks reader answers for a CDN."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not is_cacheable_request(request):
            return self.get_response(request)
        try:
            key = _key(request)
            generation, cached = _look_up(key)
        except Exception:  # noqa: BLE001 - serve uncached while the cache is down
            logger.warning("Page cache unavailable; serving uncached.", exc_info=True)
            return self._mark(self.get_response(request), None)
        if cached is not None:
            response = cached
            response["X-Page-Cache"] = "hit"
            return response
        response = self.get_response(request)
        rendered_at = time.time()
        if self._storable(response):
            self._mark(response, rendered_at)
            try:
                seconds = lifetime(generation)
                if seconds > 0:
                    response["X-Page-Cache"] = "miss"
                    cache.set(key, (generation, response), seconds)
            except Exception:  # noqa: BLE001
                logger.warning("Page cache unavailable; page not kept.", exc_info=True)
        return response

    @staticmethod
    def _storable(response):
        return (
            response.status_code == 200
            and not response.streaming
            and not response.cookies
            and "private" not in response.get("Cache-Control", "")
            and "no-store" not in response.get("Cache-Control", "")
        )

    @staticmethod
    def _mark(response, rendered_at):
        if response.status_code != 200 or response.streaming or response.cookies:
            return response
        if "Cache-Control" not in response:
            patch_cache_control(response, **READER_CACHE_CONTROL)
        if rendered_at is not None and not response.has_header("Last-Modified"):
            response["Last-Modified"] = http_date(rendered_at)
        if not response.has_header("ETag"):
            set_response_etag(response)
        return response


class SecurityHeadersMiddleware:
    """Adds ``Permissions-Policy``: browser features the site never asks for stay off.

    Django's SecurityMiddleware already sends HSTS, ``X-Content-Type-Options``,
    ``Referrer-Policy`` and ``Cross-Origin-Opener-Policy``; django-csp sends the
    Content Security Policy and XFrameOptionsMiddleware ``X-Frame-Options``.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        policy = getattr(settings, "PERMISSIONS_POLICY", "")
        if policy:
            response.headers.setdefault("Permissions-Policy", policy)
        return response
