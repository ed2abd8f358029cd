"""Month names in the active language, resolved once per language.

``django.utils.dates.MONTHS`` holds lazy translations: each use looks the
name up again, and a page of cards and a coverage chart use it a hundred times.
"""

from functools import cache

from django.utils import translation
from django.utils.dates import MONTHS


@cache
def _in(language):
    with translation.override(language):
        return {number: str(name) for number, name in MONTHS.items()}


def month_names():
    """{1: "January", …, 12: "December"} in the active language."""
    return _in(translation.get_language())
