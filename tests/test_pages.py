"""The reading site as a reader sees it: what each page shows, hides and costs."""

import datetime
import html as html_lib
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from taggit.models import Tag

from articles.models import Article, Correction
from people.models import Relationship
from photos import renditions
from reading.querysets import stories

from .discovery_world import SEED_CREDIT_LINE, SEED_CREDITS
from .factories import make_article, make_person, make_photo, make_relationship, make_user

pytestmark = pytest.mark.django_db


def aware(*args):
    return timezone.make_aware(datetime.datetime(*args))


def text_of(response):
    """The page's visible text with tags dropped and white space folded."""
    html = response.content.decode()
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    return " ".join(html_lib.unescape(re.sub(r"<[^>]+>", " ", html)).split())


@pytest.fixture
def kim():
    return make_person(
        "Kim Kardashian",
        slug="kim-kardashian",
        birth_date="1980-10-21",
        known_for="entrepreneur",
        bio="Businesswoman and television personality.",
        instagram="kimkardashian",
    )


@pytest.fixture
def kanye():
    return make_person(
        "Kanye West",
        slug="kanye-west",
        birth_date="1977-06-08",
        known_for="rapper",
        aliases="Ye",
    )


@pytest.fixture
def seed_story(kim, kanye):
    photo = make_photo(
        SEED_CREDITS,
        caption="Entrepreneur Kim Kardashian and musician Kanye West",
        alt_text="Kim Kardashian and Kanye West side by side",
        people=[kim, kanye],
    )
    author = make_user("reporter", first_name="Jo", last_name="Writer")
    return make_article(
        "Kanye West is very sad about the divorce",
        slug="kanye-very-sad",
        people=[kim, kanye],
        main=kim,
        tags=["divorce", "Kardashians"],
        photo=photo,
        authors=[author],
        dateline="Calabasas, California",
        standfirst="A long estrangement is about to end for good.",
        body="<p>The couple have lived apart for months.</p><h2>The children</h2>",
        published_at=aware(2021, 2, 5, 10, 0),
    )


