"""The front page as the desk arranges it: a lead, top stories, then the sections.

Editors fill the lead and the top slots in the admin (``FrontSlot``): a
story, optionally with a headline and photo of its own for the front page,
optionally until a given moment. A slot shows its story while the story is
live and the slot has not ended; an empty, ended or waiting slot is filled by
the newest stories not placed elsewhere. Below, each section's newest stories
that are not already above. No story appears twice on the page.

Three queries, whatever the archive holds: the slots showing now (with their
stories and photos); the newest stories together with each section's newest
(one walk of the section index per section, in one statement); the credits
of the lead's photo. The sections themselves come from the navigation's cached list.
A slot's end is a change the clock brings: the page cache keeps no page past
it (``newsroom.middleware.lifetime``).
"""

from dataclasses import dataclass, field

from django.db.models import Q
from django.utils import timezone

from articles.models import Article, FrontSlot
from articles.querysets import UNSHOWN, UNSHOWN_STORY_FIELDS, with_shown_photo_credits
from articles.section_list import navigation

from .sections import SECTIONS

# Stories each section shows on the front page, and the newest ones beside the top stories.
SECTION_STORIES = 4
LATEST_STORIES = 6
TOP_PLACES = range(1, FrontSlot.TOP_SLOTS + 1)


class OnTheFront:
    """A story as the front page shows it: the slot's headline and photo over its own.

    Everything else (address, standfirst, time) is the story's, so a card
    draws it like any story.
    """

    def __init__(self, story, headline="", photo=None, arranged=False):
        self.story = story
        self.headline = headline or story.headline
        self.lead_photo_for_readers = photo or story.lead_photo_for_readers
        # Placed by the desk, not fallen back to.
        self.arranged = arranged

    def __getattr__(self, name):
        return getattr(self.story, name)

    def __repr__(self):
        return f"<OnTheFront {self.story.slug}>"


@dataclass
class FrontPage:
    lead: OnTheFront | None = None
    top: list = field(default_factory=list)
    latest: list = field(default_factory=list)
    # [(NavItem, [story, ...])] in navigation order, sections without stories left out.
    sections: list = field(default_factory=list)

    @property
    def shown(self):
        """Every story on the page, in order."""
        on_top = [self.lead, *self.top] if self.lead else self.top
        return (
            [item.story for item in on_top]
            + self.latest
            + [story for _, stories in self.sections for story in stories]
        )


def showing_slots(now):
    """The slots readers see now, by place: not ended, their story live. One query."""
    photo_unshown = [
        f"{path}__{name}"
        for path in ("photo", "photo__replacement", "article__lead_photo")
        for name in UNSHOWN
    ]
    slots = (
        FrontSlot.objects.filter(Q(ends_at__isnull=True) | Q(ends_at__gt=now))
        .filter(article__status=Article.Status.PUBLISHED, article__published_at__lte=now)
        .select_related(
            "article",
            "article__lead_photo",
            "article__lead_photo__replacement",
            "photo",
            "photo__replacement",
        )
        .defer(
            "article__body",
            *(f"article__{name}" for name in UNSHOWN_STORY_FIELDS),
            *photo_unshown,
            *(f"article__lead_photo__replacement__{name}" for name in UNSHOWN),
        )
    )
    return {slot.place: slot for slot in slots}


def arranged(slot):
    photo = slot.photo.for_readers if slot.photo_id else None
    return OnTheFront(slot.article, slot.headline, photo, arranged=True)


def build(now=None):
    """The front page readers see at ``now``."""
    now = now or timezone.now()
    slots = showing_slots(now)
    placed = {slot.article_id for slot in slots.values()}
    sections = navigation()
    wanted = 1 + len(TOP_PLACES) + LATEST_STORIES
    stories = candidates(sections, wanted + len(placed), now)
    newest = [story for story in stories if story.pk not in placed][:wanted]
    fallback = iter(newest)

    def fill(place):
        if place in slots:
            return arranged(slots[place])
        story = next(fallback, None)
        return OnTheFront(story) if story is not None else None

    page = FrontPage()
    page.lead = fill(FrontSlot.LEAD)
    page.top = [item for item in (fill(place) for place in TOP_PLACES) if item is not None]
    page.latest = list(fallback)
    with_shown_photo_credits([page.lead] if page.lead else [])
    page.sections = by_section(sections, stories, {story.pk for story in page.shown})
    return page


def candidates(sections, newest, now):
    """The newest ``newest`` live stories and, for each section, enough of its newest
    to fill it whatever is shown above: one query, newest first.

    The site's newest ``n`` are the first ``n`` of these, since they are among
    them and every other is older; each section's newest likewise.
    """
    ids = Article.objects.published(now).newest_first().values("pk")[:newest]
    wanted = Q(pk__in=ids)
    if sections:
        # Enough of each section's newest that those shown above can be left out.
        walks = SECTIONS.newest_each(
            [section.pk for section in sections], SECTION_STORIES + newest, now
        )
        wanted |= Q(pk__in=walks)
    return list(Article.objects.published(now).for_listing().filter(wanted).newest_first())


def by_section(sections, stories, shown):
    """[(section, its newest of ``stories`` not in ``shown``)] for each section with any."""
    found = {}
    for story in stories:
        if story.pk not in shown and story.section_id is not None:
            found.setdefault(story.section_id, []).append(story)
    return [
        (section, found[section.pk][:SECTION_STORIES])
        for section in sections
        if found.get(section.pk)
    ]
