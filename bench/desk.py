#!/usr/bin/env python
"""Time the desk's pages in-process on the configured database: median and queries.

Seeds nothing and writes nothing: it signs in as an existing editor (or,
failing one, a superuser; the credit sources as the photo desk) with a cookie
session and no last-login update, then renders each desk page ``RUNS`` times
(5) through django.test.Client. With no URLs it takes the story list (first
page, page 500, a search, a person's name, a status filter, a month), a star's
story change form, the person, photo and credit-source lists and their
searches, and the story form's pickers (people, tags, photos, related stories)
as an editor types.

    DATABASE_URL=postgres://… [RUNS=5] python bench/desk.py [URL …]

Printed per page: median wall-clock ms, median CPU ms of this process (which
the machine's other load does not inflate), median SQL ms, the most queries of
any run, the rows the page lists (a list's rows, a picker's choices: pages of
two archives compare fairly only at the same number) and the status.
"""

import json
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
        "/admin/photos/photo/?q=imago",
        f"/admin/photos/photo/?q={surname}",
        "/admin/photos/creditsource/",
        # What the story form's pickers ask as an editor types.
        picker("articleperson", "person", ""),
        picker("articleperson", "person", star.name.split()[0]),
        picker("articleperson", "person", surname),
        picker("taggedarticle", "tag", "we"),
        picker("article", "lead_photo", "imago"),
        picker("article", "related", surname),
    ]


def picker(model_name, field_name, term):
    """The address a story form's autocomplete widget asks for ``term``."""
    return (
        f"/admin/autocomplete/?app_label=articles&model_name={model_name}"
        f"&field_name={field_name}&term={term}"
    )


def rows(response):
    """How many rows a list page or a picker's answer shows; "-" for a form."""
    if response.get("Content-Type", "").startswith("application/json"):
        return len(json.loads(response.content)["results"])
    changelist = (getattr(response, "context_data", None) or {}).get("cl")
    return len(changelist.result_list) if changelist is not None else "-"


def account(role):
    """An active staff account in ``role``, or failing one a superuser."""
    from django.contrib.auth import get_user_model

    users = get_user_model().objects.filter(is_active=True, is_staff=True)
    found = users.filter(groups__name=role).first() or users.filter(is_superuser=True).first()
    if found is None:
        sys.exit(f"No {role} or superuser to sign in as: this benchmark creates none.")
    return found


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
    from articles.roles import EDITOR, PHOTO_DESK

    with override_settings(SESSION_ENGINE="django.contrib.sessions.backends.signed_cookies"):
        editor = Client(HTTP_HOST="127.0.0.1")
        editor.force_login(account(EDITOR))
        # The credit sources are the photo desk's to keep.
        photo_desk = Client(HTTP_HOST="127.0.0.1")
        photo_desk.force_login(account(PHOTO_DESK))
        print(
            f"{'page':60} {'median ms':>10} {'CPU ms':>8} {'SQL ms':>8} {'queries':>8} {'rows':>5}"
        )
        for url in sys.argv[1:] or default_urls():
            client = photo_desk if url.startswith("/admin/photos/creditsource/") else editor
            shown = rows(client.get(url))
            times, cpu, counts, sql, status = [], [], [], [], None
            for _ in range(runs):
                with CaptureQueriesContext(connection) as captured:
                    start, start_cpu = time.perf_counter(), time.process_time()
                    response = client.get(url)
                    times.append((time.perf_counter() - start) * 1000)
                    cpu.append((time.process_time() - start_cpu) * 1000)
                counts.append(len(captured.captured_queries))
                sql.append(sum(float(q["time"]) * 1000 for q in captured.captured_queries))
                status = response.status_code
            print(
                f"{url[:60]:60} {statistics.median(times):10.1f}"
                f" {statistics.median(cpu):8.1f} {statistics.median(sql):8.1f}"
                f" {max(counts):8d} {shown:>5}  {status}"
            )


if __name__ == "__main__":
    main()
