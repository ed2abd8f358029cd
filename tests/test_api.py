"""The read API: what it serves, how it filters and pages, and that it keeps to its schema."""

import datetime

import pytest
import schemathesis
import yaml
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections, connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from hypothesis import HealthCheck, settings

from .discovery_world import HIDDEN_MARKER, assert_no_hidden, build_world
from .factories import make_article, make_person, make_photo, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    return build_world()


def get(client, url, status=200, **params):
    response = client.get(url, params)
    assert response.status_code == status, response.content
    return response.json()


def slugs(data):
    return [story["slug"] for story in data["results"]]


class TestStories:
    def test_list_shows_only_published_stories_newest_first(self, client, world):
        data = get(client, "/api/v1/stories/")
        assert data["count"] == 2
        assert slugs(data) == ["kanye-very-sad", "new-album-autumn"]

    def test_story_fields(self, client, world):
        story = get(client, "/api/v1/stories/kanye-very-sad/")
        assert story["headline"] == "Kanye West is very sad about the divorce"
        assert story["url"] == "http://testserver/stories/kanye-very-sad/"
        assert story["authors"] == ["Jo Writer"]
        assert [(p["person"]["slug"], p["is_main"]) for p in story["people"]] == [
            ("kim-kardashian", True),
            ("kanye-west", False),
            ("north-west", False),
        ]
        assert story["people"][0]["age_at_publication"] == world.kim.age_on(world.seed.published_at)
        assert {tag["slug"] for tag in story["tags"]} == {"divorce", "kardashians"}
        photo = story["lead_photo"]
        assert (
            photo["credit_line"] == "© Collage: IMAGO / APress, Screenshot/Instagram/kimkardashian"
        )
        assert photo["url"].startswith("http://testserver/media/")
        assert "<p>The couple have lived apart" in story["body"]
        assert datetime.datetime.fromisoformat(story["published_at"]) == world.seed.published_at

    def test_list_leaves_the_body_to_the_detail(self, client, world):
        assert "body" not in get(client, "/api/v1/stories/")["results"][0]

    @pytest.mark.parametrize(
        "slug", ["hidden-draft", "hidden-review", "hidden-scheduled", "nope", "%00", "%C2%84"]
    )
    def test_hidden_or_unknown_story_is_404(self, client, world, slug):
        assert client.get(f"/api/v1/stories/{slug}/").status_code == 404

    def test_filters_by_person_tag_and_dates(self, client, world):
        assert slugs(get(client, "/api/v1/stories/", person="kim-kardashian")) == ["kanye-very-sad"]
        assert slugs(get(client, "/api/v1/stories/", tag="music")) == ["new-album-autumn"]
        assert slugs(get(client, "/api/v1/stories/", person="kanye-west", tag="divorce")) == [
            "kanye-very-sad"
        ]
        older_day = timezone.localdate(world.older.published_at)
        assert slugs(get(client, "/api/v1/stories/", until=older_day.isoformat())) == [
            "new-album-autumn"
        ]
        since = (older_day + datetime.timedelta(days=1)).isoformat()
        assert slugs(get(client, "/api/v1/stories/", since=since)) == ["kanye-very-sad"]
        assert slugs(get(client, "/api/v1/stories/", person="nobody")) == []
        # A window that closes before it opens holds nothing.
        assert slugs(get(client, "/api/v1/stories/", since=since, until="2000-01-01")) == []

    @pytest.mark.parametrize(
        "params, field",
        [
            ({"since": "yesterday"}, "since"),
            ({"until": "2024-13-01"}, "until"),
            ({"person": "not a slug!"}, "person"),
            ({"tag": ""}, "tag"),
            ({"until": ""}, "until"),
        ],
    )
    def test_bad_filters_are_a_400_naming_the_filter(self, client, world, params, field):
        data = get(client, "/api/v1/stories/", status=400, **params)
        assert field in data

    def test_pages(self, client, world):
        for n in range(25):
            make_article(f"Story {n}")
        first = get(client, "/api/v1/stories/")
        assert first["count"] == 27 and len(first["results"]) == 20
        assert first["next"] == "http://testserver/api/v1/stories/?page=2"
        second = get(client, "/api/v1/stories/", page=2)
        assert len(second["results"]) == 7 and second["next"] is None
        assert len(get(client, "/api/v1/stories/", page_size=5)["results"]) == 5
        for bad in ["500", "0", "-1", "many"]:
            assert "page_size" in get(client, "/api/v1/stories/", status=400, page_size=bad)
        assert client.get("/api/v1/stories/", {"page": 9}).status_code == 404

    def test_nothing_hidden_in_any_answer(self, client, world):
        for url in [
            "/api/v1/stories/",
            "/api/v1/stories/?tag=divorce",
            "/api/v1/stories/?person=kim-kardashian",
            "/api/v1/tags/",
            "/api/v1/people/kim-kardashian/",
        ]:
            assert_no_hidden(client.get(url).content.decode(), world)


