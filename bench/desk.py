#!/usr/bin/env python
"""Time the desk's pages in-process on the configured database: median and queries.

Seeds nothing and writes nothing: it signs in as an existing editor (or, failing
one, a superuser) with a cookie session and no last-login update, then renders
each desk page ``RUNS`` times (5) through django.test.Client and prints the
median time and the queries of each. With no URLs it takes the story list
(first page, page 500, a search, a person's name, a status filter, a month),
a star's story change form, and the person, photo and credit-source lists.

    DATABASE_URL=postgres://… [RUNS=5] python bench/desk.py [URL …]
"""

import os
import statistics
import sys
import time

import inprocess

inprocess.configure("desk-bench")


def default_urls():
    from articles.models import Article

    star = inprocess.star()
    story = Article.objects.about(star).order_by("-published_at").first()
    newest = Article.objects.exclude(published_at=None).order_by("-published_at").first()
    month = newest.published_at.strftime("%Y-%m")
    surname = star.name.split()[-1]
    return [
        "/admin/articles/article/",
        "/admin/articles/article/?p=500",
        "/admin/articles/article/?q=wedding",
        f"/admin/articles/article/?q={surname}",
        f"/admin/articles/article/?q={story.slug}",
        "/admin/articles/article/?state=draft",
        f"/admin/articles/article/?published={month}",
        f"/admin/articles/article/{story.pk}/change/",
        "/admin/people/person/",
        "/admin/people/person/?q=grant",
        "/admin/photos/photo/",
        "/admin/photos/creditsource/",
    ]


def editor():
    from django.contrib.auth import get_user_model

    from articles.roles import EDITOR

    users = get_user_model().objects.filter(is_active=True, is_staff=True)
    account = users.filter(groups__name=EDITOR).first() or users.filter(is_superuser=True).first()
    if account is None:
        sys.exit("No editor or superuser to sign in as: this benchmark creates none.")
    return account


def main():
    import django

    django.setup()
    from django.contrib.auth.models import update_last_login
    from django.contrib.auth.signals import user_logged_in
    from django.db import connection
    from django.test import Client, override_settings
    from django.test.utils import CaptureQueriesContext

    runs = int(os.environ.get("RUNS", "5"))
    # Signing in writes nothing: the session lives in the cookie, the last login is not kept.
    user_logged_in.disconnect(update_last_login, dispatch_uid="update_last_login")
    with override_settings(SESSION_ENGINE="django.contrib.sessions.backends.signed_cookies"):
        client = Client(HTTP_HOST="127.0.0.1")
        client.force_login(editor())
        print(f"{'page':60} {'median ms':>10} {'SQL ms':>8} {'queries':>8}")
        for url in sys.argv[1:] or default_urls():
            client.get(url)
            times, counts, sql, status = [], [], [], None
            for _ in range(runs):
                with CaptureQueriesContext(connection) as captured:
                    start = time.perf_counter()
                    response = client.get(url)
                    times.append((time.perf_counter() - start) * 1000)
                counts.append(len(captured.captured_queries))
                sql.append(sum(float(q["time"]) * 1000 for q in captured.captured_queries))
                status = response.status_code
            print(
                f"{url[:60]:60} {statistics.median(times):10.1f}"
                f" {statistics.median(sql):8.1f} {max(counts):8d}  {status}"
            )


if __name__ == "__main__":
    main()
