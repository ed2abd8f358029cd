"""``{% page_meta %}``: the head tags that tell machines what a page is."""

from django import template

from .. import metadata

register = template.Library()


@register.inclusion_tag("includes/_page_meta.html", takes_context=True)
def page_meta(context):
    return {
        "meta": metadata.for_context(context),
        "site_name": context.get("site_name"),
    }


@register.filter
def w3c_datetime(value):
    """An aware datetime as W3C/ISO 8601 to the second ("2021-02-05T10:00:00+01:00").

    Django's "c" format keeps microseconds, which validators and some
    readers refuse.
    """
    return value.isoformat(timespec="seconds") if value else ""
