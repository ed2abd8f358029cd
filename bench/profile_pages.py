#!/usr/bin/env python
"""Time reader pages in-process, uncached, and each of their SQL queries.

For each URL: the best of ``--runs`` renderings (5) through django.test.Client
with CACHE_URL=dummy://, its total time, the CPU time of this process (what
Python spent, which a busy machine inflates less than the wall clock), its
queries and the time of each. With no
URLs it takes home, a story about the most written-about person, that person's
pages 1 and 500, the most used tag and a search. Needs DATABASE_URL and a
collected static tree: STATIC_ROOT pointing at the output of
`DEBUG=0 manage.py collectstatic`.

    DATABASE_URL=postgres://… [RUNS=5] python bench/profile_pages.py [URL …]
"""

import os
import sys
import time

import inprocess

inprocess.configure("profile-pages")


def default_urls():
    from django.db.models import Count
    from taggit.models import Tag

    from articles.models import Article

    star = inprocess.star()
    tag = Tag.objects.annotate(n=Count("articles_taggedarticle_items")).order_by("-n").first()
    story = Article.objects.published().about(star).order_by("-published_at").first()
    return [
        "/",
        story.get_absolute_url(),
        star.get_absolute_url(),
        f"{star.get_absolute_url()}?page=500",
        f"/tags/{tag.slug}/",
        "/search/?q=wedding",
    ]


def main():
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    runs = int(os.environ.get("RUNS", "5"))
    client = Client(HTTP_HOST="127.0.0.1")
    for url in sys.argv[1:] or default_urls():
        client.get(url)
        best, cpu = None, None
        for _ in range(runs):
            with CaptureQueriesContext(connection) as captured:
                start, start_cpu = time.perf_counter(), time.process_time()
                response = client.get(url)
                total = (time.perf_counter() - start) * 1000
                used = (time.process_time() - start_cpu) * 1000
            cpu = used if cpu is None else min(cpu, used)
            if best is None or total < best[0]:
                best = (total, list(captured.captured_queries), response.status_code)
        total, queries, status = best
        sql = sum(float(q["time"]) * 1000 for q in queries)
        print(
            f"{url}  {status}  {total:.1f} ms, {cpu:.1f} ms CPU, {len(queries)} queries,"
            f" {sql:.1f} ms SQL"
        )
        for query in queries:
            print(f"  {float(query['time']) * 1000:8.1f} ms  {query['sql'][:100]}")


if __name__ == "__main__":
    main()
