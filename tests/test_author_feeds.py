"""Each author's stories as RSS and Atom feeds, linked from their page and its head."""

import datetime

import feedparser
import pytest
from django.utils import timezone

from articles.models import Byline, Contributor

from .factories import make_article

pytestmark = pytest.mark.django_db


@pytest.fixture
def writer():
    return Contributor.objects.create(name="Mara Lind", slug="mara-lind")


def by(writer, headline, **fields):
    story = make_article(headline, **fields)
    Byline.objects.create(article=story, contributor=writer)
    return story


def parse(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    feed = feedparser.parse(response.content)
    assert feed.bozo == 0, feed.get("bozo_exception")
    return feed


@pytest.mark.parametrize(
    "url, version",
    [("/authors/mara-lind/feed/", "rss20"), ("/authors/mara-lind/feed/atom/", "atom10")],
)
def test_an_authors_feed_lists_their_live_stories_newest_first(client, writer, url, version):
    now = timezone.now()
    by(writer, "Mara on the red carpet", published_at=now - datetime.timedelta(days=2))
    by(writer, "Mara at the premiere", published_at=now - datetime.timedelta(hours=1))
    by(writer, "Mara's draft", status="draft")
    by(writer, "Mara tomorrow", published_at=now + datetime.timedelta(days=1))
    make_article("Someone else's story")
    feed = parse(client, url)
    assert feed.version == version
    assert feed.feed.title == "Newsroom: stories by Mara Lind"
    assert feed.feed.link == "http://testserver/authors/mara-lind/"
    assert [entry.title for entry in feed.entries] == [
        "Mara at the premiere",
        "Mara on the red carpet",
    ]
    assert all(entry.author == "Mara Lind" for entry in feed.entries)


def test_an_unknown_authors_feed_is_not_found(client):
    assert client.get("/authors/nobody/feed/").status_code == 404
    assert client.get("/authors/nobody/feed/atom/").status_code == 404


def test_the_author_page_links_its_feeds_in_the_page_and_its_head(client, writer):
    by(writer, "Mara at the premiere")
    html = client.get("/authors/mara-lind/").content.decode()
    head = html[: html.index("</head>")]
    assert 'rel="alternate" type="application/rss+xml"' in head
    assert 'href="http://testserver/authors/mara-lind/feed/"' in head
    assert 'href="http://testserver/authors/mara-lind/feed/atom/"' in head
    body = html[html.index("<body") :]
    assert '<a href="/authors/mara-lind/feed/" type="application/rss+xml">RSS</a>' in body
    assert '<a href="/authors/mara-lind/feed/atom/" type="application/atom+xml">Atom</a>' in body
