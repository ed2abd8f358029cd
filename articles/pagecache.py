"""The content generation the page cache is keyed by: what tells a cached page is stale.

Whole responses of reader pages are kept in the shared cache (see
``newsroom.middleware.PageCacheMiddleware``), each with the *content
generation* it was rendered in: a number kept in the cache itself and
replaced every time anything a reader page shows is saved, deleted or
relinked (a story, a person, a tag, a photo, a credit, a tie, a correction, a
byline's user). A page is served only while its generation is the current
one, so a page cached before a change is never served after it.

The generation learns of changes through Django's signals (``connect``, from
``ArticlesConfig.ready``). Code that changes reader content with a bare
``QuerySet.update()`` or ``bulk_create()`` (which send no signals) calls
``content_changed()`` itself, as articles.workflow (and articles.signals for
photo renditions) and
``articles.listings.sync`` do.

It imports no model, so the models and what they build on may use it.
"""

import logging
import time

from django.conf import settings
from django.core.cache import cache, caches
from django.core.cache.backends.dummy import DummyCache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

logger = logging.getLogger(__name__)

GENERATION_KEY = "pagecache:generation"
# What a reader page shows comes from these apps (and the bylines' users).
CONTENT_APPS = {"articles", "people", "photos", "taggit"}
# Saved on each login; shown nowhere.
IGNORED_FIELDS = {"last_login"}


def seconds():
    """The longest a page is kept (PAGE_CACHE_SECONDS); 0 turns the cache off."""
    return getattr(settings, "PAGE_CACHE_SECONDS", 600)


def content_changed():
    """Start a new content generation: every cached page is from now on out of date.

    Called at once and again when the transaction commits, so that a page
    rendered from the old rows between the two is not kept under the new
    generation.
    """
    _new_generation()
    transaction.on_commit(_new_generation)


def _new_generation():
    try:
        cache.set(GENERATION_KEY, time.time_ns(), None)
    except Exception:  # noqa: BLE001 - a cache outage must not stop a save
        logger.warning("The page cache could not be told of a change.", exc_info=True)


def current_generation():
    """The content generation, starting one when there is none; None if the cache is down."""
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        generation = time.time_ns()
        if not cache.add(GENERATION_KEY, generation, None):
            generation = cache.get(GENERATION_KEY, generation)
    return generation


def is_enabled():
    """Off with PAGE_CACHE_SECONDS=0 or a cache that keeps nothing (CACHE_URL=dummy://)."""
    return seconds() > 0 and not isinstance(caches["default"], DummyCache)


def _changed(sender, **kwargs):
    meta = getattr(sender, "_meta", None)
    if meta is None:
        return
    if meta.app_label not in CONTENT_APPS and meta.label != settings.AUTH_USER_MODEL:
        return
    fields = kwargs.get("update_fields")
    if fields and set(fields) <= IGNORED_FIELDS:
        return
    content_changed()


def connect():
    """Listen for every save, delete and relinking of reader content."""
    post_save.connect(_changed, dispatch_uid="pagecache_saved")
    post_delete.connect(_changed, dispatch_uid="pagecache_deleted")
    m2m_changed.connect(_changed, dispatch_uid="pagecache_relinked")