class TestStoryPage:
    def test_shows_every_part_of_the_story(self, client, seed_story):
        response = client.get(seed_story.get_absolute_url())
        assert response.status_code == 200
        text = text_of(response)
        assert "Kanye West is very sad about the divorce" in text
        assert "Calabasas, California" in text
        assert "A long estrangement is about to end for good." in text
        assert "By Jo Writer" in text
        assert "5 February 2021" in text
        assert "Entrepreneur Kim Kardashian and musician Kanye West" in text
        assert "The couple have lived apart for months." in text
        html = response.content.decode()
        assert "<h2>The children</h2>" in html
        assert 'alt="Kim Kardashian and Kanye West side by side"' in html

    def test_credit_line_under_photo_and_at_the_foot(self, client, seed_story):
        text = text_of(client.get(seed_story.get_absolute_url()))
        assert text.count(SEED_CREDIT_LINE) == 2
        assert f"Cover photo: {SEED_CREDIT_LINE}" in text

    def test_people_linked_with_age_on_publication(self, client, seed_story, kim, kanye):
        response = client.get(seed_story.get_absolute_url())
        html = response.content.decode()
        text = text_of(response)
        # Ages on 5 February 2021, not today's.
        assert "Kim Kardashian (40)" in text
        assert "Kanye West (43)" in text
        assert f'href="{kim.get_absolute_url()}"' in html
        assert f'href="{kanye.get_absolute_url()}"' in html

    def test_tags_link_to_tag_pages(self, client, seed_story):
        html = client.get(seed_story.get_absolute_url()).content.decode()
        assert 'href="/tags/divorce/"' in html
        assert 'href="/tags/kardashians/"' in html

    def test_more_on_the_main_person_at_the_end(self, client, seed_story, kim, kanye):
        older = make_article(
            "Kim's birthday", people=[kim], main=kim, published_at=aware(2020, 10, 21)
        )
        about_kanye_only = make_article("Ye's album", people=[kanye], main=kanye)
        draft = make_article("Kim draft", people=[kim], status=Article.Status.DRAFT)
        # The sidebar is full of stories the desk pinned: "More on" gets the rest.
        seed_story.related.add(*(make_article(f"Pinned {n}") for n in range(5)))
        response = client.get(seed_story.get_absolute_url())
        assert response.context["main_person"] == kim
        assert list(response.context["more_on"]) == [older]
        text = text_of(response)
        assert "More on Kim Kardashian" in text
        assert older.headline in text.split("More on Kim Kardashian", 1)[1]
        assert about_kanye_only not in response.context["more_on"]
        assert draft.headline not in text

    def test_no_story_is_offered_twice(self, client, seed_story, kim, kanye):
        """The sidebar, both "More on" lists and the teasers in the body: each story once."""
        for n in range(8):
            make_article(
                f"Kim story {n}", people=[kim], main=kim, published_at=aware(2020, 1, n + 1)
            )
            make_article(
                f"Kanye story {n}", people=[kanye], main=kanye, published_at=aware(2020, 2, n + 1)
            )
            make_article(
                f"Kim and Kanye {n}", people=[kim, kanye], published_at=aware(2020, 3, n + 1)
            )
        make_article("Teased story", slug="teased-story", people=[kim, kanye])
        seed_story.body += "<p>[teaser: teased-story]</p>"
        seed_story.save()
        response = client.get(seed_story.get_absolute_url())
        related = list(response.context["related"])
        lists = [stories for _, stories in response.context["more_on_people"]]
        assert [person for person, _ in response.context["more_on_people"]] == [kim, kanye]
        shown = [*related, *lists[0], *lists[1]]
        assert len(related) == len(lists[0]) == len(lists[1]) == 5
        assert len({story.pk for story in shown}) == 15
        assert "Teased story" not in [story.headline for story in shown]
        # Both people's stories rank alike: the sidebar takes the newest, each
        # list the newest of what is left.
        assert [story.headline for story in related] == [
            f"Kim and Kanye {n}" for n in (7, 6, 5, 4, 3)
        ]
        assert [story.headline for story in lists[0]] == [
            "Kim and Kanye 2",
            "Kim and Kanye 1",
            "Kim and Kanye 0",
            "Kim story 7",
            "Kim story 6",
        ]
        assert [story.headline for story in lists[1]] == [
            f"Kanye story {n}" for n in (7, 6, 5, 4, 3)
        ]
        html = response.content.decode()
        for story in [*shown, seed_story]:
            assert html.count(f">{story.headline}</a>") <= 1, story.headline

    def test_related_sidebar_lists_published_stories_sharing_people(
        self, client, seed_story, kanye
    ):
        sharing = make_article("Kanye West on tour", people=[kanye])
        future = make_article(
            "Kanye next week",
            people=[kanye],
            published_at=timezone.now() + datetime.timedelta(days=7),
        )
        response = client.get(seed_story.get_absolute_url())
        related = list(response.context["related"])
        assert sharing in related
        assert future not in related
        assert seed_story not in related
        sidebar = response.content.decode().split('id="related-title"', 1)[1]
        assert "Kanye West on tour" in sidebar
        assert "Kanye next week" not in sidebar

    @pytest.mark.parametrize(
        "status, delta",
        [
            (Article.Status.DRAFT, -1),
            (Article.Status.REVIEW, -1),
            (Article.Status.PUBLISHED, +1),
        ],
    )
    def test_unpublished_and_future_stories_are_not_found(self, client, kim, status, delta):
        article = make_article(
            "Hidden story",
            people=[kim],
            status=status,
            published_at=timezone.now() + datetime.timedelta(hours=delta),
        )
        response = client.get(article.get_absolute_url())
        assert response.status_code == 404
        assert "couldn’t find that page" in response.content.decode()
        for url in ("/", kim.get_absolute_url()):
            assert "Hidden story" not in client.get(url).content.decode()

    def test_scheduled_story_appears_once_its_time_has_passed(self, client, kim):
        article = make_article(
            "Scheduled story",
            people=[kim],
            published_at=timezone.now() + datetime.timedelta(hours=1),
        )
        assert client.get(article.get_absolute_url()).status_code == 404
        Article.objects.filter(pk=article.pk).update(
            published_at=timezone.now() - datetime.timedelta(seconds=1)
        )
        assert client.get(article.get_absolute_url()).status_code == 200

    def test_unknown_story_is_not_found(self, client):
        assert client.get("/stories/no-such-story/").status_code == 404


