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
