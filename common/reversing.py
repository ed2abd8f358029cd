"""The address of a page named by one slug, reversed once per pattern.

A list page links to twenty stories and as many people; ``reverse`` walks
the URL patterns for each. The pattern's address with a marker for the slug
is worked out once, and each address is that with the slug put in.
"""

import re
from functools import cache

from django.conf import settings
from django.urls import get_script_prefix, get_urlconf, reverse

MARKER = "slug-goes-here"
# What the ``slug`` path converter accepts; nothing in it needs quoting.
SLUG = re.compile(r"[-a-zA-Z0-9_]+\Z")


@cache
def _around(name, prefix, urlconf):
    """(what comes before the slug, what comes after) in ``name``'s address."""
    before, after = reverse(name, args=[MARKER], urlconf=urlconf).split(MARKER)
    return before, after


def reverse_slug(name, slug):
    """``reverse(name, args=[slug])`` for a URL with one slug, without walking the patterns."""
    return slug_reverser(name)(slug)


def slug_reverser(name):
    """``reverse_slug`` for ``name``, as a function of the slug: for many addresses at once.

    The URL configuration and script prefix are those of the moment it is made.
    """
    urlconf = get_urlconf() or settings.ROOT_URLCONF
    before, after = _around(name, get_script_prefix(), urlconf)

    def address(slug):
        if not SLUG.match(slug):
            return reverse(name, args=[slug], urlconf=urlconf)  # raises NoReverseMatch
        return before + slug + after

    return address
