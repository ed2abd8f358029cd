"""The page cache: anonymous readers served from it, and never shown a stale page.

Every check warms the cache first, makes the change, then asserts the very
next request shows it.
"""

import datetime
import socket
import time

import pytest
from django.core.cache import cache
from django.test import override_settings
from django.utils import timezone

from articles import workflow
from articles.models import Article, Correction
from newsroom.middleware import lifetime
from reading import pagecache
from tests.factories import add_credit, make_article, make_person, make_photo, make_user

pytestmark = pytest.mark.django_db

WITNESS = "Kim buys a lighthouse"
WITNESS_ALT = "Kim waving from a lighthouse"


@pytest.fixture
def kim():
    return make_person("Kim Kardashian")


@pytest.fixture
def base(kim):
    """A story whose sidebars (related, More on Kim) list the witness."""
    return make_article(
        "Kim at the races",
        people=[kim],
        main=kim,
        tags=["divorce"],
        published_at=timezone.now() - datetime.timedelta(days=2),
    )


def witness(kim, **kw):
    kw.setdefault("photo", make_photo([("agency", "Lighthouse Pictures")], alt_text=WITNESS_ALT))
    return make_article(WITNESS, people=[kim], main=kim, tags=["divorce"], slug="witness", **kw)


PAGES = {
    "story": "/stories/witness/",
    "home": "/",
    "person": "/people/kim-kardashian/",
    "tag": "/tags/divorce/",
    "sidebars": "/stories/kim-at-the-races/",
    "feed": "/feed/",
    "person feed": "/people/kim-kardashian/feed/",
    "tag feed": "/tags/divorce/feed/atom/",
}


def text(client, url):
    response = client.get(url)
    return response.status_code, response.content.decode()


def warm(client, url):
    """Two requests: the second must come from the cache when the page is a 200."""
    status, _ = text(client, url)
    second = client.get(url)
    if status == 200:
        assert second["X-Page-Cache"] == "hit", url
    return second


@pytest.mark.parametrize("url", PAGES.values(), ids=PAGES.keys())
class TestNeverStale:
    def test_publishing_shows_at_once(self, client, kim, base, url):
        story = witness(kim, status=Article.Status.DRAFT)
        warm(client, url)
        assert WITNESS not in text(client, url)[1]
        story.status = Article.Status.PUBLISHED
        story.published_at = timezone.now() - datetime.timedelta(minutes=1)
        story.save()
        status, page = text(client, url)
        assert status == 200 and WITNESS in page

    def test_editing_shows_at_once(self, client, kim, base, url):
        story = witness(kim)
        warm(client, url)
        assert WITNESS in text(client, url)[1]
        story.headline = "Kim sells the lighthouse"
        story.save()
        page = text(client, url)[1]
        assert "Kim sells the lighthouse" in page
        assert WITNESS not in page

    def test_unpublishing_shows_at_once(self, client, kim, base, url):
        story = witness(kim)
        warm(client, url)
        story.status = Article.Status.DRAFT
        story.save()
        status, page = text(client, url)
        assert status == 404 if url == PAGES["story"] else WITNESS not in page

    def test_an_expired_photo_goes_at_once(self, client, kim, base, url):
        story = witness(kim)
        if url == PAGES["sidebars"]:
            # The sidebars show the photo of the story they are on.
            base.lead_photo = story.lead_photo
            base.save()
        warm(client, url)
        assert WITNESS_ALT in text(client, url)[1]
        photo = story.lead_photo
        photo.expires_on = timezone.localdate()
        photo.save()
        assert WITNESS_ALT not in text(client, url)[1]


