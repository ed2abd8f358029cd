"""Reader traffic on read replicas, everything else on the primary.

Only a reader's request reads from a replica: the middleware marks it. Writes,
the admin, management commands and any request made soon after a write by the
same browser read from the primary, so an editor always sees what they just
saved even while the replicas lag behind.
"""

import random
from contextvars import ContextVar

from django.conf import settings

PRIMARY = "default"
AFTER_WRITE_COOKIE = "primary_reads"

_reader_request = ContextVar("reader_request", default=False)


class PrimaryReplicaRouter:
    def db_for_read(self, model, **hints):
        replicas = settings.DATABASE_REPLICAS
        if replicas and _reader_request.get():
            return random.choice(replicas)  # noqa: S311 - load spreading, not security
        return PRIMARY

    def db_for_write(self, model, **hints):
        return PRIMARY

    def allow_relation(self, obj1, obj2, **hints):
        # Replicas hold the primary's data: objects from any of them may relate.
        return True

    def allow_migrate(self, db, app_label, **hints):
        return db == PRIMARY


def is_reader_request(request):
    return (
        request.method in ("GET", "HEAD")
        and AFTER_WRITE_COOKIE not in request.COOKIES
        and not request.path.startswith(tuple(settings.PRIMARY_ONLY_PATHS))
    )


class ReplicaReadsMiddleware:
    """Lets reader requests read from replicas; pins a browser to the primary after a write."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _reader_request.set(is_reader_request(request))
        try:
            response = self.get_response(request)
        finally:
            _reader_request.reset(token)
        # A write the browser never reads back (the read beacon's count) pins nothing.
        writes = request.method not in ("GET", "HEAD", "OPTIONS")
        if writes and settings.DATABASE_REPLICAS and getattr(response, "reads_back", True):
            response.set_cookie(
                AFTER_WRITE_COOKIE,
                "1",
                max_age=settings.REPLICA_LAG_SECONDS,
                secure=settings.SESSION_COOKIE_SECURE,
                httponly=True,
                samesite="Lax",
            )
        return response
