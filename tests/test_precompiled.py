"""Queries compiled once and run with new values give what the ORM gives each time."""

import datetime

import pytest
from django.db import connection, models
from django.db.models.sql import compiler
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.models import Article
from articles.reading import story as story_page
from newsroom.precompiled import Precompiled, Slot
from tests.factories import make_article, make_person, make_photo

pytestmark = pytest.mark.django_db


@pytest.fixture
def compilations(monkeypatch):
    """How many queries the ORM compiled (outermost ones only)."""
    counted = {"n": 0, "depth": 0}
    original = compiler.SQLCompiler.as_sql

    def as_sql(self, *args, **kwargs):
        counted["depth"] += 1
        try:
            return original(self, *args, **kwargs)
        finally:
            counted["depth"] -= 1
            counted["n"] += counted["depth"] == 0

    monkeypatch.setattr(compiler.SQLCompiler, "as_sql", as_sql)
    return counted


def published_since(stories):
    return stories.filter(
        status="published", published_at__gte=Slot("since", models.DateTimeField())
    ).order_by("-published_at")


def test_each_run_takes_its_own_values_from_one_compilation(compilations):
    now = timezone.now()
    old = make_article("Old news", published_at=now - datetime.timedelta(days=30))
    new = make_article("New news", published_at=now - datetime.timedelta(days=1))
    query = Precompiled(Article, published_since)
    recent = list(query(since=now - datetime.timedelta(days=7)))
    compiled = compilations["n"]
    everything = list(query(since=now - datetime.timedelta(days=60)))
    assert recent == [new]
    assert everything == [new, old]
    # The second run compiled nothing: the stored SQL ran with its own values.
    assert compilations["n"] == compiled


def test_a_run_is_one_query_and_the_sql_is_the_same_text():
    make_article("A story")
    query = Precompiled(Article, published_since)
    with CaptureQueriesContext(connection) as first:
        list(query(since=timezone.now() - datetime.timedelta(days=1)))
    with CaptureQueriesContext(connection) as second:
        list(query(since=timezone.now() - datetime.timedelta(days=2)))
    assert len(first) == len(second) == 1
    assert first[0]["sql"].split("WHERE")[0] == second[0]["sql"].split("WHERE")[0]


def test_the_rows_are_model_instances_with_their_joins_and_annotations():
    photo_story = make_article("With a photo", photo=make_photo())

    def build(stories):
        return (
            stories.filter(pk=Slot("story"))
            .for_listing()
            .annotate(word=models.Value("hello", output_field=models.CharField()))
        )

    (story,) = Precompiled(Article, build)(story=photo_story.pk)
    assert isinstance(story, Article) and story.word == "hello"
    with CaptureQueriesContext(connection) as queries:
        assert story.lead_photo.pk == photo_story.lead_photo_id
    assert len(queries) == 0


def test_a_precompiled_queryset_cannot_be_changed_after_the_fact():
    query = Precompiled(Article, published_since)(since=timezone.now())
    with pytest.raises(TypeError, match="in its builder"):
        query.filter(headline="x")
    with pytest.raises(TypeError):
        query.count()


def test_lists_are_items_by_length_or_one_postgresql_array():
    stories = [make_article(f"Story {n}") for n in range(3)]
    built = []

    def build(queryset, ids):
        built.append(ids)
        return queryset.filter(pk__in=ids).order_by("pk")

    # An array of ids is one parameter on PostgreSQL (ids = ANY(%s)); the ORM
    # writes ``pk__in`` out item by item, so the test asks for items.
    query = Precompiled(Article, build, items=("ids",))
    assert list(query(ids=[stories[0].pk, stories[2].pk])) == [stories[0], stories[2]]
    assert list(query(ids=[stories[1].pk, stories[0].pk])) == [stories[0], stories[1]]
    assert list(query(ids=[stories[1].pk])) == [stories[1]]
    with CaptureQueriesContext(connection) as queries:
        assert list(query(ids=[])) == []
    assert len(queries) == 0
    # One build per length, each with one slot per item.
    assert [len(ids) for ids in built] == [2, 1, 0]
    assert all(isinstance(slot, Slot) for ids in built for slot in ids)

    arrays = Precompiled(Article, lambda queryset, ids: queryset, arrays=("ids",))
    list(arrays(ids=[1, 2]))
    list(arrays(ids=[1, 2, 3]))
    shapes = {key[2] for key in arrays._compiled}
    # On PostgreSQL only emptiness shapes an array; elsewhere its length does.
    assert shapes == ({(1,)} if connection.vendor == "postgresql" else {(2,), (3,)})


