"""When things break: the database, Redis, a save half-way, a deletion that would orphan pages."""

from unittest import mock

import pytest
from django.core.cache import caches
from django.db import connections
from django.db.models import ProtectedError
from django.test import Client
from django.urls import reverse
from taggit.models import Tag

from articles.models import Article, ArticlePerson, TaggedArticle
from people.models import Person
from photos.models import Photo

from .factories import make_article, make_person, make_photo, make_relationship, make_user
from .test_admin import article_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def story():
    kim = make_person("Kim Kardashian", slug="kim-kardashian")
    kanye = make_person("Kanye West", slug="kanye-west")
    make_relationship(kim, kanye, "spouse", started="2014-05-24")
    photo = make_photo([("agency", "IMAGO")])
    return make_article(
        "Kim and Kanye", slug="kim-and-kanye", people=[kim, kanye], main=kim,
        tags=["divorce"], photo=photo,
    )  # fmt: skip


@pytest.fixture
def desk(client):
    client.force_login(make_user("desk", is_staff=True, is_superuser=True))
    return client


def database_down():
    """Every new cursor fails as it does when PostgreSQL is restarting."""
    wrapper = connections["default"]
    refused = wrapper.Database.OperationalError("connection refused: the database is starting up")
    return mock.patch.object(wrapper, "create_cursor", side_effect=refused)


class TestDatabaseOutage:
    def test_readers_get_a_friendly_503_with_retry_after(self, story, settings):
        client = Client(raise_request_exception=False)
        for url in ["/", story.get_absolute_url(), "/people/kim-kardashian/", "/tags/divorce/"]:
            with database_down():
                response = client.get(url)
            assert response.status_code == 503, url
            assert response["Retry-After"] == str(settings.RETRY_AFTER_SECONDS)
            assert response["Cache-Control"] == "no-store"
            html = response.content.decode()
            assert "be back in a moment" in html
            assert "Traceback" not in html

    def test_the_admin_gets_the_503_page_too(self, story):
        client = Client(raise_request_exception=False)
        client.force_login(make_user("desk", is_staff=True, is_superuser=True))
        with database_down():
            response = client.get(reverse("admin:articles_article_changelist"))
        assert response.status_code == 503

    def test_the_site_recovers_by_itself(self, story):
        client = Client(raise_request_exception=False)
        with database_down():
            assert client.get(story.get_absolute_url()).status_code == 503
        response = client.get(story.get_absolute_url())
        assert response.status_code == 200
        assert "Kim and Kanye" in response.content.decode()

    def test_other_errors_get_the_500_page(self, story):
        client = Client(raise_request_exception=False)
        with mock.patch("reading.views.render", side_effect=ValueError("a bug")):
            response = client.get("/")
        assert response.status_code == 500
        assert "Something went wrong on our side" in response.content.decode()
        assert "Retry-After" not in response

    def test_connections_check_their_health(self, settings):
        assert settings.DATABASES["default"]["CONN_HEALTH_CHECKS"] is True


class TestRedisDown:
    @pytest.fixture
    def closed_redis(self, settings):
        settings.CACHES = {
            "default": {
                "BACKEND": "newsroom.cache.ForgivingRedisCache",
                # Port 9 (discard) is closed here: every connection is refused.
                "LOCATION": "redis://127.0.0.1:9/8",
                "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
            }
        }
        # Django rebuilds its cache handlers when CACHES changes.
        return caches["default"]

    def test_the_cache_acts_empty(self, closed_redis):
        cache = closed_redis
        assert cache.get("front-page") is None
        assert cache.get("front-page", "fallback") == "fallback"
        assert cache.set("front-page", "html") is False
        assert cache.add("front-page", "html") is False
        assert cache.get_many(["a", "b"]) == {}
        assert cache.get_or_set("count", lambda: 42) == 42
        assert cache.delete("front-page") is False

    def test_pages_are_still_served(self, closed_redis, story):
        client = Client()
        for url in ["/", story.get_absolute_url(), "/people/kim-kardashian/", "/tags/divorce/"]:
            assert client.get(url).status_code == 200, url

    def test_production_settings_use_the_forgiving_cache(self):
        import importlib
        import os

        with mock.patch.dict(os.environ, {"CACHE_URL": "redis://127.0.0.1:6379/8"}):
            import newsroom.settings as production

            production = importlib.reload(production)
        try:
            backend = production.CACHES["default"]["BACKEND"]
            assert backend == "newsroom.cache.ForgivingRedisCache"
        finally:
            importlib.reload(production)


