"""A story's people as of its date: relations, "since divorced", "More on" each, relatives."""

import html as html_lib
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.models import Article
from articles.roles import EDITOR
from reading.querysets import stories

from .desk import admin_url, role_user, story_form
from .factories import make_article, make_person, make_relationship
from .test_pages import aware, text_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def kim():
    return make_person("Kim Kardashian", slug="kim", birth_date="1980-10-21", gender="female")


@pytest.fixture
def kanye():
    return make_person("Kanye West", slug="kanye", birth_date="1977-06-08", gender="male")


@pytest.fixture
def north():
    return make_person("North West", slug="north", birth_date="2013-06-15", gender="female")


@pytest.fixture
def family(kim, kanye, north):
    make_relationship(kim, kanye, "engaged", "2013-10-21", "2014-05-24")
    make_relationship(kim, kanye, "spouse", "2014-05-24", "2022-11-29", "divorce")
    make_relationship(kim, north, "parent", "2013-06-15")
    make_relationship(kanye, north, "parent", "2013-06-15")


def people_box(response):
    html = response.content.decode()
    start = html.index('id="people-box-title"')
    return " ".join(text_of_html(html[start : html.index("</section>", start)]).split())


def text_of_html(html):
    return html_lib.unescape(re.sub(r"<[^>]+>", " ", html))


class TestAsOfPublication:
    def test_an_old_story_says_since_divorced(self, client, kim, kanye, north, family):
        story = make_article(
            "Kanye sad", people=[kim, kanye, north], main=kim, published_at=aware(2021, 2, 5, 10)
        )
        box = people_box(client.get(story.get_absolute_url()))
        assert "Kanye West (43) , husband of Kim Kardashian (since divorced, 2022)" in box
        assert "North West (7) , daughter of Kim Kardashian" in box
        assert "Kim Kardashian (40)" in box and "of Kanye West" not in box

    def test_a_story_after_the_divorce_says_ex_husband(self, client, kim, kanye, family):
        story = make_article(
            "After", people=[kim, kanye], main=kim, published_at=aware(2023, 3, 1, 10)
        )
        box = people_box(client.get(story.get_absolute_url()))
        assert "ex-husband of Kim Kardashian" in box
        assert "since divorced" not in box

    def test_a_story_from_the_engagement_says_fiance(self, client, kim, kanye, family):
        story = make_article(
            "Engaged", people=[kim, kanye], main=kim, published_at=aware(2014, 1, 10, 10)
        )
        box = people_box(client.get(story.get_absolute_url()))
        assert "fiancé of Kim Kardashian (since ended, 2014)" in box

    def test_a_story_before_the_tie_began_says_nothing_of_it(self, client, kim, kanye, family):
        story = make_article(
            "Before", people=[kim, kanye], main=kim, published_at=aware(2012, 1, 10, 10)
        )
        box = people_box(client.get(story.get_absolute_url()))
        assert " of Kim Kardashian" not in box

    def test_rumoured_ties_say_so(self, client, kim):
        rumour = make_person("Rumoured Beau", slug="beau")
        make_relationship(kim, rumour, "partner", "2020-01-01", status="rumoured")
        story = make_article(
            "Rumour", people=[kim, rumour], main=kim, published_at=aware(2021, 1, 1, 10)
        )
        box = people_box(client.get(story.get_absolute_url()))
        assert "rumoured partner of Kim Kardashian" in box

    def test_a_step_child_reads_stepdaughter(self, client, kanye):
        step = make_person("Step Kid", slug="step", gender="female")
        make_relationship(kanye, step, "parent", kinship="step")
        story = make_article("Step", people=[kanye, step], main=kanye)
        assert "stepdaughter of Kanye West" in people_box(client.get(story.get_absolute_url()))


def fill_sidebar(story, count=5):
    """Pin ``count`` stories sharing nothing to ``story``: its related stories, first in the
    sidebar, so that "More on" lists what the sidebar would otherwise take first."""
    story.related.add(*(make_article(f"Pinned {n}") for n in range(count)))


