"""Sitemaps and robots.txt, parsed with lxml and validated against the sitemaps.org schema."""

import datetime
from pathlib import Path

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from lxml import etree

from discovery import sitemaps

from .discovery_world import assert_no_hidden, build_world
from .factories import make_article, make_person

pytestmark = pytest.mark.django_db

NS = {
    "sm": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "news": "http://www.google.com/schemas/sitemap-news/0.9",
}
XSD = etree.XMLSchema(etree.parse(str(Path(__file__).parent / "fixtures/sitemaps/sitemap.xsd")))


@pytest.fixture
def world():
    return build_world()


def fetch_xml(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"].startswith("application/xml")
    return response, etree.fromstring(response.content)


def w3c_datetime(text):
    """A sitemap lastmod (a date or a date and time) as an aware datetime."""
    if len(text) == 10:
        return datetime.datetime.fromisoformat(text).replace(tzinfo=datetime.UTC)
    return datetime.datetime.fromisoformat(text)


def sections(client):
    _, index = fetch_xml(client, "/sitemap.xml")
    assert index.tag == f"{{{NS['sm']}}}sitemapindex"
    return {
        entry.findtext("sm:loc", namespaces=NS): entry.findtext("sm:lastmod", namespaces=NS)
        for entry in index.findall("sm:sitemap", NS)
    }


def locs(tree):
    return [loc.text for loc in tree.findall("sm:url/sm:loc", NS)]


def test_index_lists_stories_people_tags_and_authors_with_lastmod(client, world):
    found = sections(client)
    assert set(found) == {
        "http://testserver/sitemap-stories.xml",
        "http://testserver/sitemap-people.xml",
        "http://testserver/sitemap-tags.xml",
        "http://testserver/sitemap-authors.xml",
        "http://testserver/sitemap-sections.xml",
    }
    for lastmod in found.values():
        assert w3c_datetime(lastmod) <= timezone.now()


def test_every_section_is_valid_and_lists_only_public_pages(client, world):
    for url in sections(client):
        response, tree = fetch_xml(client, url.removeprefix("http://testserver"))
        XSD.assertValid(tree)
        assert_no_hidden(response.content.decode(), world)
        for loc in locs(tree):
            assert loc.startswith("http://testserver/")
            assert client.get(loc.removeprefix("http://testserver")).status_code == 200


def test_story_lastmod_is_its_last_change_never_before_publication(client, world):
    from articles.models import Article

    now = timezone.now()
    # Edited five days after it went out: the edit counts.
    Article.objects.filter(pk=world.older.pk).update(updated_at=now - datetime.timedelta(days=5))
    # Last saved before it went out (scheduled ahead): publication counts.
    Article.objects.filter(pk=world.seed.pk).update(updated_at=now - datetime.timedelta(days=9))
    _, tree = fetch_xml(client, "/sitemap-stories.xml")
    lastmods = {
        url.findtext("sm:loc", namespaces=NS): url.findtext("sm:lastmod", namespaces=NS)
        for url in tree.findall("sm:url", NS)
    }
    assert lastmods == {
        "http://testserver/stories/kanye-very-sad/": timezone.localdate(
            world.seed.published_at
        ).isoformat(),
        "http://testserver/stories/new-album-autumn/": timezone.localdate(
            now - datetime.timedelta(days=5)
        ).isoformat(),
    }


def test_people_and_tags_sections(client, world):
    _, people = fetch_xml(client, "/sitemap-people.xml")
    assert "http://testserver/people/kim-kardashian/" in locs(people)
    _, tags = fetch_xml(client, "/sitemap-tags.xml")
    # "secret-tag" is only on hidden stories, so it has no page worth listing.
    assert sorted(locs(tags)) == [
        "http://testserver/tags/divorce/",
        "http://testserver/tags/kardashians/",
        "http://testserver/tags/music/",
    ]
    music = tags.xpath("sm:url[sm:loc='http://testserver/tags/music/']/sm:lastmod", namespaces=NS)
    assert music[0].text == timezone.localdate(world.older.published_at).isoformat()


def test_authors_section_lists_authors_of_live_stories_dated_by_their_newest(client, world):
    from articles.models import Byline, Contributor

    hidden = Contributor.objects.create(name="Only Drafts", slug="only-drafts")
    Byline.objects.create(article=make_article("A draft", status="draft"), contributor=hidden)
    _, authors = fetch_xml(client, "/sitemap-authors.xml")
    assert locs(authors) == ["http://testserver/authors/jo-writer/"]
    (lastmod,) = authors.xpath("sm:url/sm:lastmod", namespaces=NS)
    assert lastmod.text == timezone.localdate(world.seed.published_at).isoformat()


def test_news_sitemap_lists_the_last_two_days_in_google_news_format(client, world):
    response, tree = fetch_xml(client, "/sitemap-news.xml")
    assert_no_hidden(response.content.decode(), world)
    assert locs(tree) == ["http://testserver/stories/kanye-very-sad/"]
    url = tree.find("sm:url", NS)
    news = url.find("news:news", NS)
    assert news.findtext("news:publication/news:name", namespaces=NS) == "Newsroom"
    assert news.findtext("news:publication/news:language", namespaces=NS) == "en"
    assert news.findtext("news:title", namespaces=NS) == world.seed.headline
    published = datetime.datetime.fromisoformat(
        news.findtext("news:publication_date", namespaces=NS)
    )
    assert published == world.seed.published_at.replace(microsecond=0)
    assert [child.tag.split("}")[1] for child in news] == [
        "publication",
        "publication_date",
        "title",
    ]
    # Without the extension, what is left is a valid sitemap.
    for element in tree.findall("sm:url/news:news", NS):
        element.getparent().remove(element)
    XSD.assertValid(tree)


def test_news_sitemap_holds_at_most_its_limit(client, world, monkeypatch):
    for n in range(3):
        make_article(f"Fresh story {n}")
    monkeypatch.setattr(sitemaps, "NEWS_LIMIT", 2)
    _, tree = fetch_xml(client, "/sitemap-news.xml")
    assert len(locs(tree)) == 2


def test_news_limit_is_googles():
    assert sitemaps.NEWS_LIMIT == 1000
    assert datetime.timedelta(days=2) == sitemaps.NEWS_WINDOW


def test_robots_txt_points_at_the_sitemaps(client, world):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "Sitemap: http://testserver/sitemap.xml" in lines
    assert "Sitemap: http://testserver/sitemap-news.xml" in lines
    assert "Disallow: /admin/" in lines
    assert "User-agent: *" in lines


@pytest.mark.parametrize(
    "url",
    [
        "/sitemap.xml",
        "/sitemap-stories.xml",
        "/sitemap-people.xml",
        "/sitemap-tags.xml",
        "/sitemap-authors.xml",
        "/sitemap-news.xml",
        "/robots.txt",
    ],
)
def test_sitemap_queries_do_not_grow(client, world, url, uncached_pages):
    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    small = count()
    for n in range(5):
        make_article(f"Extra {n}", people=[make_person(f"Extra person {n}")], tags=[f"t{n}"])
    # The index asks each of its five sections for its size and its newest change.
    assert count() == small <= (10 if url == "/sitemap.xml" else 6)


def test_sections_are_listed_dated_by_their_newest_live_story(client, world):
    _, tree = fetch_xml(client, "/sitemap-sections.xml")
    entries = {
        url.findtext("sm:loc", namespaces=NS): url.findtext("sm:lastmod", namespaces=NS)
        for url in tree.findall("sm:url", NS)
    }
    # Its scheduled story does not date it: the album, published ten days ago, does.
    assert list(entries) == ["http://testserver/section/music/"]
    newest = timezone.localdate(world.older.published_at).isoformat()
    assert entries["http://testserver/section/music/"] == newest
