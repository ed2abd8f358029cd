"""A structured dateline: the place as printed (and on record), the date beside it, the agency
in brackets; read by readers, search engines and the API."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, Place
from articles.roles import REPORTER, RESEARCHER

from .desk import admin_url, new_story_form, role_user
from .factories import make_article
from .test_metadata import extract, json_ld

pytestmark = pytest.mark.django_db


@pytest.fixture
def calabasas():
    return Place.objects.create(
        name="Calabasas", region="California", country="United States", slug="calabasas-ca"
    )


def dateline_html(page):
    return re.search(r'<span class="dateline">.*?</time>.*?</span>', page, re.S).group(0)


def test_the_dateline_prints_place_date_and_agency(client, calabasas):
    story = make_article("Kim files for divorce", dateline_place=calabasas, dateline_source="dpa")

    page = client.get(story.get_absolute_url()).content.decode()

    shown = re.sub(r"<[^>]+>", "", dateline_html(page))
    day = timezone.localtime(story.published_at)
    assert shown == f"Calabasas, California, {day.day} {day:%B %Y} (dpa)"


def test_a_place_fills_an_empty_dateline_and_the_desks_wording_wins(calabasas):
    filled = make_article("Kim files for divorce", dateline_place=calabasas)
    worded = make_article("Kanye in Calabasas", dateline="CALABASAS", dateline_place=calabasas)

    assert filled.dateline == "Calabasas, California"
    assert worded.dateline == "CALABASAS"
    assert str(Place(name="London", country="United Kingdom")) == "London, United Kingdom"


def test_search_engines_and_the_api_get_the_place_on_record(client, calabasas):
    story = make_article(
        "Kim files for divorce", slug="kim-files", dateline_place=calabasas, dateline_source="AP"
    )

    _, data = extract(client, story.get_absolute_url())
    found = client.get("/api/v1/stories/kim-files/").json()

    article = json_ld(data, "NewsArticle")
    assert article["dateline"] == "Calabasas, California"
    assert article["locationCreated"]["name"] == "Calabasas, California"
    assert article["locationCreated"]["address"]["addressRegion"] == "California"
    assert article["locationCreated"]["address"]["addressCountry"] == "United States"
    assert (found["dateline_place"], found["dateline_source"]) == ("Calabasas, California", "AP")


def test_the_place_costs_the_story_page_no_query(client, calabasas):
    plain = make_article("Kim files for divorce")
    placed = make_article("Kanye in Calabasas", dateline_place=calabasas)

    def queries(story):
        client.get(story.get_absolute_url())
        with CaptureQueriesContext(connection) as captured:
            client.get(story.get_absolute_url())
        return len(captured)

    assert queries(placed) == queries(plain)


def test_a_reporter_picks_a_place_researchers_keep_the_records(client, calabasas):
    reporter = role_user(REPORTER)
    client.force_login(reporter)
    found = client.get(
        reverse("admin:autocomplete"),
        {"term": "calab", "app_label": "articles", "model_name": "article",
         "field_name": "dateline_place"},
    )  # fmt: skip
    assert [r["text"] for r in found.json()["results"]] == ["Calabasas, California"]
    client.post(
        admin_url("articles_article_add"),
        new_story_form("Kim files", dateline_place=calabasas.pk, dateline_source="dpa"),
    )
    story = Article.objects.get(slug="kim-files")
    assert (story.dateline, story.dateline_source) == ("Calabasas, California", "dpa")
    assert client.get(admin_url("articles_place_add")).status_code == 403

    client.force_login(role_user(RESEARCHER))
    added = client.post(
        admin_url("articles_place_add"),
        {"name": "Hidden Hills", "region": "California", "country": "", "slug": "hidden-hills"},
    )
    assert added.status_code == 302 and Place.objects.filter(slug="hidden-hills").exists()


def test_a_save_through_the_desk_keeps_the_place(client, calabasas):
    from articles.roles import EDITOR

    from .desk import story_form

    story = make_article("Kim files for divorce", dateline_place=calabasas, dateline_source="dpa")
    client.force_login(role_user(EDITOR))

    client.post(
        admin_url("articles_article_change", story.pk),
        story_form(Article.objects.get(pk=story.pk), _step="save", headline="Kim files"),
    )

    story.refresh_from_db()
    assert (story.headline, story.dateline_place, story.dateline_source) == (
        "Kim files",
        calabasas,
        "dpa",
    )


def test_the_place_list_counts_each_places_stories_and_sorts_by_them(admin_client, calabasas):
    london = Place.objects.create(name="London", country="United Kingdom", slug="london")
    for n in range(2):
        make_article(f"From Calabasas {n}", dateline_place=calabasas)
    make_article("From London", dateline_place=london)

    response = admin_client.get(admin_url("articles_place_changelist"), {"o": "-4"})

    places = response.context["cl"].result_list
    assert [(place.name, place.filed) for place in places] == [("Calabasas", 2), ("London", 1)]