class TestMoreOn:
    def test_more_on_each_of_two_people(self, client, kim, kanye):
        story = make_article("Both", people=[kim, kanye], main=kim, published_at=aware(2021, 1, 1))
        fill_sidebar(story)
        kim_only = make_article("Kim only", people=[kim], published_at=aware(2020, 1, 1))
        kanye_only = make_article("Kanye only", people=[kanye], published_at=aware(2020, 2, 1))
        shared = make_article("Shared", people=[kanye, kim], published_at=aware(2019, 1, 1))
        response = client.get(story.get_absolute_url())
        # The second list shows what the first did not.
        assert response.context["more_on_people"] == [
            (kim, [kim_only, shared]),
            (kanye, [kanye_only]),
        ]
        text = text_of(response)
        assert "More on Kim Kardashian Kim only" in text
        assert "More on Kanye West Kanye only" in text

    def test_more_on_keeps_five_newest_per_person_in_one_query(self, kim, kanye):
        story = make_article("Both", people=[kim, kanye], main=kim)
        fill_sidebar(story)
        for n in range(8):
            make_article(f"Kim {n}", people=[kim], published_at=aware(2020, 1, n + 1))
            make_article(f"Kanye {n}", people=[kanye], published_at=aware(2020, 2, n + 1))
        make_article("Kim draft", people=[kim], status=Article.Status.DRAFT)
        # As on the story page: its people, tags and their ties are at hand.
        story = Article.objects.for_story_page().get(pk=story.pk)
        with CaptureQueriesContext(connection) as queries:
            found = stories().story_sidebars(story, 5, [kim, kanye], ties=[])[2]
            headlines = {pk: [s.headline for s in stories] for pk, stories in found.items()}
            [s.lead_photo for stories in found.values() for s in stories]
        assert len(queries) == 1
        assert headlines == {
            kim.pk: [f"Kim {n}" for n in (7, 6, 5, 4, 3)],
            kanye.pk: [f"Kanye {n}" for n in (7, 6, 5, 4, 3)],
        }

    def test_a_shared_story_older_than_a_persons_newest_is_not_in_their_list(self, kim, kanye):
        story = make_article("Both", people=[kim, kanye], main=kim)
        fill_sidebar(story, 2)
        kim_newest = make_article("Kim newest", people=[kim], published_at=aware(2020, 3, 1))
        shared = make_article("Shared", people=[kim, kanye], published_at=aware(2020, 2, 1))
        kanye_stories = [
            make_article(f"Kanye {month}", people=[kanye], published_at=aware(2020, month, 1))
            for month in (5, 4)
        ]
        found = stories().story_sidebars(story, 2, [kim, kanye])[2]
        assert found == {kim.pk: [kim_newest, shared], kanye.pk: kanye_stories}

    def test_a_story_about_one_person_offers_more_on_them_only(self, client, kim):
        story = make_article("Kim", people=[kim], main=kim)
        fill_sidebar(story)
        older = make_article("Older", people=[kim], published_at=aware(2020, 1, 1))
        response = client.get(story.get_absolute_url())
        assert response.context["more_on_people"] == [(kim, [older])]


class TestRelatedThroughRelatives:
    def test_a_spouses_story_is_related_but_weighs_less_than_the_same_person(self, kim, kanye):
        story = make_article("Kim story", people=[kim], published_at=aware(2021, 1, 1))
        make_relationship(kim, kanye, "spouse", "2014-05-24")
        about_kanye = make_article("Kanye story", people=[kanye], published_at=aware(2021, 1, 3))
        about_kim = make_article("Older Kim story", people=[kim], published_at=aware(2020, 1, 1))
        unrelated = make_article("Nobody", people=[make_person("Stranger")])
        tagged = make_article("Tag only", tags=["x"], published_at=aware(2021, 1, 4))
        story.tags.add("x")
        related = stories().story_sidebars(story, 50)[0]
        assert related == [about_kim, about_kanye, tagged]
        assert unrelated not in related

    def test_rumoured_ties_do_not_relate_stories(self, kim, kanye):
        story = make_article("Kim story", people=[kim])
        make_relationship(kim, kanye, "partner", status="rumoured")
        make_article("Kanye story", people=[kanye])
        assert stories().story_sidebars(story, 50)[0] == []


def test_removing_the_main_person_warns_the_desk(client):
    kim, kanye = make_person("Kim Kardashian"), make_person("Kanye West")
    story = make_article("Kim and Kanye", people=[kim, kanye], main=kim)
    client.force_login(role_user(EDITOR))
    data = story_form(Article.objects.get(pk=story.pk))
    main_row = next(k for k, v in data.items() if k.endswith("-person") and v == kim.pk)
    data[main_row.replace("-person", "-DELETE")] = "on"

    response = client.post(admin_url("articles_article_change", story.pk), data, follow=True)

    messages = [str(message) for message in response.context["messages"]]
    assert any(
        "Kim Kardashian, the story's main person, was removed." in message
        and "Tick “main” for one of its people" in message
        for message in messages
    ), messages
    assert [p.name for p in Article.objects.get(pk=story.pk).people.all()] == ["Kanye West"]
