"""Site search: what readers find, in what order, how hits are marked, and what it costs."""

import re
from datetime import timedelta

import pytest
from django.contrib.postgres.search import SearchQuery
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles import search_document
from articles.models import Article
from discovery import search

from .discovery_world import HIDDEN_MARKER, assert_no_hidden, build_world
from .factories import make_article, make_person

pytestmark = pytest.mark.django_db

on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="full-text search is PostgreSQL's"
)


@pytest.fixture
def world():
    return build_world()


def results(client, q, **params):
    response = client.get("/search/", {"q": q, **params})
    assert response.status_code == 200
    return response


def found_slugs(response):
    return [hit.story.slug for hit in response.context["hits"]]


def test_header_search_box_on_every_reader_page(client, world):
    for url in ["/", "/stories/kanye-very-sad/", "/people/kim-kardashian/", "/tags/divorce/"]:
        html = client.get(url).content.decode()
        assert '<form class="search-box" role="search" action="/search/" method="get">' in html
        assert 'name="q"' in html


def test_finds_published_stories_by_a_word_of_the_headline(client, world):
    response = results(client, "album")
    assert found_slugs(response) == ["new-album-autumn"]
    assert "1 story" in response.content.decode()


def test_never_finds_drafts_review_or_scheduled_stories(client, world):
    response = results(client, HIDDEN_MARKER)
    assert found_slugs(response) == []
    response = results(client, "divorce")
    assert found_slugs(response) == ["kanye-very-sad"]
    assert_no_hidden(response.content.decode(), world)


def test_an_alias_finds_the_person_and_stories_about_them(client, world):
    response = results(client, "Ye")
    assert [person.name for person in response.context["people"]] == ["Kanye West"]
    # Neither story says "Ye"; both are about Kanye West.
    assert sorted(found_slugs(response)) == ["kanye-very-sad", "new-album-autumn"]
    html = response.content.decode()
    assert re.search(r'<a href="/people/kanye-west/">.*?Kanye West</span></a>', html)


def test_a_name_finds_the_person(client, world):
    response = results(client, "kardashian")
    assert [person.name for person in response.context["people"]] == ["Kim Kardashian"]


def test_a_headline_hit_ranks_above_a_body_hit(client, world):
    in_body = make_article(
        "A quiet week in Calabasas",
        body="<p>Nothing much happened, apart from a tiny mention of the tour.</p>",
    )
    in_headline = make_article(
        "The tour is on again",
        body="<p>Dates are out.</p>",
        published_at=in_body.published_at.replace(year=in_body.published_at.year - 1),
    )
    response = results(client, "tour")
    assert found_slugs(response) == [in_headline.slug, in_body.slug]


def test_hits_are_marked_in_headline_and_snippet(client, world):
    response = results(client, "album")
    hit = response.context["hits"][0]
    assert "<mark>album</mark>" in hit.headline.lower()
    html = response.content.decode()
    assert re.search(r"<h3><a [^>]+>A new <mark>album</mark> arrives", html, re.I)
    assert "making" in hit.snippet or "record" in hit.snippet


def test_snippets_and_headlines_are_escaped(client, world):
    make_article(
        'Gossip <img src=x onerror="alert(1)"> about the tour',
        body="<p>The tour &amp; the &lt;b&gt;drama&lt;/b&gt;, a <a href='/x'>tour link</a>.</p>",
        standfirst="<script>alert('tour')</script>",
    )
    response = results(client, "tour")
    html = response.content.decode()
    main = html.split('<main id="content"', 1)[1]
    assert "<img" not in main
    assert "<script>" not in main
    assert "<b>drama" not in main
    assert "&lt;img src=x" in main
    assert "<mark>" in main and main.count("<mark>") == main.count("</mark>")


def test_empty_query_gets_a_helpful_page(client, world):
    for q in ["", "   "]:
        response = results(client, q)
        html = response.content.decode()
        assert "Type a name, a word from a headline" in html
        assert "hits" not in response.context
    response = client.get("/search/")
    assert response.status_code == 200


def test_over_long_query_is_a_400_with_a_page(client, world):
    response = client.get("/search/", {"q": "divorce " * 40})
    assert response.status_code == 400
    assert "That search is too long" in response.content.decode()
    assert "<html" in response.content.decode()


def test_results_are_paginated_and_pages_keep_the_query(client, world):
    for n in range(23):
        make_article(f"Tour diary {n}")
    first = results(client, "tour diary")
    assert len(found_slugs(first)) == 20
    assert 'href="?q=tour%20diary&amp;page=2"' in first.content.decode()
    second = results(client, "tour diary", page=2)
    assert len(found_slugs(second)) == 3
    assert not set(found_slugs(first)) & set(found_slugs(second))
    assert client.get("/search/", {"q": "tour diary", "page": 9}).status_code == 404


def test_a_common_word_ranks_only_its_newest_stories_and_says_there_are_more(
    client, world, monkeypatch
):
    monkeypatch.setattr(search, "TEXT_CANDIDATES", 3)
    now = timezone.now()
    for n in range(5):
        make_article(f"Wedding bells {n}", published_at=now - timedelta(days=n + 1))
    response = results(client, "wedding")
    assert found_slugs(response) == ["wedding-bells-0", "wedding-bells-1", "wedding-bells-2"]
    assert "3+ stories" in response.content.decode()
    assert all("<mark>" in hit.headline for hit in response.context["hits"])


