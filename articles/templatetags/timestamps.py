"""``{% timestamp value %}``: a ``<time>`` element for a moment, in the desk's time zone.

The same markup the ``date`` filter gives with "Y-m-d\\TH:i:sO" and "j F Y",
made directly: every card on a page carries one, and the filter's generic
formatting cost more than the rest of the card.
"""

from django import template
from django.utils import timezone
from django.utils.html import format_html

from common.month_names import month_names

from ..models import desk_time

register = template.Library()

#: The ``<time>`` markup, to be filled with ``time_parts``; cards use it inside theirs.
TIME_HTML = '<time datetime="{}">{} {} {}</time>'


@register.simple_tag
def timestamp(value, zone=None, months=None):
    """``<time datetime="2021-02-05T10:00:00+0100">5 February 2021</time>``; "" for None.

    A list of many gives the active time ``zone`` and ``months`` (``month_names()``)
    once for all.
    """
    if value is None:
        return ""
    return format_html(TIME_HTML, *time_parts(value, zone, months))


def time_parts(value, zone=None, months=None):
    """The four values of ``timestamp``'s ``<time>``: the ISO moment, day, month name, year."""
    if value.utcoffset() is not None:
        value = value.astimezone(zone or timezone.get_current_timezone())
    return (
        value.strftime("%Y-%m-%dT%H:%M:%S%z"),
        value.day,
        (months or month_names())[value.month],
        value.year,
    )


@register.filter(name="desk_time")
def desk_time_filter(value):
    """A moment as the desk writes it everywhere: "5 March 2026, 10:00 CET"."""
    return desk_time(value) if value else ""


@register.inclusion_tag("includes/_published_and_updated.html")
def published_and_updated(article, corrections=()):
    """When a story was published and, once the desk appended an update or a
    correction to it (``corrections``, oldest first), when it last did.

    The update time is the newest of those notes, not the row's last save:
    saves that change nothing a reader sees (a tag added, a status copied,
    a demo loaded again) are no update. Both on the desk's clock ("5 March
    2026, 10:00 CET"), each in a ``<time>`` whose ``datetime`` has no
    microseconds (the Nu checker allows three digits at most).
    """
    published = article.published_at
    if published is None:
        return {"published": None, "updated": None}
    updated = max((note.created_at for note in corrections), default=None)
    return {
        "published": _moment(published),
        "updated": _moment(updated) if updated and updated > published else None,
    }


def _moment(value):
    return {"iso": time_parts(value)[0], "text": desk_time(value)}
