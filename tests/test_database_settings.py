"""PostgreSQL keeps the plans of repeated queries, unless told not to (a pooler in
transaction mode cannot keep prepared statements)."""

import pytest
from django.db import connection

from common.planning import planned_afresh
from newsroom.settings import prepared_statements


def postgres():
    return {"ENGINE": "django.db.backends.postgresql", "NAME": "newsroom", "OPTIONS": {}}


def test_postgresql_binds_on_the_server_and_prepares_repeated_queries(monkeypatch):
    monkeypatch.delenv("DATABASE_PREPARE_THRESHOLD", raising=False)
    options = prepared_statements(postgres())["OPTIONS"]
    assert options == {
        "server_side_binding": True,
        "prepare_threshold": 5,
        "options": "-c plan_cache_mode=force_generic_plan -c jit=off",
    }


def test_the_threshold_can_be_set_or_turned_off(monkeypatch):
    monkeypatch.setenv("DATABASE_PREPARE_THRESHOLD", "2")
    assert prepared_statements(postgres())["OPTIONS"]["prepare_threshold"] == 2
    monkeypatch.setenv("DATABASE_PREPARE_THRESHOLD", "off")
    assert prepared_statements(postgres())["OPTIONS"] == {}


def test_sqlite_is_left_as_it_is(monkeypatch):
    monkeypatch.delenv("DATABASE_PREPARE_THRESHOLD", raising=False)
    sqlite = {"ENGINE": "django.db.backends.sqlite3", "NAME": "db.sqlite3"}
    assert prepared_statements(dict(sqlite)) == sqlite


@pytest.mark.django_db
def test_search_queries_are_planned_for_their_own_words(client):
    """Search runs unprepared, however often it is asked; other pages keep their plans."""
    if connection.vendor != "postgresql":
        pytest.skip("Prepared statements are PostgreSQL's.")
    connection.ensure_connection()
    kept = connection.connection.prepare_threshold
    assert kept == 5
    with planned_afresh("default"):
        assert connection.connection.prepare_threshold is None
    assert connection.connection.prepare_threshold == kept
    for _ in range(8):
        assert client.get("/search/?q=wedding").status_code == 200
    assert connection.connection.prepare_threshold == kept


@pytest.mark.django_db
def test_prepared_queries_keep_one_plan_for_any_values():
    if connection.vendor != "postgresql":
        pytest.skip("Prepared statements are PostgreSQL's.")
    with connection.cursor() as cursor:
        cursor.execute("SHOW plan_cache_mode")
        assert cursor.fetchone()[0] == "force_generic_plan"


def test_a_threshold_that_is_no_number_is_refused_by_name(monkeypatch):
    from django.core.exceptions import ImproperlyConfigured

    monkeypatch.setenv("DATABASE_PREPARE_THRESHOLD", "sometimes")
    with pytest.raises(ImproperlyConfigured, match="DATABASE_PREPARE_THRESHOLD"):
        prepared_statements(postgres())


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's own settings")
@pytest.mark.django_db
def test_the_connection_never_compiles_queries_to_machine_code():
    with connection.cursor() as cursor:
        cursor.execute("SHOW jit")
        assert cursor.fetchone()[0] == "off"