class TestHomePage:
    def test_newest_story_leads_with_its_photo(self, client, seed_story, kim):
        photo = make_photo([("agency", "Newsroom Pictures")], caption="On the red carpet")
        newest = make_article("Newest story", people=[kim], photo=photo)
        response = client.get("/")
        assert response.context["lead"].story == newest
        # With no slot filled by the desk, the next newest stories are the top stories.
        assert [item.story for item in response.context["top_stories"]] == [seed_story]
        text = text_of(response)
        assert text.index("Newest story") < text.index(seed_story.headline)
        assert "© Newsroom Pictures" in text
        lead = response.content.decode().split("Top stories")[0]
        assert f"/media/renditions/{photo.pk}/" in lead

    def test_only_published_stories(self, client, kim):
        make_article("Draft story", status=Article.Status.DRAFT)
        make_article("Review story", status=Article.Status.REVIEW)
        make_article("Future story", published_at=timezone.now() + datetime.timedelta(days=1))
        text = text_of(client.get("/"))
        assert "No stories have been published yet." in text
        for headline in ("Draft story", "Review story", "Future story"):
            assert headline not in text


class TestPersonPage:
    def test_shows_the_person(self, client, kim):
        response = client.get("/people/kim-kardashian/")
        assert response.status_code == 200
        text = text_of(response)
        assert "Kim Kardashian" in text
        assert "Entrepreneur" in text
        assert "Born 21 October 1980" in text
        assert f"(age {kim.age_today})" in text
        assert "Businesswoman and television personality." in text
        assert 'href="https://www.instagram.com/kimkardashian/"' in response.content.decode()

    def test_dates_of_life_for_the_dead(self, client):
        make_person("Old Star", slug="old-star", birth_date="1926-06-01", death_date="1962-08-04")
        text = text_of(client.get("/people/old-star/"))
        assert "died 4 August 1962 (aged 36)" in text
        assert "(age " not in text

    def test_relationships_from_both_sides(self, client, kim, kanye):
        north = make_person("North West", slug="north-west", birth_date="2013-06-15")
        make_relationship(
            kim, kanye, Relationship.Kind.SPOUSE, "2014-05-24", "2022-11-29", "divorce"
        )
        make_relationship(kim, north, Relationship.Kind.PARENT, "2013-06-15")
        kim_text = text_of(client.get("/people/kim-kardashian/"))
        kanye_text = text_of(client.get("/people/kanye-west/"))
        north_text = text_of(client.get("/people/north-west/"))
        assert "Spouses and partners Kanye West , spouse (m. 2014, div. 2022)" in kim_text
        assert "Spouses and partners Kim Kardashian , spouse (m. 2014, div. 2022)" in kanye_text
        assert f"Children North West ({north.age_today}) , child" in kim_text
        assert "Parents Kim Kardashian , parent" in north_text

    def test_lists_published_stories_newest_first_and_paginates(self, client, kim):
        stories = [
            make_article(
                f"Kim story {n}",
                people=[kim],
                published_at=aware(2021, 1, 1) + datetime.timedelta(days=n),
            )
            for n in range(25)
        ]
        make_article("Kim draft", people=[kim], status=Article.Status.DRAFT)
        first = client.get("/people/kim-kardashian/")
        assert list(first.context["page"].object_list) == stories[::-1][:20]
        assert "(25)" in text_of(first)
        assert 'rel="next" href="?page=2"' in first.content.decode()
        second = client.get("/people/kim-kardashian/?page=2")
        assert list(second.context["page"].object_list) == stories[::-1][20:]
        assert "Kim draft" not in text_of(first) + text_of(second)

    @pytest.mark.parametrize("page", ["3", "0", "-1", "abc", "99999999999999999999"])
    def test_pages_that_are_not_there_are_not_found(self, client, kim, page):
        make_article("Kim story", people=[kim])
        assert client.get(f"/people/kim-kardashian/?page={page}").status_code == 404

    def test_unknown_person_is_not_found(self, client):
        assert client.get("/people/nobody/").status_code == 404


