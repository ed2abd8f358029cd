"""``{% story_cards stories %}``: the list items of a story list, one card each.

A card is a story's photo, headline, standfirst and time. Lists on the home,
person and tag pages and in the sidebars draw up to twenty-one of them, and an
included template per card cost more than all the page's queries together;
built with ``format_html``, which escapes every text, a card costs far less.
"""

from django import template
from django.utils import timezone
from django.utils.html import format_html, format_html_join

from common.month_names import month_names
from common.reversing import slug_reverser
from photos.templatetags.photos import picture

from .timestamps import TIME_HTML, time_parts

register = template.Library()

# The width the layout gives a card's photo, for the browser to pick a rendition.
SIZES = {
    "compact": "(min-width: 48rem) 6rem, 5rem",
    "grid": "(min-width: 48rem) 9rem, 7.5rem",
    "wide": "(min-width: 48rem) 12rem, 7.5rem",
}


class _List:
    """What every card of one list shares, looked up once: the clock's zone, the
    month names and the story address pattern of the language and site."""

    def __init__(self):
        self.zone = timezone.get_current_timezone()
        self.months = month_names()
        self.address = slug_reverser("story")


# A card's markup; its optional parts are chosen here (constant text), and
# every value is escaped by the one format_html that fills it in.
_CARD = (
    '<li><article class="{}">{}<div class="card__text"><h3 class="card__headline">'
    '<a href="{}">{}</a></h3>%s<p class="card__meta">%s</p></div></article></li>'
)
_STANDFIRST = '<p class="card__standfirst">{}</p>'
CARD_FORMATS = {
    (standfirst, when): _CARD % (_STANDFIRST if standfirst else "", TIME_HTML if when else "")
    for standfirst in (False, True)
    for when in (False, True)
}


def story_card(story, layout="wide", eager=False, shared=None):
    """(format string, values) of one ``<li>`` holding ``story``'s ``<article class="card">``."""
    shared = shared or _List()
    photo = story.lead_photo_for_readers
    image = (
        picture(photo, "card", sizes=SIZES[layout], eager=eager, css_class="card__image")
        if photo
        else ""
    )
    standfirst = bool(story.standfirst) and layout != "compact"
    when = story.published_at
    css = "card card--compact" if layout == "compact" else "card"
    values = (
        css,
        image,
        shared.address(story.slug),
        story.headline,
        *((story.standfirst,) if standfirst else ()),
        *(time_parts(when, shared.zone, shared.months) if when is not None else ()),
    )
    return CARD_FORMATS[standfirst, when is not None], values


@register.simple_tag
def story_cards(stories, compact=False, grid=False, eager_first=False):
    """``<li>`` for each story, its card inside; the first photo eager if asked."""
    layout = "compact" if compact else "grid" if grid else "wide"
    shared = _List()
    cards = (
        story_card(story, layout, eager=eager_first and n == 0, shared=shared)
        for n, story in enumerate(stories)
    )
    return format_html_join("", "{}", ((format_html(card, *values),) for card, values in cards))