class TestPeopleAndTags:
    def test_people_list_and_detail_with_relationships(self, client, world):
        data = get(client, "/api/v1/people/")
        assert [p["slug"] for p in data["results"]] == [
            "kanye-west",
            "kim-kardashian",
            "north-west",
        ]
        kim = get(client, "/api/v1/people/kim-kardashian/")
        assert kim["birth_date"] == "1980-10-21"
        assert kim["instagram_url"] == "https://www.instagram.com/kimkardashian/"
        ties = [(t["label"], t["person"]["slug"], t["dates"]) for t in kim["relationships"]]
        assert ties == [
            ("Spouse", "kanye-west", "m. 2014, div. 2022"),
            ("Parent of", "north-west", ""),
        ]
        north = get(client, "/api/v1/people/north-west/")
        assert [t["label"] for t in north["relationships"]] == ["Child of", "Child of"]
        assert client.get("/api/v1/people/nobody/").status_code == 404
        assert client.get("/api/v1/people/%00/").status_code == 404

    def test_tags_are_those_with_published_stories(self, client, world):
        data = get(client, "/api/v1/tags/")
        assert [(t["slug"], t["stories"]) for t in data["results"]] == [
            ("divorce", 1),
            ("kardashians", 1),
            ("music", 1),
        ]
        assert get(client, "/api/v1/tags/music/")["url"] == "http://testserver/tags/music/"
        assert client.get("/api/v1/tags/secret-tag/").status_code == 404


class TestCaching:
    def test_answers_are_cacheable_and_revalidate_with_an_etag(self, client, world):
        response = client.get("/api/v1/stories/")
        assert "public" in response["Cache-Control"] and "max-age=60" in response["Cache-Control"]
        etag = response["ETag"]
        again = client.get("/api/v1/stories/", headers={"if-none-match": etag})
        assert again.status_code == 304
        make_article("Breaking")
        changed = client.get("/api/v1/stories/", headers={"if-none-match": etag})
        assert changed.status_code == 200

    def test_only_reading_is_allowed(self, client, world):
        assert client.post("/api/v1/stories/", {}).status_code == 405
        assert client.delete("/api/v1/stories/kanye-very-sad/").status_code == 405


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/stories/",
        "/api/v1/stories/kanye-very-sad/",
        "/api/v1/people/",
        "/api/v1/people/kim-kardashian/",
        "/api/v1/tags/",
    ],
)
def test_api_queries_do_not_grow(client, world, url):
    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    small = count()
    for n in range(6):
        story = make_article(
            f"Extra {n}",
            people=[world.kim, make_person(f"Extra person {n}")],
            tags=[f"t{n}", "divorce"],
            photo=make_photo([("agency", f"Agency {n}")]),
            authors=[make_user(f"writer{n}")],
        )
        world.seed.people.add(make_person(f"Seed extra {n}"), through_defaults={"order": n + 5})
        world.seed.tags.add(f"seed-{n}")
        assert story
    assert count() == small <= 7


def test_openapi_schema_is_served(client, world):
    response = client.get("/api/schema/")
    assert response.status_code == 200
    schema = yaml.safe_load(response.content)
    assert schema["openapi"].startswith("3.")
    paths = set(schema["paths"])
    assert {"/api/v1/stories/", "/api/v1/stories/{slug}/", "/api/v1/people/{slug}/"} <= paths
    names = {p["name"] for p in schema["paths"]["/api/v1/stories/"]["get"]["parameters"]}
    assert {"person", "tag", "since", "until", "page", "page_size"} <= names


# The schema as the site serves it, exercised in-process against the WSGI app.
schema = schemathesis.openapi.from_wsgi("/api/schema/?format=json", get_wsgi_application())


@pytest.fixture
def wsgi_in_test_transaction():
    """Keep the test's database connection open across raw WSGI requests.

    Django's own test client does the same: a finished request would
    otherwise close the connection that holds the test's transaction.
    """
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@schema.parametrize()
@settings(
    max_examples=10,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=list(HealthCheck),
)
def test_every_answer_keeps_to_the_schema(case, world, wsgi_in_test_transaction):
    response = case.call_and_validate()
    assert HIDDEN_MARKER not in response.text
