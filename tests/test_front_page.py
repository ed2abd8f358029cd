"""The front page the desk arranges: the lead and top slots with their own headline and
photo and an end, the fallback to the newest stories, the sections below, the page
cache that shows every change at once, the query budget and the desk's admin."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.models import Article, FrontSlot, Section
from articles.roles import EDITOR, REPORTER
from newsroom.middleware import lifetime
from reading import front_page, pagecache

from .desk import admin_url, role_user
from .factories import make_article, make_photo

pytestmark = pytest.mark.django_db


def ago(**delta):
    return timezone.now() - datetime.timedelta(**delta)


def ahead(**delta):
    return timezone.now() + datetime.timedelta(**delta)


def lead_headline(html):
    return re.search(r'class="lead-story__headline"><a href="([^"]+)">([^<]+)</a>', html).groups()


def card_headlines(html):
    return re.findall(r'class="card__headline"><a href="[^"]+">([^<]+)</a>', html)


def top_stories(html):
    block = html[html.index('id="top-title"') :]
    return card_headlines(block[: block.index("</section>")])


@pytest.fixture
def newest():
    """Six live stories, the newest first."""
    return [make_article(f"Newest {n}", published_at=ago(hours=n + 1)) for n in range(6)]


class TestSlots:
    def test_empty_slots_fall_back_to_the_newest_stories(self, client, newest):
        html = client.get("/").text
        assert lead_headline(html) == (newest[0].get_absolute_url(), "Newest 0")
        assert top_stories(html) == ["Newest 1", "Newest 2", "Newest 3", "Newest 4"]

    def test_the_desks_lead_with_its_own_headline_and_photo(self, client, newest):
        big = make_article("The big story", published_at=ago(days=3))
        photo = make_photo([("agency", "Front Pictures")], caption="On the carpet")
        FrontSlot.objects.create(
            place=FrontSlot.LEAD, article=big, headline="Front-page words", photo=photo
        )
        html = client.get("/").text
        assert lead_headline(html) == (big.get_absolute_url(), "Front-page words")
        lead = html[html.index('class="lead-story"') : html.index('id="top-title"')]
        assert f"/media/renditions/{photo.pk}/" in lead and "© Front Pictures" in lead
        # The newest stories move down a place; the lead is not repeated below.
        assert top_stories(html) == ["Newest 0", "Newest 1", "Newest 2", "Newest 3"]
        assert "The big story" not in html.split("lead-story__headline")[1][200:]

    def test_a_top_slot_keeps_its_place_and_the_rest_fill_around_it(self, client, newest):
        older = make_article("An older exclusive", published_at=ago(days=10))
        FrontSlot.objects.create(place=2, article=older)
        html = client.get("/").text
        assert lead_headline(html)[1] == "Newest 0"
        assert top_stories(html) == ["Newest 1", "An older exclusive", "Newest 2", "Newest 3"]

    @pytest.mark.parametrize(
        "story, ends_at",
        [
            ({"status": Article.Status.DRAFT}, None),
            ({"status": Article.Status.REVIEW}, None),
            ({"published_at": "tomorrow"}, None),
            ({}, "ended"),
        ],
        ids=["draft", "in review", "scheduled", "ended"],
    )
    def test_a_slot_readers_may_not_see_falls_back(self, client, newest, story, ends_at):
        if story.get("published_at") == "tomorrow":
            story = {"published_at": ahead(days=1)}
        story.setdefault("published_at", ago(days=5))
        hidden = make_article("Not for the front", **story)
        slot = FrontSlot.objects.create(place=FrontSlot.LEAD, article=hidden)
        if ends_at:
            FrontSlot.objects.filter(pk=slot.pk).update(ends_at=ago(minutes=1))
        html = client.get("/").text
        assert lead_headline(html)[1] == "Newest 0"
        if ends_at:
            # Still a live story: it takes its turn among the newest, not on top.
            assert "Not for the front" not in top_stories(html)
        else:
            assert "Not for the front" not in html

    def test_a_change_in_the_admin_shows_at_once_through_the_page_cache(self, client, newest):
        assert lead_headline(client.get("/").text)[1] == "Newest 0"
        assert client.get("/")["X-Page-Cache"] == "hit"
        big = make_article("The big story", published_at=ago(days=2))
        slot = FrontSlot.objects.create(place=FrontSlot.LEAD, article=big)
        assert lead_headline(client.get("/").text)[1] == "The big story"
        slot.headline = "Sharper words"
        slot.save()
        assert lead_headline(client.get("/").text)[1] == "Sharper words"
        slot.delete()
        assert lead_headline(client.get("/").text)[1] == "Newest 0"

    def test_no_cached_page_outlives_a_slots_end(self, newest):
        big = make_article("The big story", published_at=ago(days=2))
        FrontSlot.objects.create(place=FrontSlot.LEAD, article=big, ends_at=ahead(seconds=90))
        seconds = lifetime(pagecache.current_generation())
        assert 0 < seconds <= 90

    def test_an_ended_slot_hands_over_without_a_save(self, client, newest):
        big = make_article("The big story", published_at=ago(days=2))
        FrontSlot.objects.create(place=FrontSlot.LEAD, article=big, ends_at=ahead(hours=1))
        now = timezone.now()
        assert front_page.build(now).lead.story == big
        assert front_page.build(now + datetime.timedelta(hours=2)).lead.story == newest[0]


class TestSections:
    def test_below_the_top_each_section_shows_its_newest_not_shown_above(self, client, newest):
        stars = Section.objects.create(name="Stars", slug="stars", order=1)
        music = Section.objects.create(name="Music", slug="music", order=2)
        Article.objects.filter(pk__in=[story.pk for story in newest]).update(section=stars)
        songs = [
            make_article(f"Song {n}", section=music, published_at=ago(days=30 + n))
            for n in range(6)
        ]
        old_star = make_article("An old star story", section=stars, published_at=ago(days=400))
        html = client.get("/").text
        music_block = html[html.index('id="front-section-music"') :]
        music_block = music_block[: music_block.index("</section>")]
        # The lead, four top stories and six latest: the six newest and Songs 0-4.
        shown_above = card_headlines(html[: html.index('id="front-section-stars"')])
        assert [f"Song {n}" for n in range(5)] == shown_above[-5:]
        assert card_headlines(music_block) == [songs[5].headline]
        stars_block = html[html.index('id="front-section-stars"') :]
        stars_block = stars_block[: stars_block.index("</section>")]
        assert card_headlines(stars_block) == [old_star.headline]
        assert 'href="/section/music/"' in music_block
        # No story twice on the page.
        headlines = card_headlines(html)
        assert len(headlines) == len(set(headlines))


@pytest.mark.usefixtures("uncached_pages")
def test_the_front_page_costs_the_same_with_a_few_stories_or_many(client):
    stars = Section.objects.create(name="Stars", slug="stars", order=1)
    tv = Section.objects.create(name="TV", slug="tv", order=2)
    photo = make_photo([("agency", "Lead Agency")])
    make_article("Lead", section=stars, photo=photo)
    client.get("/")  # the navigation is read once and kept

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/").status_code == 200
        return len(queries)

    few = count()
    for n in range(30):
        make_article(
            f"Story {n}",
            section=stars if n % 2 else tv,
            photo=make_photo([("agency", f"Agency {n}")]),
            published_at=ago(hours=n + 2),
        )
    for place in range(5):
        FrontSlot.objects.create(
            place=place,
            article=make_article(f"Placed {place}", published_at=ago(days=place + 1)),
            photo=make_photo([("agency", f"Slot agency {place}")]),
        )
    # The slots showing; the newest stories with each section's newest; the
    # lead photo's credits; the most read.
    assert count() == few <= 5


class TestAdmin:
    def test_an_editor_fills_a_slot_and_a_reporter_may_not(self, client):
        story = make_article("The big story")
        client.force_login(role_user(REPORTER))
        assert client.get(admin_url("articles_frontslot_add")).status_code == 403
        client.force_login(role_user(EDITOR))
        form = client.get(admin_url("articles_frontslot_add")).text
        # The story is picked by search (an autocomplete), not from a list of every story.
        assert 'data-theme="admin-autocomplete"' in form
        found = client.get(
            "/admin/autocomplete/",
            {
                "term": "big",
                "app_label": "articles",
                "model_name": "frontslot",
                "field_name": "article",
            },
        ).json()
        assert [row["text"] for row in found["results"]] == ["The big story"]
        response = client.post(
            admin_url("articles_frontslot_add"),
            {"place": "0", "article": story.pk, "headline": "", "ends_at_0": "", "ends_at_1": ""},
        )
        assert response.status_code == 302, response.text
        assert FrontSlot.objects.get(place=0).article == story
        listing = client.get(admin_url("articles_frontslot_changelist")).text
        assert "Lead" in listing and "The big story" in listing and "until changed" in listing

    def test_bad_slots_are_refused_with_a_reason(self, client):
        story = make_article("The big story")
        other = make_article("Another story")
        FrontSlot.objects.create(place=0, article=story)
        client.force_login(role_user(EDITOR))
        url = admin_url("articles_frontslot_add")
        past = timezone.localtime(ago(days=1))
        blank = {"headline": "", "ends_at_0": "", "ends_at_1": ""}
        taken = client.post(url, {"place": "0", "article": other.pk, **blank})
        assert "This place already has a story" in taken.text
        twice = client.post(url, {"place": "1", "article": story.pk, **blank})
        assert "This story already has a place on the front page." in twice.text
        ended = client.post(
            url,
            {
                **blank,
                "place": "1",
                "article": other.pk,
                "ends_at_0": past.strftime("%Y-%m-%d"),
                "ends_at_1": past.strftime("%H:%M:%S"),
            },
        )
        assert "This moment has passed" in ended.text
        assert FrontSlot.objects.count() == 1
