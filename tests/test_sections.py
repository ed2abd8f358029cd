"""Sections: a story's primary section, the section pages at any depth, their monthly
counts through every ORM path, feeds, sitemap entries, the header's navigation,
breadcrumbs and JSON-LD, and the section admin."""

import datetime
import io
import json
import re

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.db.models import ProtectedError
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from lxml import etree

from articles.models import Article, Section, SectionMonth
from articles.roles import EDITOR, REPORTER
from articles.signals import stories_written

from .desk import admin_url, role_user
from .factories import make_article

pytestmark = pytest.mark.django_db


def moment(year, month, day, hour=12):
    return datetime.datetime(year, month, day, hour, tzinfo=datetime.UTC)


@pytest.fixture
def stars():
    return Section.objects.create(name="Stars", slug="stars", order=10)


@pytest.fixture
def music():
    return Section.objects.create(
        name="Music", slug="music", order=20, description="Albums, tours and award nights."
    )


def counts(section):
    """{(year, month): stories} as stored for ``section``."""
    rows = SectionMonth.objects.filter(section=section, stories__gt=0)
    return {(row.month.year, row.month.month): row.stories for row in rows}


def headlines(response):
    return re.findall(r'class="card__headline"><a href="[^"]+">([^<]+)</a>', response.text)


