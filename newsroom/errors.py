"""Error pages: readers' 404, and server error pages that need nothing that may be broken.

A missing address gets readers' 404 page (``page_not_found``): a search box
and the most read, so a reader finds the way on.

When the database is down (restarting, failing over, out of connections),
every page that reads it fails. Readers then get a short "back in a moment"
page with ``503 Service Unavailable`` and ``Retry-After``, which tells caches
and crawlers the outage is temporary; other errors get the plain 500 page.
Both pages are static files read once: rendering them touches no database,
template context or cache.
"""

import logging
import sys
from functools import cache

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, HttpResponseServerError
from django.shortcuts import render

from reading import pages
from reading.views import MOST_READ

logger = logging.getLogger(__name__)

DATABASE_DOWN = (OperationalError, InterfaceError)


@cache
def _page(name):
    return (settings.BASE_DIR / "templates" / name).read_bytes()


def database_is_down(error):
    """Whether ``error`` (or what caused it) says the database cannot be reached."""
    while error is not None:
        if isinstance(error, DATABASE_DOWN):
            return True
        error = error.__cause__ or error.__context__
    return False


def service_unavailable():
    response = HttpResponse(_page("503.html"), status=503, content_type="text/html; charset=utf-8")
    response["Retry-After"] = str(settings.RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


def server_error(request):
    """``handler500``: 503 while the database is down, the static 500 page otherwise."""
    error = sys.exc_info()[1]
    if database_is_down(error):
        logger.warning("Database unavailable, answered 503: %s", error)
        return service_unavailable()
    return HttpResponseServerError(_page("500.html"), content_type="text/html; charset=utf-8")


def page_not_found(request, exception):
    """``handler404``: readers' 404 page, with the most read (one query; without it
    while the database is down, which the page's other parts then answer for)."""
    try:
        most_read = pages.most_read(MOST_READ)
    except DATABASE_DOWN:
        most_read = []
    return render(request, "404.html", {"most_read": most_read}, status=404)
