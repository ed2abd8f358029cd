"""Queries whose best plan depends on their values, planned afresh each time.

On PostgreSQL repeated queries are prepared (see ``prepared_statements`` in
the settings), and a prepared query keeps one generic plan for every value.
That suits the reading pages, whose queries cost the same for any story or
person. It does not suit search: how many stories a word
matches in the last month decides the plan, and a generic one read 25 ms
where a fresh one read none.
"""

from contextlib import contextmanager

from django.db import connections


@contextmanager
def planned_afresh(using):
    """Inside, queries on the ``using`` connection are neither prepared nor run prepared."""
    connection = connections[using]
    if connection.vendor != "postgresql":
        yield
        return
    connection.ensure_connection()
    raw = connection.connection
    saved = raw.prepare_threshold
    raw.prepare_threshold = None
    try:
        yield
    finally:
        raw.prepare_threshold = saved