def queries_for(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


class TestSectionPage:
    def test_lists_the_sections_live_stories_newest_first(self, client, stars, music):
        make_article("Older star story", section=stars, published_at=moment(2024, 3, 1))
        make_article("Newer star story", section=stars, published_at=moment(2025, 6, 1))
        make_article("A music story", section=music)
        make_article("A star draft", section=stars, status=Article.Status.DRAFT)
        tomorrow = timezone.now() + datetime.timedelta(days=1)
        make_article("A scheduled star story", section=stars, published_at=tomorrow)
        response = client.get("/section/stars/")
        assert response.status_code == 200
        assert headlines(response) == ["Newer star story", "Older star story"]
        assert "2 stories" in response.text
        assert "<h1>Stars</h1>" in response.text

    def test_an_unknown_section_is_not_found(self, client):
        response = client.get("/section/no-such-section/")
        assert response.status_code == 404

    def test_a_deep_page_starts_at_its_month(self, client, stars, settings):
        # 45 stories over five months: page 3 (stories 41-45) is the oldest month's.
        for n in range(45):
            make_article(
                f"Star story {n:02}",
                section=stars,
                published_at=moment(2024, 1 + n // 9, 1 + n % 9),
            )
        assert sum(counts(stars).values()) == 45
        page_three = headlines(client.get("/section/stars/?page=3"))
        assert page_three == [f"Star story {n:02}" for n in range(4, -1, -1)]
        page_two = headlines(client.get("/section/stars/?page=2"))
        assert page_two == [f"Star story {n:02}" for n in range(24, 4, -1)]
        assert client.get("/section/stars/?page=9").status_code == 404

    def test_a_page_costs_the_same_with_few_stories_or_many(self, client, stars, uncached_pages):
        for n in range(3):
            make_article(f"Few {n}", section=stars, published_at=moment(2024, 1, 1 + n))
        client.get("/")  # the navigation is read once and kept
        few = queries_for(client, "/section/stars/?page=1")
        for n in range(40):
            make_article(f"Many {n}", section=stars, published_at=moment(2023, 1 + n % 12, 1))
        # The section, its months, the page's stories, the most read (the
        # navigation is cached).
        assert queries_for(client, "/section/stars/") == few <= 4
        assert queries_for(client, "/section/stars/?page=2") == few


class TestCounts:
    """The monthly counts follow every ordinary ORM change, and checklistings checks them."""

    def test_saves_moves_unpublishing_and_deletion(self, stars, music):
        story = make_article("Counted", section=stars, published_at=moment(2024, 5, 10))
        assert counts(stars) == {(2024, 5): 1}
        story.published_at = moment(2024, 7, 1)
        story.save()
        assert counts(stars) == {(2024, 7): 1}
        story.section = music
        story.save()
        assert counts(stars) == {} and counts(music) == {(2024, 7): 1}
        story.status = Article.Status.DRAFT
        story.save()
        assert counts(music) == {}
        story.status = Article.Status.PUBLISHED
        story.save()
        assert counts(music) == {(2024, 7): 1}
        story.delete()
        assert counts(music) == {}

    def test_a_month_is_cut_at_the_desks_midnight(self, stars):
        # 23:30 UTC on 31 May is 1 June at the desk in Berlin.
        make_article("Late", section=stars, published_at=moment(2024, 5, 31, 23))
        assert counts(stars) == {(2024, 6): 1}

    def test_bulk_updates_announced_through_stories_written(self, stars, music):
        ids = [
            make_article(f"Bulk {n}", section=stars, published_at=moment(2024, 1, 5)).pk
            for n in range(3)
        ]
        Article.objects.filter(pk__in=ids[:2]).update(section=music)
        Article.objects.filter(pk=ids[2]).update(published_at=moment(2023, 2, 5))
        stories_written(ids)
        assert counts(stars) == {(2023, 2): 1}
        assert counts(music) == {(2024, 1): 2}
        Article.objects.filter(pk__in=ids).update(status=Article.Status.DRAFT)
        stories_written(ids)
        assert counts(stars) == {} and counts(music) == {}

    def test_checklistings_finds_and_repairs_drift(self, stars):
        story = make_article("Drifting", section=stars, published_at=moment(2024, 5, 10))
        # Written around the ORM and never announced.
        Article.objects.filter(pk=story.pk).update(published_at=moment(2022, 1, 3))
        SectionMonth.objects.filter(section=stars).update(stories=7)
        out = io.StringIO()
        with _exits_with(1):
            call_command("checklistings", stdout=out)
        report = out.getvalue()
        assert f"story drifting (id {story.pk}): section count copy" in report
        assert "section stars" in report and "section month count" in report
        with _exits_with(1):
            call_command("checklistings", "--repair", stdout=io.StringIO())
        assert counts(stars) == {(2022, 1): 1}
        out = io.StringIO()
        call_command("checklistings", stdout=out)
        assert "No drift" in out.getvalue()

    def test_a_section_in_use_cannot_be_deleted(self, stars):
        make_article("Filed", section=stars)
        with pytest.raises(ProtectedError):
            stars.delete()


class _exits_with:
    """``call_command`` raising CommandError with ``returncode``."""

    def __init__(self, code):
        self.code = code

    def __enter__(self):
        return self

    def __exit__(self, kind, error, traceback):
        assert kind is CommandError, f"expected CommandError, got {kind}"
        assert error.returncode == self.code
        return True


class TestFeedsAndSitemap:
    def test_rss_and_atom_carry_only_the_sections_stories(self, client, stars, music):
        make_article("A song of spring", section=music)
        make_article("A star at home", section=stars)
        rss = client.get("/section/music/feed/")
        assert rss.status_code == 200
        tree = etree.fromstring(rss.content)
        assert [item.findtext("title") for item in tree.iter("item")] == ["A song of spring"]
        assert tree.findtext("channel/title").endswith(": Music")
        assert tree.findtext("channel/description") == "Albums, tours and award nights."
        atom = client.get("/section/music/feed/atom/")
        assert atom.status_code == 200
        ns = {"a": "http://www.w3.org/2005/Atom"}
        titles = [
            entry.findtext("a:title", namespaces=ns)
            for entry in etree.fromstring(atom.content).iterfind("a:entry", ns)
        ]
        assert titles == ["A song of spring"]
        assert client.get("/section/nothing/feed/").status_code == 404

    def test_the_section_page_links_its_feeds(self, client, music):
        html = client.get("/section/music/").text
        assert 'type="application/rss+xml"' in html
        assert "http://testserver/section/music/feed/" in html

    def test_sitemap_lists_every_section(self, client, stars, music):
        make_article("A song of spring", section=music, published_at=moment(2025, 4, 1))
        index = client.get("/sitemap.xml").text
        assert "http://testserver/sitemap-sections.xml" in index
        listed = client.get("/sitemap-sections.xml").text
        assert "<loc>http://testserver/section/stars/</loc>" in listed
        assert "<loc>http://testserver/section/music/</loc>" in listed
        assert "<lastmod>2025-04-01" in listed


class TestNavigationAndBreadcrumbs:
    def test_the_header_lists_the_sections_in_order(self, client, stars, music):
        Section.objects.create(name="Royals", slug="royals", order=15)
        html = client.get("/").text
        nav = html[html.index('<nav aria-label="Main">') : html.index("</nav>")]
        assert nav.index("Stars") < nav.index("Royals") < nav.index("Music")
        assert 'href="/section/music/"' in nav
        page = client.get("/section/music/").text
        assert '<a href="/section/music/" aria-current="page">Music</a>' in page

    def test_a_renamed_section_shows_at_once_and_costs_no_query_meanwhile(
        self, client, stars, uncached_pages
    ):
        client.get("/")  # the navigation is read once and kept
        make_article("A story saved meanwhile", section=stars)
        with CaptureQueriesContext(connection) as queries:
            client.get("/people/")
        assert not any("articles_section" in q["sql"] for q in queries.captured_queries)
        stars.name = "Celebrities"
        stars.save()
        assert ">Celebrities</a>" in client.get("/people/").text

    def test_a_story_shows_its_section_in_breadcrumbs_and_json_ld(self, client, stars):
        story = make_article("A star at home", section=stars)
        html = client.get(story.get_absolute_url()).text
        crumbs = html[html.index('<nav class="breadcrumbs"') :]
        crumbs = crumbs[: crumbs.index("</nav>")]
        assert 'href="/"' in crumbs and '<a href="/section/stars/">Stars</a>' in crumbs
        data = [
            json.loads(block)
            for block in re.findall(
                r'<script type="application/ld\+json">(.*?)</script>', html, flags=re.S
            )
        ]
        flat = [item for block in data for item in (block if isinstance(block, list) else [block])]
        article = next(item for item in flat if item.get("@type") == "NewsArticle")
        assert article["articleSection"] == "Stars"
        trail = next(item for item in flat if item.get("@type") == "BreadcrumbList")
        names = [step["name"] for step in trail["itemListElement"]]
        assert names[1:] == ["Stars", "A star at home"]
        assert trail["itemListElement"][1]["item"] == "http://testserver/section/stars/"

    def test_the_section_page_has_its_own_breadcrumb_list(self, client, stars):
        html = client.get("/section/stars/").text
        assert '"BreadcrumbList"' in html and '"http://testserver/section/stars/"' in html
        assert '<link rel="canonical" href="http://testserver/section/stars/">' in html


class TestSectionAdmin:
    def test_an_editor_adds_a_section_and_a_reporter_may_not(self, client):
        client.force_login(role_user(REPORTER))
        assert client.get(admin_url("articles_section_add")).status_code == 403
        client.force_login(role_user(EDITOR))
        response = client.post(
            admin_url("articles_section_add"),
            {"name": "  Royals ", "slug": "royals", "order": "40", "description": ""},
        )
        assert response.status_code == 302
        assert Section.objects.get(slug="royals").name == "Royals"

    def test_a_taken_address_is_refused_with_a_message(self, client, stars):
        client.force_login(role_user(EDITOR))
        response = client.post(
            admin_url("articles_section_add"),
            {"name": "Stars again", "slug": "stars", "order": "1", "description": ""},
        )
        assert response.status_code == 200
        assert "Another section already uses this address" in response.text

    def test_the_story_form_offers_the_section_beside_the_kind(self, client, stars):
        client.force_login(role_user(REPORTER))
        html = client.get(admin_url("articles_article_add")).text
        assert 'name="section"' in html
        assert (
            html.index('name="kind"')
            < html.index('name="section"')
            < html.index('name="standfirst"')
        )
