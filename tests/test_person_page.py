"""The celebrity page: header, family box, timeline, coverage, companions, stories, privacy."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.models import Article, ArticlePerson
from people import timeline
from people.models import Person, Relationship
from reading import listings

from .factories import make_article, make_person, make_photo, make_relationship
from .test_pages import aware, text_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def kim():
    return make_person(
        "Kim Kardashian",
        slug="kim-kardashian",
        birth_date="1980-10-21",
        birth_place="Los Angeles, California",
        gender="female",
        aliases="Kim K",
        known_for="entrepreneur",
        wikidata_id="Q186304",
        instagram="kimkardashian",
    )


@pytest.fixture
def kanye():
    return make_person("Kanye West", slug="kanye-west", birth_date="1977-06-08", gender="male")


def page(client, person):
    response = client.get(person.get_absolute_url())
    assert response.status_code == 200
    return response


def section(html, heading_id):
    """The HTML of the <section> labelled by ``heading_id``."""
    start = html.index(f'aria-labelledby="{heading_id}"')
    return html[start : html.index("</section>", start)]


class TestHeader:
    def test_name_known_for_born_place_age_aliases_and_links(self, client, kim):
        response = page(client, kim)
        text = text_of(response)
        assert "Kim Kardashian Entrepreneur" in text
        assert f"Born 21 October 1980 in Los Angeles, California (age {kim.age_today})" in text
        assert "Also known as Kim K" in text
        html = response.content.decode()
        assert 'href="https://www.wikidata.org/wiki/Q186304"' in html
        assert 'href="https://www.instagram.com/kimkardashian/"' in html

    def test_newest_portrait_heads_the_page(self, client, kim, kanye):
        make_photo([("agency", "Old Agency")], people=[kim], is_portrait=True, alt_text="Old")
        newest = make_photo(
            [("agency", "New Agency")], people=[kim], is_portrait=True, alt_text="Newest portrait"
        )
        make_photo(people=[kim], alt_text="Not a portrait")
        make_photo(people=[kanye], is_portrait=True, alt_text="Kanye portrait")
        response = page(client, kim)
        assert response.context["portrait"] == newest
        header = response.content.decode().split("</header>", 2)[1]
        assert 'alt="Newest portrait"' in header
        assert "© New Agency" in header
        assert 'alt="Not a portrait"' not in header

    def test_no_portrait_no_picture(self, client, kanye):
        make_photo(people=[kanye], alt_text="Not a portrait")
        response = page(client, kanye)
        assert response.context["portrait"] is None
        assert "<figure" not in response.content.decode().split("</header>", 2)[1]


class TestPrivacy:
    def test_a_private_birth_date_is_shown_nowhere(self, client, kim, kanye):
        north = make_person(
            "North West",
            slug="north-west",
            birth_date="2013-06-15",
            birth_details_private=True,
        )
        make_relationship(kim, north, "parent", "2013-06-15")
        assert north.public_birth_date is None
        assert north.birth_date == datetime.date(2013, 6, 15)
        story = make_article("Family day", people=[kim, north], main=kim)
        pages = [
            page(client, north),
            page(client, kim),
            client.get(story.get_absolute_url()),
        ]
        age = north.age_today
        for response in pages:
            text = text_of(response)
            assert "2013" not in text
            assert f"North West ({age})" not in text
            assert "(age" not in text or response is pages[1]
        assert "Born" not in text_of(pages[0])


def names_under(html, heading):
    """The names under ``heading`` in the family box."""
    box = section(html, "relationships-title")
    part = box.split(f"<dt>{heading}</dt>", 1)[1].split("<dt>", 1)[0]
    return re.findall(r'<a href="/people/[^"]+/">([^<]+)</a>', part)


class TestFamilyBox:
    @pytest.mark.parametrize(
        "kind, heading_for_first, heading_for_second",
        [
            ("spouse", "Spouses and partners", "Spouses and partners"),
            ("partner", "Spouses and partners", "Spouses and partners"),
            ("engaged", "Spouses and partners", "Spouses and partners"),
            ("parent", "Children", "Parents"),
            ("sibling", "Siblings", "Siblings"),
        ],
    )
    def test_every_kind_of_tie_shows_on_both_pages(
        self, client, kim, kanye, kind, heading_for_first, heading_for_second
    ):
        make_relationship(kim, kanye, kind)
        assert names_under(page(client, kim).content.decode(), heading_for_first) == ["Kanye West"]
        assert names_under(page(client, kanye).content.decode(), heading_for_second) == [
            "Kim Kardashian"
        ]

    def test_words_dates_end_place_ordinal_and_children_ages(self, client, kim, kanye):
        north = make_person("North West", birth_date="2013-06-15", gender="female")
        step = make_person("Step Son", gender="male")
        make_relationship(
            kim,
            kanye,
            "spouse",
            "2014-05-24",
            "2022-11-29",
            "divorce",
            place="Florence, Italy",
            ordinal=3,
            other_ordinal=1,
        )
        make_relationship(kim, north, "parent", kinship="biological")
        make_relationship(kim, step, "parent", kinship="step")
        pete = make_person("Pete Davidson")
        make_relationship(pete, kim, "partner", "2021-10-01", "2022-08-01", "breakup")
        kim_text = text_of(page(client, kim))
        assert "Pete Davidson , partner (2021–2022, split)" in kim_text
        assert (
            "Spouses and partners Kanye West , husband (m. 2014, div. 2022) · third marriage · "
            "Florence, Italy" in kim_text
        )
        assert f"North West ({north.age_today}) , daughter" in kim_text
        assert "Step Son , stepson" in kim_text
        assert "Kim Kardashian , wife (m. 2014, div. 2022) · first marriage" in text_of(
            page(client, kanye)
        )
        assert "Kim Kardashian , stepmother" in text_of(page(client, step))

    def test_only_confirmed_ties_in_the_family_box_rumoured_ones_marked(self, client, kim):
        rumour = make_person("Rumoured Partner", slug="rumoured")
        reported = make_person("Reported Partner", slug="reported")
        make_relationship(kim, rumour, "partner", "2024-01-01", status="rumoured")
        make_relationship(kim, reported, "partner", "2023-01-01", status="reported")
        html = page(client, kim).content.decode()
        box = section(html, "relationships-title")
        assert "<dl>" not in box  # no confirmed tie, no family list
        text = " ".join(re.sub(r"<[^>]+>", " ", box).split())
        assert "Reported, not confirmed" in text
        assert "Rumoured Partner , partner (rumoured) (since 2024)" in text
        assert "Reported Partner , partner (reported) (since 2023)" in text


class TestTimeline:
    def test_a_bar_and_a_label_for_each_relationship(self, client, kim, kanye):
        damon = make_person("Damon Thomas")
        pete = make_person("Pete Davidson")
        ongoing = make_person("Ongoing Partner")
        undated = make_person("Undated Partner")
        make_relationship(kim, damon, "spouse", "2000-01-29", "2004-01-01", "divorce")
        make_relationship(kim, kanye, "spouse", "2014-05-24", "2022-11-29", "divorce")
        make_relationship(kim, kanye, "engaged", "2013-10-21", "2014-05-24")
        make_relationship(pete, kim, "partner", "2021-10-01", "2022-08-01", "breakup")
        make_relationship(kim, ongoing, "partner", "2024-02-01")
        make_relationship(kim, undated, "partner")
        response = page(client, kim)
        bars = response.context["timeline"].bars
        assert [(bar.name, bar.kind, bar.years, bar.ongoing) for bar in bars] == [
            ("Damon Thomas", "spouse", "2000–2004", False),
            ("Kanye West", "engaged", "2013–2014", False),
            ("Kanye West", "spouse", "2014–2022", False),
            ("Pete Davidson", "partner", "2021–2022", False),
            ("Ongoing Partner", "partner", "since 2024", True),
        ]
        svg = section(response.content.decode(), "timeline-title")
        assert svg.count("<rect ") == 5
        for label in [
            "Damon Thomas, 2000–2004",
            "Kanye West, 2013–2014",
            "Kanye West, 2014–2022",
            "Pete Davidson, 2021–2022",
            "Ongoing Partner, since 2024",
        ]:
            assert f">{label}</text>" in svg
        # Ongoing: open at the right edge, with the open-end mark.
        assert bars[-1].end_x == timeline.WIDTH - timeline.PAD
        assert svg.count('class="timeline__open-end"') == 1
        assert all(bar.end_x < timeline.WIDTH - timeline.PAD for bar in bars[:-1])
        # Later starts sit further right.
        assert [bar.x for bar in bars] == sorted(bar.x for bar in bars)
        text = text_of(response)
        assert "Kanye West, husband: married 24 May 2014, divorced 2022" in text
        assert "Ongoing Partner, partner: together from 1 February 2024, ongoing" in text
        assert "Undated Partner, partner: dates unknown" in text
        assert 'role="img"' in svg and "<desc" in svg

    def test_children_births_are_marked_unless_private(self, client, kim):
        north = make_person("North West", birth_date="2013-06-15")
        saint = make_person("Saint West", birth_date="2015-12-05", birth_details_private=True)
        make_relationship(kim, north, "parent")
        make_relationship(kim, saint, "parent")
        births = page(client, kim).context["timeline"].births
        assert [(m.name, m.year) for m in births] == [("North West", 2013)]

    def test_no_relationships_no_timeline(self, client, kim):
        assert 'id="timeline-title"' not in page(client, kim).content.decode()


class TestCoverageAndCompanions:
    def test_stories_per_month_and_often_in_the_news_with(self, client, kim, kanye):
        kris = make_person("Kris Jenner", slug="kris-jenner")
        now = timezone.localtime()
        this_month = now.replace(day=1, hour=9)
        last_month = (this_month - datetime.timedelta(days=1)).replace(day=2, hour=9)
        for n in range(3):
            make_article(f"This month {n}", people=[kim, kanye], published_at=this_month)
        make_article("Last month", people=[kim, kris], published_at=last_month)
        make_article("With Kanye too", people=[kim, kanye, kris], published_at=last_month)
        make_article("Draft with Kris", people=[kim, kris], status=Article.Status.DRAFT)
        response = page(client, kim)
        chart = response.context["coverage"]
        counts = {bar.month: bar.stories for bar in chart.bars if bar.stories}
        assert counts == {this_month.date(): 3, last_month.date().replace(day=1): 2}
        assert chart.total == 5
        assert len(chart.bars) == 12
        assert chart.busiest.stories == 3
        companions = [(p.name, p.shared) for p in response.context["often_with"]]
        assert companions == [("Kanye West", 4), ("Kris Jenner", 2)]
        text = text_of(response)
        assert "Often in the news with Kanye West (4 stories) Kris Jenner (2 stories)" in text
        assert "Coverage over time" in text
        assert "(5)" in text  # the story count, taken from the same figures


class TestStories:
    def test_main_person_stories_first_on_page_one_as_top_stories(self, client, kim, kanye):
        about_kim = make_article("Kim leads", main=kim, published_at=aware(2021, 1, 1))
        mentioned = make_article(
            "Kanye leads", people=[kanye, kim], main=kanye, published_at=aware(2021, 2, 1)
        )
        response = page(client, kim)
        assert response.context["top_stories"] == [about_kim]
        assert response.context["latest"] == [mentioned]
        text = text_of(response)
        assert text.index("Top stories") < text.index("Kim leads") < text.index("Latest stories")
        assert text.index("Latest stories") < text.index("Kanye leads")
        assert "(2)" in text


class TestIndex:
    def test_a_to_z_navigation(self, client, kim, kanye):
        make_person("Angel Reese")
        make_person("50 Cent")
        response = client.get("/people/")
        # By family name: Cent, Kardashian, Reese, West.
        assert [p.name for p in response.context["page"].object_list] == [
            "50 Cent",
            "Kim Kardashian",
            "Angel Reese",
            "Kanye West",
        ]
        html = response.content.decode()
        assert 'href="#letter-k"' in html and 'href="#letter-w"' in html
        assert 'id="letter-w"' in html
        assert '<span class="a-to-z__empty" aria-disabled="true">A</span>' in html
        k = client.get("/people/", {"letter": "k"})
        assert [p.name for p in k.context["page"].object_list] == ["Kim Kardashian"]

    def test_unknown_letters_and_pages_behave(self, client, kim):
        assert client.get("/people/", {"letter": "<script>"}).status_code == 200
        assert client.get("/people/", {"page": "9"}).status_code == 404

    @pytest.mark.usefixtures("uncached_pages")
    @pytest.mark.parametrize("query", [{}, {"letter": "K"}, {"q": "kay"}, {"letter": "#"}])
    def test_the_index_costs_three_queries_however_many_people(self, client, query):
        Person.objects.bulk_create(Person(name=f"Kay {n:03}", slug=f"kay-{n}") for n in range(5))
        with CaptureQueriesContext(connection) as small:
            client.get("/people/", query)
        Person.objects.bulk_create(
            Person(name=f"Kay {n:03}", slug=f"kay-{n}") for n in range(5, 200)
        )
        with CaptureQueriesContext(connection) as large:
            assert client.get("/people/", query).status_code == 200
        assert len(small) == len(large) <= 3

    def test_pages_of_a_letter_keep_the_letter(self, client):
        # Filed by family name: "Kay000, Ann" and on, all under K.
        Person.objects.bulk_create(
            Person(name=f"Ann Kay{n:03}", slug=f"kay-{n}") for n in range(61)
        )
        html = client.get("/people/", {"letter": "K"}).content.decode()
        assert "letter=K&amp;page=2" in html


@pytest.mark.usefixtures("uncached_pages")
class TestQueryBounds:
    def test_fifty_relationships_and_a_thousand_stories(self, client, kim):
        others = Person.objects.bulk_create(
            Person(
                name=f"Relative {n:02}", slug=f"relative-{n}", birth_date=datetime.date(1990, 1, 1)
            )
            for n in range(50)
        )
        kinds = ["spouse", "partner", "engaged", "parent", "sibling"]
        Relationship.objects.bulk_create(
            Relationship(
                person=kim,
                other=other,
                kind=kinds[n % 5],
                started=datetime.date(2000 + n % 20, 1, 1),
                ended=datetime.date(2021, 1, 1) if n % 2 else None,
            )
            for n, other in enumerate(others)
        )
        start = timezone.now() - datetime.timedelta(days=1000)
        stories = Article.objects.bulk_create(
            Article(
                headline=f"Story {n}",
                slug=f"story-{n}",
                status="published",
                published_at=start + datetime.timedelta(days=n),
            )
            for n in range(1000)
        )
        ArticlePerson.objects.bulk_create(
            [
                ArticlePerson(article=s, person=kim, is_main=n % 3 == 0)
                for n, s in enumerate(stories)
            ]
            + [ArticlePerson(article=s, person=others[n % 50]) for n, s in enumerate(stories)]
        )
        # Rows made in bulk send no signals: bring the listings along as the desk's bulk actions do.
        listings.refresh([s.pk for s in stories])
        make_photo(people=[kim], is_portrait=True)
        for url in (kim.get_absolute_url(), kim.get_absolute_url() + "?page=50"):
            with CaptureQueriesContext(connection) as queries:
                response = client.get(url)
            assert response.status_code == 200
            assert len(queries) <= 8
        first = client.get(kim.get_absolute_url())
        assert len(first.context["timeline"].bars) == 30
        assert first.context["page"].paginator.count == 1000
        assert len(first.context["often_with"]) == 8
        assert "(1000)" in text_of(first)
