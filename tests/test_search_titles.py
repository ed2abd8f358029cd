"""A search title and a social headline that may differ from the headline: in the page's
title, its social card, its JSON-LD and the API; and the desk's preview of both."""

import re

import pytest

from articles.roles import EDITOR

from .desk import admin_url, role_user
from .factories import make_article, make_photo
from .test_metadata import extract, json_ld, meta_content, opengraph

pytestmark = pytest.mark.django_db

HEADLINE = "Kanye West is said to be deeply saddened as the divorce from Kim Kardashian nears"


def page_title(html):
    return re.search(r"<title>([^<]*)</title>", html).group(1)


def test_the_headline_serves_everywhere_when_no_other_title_is_given(client):
    story = make_article(HEADLINE, slug="kanye-sad")

    html, data = extract(client, story.get_absolute_url())

    assert page_title(html).startswith("Kanye West is said to be deeply saddened")
    assert opengraph(data)["og:title"] == HEADLINE
    assert meta_content(html, "name", "twitter:title") == HEADLINE
    article = json_ld(data, "NewsArticle")
    assert article["headline"] == HEADLINE
    assert "alternativeHeadline" not in article


def test_the_search_title_and_social_headline_go_where_each_is_read(client):
    story = make_article(
        HEADLINE,
        slug="kanye-sad",
        seo_title="Kanye West saddened by divorce from Kim Kardashian",
        social_headline="“Deeply saddened”: Kanye on the end of his marriage",
    )

    html, data = extract(client, story.get_absolute_url())

    assert page_title(html) == "Kanye West saddened by divorce from Kim Kardashian – Newsroom"
    assert opengraph(data)["og:title"] == "“Deeply saddened”: Kanye on the end of his marriage"
    assert meta_content(html, "name", "twitter:title") == (
        "&ldquo;Deeply saddened&rdquo;: Kanye on the end of his marriage"
        if "&ldquo;" in html
        else "“Deeply saddened”: Kanye on the end of his marriage"
    )
    article = json_ld(data, "NewsArticle")
    assert article["headline"] == "Kanye West saddened by divorce from Kim Kardashian"
    assert article["alternativeHeadline"] == HEADLINE
    # Readers still see the headline on the page itself.
    assert "<h1" in html and HEADLINE in html


def test_the_api_gives_both_titles(client):
    make_article(HEADLINE, slug="kanye-sad", seo_title="Kanye saddened")

    story = client.get("/api/v1/stories/kanye-sad/").json()

    assert (story["headline"], story["seo_title"], story["social_headline"]) == (
        HEADLINE,
        "Kanye saddened",
        "",
    )


def test_the_story_form_previews_the_search_result_and_the_shared_card(client):
    photo = make_photo([("agency", "IMAGO")], alt_text="Kim and Kanye")
    story = make_article(
        HEADLINE,
        slug="kanye-sad",
        photo=photo,
        standfirst="The rapper is said to be struggling as the split becomes final.",
        social_headline="Kanye on the end of his marriage",
    )
    client.force_login(role_user(EDITOR))

    page = client.get(admin_url("articles_article_change", story.pk)).content.decode()

    preview = page[page.index('id="search-preview"') :]
    # The search result cuts the headline where search results do, about 60 characters.
    assert (
        'data-preview="search-title">Kanye West is said to be deeply saddened as the divorce fro…<'
        in preview
    )
    assert 'data-preview="social-title">Kanye on the end of his marriage<' in preview
    assert "The rapper is said to be struggling" in preview
    assert "IMAGO" in preview  # the card's picture with its credit line
    assert 'data-count-limit="60"' in page and 'data-count-limit="70"' in page


def test_a_story_without_a_lead_photo_is_told_its_card_has_no_picture(client):
    story = make_article(HEADLINE, slug="kanye-sad")
    client.force_login(role_user(EDITOR))

    page = client.get(admin_url("articles_article_change", story.pk)).content.decode()

    assert "No picture: the card shows text only." in page
