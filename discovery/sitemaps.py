"""Sitemaps for search engines: stories, people, tags, authors and sections, and a Google
News sitemap.

Only what readers may see is listed. ``lastmod`` comes from real times: a
story's last change (never before it was published), a person's last edit, a
tag's newest story.
"""

import datetime

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.db.models import Max, OuterRef, Q, Subquery
from django.urls import reverse
from django.utils import timezone
from taggit.models import Tag

from articles.models import Article, Contributor, Section
from people.models import Person

from .structured_data import modified_at

#: Google News lists stories of the last two days, at most 1,000 of them.
NEWS_WINDOW = datetime.timedelta(days=2)
NEWS_LIMIT = 1000


def _newest_story(path):
    """The publication time of the newest live story reached through ``path``."""
    live = Q(**{f"{path}__status": "published", f"{path}__published_at__lte": timezone.now()})
    return Max(f"{path}__published_at", filter=live)


class StorySitemap(Sitemap):
    limit = 5000

    def items(self):
        return Article.objects.published().defer("body").newest_first()

    def lastmod(self, article):
        return modified_at(article)


class PersonSitemap(Sitemap):
    limit = 5000

    def items(self):
        return Person.objects.annotate(newest=_newest_story("article_links__article")).order_by(
            "pk"
        )

    def lastmod(self, person):
        """A person's page changes when they are edited and when a story about them appears."""
        return max(filter(None, [person.updated_at, person.newest]))


class TagSitemap(Sitemap):
    limit = 5000

    def items(self):
        """Tags with at least one story readers may see."""
        return (
            Tag.objects.annotate(
                newest=_newest_story("articles_taggedarticle_items__content_object")
            )
            .filter(newest__isnull=False)
            .order_by("pk")
        )

    def location(self, tag):
        return reverse("tag", args=[tag.slug])

    def lastmod(self, tag):
        return tag.newest


class AuthorSitemap(Sitemap):
    limit = 5000

    def items(self):
        """Authors with at least one story readers may see."""
        return (
            Contributor.objects.annotate(newest=_newest_story("bylines__article"))
            .filter(newest__isnull=False)
            .order_by("pk")
        )

    def lastmod(self, author):
        return author.newest


class SectionSitemap(Sitemap):
    def items(self):
        """Every section: the header links to each. Its newest story is one walk of its index."""
        newest = (
            Article.objects.published()
            .filter(section=OuterRef("pk"))
            .order_by("-published_at", "-pk")
            .values("published_at")[:1]
        )
        return Section.objects.annotate(newest=Subquery(newest)).order_by("order", "pk")

    def lastmod(self, section):
        return section.newest


SITEMAPS = {
    "stories": StorySitemap,
    "people": PersonSitemap,
    "tags": TagSitemap,
    "authors": AuthorSitemap,
    "sections": SectionSitemap,
}


def news_stories(now=None):
    """The stories a Google News sitemap lists: published in the last two days, newest first."""
    now = now or timezone.now()
    return (
        Article.objects.published(now)
        .filter(published_at__gte=now - NEWS_WINDOW)
        .only("slug", "headline", "published_at")
        .newest_first()[:NEWS_LIMIT]
    )


def publication():
    return {"name": settings.SITE_NAME, "language": settings.LANGUAGE_CODE.split("-")[0]}
