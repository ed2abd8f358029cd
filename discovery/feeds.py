"""RSS 2.0 and Atom feeds: the whole site, each person, each tag, each author.

Every entry carries the full headline, the standfirst, the authors, the
publication and update times, the tags as categories, and the lead photo as
an enclosure (with its length and type) and as Media RSS content with its
credit line. Only stories readers may see are listed.
"""

import mimetypes

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed, Enclosure, Rss201rev2Feed
from taggit.models import Tag

from articles.models import Article, Contributor, Section
from articles.querysets import bylines_prefetch, with_shown_photo_credits
from people.models import Person
from reading.listings import AUTHORS
from reading.querysets import stories

from .structured_data import modified_at

FEED_ITEMS = 30
MEDIA_NS = "http://search.yahoo.com/mrss/"


class MediaMixin:
    """Adds Media RSS (``media:content`` with ``media:credit``) for each entry's photo."""

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        media = item.get("media")
        if not media:
            return
        attrs = {"url": media["url"], "medium": "image", "type": media["type"]}
        if media["length"]:
            attrs["fileSize"] = media["length"]
        if media["width"]:
            attrs.update(width=str(media["width"]), height=str(media["height"]))
        handler.startElement("media:content", attrs)
        if media["alt"]:
            handler.addQuickElement("media:description", media["alt"], {"type": "plain"})
        if media["credit"]:
            handler.addQuickElement("media:credit", media["credit"])
        handler.endElement("media:content")


class MediaRssFeed(MediaMixin, Rss201rev2Feed):
    def rss_attributes(self):
        return {**super().rss_attributes(), "xmlns:media": MEDIA_NS}


class MediaAtomFeed(MediaMixin, Atom1Feed):
    def root_attributes(self):
        return {**super().root_attributes(), "xmlns:media": MEDIA_NS}


def photo_file(photo):
    """(url, length, type, width, height) of the share rendition a feed carries for ``photo``.

    Only renditions are carried (``lead_photo_for_readers`` has them); never the original.
    """
    share = photo.share_image
    mime_type = mimetypes.guess_type(share["url"])[0] or "image/jpeg"
    return share["url"], str(share["bytes"] or 0), mime_type, share["width"], share["height"]


class StoryFeed(Feed):
    """The newest published stories; subclasses choose which."""

    feed_type = MediaRssFeed

    def stories(self, obj):
        return Article.objects.published()

    def items(self, obj):
        stories = list(
            self.stories(obj)
            .newest_first()
            .select_related("lead_photo", "lead_photo__replacement")
            .prefetch_related("tags", bylines_prefetch(Article))[:FEED_ITEMS]
        )
        return with_shown_photo_credits(stories)

    def get_feed(self, obj, request):
        # Enclosure and media addresses come from storage as paths; feeds need them whole.
        feed = super().get_feed(obj, request)
        for item in feed.items:
            item["enclosures"] = [
                Enclosure(request.build_absolute_uri(e.url), e.length, e.mime_type)
                for e in item["enclosures"]
            ]
            if item.get("media"):
                item["media"]["url"] = request.build_absolute_uri(item["media"]["url"])
        return feed

    def item_title(self, item):
        return item.headline

    def item_description(self, item):
        return item.standfirst

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return modified_at(item)

    def item_author_name(self, item):
        names = [author.name for author in item.byline_authors()]
        return ", ".join(names) or None

    def item_categories(self, item):
        return [tag.name for tag in item.tags.all()]

    def item_enclosures(self, item):
        photo = item.lead_photo_for_readers
        if not photo:
            return []
        url, length, mime_type, _, _ = photo_file(photo)
        return [Enclosure(url, length, mime_type)]

    def item_extra_kwargs(self, item):
        photo = item.lead_photo_for_readers
        if not photo:
            return {}
        url, length, mime_type, width, height = photo_file(photo)
        return {
            "media": {
                "url": url,
                "type": mime_type,
                "length": length if length != "0" else "",
                "width": width,
                "height": height,
                "alt": photo.alt_text,
                "credit": photo.credit_line,
            }
        }


class LatestStoriesFeed(StoryFeed):
    def title(self):
        return f"{settings.SITE_NAME}: latest stories"

    def description(self):
        return f"The latest celebrity and entertainment news from {settings.SITE_NAME}."

    def link(self):
        return reverse("home")

    def feed_url(self):
        return reverse("feed")


class PersonFeed(StoryFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Person, slug=slug)

    def stories(self, person):
        return stories().more_on(person, limit=FEED_ITEMS)

    def title(self, person):
        return f"{settings.SITE_NAME}: stories about {person.name}"

    def description(self, person):
        return f"The latest stories about {person.name} on {settings.SITE_NAME}."

    def link(self, person):
        return person.get_absolute_url()

    def feed_url(self, person):
        return reverse("person_feed", args=[person.slug])


class TagFeed(StoryFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Tag, slug=slug)

    def stories(self, tag):
        return stories().newest_tagged(tag, FEED_ITEMS)

    def title(self, tag):
        return f"{settings.SITE_NAME}: stories tagged {tag.name}"

    def description(self, tag):
        return f"The latest stories tagged {tag.name} on {settings.SITE_NAME}."

    def link(self, tag):
        return reverse("tag", args=[tag.slug])

    def feed_url(self, tag):
        return reverse("tag_feed", args=[tag.slug])


class SectionFeed(StoryFeed):
    """A section's newest stories: one walk of the section's index."""

    def get_object(self, request, slug):
        return get_object_or_404(Section, slug=slug)

    def stories(self, section):
        return Article.objects.published().filter(section=section)

    def title(self, section):
        return f"{settings.SITE_NAME}: {section.name}"

    def description(self, section):
        return section.description or f"The latest {section.name} stories on {settings.SITE_NAME}."

    def link(self, section):
        return section.get_absolute_url()

    def feed_url(self, section):
        return reverse("section_feed", args=[section.slug])


class AuthorFeed(StoryFeed):
    """The stories an author (staff or guest) has a byline on, newest first."""

    def get_object(self, request, slug):
        return get_object_or_404(Contributor, slug=slug)

    def stories(self, author):
        # One walk of the author's reading index, as a person's feed: flat for a prolific writer.
        return Article.objects.published().filter(pk__in=AUTHORS.newest(author, FEED_ITEMS))

    def title(self, author):
        return f"{settings.SITE_NAME}: stories by {author.name}"

    def description(self, author):
        return f"The latest stories by {author.name} on {settings.SITE_NAME}."

    def link(self, author):
        return author.get_absolute_url()

    def feed_url(self, author):
        return reverse("author_feed", args=[author.slug])


class AtomMixin:
    feed_type = MediaAtomFeed

    def subtitle(self, obj):
        return self.description(obj) if obj is not None else self.description()


class LatestStoriesAtomFeed(AtomMixin, LatestStoriesFeed):
    def feed_url(self):
        return reverse("feed_atom")


class PersonAtomFeed(AtomMixin, PersonFeed):
    def feed_url(self, person):
        return reverse("person_feed_atom", args=[person.slug])


class SectionAtomFeed(AtomMixin, SectionFeed):
    def feed_url(self, section):
        return reverse("section_feed_atom", args=[section.slug])


class TagAtomFeed(AtomMixin, TagFeed):
    def feed_url(self, tag):
        return reverse("tag_feed_atom", args=[tag.slug])


class AuthorAtomFeed(AtomMixin, AuthorFeed):
    def feed_url(self, author):
        return reverse("author_feed_atom", args=[author.slug])
