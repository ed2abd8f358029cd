"""What the in-process benchmarks (``profile_pages``, ``desk``) share.

Both render pages through django.test.Client in this process with the
production settings on plain HTTP and no cache, and both pick their pages
around the archive's star.
"""

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def configure(name):
    """The environment of an uncached in-process run; before Django loads its settings."""
    sys.path.insert(0, str(ROOT))
    os.environ.update(
        DJANGO_SETTINGS_MODULE="newsroom.settings",
        DEBUG="0",
        HTTPS="0",
        CACHE_URL="dummy://",
        ALLOWED_HOSTS="127.0.0.1",
        SECRET_KEY=os.environ.get("SECRET_KEY") or f"{name}-only-" + "x" * 40,
    )


def star():
    """The person in the most stories."""
    from django.db.models import Count

    from people.models import Person

    return Person.objects.annotate(n=Count("article_links")).order_by("-n").first()
