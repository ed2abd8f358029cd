"""The content generation the page cache is keyed by: what tells a cached page is stale.

Whole responses of reader pages are kept in the shared cache (see
``newsroom.middleware.PageCacheMiddleware``), each with the *content
generation* it was rendered in: a number kept in the cache itself and
replaced every time anything a reader page shows is saved, deleted or
relinked (a story, a person, a tag, a photo, a credit, a tie, a correction, a
byline's user). A page is served only while its generation is the current
one, so a page cached before a change is never served after it.

The generation learns of changes through Django's signals, whose receivers
are all connected in ``reading.receivers``: every save, deletion and
relinking (``changed_by``), the stories written around the ORM
(``articles.signals.stories_written``) and photo renditions
(``photos.signals.renditions_changed``). ``reading.listings.sync`` starts a
new generation after its own bulk writes.

It imports no model: the listings build on it.
"""

import logging
import time

from django.conf import settings
from django.core.cache import cache, caches
from django.core.cache.backends.dummy import DummyCache
from django.db import transaction

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


def changed_by(sender, **kwargs):
    """A row was saved, deleted or relinked: a new generation if readers can see it."""
    meta = getattr(sender, "_meta", None)
    if meta is None:
        return
    if meta.app_label not in CONTENT_APPS and meta.label != settings.AUTH_USER_MODEL:
        return
    fields = kwargs.get("update_fields")
    if fields and set(fields) <= IGNORED_FIELDS:
        return
    content_changed()
