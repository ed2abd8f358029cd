"""Readers read from replicas; writers and editors always see the primary."""

import pytest
from django.db import connections, router
from django.test.utils import CaptureQueriesContext

from articles.models import Article
from newsroom.routers import AFTER_WRITE_COOKIE, _reader_request

from .factories import make_article, make_user

pytestmark = pytest.mark.django_db(transaction=True, databases=["default", "replica"])


@pytest.fixture
def replica(settings):
    settings.DATABASE_REPLICAS = ["replica"]
    return connections["replica"]


def queries_on(alias, fn):
    with CaptureQueriesContext(connections[alias]) as queries:
        result = fn()
    return len(queries), result


def test_reader_pages_read_from_the_replica(client, replica):
    story = make_article("A story on the replica")
    on_replica, response = queries_on("replica", lambda: client.get(story.get_absolute_url()))
    assert response.status_code == 200
    assert on_replica > 0
    on_primary, _ = queries_on("default", lambda: client.get(story.get_absolute_url()))
    assert on_primary == 0


def test_without_replicas_everything_reads_from_the_primary(client, settings):
    settings.DATABASE_REPLICAS = []
    story = make_article("A story")
    on_replica, response = queries_on("replica", lambda: client.get(story.get_absolute_url()))
    assert response.status_code == 200
    assert on_replica == 0


def test_code_outside_a_request_reads_from_the_primary(replica):
    # Management commands and the shell must never act on lagging data.
    assert Article.objects.all().db == "default"


def test_the_admin_reads_from_the_primary(client, replica):
    client.force_login(make_user("desk", is_staff=True, is_superuser=True))
    on_replica, response = queries_on("replica", lambda: client.get("/admin/articles/article/"))
    assert response.status_code == 200
    assert on_replica == 0


def test_a_browser_reads_from_the_primary_right_after_it_wrote(client, replica, settings):
    story = make_article("A story")
    make_user("desk", is_staff=True)
    response = client.post("/admin/login/", {"username": "desk", "password": "password"})
    assert response.status_code == 302
    cookie = response.cookies[AFTER_WRITE_COOKIE]
    assert cookie["max-age"] == settings.REPLICA_LAG_SECONDS
    on_replica, response = queries_on("replica", lambda: client.get(story.get_absolute_url()))
    assert response.status_code == 200
    assert on_replica == 0


def test_writes_go_to_the_primary_even_in_a_reader_request(replica):
    token = _reader_request.set(True)
    try:
        assert router.db_for_read(Article) == "replica"
        assert router.db_for_write(Article) == "default"
    finally:
        _reader_request.reset(token)
