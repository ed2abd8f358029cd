"""Most read: reader visits counted by the story page's beacon, and the "Most read" box."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.models import Article
from reading import pages, reads
from reading.models import StoryReads
from reading.querysets import stories

from .factories import make_article, make_person

pytestmark = pytest.mark.django_db

READER = (
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko)"
    " Chrome/131.0 Safari/537.36"
)
LAST_WEEK = datetime.timedelta(days=7)


def hit(client, story, user_agent=READER, **extra):
    return client.post(f"/hit/{getattr(story, 'pk', story)}/", HTTP_USER_AGENT=user_agent, **extra)


def reads_of(story):
    return sum(StoryReads.objects.filter(story=story).values_list("reads", flat=True))


def read(story, times, hours_ago=0):
    """``times`` reader visits to ``story``, ``hours_ago`` hours ago."""
    moment = timezone.now() - datetime.timedelta(hours=hours_ago)
    for _ in range(times):
        assert reads.count(story.pk, now=moment)


def headlines(found):
    return [story.headline for story in found]


class TestTheBeacon:
    def test_a_visit_is_counted_with_an_empty_answer_and_no_cookie(self, client):
        story = make_article("Kim opens a shop")
        response = hit(client, story)
        assert response.status_code == 204
        assert response.content == b""
        assert not response.cookies
        assert "no-store" in response["Cache-Control"]
        hit(client, story)
        assert reads_of(story) == 2

    def test_counts_need_no_csrf_token_but_only_a_post(self, client):
        from django.test import Client

        story = make_article("Kim opens a shop")
        strict = Client(enforce_csrf_checks=True)
        assert hit(strict, story).status_code == 204
        assert strict.get(f"/hit/{story.pk}/").status_code == 405
        assert reads_of(story) == 1

    @pytest.mark.parametrize(
        "user_agent",
        [
            "",
            "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
            "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
            "facebookexternalhit/1.1",
            "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 HeadlessChrome/131.0 Safari/537.36",
            "python-requests/2.32",
            "curl/8.5.0",
        ],
    )
    def test_robots_are_answered_but_never_counted(self, client, user_agent):
        story = make_article("Kim opens a shop")
        assert hit(client, story, user_agent).status_code == 204
        assert reads_of(story) == 0

    @pytest.mark.parametrize(
        "status, hours", [("draft", None), ("review", None), ("published", -24)]
    )
    def test_a_story_readers_cannot_see_is_not_counted(self, client, status, hours):
        at = None if hours is None else timezone.now() - datetime.timedelta(hours=hours)
        story = make_article("Kim's secret", status=status, published_at=at)
        assert hit(client, story).status_code == 404
        assert hit(client, 987654).status_code == 404
        assert not StoryReads.objects.exists()

    def test_a_request_with_a_body_is_refused(self, client):
        story = make_article("Kim opens a shop")
        response = client.post(
            f"/hit/{story.pk}/", data="x" * 500, content_type="text/plain", HTTP_USER_AGENT=READER
        )
        assert response.status_code == 400
        assert reads_of(story) == 0

    def test_a_count_never_pins_the_browser_to_the_primary(self, client, settings):
        settings.DATABASE_REPLICAS = ["default"]
        story = make_article("Kim opens a shop")
        assert not hit(client, story).cookies

    def test_counts_go_into_hourly_buckets_and_old_ones_are_deleted(self):
        story = make_article("Kim opens a shop", published_at=timezone.now() - LAST_WEEK)
        read(story, 2, hours_ago=60)
        assert StoryReads.objects.count() == 1
        read(story, 3, hours_ago=1)
        read(story, 1)
        rows = StoryReads.objects.order_by("hour")
        hours = [row.hour for row in rows]
        # The 60-hour-old bucket went once a new hour was counted; the rest are hourly.
        assert [row.reads for row in rows] == [3, 1]
        assert all(hour.minute == hour.second == 0 for hour in hours)


class TestMostRead:
    def test_the_most_read_of_the_last_day_first(self):
        first, second, third, old_favourite = (
            make_article(name, published_at=timezone.now() - LAST_WEEK)
            for name in ("First", "Second", "Third", "Old favourite")
        )
        read(second, 3, hours_ago=2)
        read(first, 2, hours_ago=23)
        read(first, 2, hours_ago=1)
        read(third, 1)
        read(old_favourite, 9, hours_ago=30)
        assert headlines(pages.most_read(5)) == ["First", "Second", "Third"]
        assert headlines(pages.most_read(2)) == ["First", "Second"]

    def test_never_a_story_readers_can_no_longer_see(self):
        unpublished, rescheduled, deleted, live = (
            make_article(name) for name in ("Unpublished", "Rescheduled", "Deleted", "Live")
        )
        for story in (unpublished, rescheduled, deleted):
            read(story, 5)
        read(live, 1)
        Article.objects.filter(pk=unpublished.pk).update(status="draft")
        Article.objects.filter(pk=rescheduled.pk).update(
            published_at=timezone.now() + datetime.timedelta(days=1)
        )
        deleted.delete()
        assert headlines(pages.most_read(5)) == ["Live"]
        assert not StoryReads.objects.filter(story_id=deleted.pk).exists()

    def test_the_stories_a_page_shows_already_are_left_out(self):
        found = [make_article(f"Story {n}") for n in range(4)]
        for n, story in enumerate(found):
            read(story, 10 - n)
        assert headlines(pages.most_read(2, leave_out=found[:2])) == ["Story 2", "Story 3"]

    def test_one_query(self, django_assert_num_queries):
        for n in range(8):
            read(make_article(f"Story {n}"), n + 1)
        with django_assert_num_queries(1):
            assert len(pages.most_read(5)) == 5


@pytest.mark.usefixtures("uncached_pages")
class TestTheBox:
    def test_the_story_page_shows_the_most_read_numbered_never_twice(self, client):
        kim = make_person("Kim Kardashian")
        story = make_article("Kim opens a shop", people=[kim], main=kim)
        related = make_article("Kim in Paris", people=[kim])
        others = [make_article(f"Popular {n}") for n in range(6)]
        read(story, 50)
        read(related, 40)
        for n, other in enumerate(others):
            read(other, 30 - n)
        response = client.get(story.get_absolute_url())
        assert headlines(response.context["related"]) == ["Kim in Paris"]
        assert headlines(response.context["most_read"]) == [f"Popular {n}" for n in range(5)]
        html = response.content.decode()
        box = html[html.index('<section class="most-read"') :]
        box = box[: box.index("</section>")]
        assert '<h2 id="most-read-title">Most read</h2>' in box and "<ol" in box
        assert box.index("Popular 0") < box.index("Popular 4")
        assert "Kim in Paris" not in box and "Kim opens a shop" not in box

    def test_the_story_page_counts_its_queries_the_same_with_the_box(self, client):
        kim = make_person("Kim Kardashian")
        story = make_article("Kim opens a shop", people=[kim], main=kim, tags=["shops"])

        def count():
            with CaptureQueriesContext(connection) as queries:
                assert client.get(story.get_absolute_url()).status_code == 200
            return len(queries)

        plain = count()
        for n in range(12):
            read(make_article(f"Popular {n}", people=[kim], tags=["shops"]), n + 1)
        assert count() == plain <= 8

    def test_the_desks_preview_sends_no_beacon(self, client, editor):
        story = make_article("Kim opens a shop")
        html = client.get(story.get_absolute_url()).content.decode()
        assert html.count(f'data-hit="/hit/{story.pk}/"') == 1
        client.force_login(editor)
        preview = client.get(f"/admin/articles/article/{story.pk}/preview/").content.decode()
        assert "read-beacon.js" not in preview

    def test_the_page_stays_cacheable(self, client, settings):
        settings.PAGE_CACHE_SECONDS = 600
        story = make_article("Kim opens a shop")
        first = client.get(story.get_absolute_url())
        assert not first.cookies
        assert client.get(story.get_absolute_url())["X-Page-Cache"] == "hit"
        hit(client, story)
        # A count is no change to what the page shows: the kept page stays current.
        assert client.get(story.get_absolute_url())["X-Page-Cache"] == "hit"

    @pytest.mark.parametrize("url", ["/", "/section/stars/"])
    def test_the_home_and_section_pages_show_the_box(self, client, url):
        from articles.models import Section

        stars = Section.objects.create(name="Stars", slug="stars")
        popular = make_article(
            "Read a lot", section=stars, published_at=timezone.now() - datetime.timedelta(days=30)
        )
        # Newer stories fill the page; the one read most is further down the archive.
        shown = [make_article(f"On the page {n}", section=stars) for n in range(25)]
        read(popular, 3)
        read(shown[-1], 5)
        html = client.get(url).content.decode()
        title = "Most read in Stars" if "section" in url else "Most read"
        assert f'<h2 id="most-read-title">{title}</h2>' in html
        box = html[html.index('<section class="most-read"') :]
        box = box[: box.index("</section>")]
        assert "Read a lot" in box
        assert "On the page 24" not in box  # on the page already


def test_a_section_page_shows_the_most_read_of_its_own_section(client):
    from articles.models import Section

    stars, music = (Section.objects.create(name=n, slug=n.lower()) for n in ("Stars", "Music"))
    month_ago = timezone.now() - datetime.timedelta(days=30)
    own = make_article("A Stars story", section=stars, published_at=month_ago)
    other = make_article("A Music story", section=music, published_at=month_ago)
    # Newer stories fill the section's page; the one read is further down.
    for n in range(25):
        make_article(f"Stars news {n}", section=stars)
    read(own, 2)
    read(other, 9)
    page = client.get("/section/stars/").content.decode()
    box = page[page.index('<section class="most-read"') :]
    box = box[: box.index("</section>")]
    assert "A Stars story" in box and "A Music story" not in box
    home = client.get("/").content.decode()
    assert "A Music story" in home[home.index('<section class="most-read"') :]


def test_the_sidebars_and_the_box_are_one_query(django_assert_num_queries):
    kim = make_person("Kim Kardashian")
    story = make_article("Kim opens a shop", people=[kim], main=kim)
    for n in range(6):
        read(make_article(f"Kim {n}", people=[kim]), n + 1)
    story = Article.objects.for_story_page().get(pk=story.pk)
    with django_assert_num_queries(1):
        found = stories().story_sidebars(story, 5, [kim], ties=[], most_read=5)
    shown = [*found.related, *found.more_on[kim.pk]]
    assert headlines(found.related) == [f"Kim {n}" for n in (5, 4, 3, 2, 1)]
    assert headlines(found.more_on[kim.pk]) == ["Kim 0"]
    assert found.most_read == []  # every story read is on the page already
    assert len({row.pk for row in shown}) == 6


@pytest.mark.parametrize("url", ["/no/such/address/", "/stories/no-such-story/", "/hit/1/x/"])
def test_the_404_page_shows_the_most_read(client, url):
    read(make_article("A royal wedding date is set"), 2)
    response = client.get(url)
    assert response.status_code == 404
    html = response.content.decode()
    assert '<h2 id="most-read-title">Most read</h2>' in html
    assert "A royal wedding date is set" in html
    assert '<meta name="robots" content="noindex">' in html


def test_the_404_page_without_reads_has_no_box(client):
    response = client.get("/no/such/address/")
    assert response.status_code == 404
    assert "most-read" not in response.content.decode()
