"""PostgreSQL keeps the plans of repeated queries, unless told not to (a pooler in
transaction mode cannot keep prepared statements)."""

from newsroom.settings import prepared_statements


def postgres():
    return {"ENGINE": "django.db.backends.postgresql", "NAME": "newsroom", "OPTIONS": {}}


def test_postgresql_binds_on_the_server_and_prepares_repeated_queries(monkeypatch):
    monkeypatch.delenv("DATABASE_PREPARE_THRESHOLD", raising=False)
    options = prepared_statements(postgres())["OPTIONS"]
    assert options == {"server_side_binding": True, "prepare_threshold": 5}


def test_the_threshold_can_be_set_or_turned_off(monkeypatch):
    monkeypatch.setenv("DATABASE_PREPARE_THRESHOLD", "2")
    assert prepared_statements(postgres())["OPTIONS"]["prepare_threshold"] == 2
    monkeypatch.setenv("DATABASE_PREPARE_THRESHOLD", "off")
    assert prepared_statements(postgres())["OPTIONS"] == {}


def test_sqlite_is_left_as_it_is(monkeypatch):
    monkeypatch.delenv("DATABASE_PREPARE_THRESHOLD", raising=False)
    sqlite = {"ENGINE": "django.db.backends.sqlite3", "NAME": "db.sqlite3"}
    assert prepared_statements(dict(sqlite)) == sqlite
