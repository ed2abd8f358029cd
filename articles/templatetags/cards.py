"""``{% story_cards stories %}``: the list items of a story list, one card each.

A card is a story's photo, headline, standfirst and time. Lists on the home,
person and tag pages and in the sidebars draw up to twenty-one of them, and an
included template per card cost more than all the page's queries together;
written out here, a card costs a few hundredths of a millisecond.
"""

# The standard library's escape: the characters Django's escapes, without the
# check for lazy text Django wraps around it, which cost more than the escaping.
from html import escape

from django import template
from django.utils import timezone
from django.utils.safestring import mark_safe

from newsroom.month_names import month_names
from newsroom.reversing import slug_reverser
from photos.templatetags.photos import picture

from .timestamps import timestamp

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


def story_card(story, layout="wide", eager=False, shared=None):
    """One ``<article class="card">`` for ``story``."""
    shared = shared or _List()
    photo = story.lead_photo_for_readers
    image = (
        picture(photo, "card", sizes=SIZES[layout], eager=eager, css_class="card__image")
        if photo
        else ""
    )
    standfirst = (
        f'<p class="card__standfirst">{escape(story.standfirst)}</p>'
        if story.standfirst and layout != "compact"
        else ""
    )
    css = "card card--compact" if layout == "compact" else "card"
    # Safe: the picture and the timestamp are safe markup, every text is escaped.
    return mark_safe(  # noqa: S308  # nosec
        f'<article class="{css}">{image}<div class="card__text"><h3 class="card__headline">'
        f'<a href="{escape(shared.address(story.slug))}">{escape(story.headline)}</a></h3>'
        f'{standfirst}<p class="card__meta">'
        f"{timestamp(story.published_at, shared.zone, shared.months)}</p></div></article>"
    )


@register.simple_tag
def story_cards(stories, compact=False, grid=False, eager_first=False):
    """``<li>`` for each story, its card inside; the first photo eager if asked."""
    layout = "compact" if compact else "grid" if grid else "wide"
    shared = _List()
    # Safe: each card is safe markup.
    return mark_safe(  # noqa: S308  # nosec
        "".join(
            f"<li>{story_card(story, layout, eager=eager_first and n == 0, shared=shared)}</li>"
            for n, story in enumerate(stories)
        )
    )
