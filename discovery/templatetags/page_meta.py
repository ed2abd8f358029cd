"""``{% page_meta %}``: the head tags that tell machines what a page is.

Built with ``format_html`` rather than by an included template: every page
draws twenty-odd of these tags, and the template's lookups cost more than the
rest of its head.
"""

from django import template
from django.utils.html import format_html, format_html_join

from .. import metadata
from .structured_data import json_ld

register = template.Library()


def _meta(attribute, name, content):
    return format_html('<meta {}="{}" content="{}">', attribute, name, str(content))


def _link(rel, href, **more):
    extra = format_html_join("", ' {}="{}"', more.items())
    return format_html('<link rel="{}"{} href="{}">', rel, extra, href)


def head_tags(meta, site_name):
    """The markup of ``meta`` (a PageMeta, or None for a page it does not describe)."""
    if not meta:
        return [
            _meta("name", "description", f"Celebrity and entertainment news from {site_name}."),
            _meta("property", "og:site_name", site_name),
        ]
    tags = [_meta("name", "description", meta.description)]
    if meta.robots:
        tags.append(_meta("name", "robots", meta.robots))
    tags += [
        _link("canonical", meta.url),
        _meta("property", "og:site_name", site_name),
        _meta("property", "og:type", meta.type),
        _meta("property", "og:title", meta.social_title or meta.title),
        _meta("property", "og:description", meta.description),
        _meta("property", "og:url", meta.url),
    ]
    if meta.image_url:
        tags.append(_meta("property", "og:image", meta.image_url))
        share = meta.image.share_image
        if share["width"]:
            tags.append(_meta("property", "og:image:width", share["width"]))
            tags.append(_meta("property", "og:image:height", share["height"]))
        tags.append(_meta("property", "og:image:alt", meta.image.alt_text))
    if meta.published_at:
        tags.append(_meta("property", "article:published_time", w3c_datetime(meta.published_at)))
    if meta.modified_at:
        tags.append(_meta("property", "article:modified_time", w3c_datetime(meta.modified_at)))
    tags += [_meta("property", "article:tag", tag) for tag in meta.tags]
    card = "summary_large_image" if meta.image_url else "summary"
    tags += [
        _meta("name", "twitter:card", card),
        _meta("name", "twitter:title", meta.social_title or meta.title),
        _meta("name", "twitter:description", meta.description),
    ]
    if meta.image_url:
        tags.append(_meta("name", "twitter:image", meta.image_url))
        tags.append(_meta("name", "twitter:image:alt", meta.image.alt_text))
    if meta.feed:
        feed = meta.feed
        tags.append(
            _link("alternate", feed.rss, type="application/rss+xml", title=f"{feed.title} (RSS)")
        )
        tags.append(
            _link("alternate", feed.atom, type="application/atom+xml", title=f"{feed.title} (Atom)")
        )
    tags += [json_ld(data) for data in meta.structured_data]
    return tags


@register.simple_tag(takes_context=True)
def page_meta(context):
    """What the page tells search engines, feed readers and social networks."""
    tags = head_tags(metadata.for_context(context), context.get("site_name") or "")
    return format_html_join("\n  ", "{}", ((tag,) for tag in tags))


@register.filter
def w3c_datetime(value):
    """An aware datetime as W3C/ISO 8601 to the second ("2021-02-05T10:00:00+01:00").

    Django's "c" format keeps microseconds, which validators and some
    readers refuse.
    """
    return value.isoformat(timespec="seconds") if value else ""
