"""RSS and Atom feeds, read by feedparser the way feed readers read them."""

import feedparser
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from .discovery_world import SEED_CREDIT_LINE, assert_no_hidden, build_world
from .factories import make_article, make_photo

pytestmark = pytest.mark.django_db

FEEDS = [
    ("/feed/", "rss20"),
    ("/feed/atom/", "atom10"),
    ("/people/kim-kardashian/feed/", "rss20"),
    ("/people/kim-kardashian/feed/atom/", "atom10"),
    ("/tags/divorce/feed/", "rss20"),
    ("/tags/divorce/feed/atom/", "atom10"),
]


@pytest.fixture
def world():
    return build_world()


def parse(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    feed = feedparser.parse(response.content)
    assert feed.bozo == 0, feed.get("bozo_exception")
    return response, feed


@pytest.mark.parametrize("url, version", FEEDS)
def test_every_feed_parses_cleanly_with_complete_entries(client, world, url, version):
    response, feed = parse(client, url)
    assert feed.version == version
    assert feed.feed.title
    assert feed.feed.link.startswith("http://testserver/")
    assert feed.entries
    for entry in feed.entries:
        assert entry.title
        assert entry.link.startswith("http://testserver/stories/")
        assert entry.published_parsed is not None
        assert entry.id == entry.link
    assert_no_hidden(response.content.decode(), world)


@pytest.mark.parametrize("url, version", FEEDS)
def test_seed_story_entry_carries_everything(client, world, url, version):
    _, feed = parse(client, url)
    entry = next(e for e in feed.entries if e.link.endswith("/stories/kanye-very-sad/"))
    assert entry.title == "Kanye West is very sad about the divorce"
    assert entry.summary == "A long estrangement is about to end for good."
    assert entry.author == "Jo Writer"
    assert {tag.term for tag in entry.tags} == {"divorce", "Kardashians"}
    published = world.seed.published_at.utctimetuple()
    assert entry.published_parsed[:6] == published[:6]
    enclosure = entry.enclosures[0]
    photo = world.seed.lead_photo
    # The share rendition, never the original file.
    share = photo.share_image
    assert enclosure.href == f"http://testserver{share['url']}"
    assert "/media/renditions/" in enclosure.href and photo.image.name not in enclosure.href
    assert enclosure.type == "image/jpeg"
    assert int(enclosure.length) == share["bytes"] > 0
    media = entry.media_content[0]
    assert media["url"] == enclosure.href
    assert media["width"] == str(share["width"])
    assert entry.media_credit[0]["content"] == SEED_CREDIT_LINE


def test_site_feed_lists_newest_first(client, world):
    _, feed = parse(client, "/feed/")
    links = [entry.link for entry in feed.entries]
    assert links == [
        "http://testserver/stories/kanye-very-sad/",
        "http://testserver/stories/new-album-autumn/",
    ]


def test_person_feed_lists_only_their_stories(client, world):
    _, feed = parse(client, "/people/kim-kardashian/feed/")
    assert feed.feed.title == "Newsroom: stories about Kim Kardashian"
    assert [entry.link for entry in feed.entries] == ["http://testserver/stories/kanye-very-sad/"]
    _, feed = parse(client, "/people/kanye-west/feed/atom/")
    assert len(feed.entries) == 2


def test_tag_feed_lists_only_tagged_stories(client, world):
    _, feed = parse(client, "/tags/music/feed/")
    assert [entry.link for entry in feed.entries] == ["http://testserver/stories/new-album-autumn/"]


def test_story_without_photo_or_author_still_reads(client, world):
    _, feed = parse(client, "/tags/music/feed/atom/")
    entry = feed.entries[0]
    assert not entry.get("enclosures")
    assert "author" not in entry


@pytest.mark.parametrize(
    "url", ["/people/nobody/feed/", "/people/nobody/feed/atom/", "/tags/nothing/feed/"]
)
def test_unknown_person_or_tag_is_404(client, world, url):
    assert client.get(url).status_code == 404


@pytest.mark.parametrize(
    "page, rss, atom",
    [
        ("/", "/feed/", "/feed/atom/"),
        (
            "/people/kim-kardashian/",
            "/people/kim-kardashian/feed/",
            "/people/kim-kardashian/feed/atom/",
        ),
        ("/tags/divorce/", "/tags/divorce/feed/", "/tags/divorce/feed/atom/"),
    ],
)
def test_pages_announce_their_feeds(client, world, page, rss, atom):
    html = client.get(page).content.decode()
    assert '<link rel="alternate" type="application/rss+xml"' in html
    assert f'href="http://testserver{rss}"' in html
    assert 'type="application/atom+xml"' in html
    assert f'href="http://testserver{atom}"' in html


def test_person_page_shows_a_feed_link_readers_can_click(client, world):
    html = client.get("/people/kim-kardashian/").content.decode()
    assert 'class="feed-links"' in html
    assert ">RSS</a>" in html


@pytest.mark.parametrize("url, _", FEEDS)
def test_feed_queries_do_not_grow_with_stories(client, world, url, _):
    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    small = count()
    for n in range(6):
        make_article(
            f"More divorce news {n}",
            people=[world.kim, world.kanye],
            tags=["divorce", f"extra-{n}"],
            photo=make_photo([("agency", f"Agency {n}")]),
        )
    assert count() == small <= 6