class TestSavesAreAllOrNothing:
    def test_a_failure_mid_save_of_a_new_story_leaves_nothing(self, desk):
        kim = make_person("Kim Kardashian")
        tag = Tag.objects.create(name="divorce", slug="divorce")
        data = article_data("Half a story", people=[(kim, True)], tags=[tag])
        with (
            mock.patch.object(ArticlePerson, "save", side_effect=RuntimeError("disk full")),
            pytest.raises(RuntimeError),
        ):
            desk.post(reverse("admin:articles_article_add"), data)
        assert not Article.objects.filter(headline="Half a story").exists()
        assert not ArticlePerson.objects.exists()
        assert not TaggedArticle.objects.exists()

    def test_a_failure_mid_save_of_a_change_keeps_the_story_as_it_was(self, desk, story):
        kanye = Person.objects.get(slug="kanye-west")
        gossip = Tag.objects.create(name="gossip", slug="gossip")
        data = article_data(
            "A new headline", slug=story.slug, status="published", tags=[gossip],
            published_at_0="2021-02-05", published_at_1="10:00:00",
            lead_photo=story.lead_photo_id,
        )  # fmt: skip
        links = list(story.person_links.all())
        data.update(
            {
                "person_links-TOTAL_FORMS": "2",
                "person_links-INITIAL_FORMS": "2",
                "person_links-0-id": links[0].pk,
                "person_links-0-person": links[0].person_id,
                "person_links-0-is_main": "on",
                "person_links-0-order": "0",
                "person_links-1-id": links[1].pk,
                "person_links-1-person": kanye.pk,
                "person_links-1-order": "1",
                "person_links-1-DELETE": "on",
                # What the desk's form carries besides: the version seen, the corrections inline.
                "seen_version": story.version,
                "corrections-TOTAL_FORMS": "0",
                "corrections-INITIAL_FORMS": "0",
            }
        )
        with (
            mock.patch.object(TaggedArticle, "save", side_effect=RuntimeError("disk full")),
            pytest.raises(RuntimeError),
        ):
            desk.post(reverse("admin:articles_article_change", args=[story.pk]), data)
        story.refresh_from_db()
        assert story.headline == "Kim and Kanye"
        assert story.person_links.count() == 2
        assert list(story.tags.names()) == ["divorce"]


class TestDeletingWhatStoriesUse:
    @pytest.mark.parametrize(
        ("admin_name", "lookup"),
        [
            ("people_person", lambda story: Person.objects.get(slug="kim-kardashian")),
            ("photos_photo", lambda story: story.lead_photo),
            ("taggit_tag", lambda story: Tag.objects.get(slug="divorce")),
        ],
    )
    def test_admin_refuses_with_a_clear_message(self, desk, story, admin_name, lookup):
        thing = lookup(story)
        url = reverse(f"admin:{admin_name}_delete", args=[thing.pk])
        page = desk.get(url)
        assert page.status_code == 200
        html = page.content.decode()
        assert "would require deleting the following protected related objects" in html
        response = desk.post(url, {"post": "yes"})
        assert response.status_code == 200
        assert type(thing).objects.filter(pk=thing.pk).exists()
        assert Client().get(story.get_absolute_url()).status_code == 200

    def test_the_database_refuses_too(self, story):
        for thing in (
            Person.objects.get(slug="kim-kardashian"),
            story.lead_photo,
            Tag.objects.get(slug="divorce"),
        ):
            with pytest.raises(ProtectedError):
                thing.delete()

    def test_bulk_delete_is_refused_the_same_way(self, desk, story):
        response = desk.post(
            reverse("admin:people_person_changelist"),
            {
                "action": "delete_selected",
                "_selected_action": list(Person.objects.values_list("pk", flat=True)),
                "post": "yes",
            },
        )
        assert response.status_code == 200
        assert "protected related objects" in response.content.decode()
        assert Person.objects.count() == 2

    def test_people_no_story_uses_can_go_with_their_ties(self, desk, story):
        loner = make_person("Nobody Famous", slug="nobody-famous")
        make_relationship(loner, Person.objects.get(slug="kanye-west"), "sibling")
        response = desk.post(
            reverse("admin:people_person_delete", args=[loner.pk]), {"post": "yes"}
        )
        assert response.status_code == 302
        assert not Person.objects.filter(slug="nobody-famous").exists()
        reader = Client()
        assert reader.get("/people/kanye-west/").status_code == 200
        assert reader.get("/people/nobody-famous/").status_code == 404

    def test_an_unused_photo_or_tag_can_be_deleted(self, desk, story):
        spare = make_photo(alt_text="A spare photo")
        unused = Tag.objects.create(name="unused", slug="unused")
        assert (
            desk.post(
                reverse("admin:photos_photo_delete", args=[spare.pk]), {"post": "yes"}
            ).status_code
            == 302
        )
        assert (
            desk.post(
                reverse("admin:taggit_tag_delete", args=[unused.pk]), {"post": "yes"}
            ).status_code
            == 302
        )
        assert not Photo.objects.filter(pk=spare.pk).exists()
        assert not Tag.objects.filter(pk=unused.pk).exists()