class TestWhatElseCounts:
    def test_a_new_credit_shows_at_once(self, client, kim, base):
        story = witness(kim)
        warm(client, "/")
        add_credit(story.lead_photo, "photographer", "Ann Lens")
        assert "Ann Lens" in text(client, "/")[1]

    def test_a_renamed_person_shows_at_once(self, client, kim, base):
        warm(client, PAGES["sidebars"])
        kim.name = "Kim K. West"
        kim.save()
        assert "Kim K. West" in text(client, PAGES["sidebars"])[1]

    def test_a_correction_shows_at_once(self, client, kim, base):
        warm(client, PAGES["sidebars"])
        Correction.objects.create(article=base, text="The races were in Ascot.")
        assert "The races were in Ascot." in text(client, PAGES["sidebars"])[1]

    def test_a_new_author_shows_at_once(self, client, kim, base):
        warm(client, PAGES["sidebars"])
        base.authors.add(make_user("nora", first_name="Nora", last_name="Byline"))
        assert "Nora Byline" in text(client, PAGES["sidebars"])[1]

    def test_publishing_many_at_once_from_the_desk_shows_at_once(self, client, kim, base):
        witness(kim, status=Article.Status.DRAFT)
        warm(client, "/")
        workflow.publish(Article.objects.filter(slug="witness"), make_user("chief"))
        assert WITNESS in text(client, "/")[1]
        workflow.unpublish(Article.objects.filter(slug="witness"), make_user("deputy"))
        assert WITNESS not in text(client, "/")[1]

    def test_a_scheduled_story_appears_when_its_time_comes(self, client, kim, base):
        # Three seconds ahead: time for the page to be drawn and cached on a busy machine.
        due = timezone.now() + datetime.timedelta(seconds=3)
        witness(kim, published_at=due)
        warm(client, "/")
        assert WITNESS not in text(client, "/")[1]
        time.sleep(max((due - timezone.now()).total_seconds(), 0) + 0.1)
        assert WITNESS in text(client, "/")[1]

    def test_no_page_outlives_local_midnight(self, settings):
        settings.PAGE_CACHE_SECONDS = 3600
        tz = timezone.get_current_timezone()
        before_midnight = datetime.datetime(2030, 5, 1, 23, 59, 30, tzinfo=tz)
        assert lifetime(1, now=before_midnight) <= 30
        morning = datetime.datetime(2030, 5, 1, 9, 0, tzinfo=tz)
        assert lifetime(1, now=morning) == 3600

    def test_no_page_outlives_the_next_scheduled_story(self, kim):
        soon = timezone.now() + datetime.timedelta(minutes=3)
        witness(kim, published_at=soon)
        assert 170 <= lifetime(pagecache.current_generation()) <= 180


class TestWhoIsServedFromTheCache:
    def test_anonymous_readers_are(self, client, base):
        assert client.get("/")["X-Page-Cache"] == "miss"
        assert client.get("/")["X-Page-Cache"] == "hit"

    def test_editors_are_not(self, client, base):
        client.force_login(make_user("editor", is_staff=True))
        client.get("/")
        assert "X-Page-Cache" not in client.get("/")

    def test_a_browser_that_just_wrote_is_not(self, client, base):
        client.cookies["primary_reads"] = "1"
        client.get("/")
        assert "X-Page-Cache" not in client.get("/")

    def test_the_desk_and_missing_pages_are_not(self, client, base):
        client.get("/admin/login/")
        assert "X-Page-Cache" not in client.get("/admin/login/")
        client.get("/stories/nothing-here/")
        assert "X-Page-Cache" not in client.get("/stories/nothing-here/")

    def test_each_address_is_its_own_page(self, client, kim, base):
        witness(kim)
        assert WITNESS in text(client, "/tags/divorce/")[1]
        assert text(client, "/tags/divorce/?page=2")[0] == 404


class TestConditionalAnswers:
    def test_a_page_the_browser_has_is_answered_304(self, client, base):
        first = client.get("/")
        assert first["Cache-Control"] == "public, max-age=0, must-revalidate"
        again = client.get("/", headers={"If-None-Match": first["ETag"]})
        assert again.status_code == 304 and not again.content
        since = client.get("/", headers={"If-Modified-Since": first["Last-Modified"]})
        assert since.status_code == 304

    def test_a_changed_page_is_sent_again(self, client, kim, base):
        first = client.get("/")
        witness(kim)
        again = client.get("/", headers={"If-None-Match": first["ETag"]})
        assert again.status_code == 200 and WITNESS in again.content.decode()

    def test_uncached_pages_have_etags_too(self, client, base, settings):
        settings.PAGE_CACHE_SECONDS = 0
        first = client.get("/stories/kim-at-the-races/")
        assert first.has_header("ETag")
        again = client.get("/stories/kim-at-the-races/", headers={"If-None-Match": first["ETag"]})
        assert again.status_code == 304


def redis_reachable():
    try:
        with socket.create_connection(("127.0.0.1", 6379), timeout=0.5):
            return True
    except OSError:
        return False


def redis_cache(location):
    return {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": location,
            "KEY_PREFIX": "newsroom-tests",
        }
    }


class TestSharedCache:
    @pytest.mark.skipif(not redis_reachable(), reason="no Redis on 127.0.0.1:6379")
    def test_redis_keeps_pages_and_forgets_them_on_change(self, client, kim, base):
        with override_settings(CACHES=redis_cache("redis://127.0.0.1:6379/7")):
            cache.delete(pagecache.GENERATION_KEY)
            warm(client, "/")
            witness(kim)
            assert WITNESS in text(client, "/")[1]

    def test_pages_are_served_when_the_cache_is_down(self, client, kim, base):
        with socket.socket() as closed:
            closed.bind(("127.0.0.1", 0))
            port = closed.getsockname()[1]
        with override_settings(CACHES=redis_cache(f"redis://127.0.0.1:{port}/0")):
            story = witness(kim)
            assert client.get("/").status_code == 200
            story.headline = "Kim sells the lighthouse"
            story.save()
            status, page = text(client, "/")
            assert status == 200 and "Kim sells the lighthouse" in page