def test_shape_arguments_reach_the_builder_and_key_the_compilations():
    for n in range(4):
        make_article(f"Story {n}")
    query = Precompiled(Article, lambda stories, limit: stories.order_by("pk")[:limit])
    assert len(list(query(2))) == 2
    assert len(list(query(3))) == 3
    assert len(list(query(2))) == 2
    assert len(query._compiled) == 2


class TestStoryPage:
    def test_the_story_page_row_is_the_published_story_with_its_lists(self):
        kim = make_person("Kim Kardashian")
        story = make_article("Kim files", people=[kim])
        found = story_page(story.slug)
        assert found == story
        with CaptureQueriesContext(connection) as queries:
            assert [link.person for link in found.person_links.all()] == [kim]
        assert len(queries) == 0

    def test_drafts_and_scheduled_stories_and_unknown_slugs_are_none(self):
        draft = make_article("Draft", status=Article.Status.DRAFT)
        later = make_article(
            headline="Later", published_at=timezone.now() + datetime.timedelta(hours=2)
        )
        assert story_page(draft.slug) is None
        assert story_page(later.slug) is None
        assert story_page("no-such-story") is None
        # The scheduled story is found once its time has come.
        assert story_page(later.slug, now=later.published_at) == later


def test_a_moment_fixed_when_compiling_is_refused():
    """A query that took ``now`` when it was built would serve that moment's stories for good."""
    from django.core.exceptions import ImproperlyConfigured

    query = Precompiled(Article, lambda stories: stories.published(timezone.now()))
    with pytest.raises(ImproperlyConfigured, match="Slot"):
        query()


def test_only_the_shapes_used_last_are_kept():
    for n in range(3):
        make_article(f"Story {n}")
    query = Precompiled(Article, lambda stories, limit: stories.order_by("pk")[:limit], most=2)
    for limit in (1, 2, 1, 3, 1):
        assert len(list(query(limit))) == limit
    # 2 went when 3 came: 1 had been used since.
    assert sorted(key[1] for key in query._compiled) == [(1,), (3,)]


def test_credits_are_fetched_once_for_every_copy_of_a_photo_and_not_again():
    from articles.managers import with_credits

    photo = make_photo(credits=[("photographer", "Jane Doe")])
    first, second = (type(photo).objects.get(pk=photo.pk) for _ in range(2))
    with CaptureQueriesContext(connection) as queries:
        with_credits([first, None, second])
    assert len(queries) == 1
    with CaptureQueriesContext(connection) as queries:
        names = [[credit.source.name for credit in p.credits.all()] for p in (first, second)]
        with_credits([first])
    assert names == [["Jane Doe"], ["Jane Doe"]]
    assert len(queries) == 0


@pytest.mark.django_db(transaction=True)
def test_threads_of_one_worker_share_the_shapes_safely():
    """Many threads asking for shapes at once: no errors, and the bound holds."""
    import threading

    from django.db import connections

    query = Precompiled(Article, lambda stories, limit: stories.order_by("pk")[:limit], most=2)
    failures = []

    def ask(n):
        try:
            for turn in range(40):
                query(1 + (n + turn) % 4)  # built and compiled, not run
        except Exception as error:  # noqa: BLE001 - reported below
            failures.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=ask, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []
    assert len(query._compiled) <= 2