def test_a_rare_word_still_finds_an_old_story(client, world, monkeypatch):
    monkeypatch.setattr(search, "TEXT_CANDIDATES", 3)
    now = timezone.now()
    old = make_article(
        "Wedding album found in an attic",
        body="<p>The quokka was the ring bearer.</p>",
        published_at=now - timedelta(days=3650),
    )
    for n in range(5):
        make_article(f"Wedding news {n}", published_at=now - timedelta(days=n + 1))
    response = results(client, "quokka")
    assert found_slugs(response) == [old.slug]
    html = response.content.decode()
    assert "1 story" in html and "1+ stor" not in html
    assert "<mark>quokka</mark>" in response.context["hits"][0].snippet.lower()


def test_only_the_newest_stories_about_a_matching_person_join_the_results(
    client, world, monkeypatch
):
    # Neither story says "Ye"; both are about Kanye West, the newer one is kept.
    monkeypatch.setattr(search, "PERSON_CANDIDATES", 1)
    assert found_slugs(results(client, "Ye")) == ["kanye-very-sad"]


def test_every_page_of_results_is_highlighted(client, world):
    for n in range(23):
        make_article(f"Tour diary {n}")
    second = results(client, "tour", page=2)
    assert second.context["hits"]
    assert all("<mark>" in hit.headline.lower() for hit in second.context["hits"])


@pytest.mark.parametrize("q", ["\x00", "a\x00b", "kim\u0084"])
def test_control_characters_in_a_query_are_dropped(client, world, q):
    response = client.get("/search/", {"q": q})
    assert response.status_code == 200


def test_no_results_says_so(client, world):
    response = results(client, "xylophone")
    assert "No published stories match “xylophone”" in response.content.decode()


def test_people_matching_puts_exact_names_first(world):
    make_person("Yeardley Smith", slug="yeardley-smith")
    assert [p.name for p in search.people_matching("Ye")][:1] == ["Kanye West"]


def test_highlight_is_safe_and_case_insensitive():
    html = search.highlight("Tour <b>TOUR</b> tourist", ["tour"])
    assert html == ("<mark>Tour</mark> &lt;b&gt;<mark>TOUR</mark>&lt;/b&gt; <mark>tour</mark>ist")
    assert search.highlight("Ye said yes to years", ["Ye"]) == "<mark>Ye</mark> said yes to years"


def test_marks_from_the_database_become_safe_html():
    text = f"A {search.START}tour{search.STOP} of <p>homes</p> &amp; <script>x</script>"
    assert search.from_marks(text) == "A <mark>tour</mark> of homes &amp; x"
    headline = f"The <b> {search.START}tour{search.STOP}"
    assert search.from_marks(headline, is_html=False) == "The &lt;b&gt; <mark>tour</mark>"


def test_search_queries_do_not_grow_with_results(client, world):
    def count():
        with CaptureQueriesContext(connection) as queries:
            results(client, "divorce")
        return len(queries)

    # The header's sections are read once and kept until a section changes: the
    # first page after the world's sections were made pays for them. Each count
    # below follows a change of content, as the page cache's next change is read
    # once a generation.
    results(client, "kanye")
    make_article("Something else entirely")
    small = count()
    for n in range(8):
        make_article(f"Divorce update {n}", people=[world.kim, world.kanye], tags=["divorce"])
    # At most: people, up to three date windows of matches, people's stories, highlights.
    assert count() == small <= 6


@on_postgresql
def test_full_text_search_stems_words(client, world):
    # "divorcing" and "divorce" share a stem; the fallback only matches word starts.
    assert found_slugs(results(client, "divorcing")) == ["kanye-very-sad"]


@on_postgresql
def test_the_stored_search_document_follows_every_edit(client, world, uncached_pages):
    # Raw updates below bypass the app (and so the page cache): this is the trigger's test.
    assert found_slugs(results(client, "marmalade")) == []
    world.older.body = "<p>Now with marmalade.</p>"
    world.older.save()
    assert found_slugs(results(client, "marmalade")) == ["new-album-autumn"]
    Article.objects.filter(pk=world.older.pk).update(headline="Quince season")
    assert found_slugs(results(client, "marmalade")) == ["new-album-autumn"]
    assert found_slugs(results(client, "quince")) == ["new-album-autumn"]
    world.older.body = "<p>Gone.</p>"
    world.older.save(update_fields=["body"])
    assert found_slugs(results(client, "marmalade")) == []


@on_postgresql
def test_postgresql_has_the_search_index_and_uses_it(world):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexdef FROM pg_indexes WHERE indexname = %s", [search_document.INDEX_NAME]
        )
        (definition,) = cursor.fetchone()
        assert "gin" in definition.lower()
        # The very column the search filters on, alone, so that the GIN
        # index is the only index that can answer it.
        stories = Article.objects.annotate(document=search_document.story_document()).filter(
            document=SearchQuery("divorce", search_type="websearch", config=search_document.CONFIG)
        )
        sql, params = stories.values("pk").query.sql_with_params()
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(f"EXPLAIN {sql}", params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert search_document.INDEX_NAME in plan


def test_benchmark_prints_figures_and_leaves_nothing_behind(world):
    from io import StringIO

    from django.core.management import call_command

    before = Article.objects.count()
    out = StringIO()
    call_command("benchsearch", stories=30, runs=1, stdout=out)
    report = out.getvalue()
    assert "30 generated stories" in report
    assert re.search(r"'topic42'\s+\d+ hits\s+median\s+[\d.]+ ms", report)
    assert Article.objects.count() == before