class TestTagPage:
    def test_lists_published_stories_with_the_tag(self, client, kim):
        tagged = make_article("Tagged story", tags=["divorce"])
        make_article("Other story", tags=["music"])
        make_article("Tagged draft", tags=["divorce"], status=Article.Status.DRAFT)
        response = client.get("/tags/divorce/")
        assert response.status_code == 200
        assert list(response.context["page"].object_list) == [tagged]
        text = text_of(response)
        # Titled for readers ("Divorce"); the stored name stays as typed.
        assert "Divorce" in text and "1 story" in text
        assert "Other story" not in text and "Tagged draft" not in text

    def test_a_tag_with_letters_beyond_ascii_has_its_page_and_feed(self, client):
        make_article("Beyoncé on tour", tags=["Beyoncé"])
        tag = Tag.objects.get(name="Beyoncé")
        assert tag.slug == "beyoncé"
        page = client.get(reverse("tag", args=[tag.slug]))
        assert page.status_code == 200
        assert "Beyoncé on tour" in text_of(page)
        assert client.get(reverse("tag_feed", args=[tag.slug])).status_code == 200

    def test_unknown_tag_is_not_found(self, client):
        assert client.get("/tags/no-such-tag/").status_code == 404


def queries_for(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


@pytest.mark.usefixtures("uncached_pages")
class TestQueryBudget:
    """A page costs the same number of queries with one item on it or many."""

    def grow(self, kim, kanye, seed_story, size, batch):
        """Add ``size`` stories, each with several people, tags and credits.

        Every photo has its renditions; every other one has expired and is
        replaced by another photo with credits of its own.
        """
        extra_people = [
            make_person(f"Person {batch}{n}", birth_date="1990-01-01") for n in range(size)
        ]
        for n in range(size):
            photo = make_photo(
                [("agency", f"Agency {n}"), ("photographer", f"Photographer {n}")],
                people=[kim],
                is_portrait=True,
            )
            if n % 2:
                photo.replacement = make_photo([("agency", f"Stand-in {n}")], people=[kim])
                photo.expires_on = timezone.localdate()
                photo.save()
                renditions.refresh(photo.replacement)
            renditions.refresh(photo)
            story = make_article(
                f"Story {batch}{n}",
                people=[kim, kanye, *extra_people[: n + 1]],
                main=kim,
                tags=[f"tag-{batch}{n}", "divorce", "Kardashians"],
                photo=photo,
                authors=[make_user(f"author{batch}{n}")],
            )
            seed_story.related.add(story)
            seed_story.people.add(extra_people[n], through_defaults={"order": n + 2})
            seed_story.tags.add(f"tag-{batch}{n}")
            seed_story.authors.add(make_user(f"coauthor{batch}{n}"))
            make_relationship(kim, extra_people[n], Relationship.Kind.SIBLING)
            # The worst case: the story teases each new one inline and carries corrections.
            Correction.objects.create(article=seed_story, text=f"Correction {batch}{n}.")
            seed_story.refresh_from_db()
            seed_story.body += f"<p>[teaser: {story.slug}]</p>"
            seed_story.save()

    def test_the_worst_case_story_shows_everything_within_budget(
        self, client, kim, kanye, seed_story
    ):
        self.grow(kim, kanye, seed_story, 6, "w")
        # Photos placed in its body too: shown, replaced once expired, and those
        # readers may not see (no renditions, unknown), which leave nothing.
        placed = [make_photo([("agency", f"Body agency {n}")]) for n in range(4)]
        stand_in = make_photo([("agency", "Body stand-in")], caption="Standing in for it")
        yesterday = timezone.localdate() - datetime.timedelta(days=1)
        placed.append(make_photo(expires_on=yesterday, replacement=stand_in))
        placed.append(make_photo(caption="Not made yet", with_renditions=False))
        seed_story.refresh_from_db()
        seed_story.body += "".join(f"<p>[photo: {photo.pk}]</p>" for photo in placed)
        seed_story.body += "<p>[photo: 987654]</p>"
        seed_story.save()
        # The story with its photo and corrections; its tags, bylines, people,
        # the shown photos' credits (the lead's and the body's), its people's
        # ties; the sidebars: 7. Photos placed in the body, one more.
        assert queries_for(client, "/stories/kanye-very-sad/") <= 8
        html = client.get("/stories/kanye-very-sad/").content.decode()
        assert html.count('class="inline-teaser"') == 6
        body = html[html.index('<div class="story__body">') : html.index("</article>")]
        assert body.count('<figure class="photo">') == 5
        assert all(f"© Body agency {n}" in body for n in range(4))
        assert "Standing in for it" in body and "© Body stand-in" in body
        assert "Not made yet" not in body and "[photo" not in body
        assert "Correction w0." in html and "Correction w5." in html
        assert html.index("Correction w0.") < html.index("Correction w5.")
        seed_story.refresh_from_db()
        related, teased, more_on, _ = stories().story_sidebars(seed_story, 5, [kim, kanye])
        pinned = set(seed_story.related.values_list("pk", flat=True))
        # Every pinned story is teased in the body already: the sidebar offers none again.
        assert len(teased) == 6 and {story.pk for story in teased.values()} == pinned
        assert related == []
        shown = set(pinned)
        for person in (kim, kanye):
            newest = Article.objects.published().about(person).exclude(pk__in=shown)
            expected = list(newest.exclude(pk=seed_story.pk).newest_first()[:5])
            assert more_on[person.pk] == expected
            shown.update(story.pk for story in expected)

    @pytest.mark.parametrize(
        "url, budget",
        [
            # The front-page slots showing; the newest stories with each
            # section's newest; the lead photo's credits; the most read (the
            # sections come from the cache).
            ("/", 5),
            # The story with its photo and corrections; its tags, bylines,
            # people, the shown photo's credits, its people's ties; the sidebars;
            # the photos placed in its body.
            ("/stories/kanye-very-sad/", 8),
            # The person, their months, ties, portrait and its credits, a
            # page, often-with, photos.
            ("/people/kim-kardashian/", 8),
            ("/people/kim-kardashian/?page=2", 8),
            # The tag, its months, a page.
            ("/tags/divorce/", 3),
            ("/people/", 3),
            # On PostgreSQL a rare word looks in up to three date windows.
            ("/search/?q=Kim", 6),
            ("/search/?q=Kim&page=2", 6),
            ("/feed/", 4),
            ("/people/kim-kardashian/feed/atom/", 5),
        ],
    )
    def test_queries_do_not_grow_with_content(self, client, kim, kanye, seed_story, url, budget):
        make_article("Kim on page two", people=[kim], tags=["divorce"])
        self.grow(kim, kanye, seed_story, 2, "a")
        small = queries_for(client, url) if "page=2" not in url else None
        self.grow(kim, kanye, seed_story, 25, "b")
        large = queries_for(client, url)
        assert large <= budget
        if small is not None:
            assert small == large


def test_a_card_dates_a_story_by_the_desk_clock(client):
    # 23:30 in London on 4 March is 00:30 on 5 March at the desk in Berlin.
    moment = datetime.datetime(2024, 3, 4, 23, 30, tzinfo=datetime.UTC)
    make_article("Late night premiere", published_at=moment)
    make_article("The lead story")  # the late story is drawn as a card below it
    html = client.get(reverse("home")).content.decode()
    card = html[html.index('<ul class="story-list') :]
    assert '<time datetime="2024-03-05T00:30:00+0100">5 March 2024</time>' in card
