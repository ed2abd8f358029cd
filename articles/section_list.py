"""The sections in navigation order, kept in the shared cache.

The site's header lists them on every page and the story form offers them as
choices: both read this list, no query, until a section is saved or deleted
(``forget_navigation``, called by ``reading.receivers``).
"""

import logging
from dataclasses import dataclass

from django.core.cache import cache
from django.db import transaction

from .models import Section

logger = logging.getLogger(__name__)

NAVIGATION_KEY = "sections:navigation"


@dataclass(frozen=True)
class NavItem:
    """A section as the header's navigation shows it: no query to draw."""

    pk: int
    name: str
    slug: str
    url: str


def navigation():
    """The sections in navigation order: from the cache, else one query (then kept).

    Kept until a section is saved or deleted (``forget_navigation``, from
    ``reading.receivers``); stories written meanwhile change nothing in it.
    """
    try:
        found = cache.get(NAVIGATION_KEY)
    except Exception:  # noqa: BLE001 - read from the database while the cache is down
        found = None
    if found is not None:
        return found
    found = [
        NavItem(section.pk, section.name, section.slug, section.get_absolute_url())
        for section in Section.objects.only("pk", "name", "slug")
    ]
    try:
        cache.set(NAVIGATION_KEY, found, None)
    except Exception:  # noqa: BLE001 - a cache outage costs a query a page, no more
        logger.warning("The sections could not be kept in the cache.", exc_info=True)
    return found


def forget_navigation():
    """A section changed: the navigation is read afresh, now and once the change commits
    (a page rendered from the old rows in between must not keep its list)."""
    _forget()
    transaction.on_commit(_forget)


def _forget():
    try:
        cache.delete(NAVIGATION_KEY)
    except Exception:  # noqa: BLE001 - a cache outage must not stop a save
        logger.warning("The sections' navigation could not be forgotten.", exc_info=True)
