"""Time site search over a generated archive, then throw the archive away.

    python manage.py benchsearch --stories 20000 --runs 20

Prints, for a few typical queries, the median and slowest time to fetch a
first page of results with its count, and on PostgreSQL whether the planner
uses the search index. Everything it creates is rolled back.
"""

import random
import statistics
import time

from django.core.management.base import BaseCommand
from django.db import connection, transaction
from django.utils import timezone

from articles import search_document
from articles.models import Article
from discovery import search

WORDS = [
    "divorce",
    "album",
    "tour",
    "wedding",
    "baby",
    "birthday",
    "red",
    "carpet",
    "fashion",
    "week",
    "premiere",
    "award",
    "concert",
    "interview",
    "statement",
    "lawsuit",
    "settlement",
    "reunion",
    "vacation",
    "mansion",
    "launch",
    "brand",
    "rapper",
    "singer",
    "actress",
    "model",
    "producer",
    "fans",
    "insiders",
    "reports",
    "source",
    "family",
    "children",
]
# Common words match nearly every generated story (the worst case: rank them
# all); "topic42" matches one story in 500, as a name or a rare word would.
QUERIES = ["divorce", "red carpet", "wedding baby", "topic42", "zzzz-no-such-word"]


class Command(BaseCommand):
    help = "Time site search over a generated archive (rolled back afterwards)."

    def add_arguments(self, parser):
        parser.add_argument("--stories", type=int, default=5000)
        parser.add_argument("--runs", type=int, default=15)

    def handle(self, *args, stories, runs, **options):
        with transaction.atomic():
            self.generate(stories)
            self.stdout.write(
                f"{connection.vendor}: {stories} generated stories, {runs} runs a query"
            )
            for query in QUERIES:
                self.stdout.write(self.measure(query, runs))
            if search.uses_full_text():
                self.stdout.write(f"search index used for 'topic42': {self.index_used()}")
            transaction.set_rollback(True)

    def generate(self, count):
        rng = random.Random(6)  # noqa: S311 - made-up text, not secrets
        now = timezone.now()
        Article.objects.bulk_create(
            [
                Article(
                    headline=" ".join([*rng.choices(WORDS, k=6), f"topic{n % 500}"]).capitalize(),
                    slug=f"bench-{n}",
                    standfirst=" ".join(rng.choices(WORDS, k=20)),
                    body="".join(f"<p>{' '.join(rng.choices(WORDS, k=60))}.</p>" for _ in range(6)),
                    status=Article.Status.PUBLISHED,
                    published_at=now - timezone.timedelta(minutes=n),
                )
                for n in range(count)
            ],
            batch_size=1000,
        )
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE articles_article")

    def measure(self, query, runs):
        timings = []
        for _ in range(runs):
            start = time.perf_counter()
            people = search.people_matching(query)
            found = search.ranked(Article.objects.published(), query, people)
            total = found.count
            search.hits(search.shown(Article.objects.published(), found.ids[:20], query), query)
            timings.append((time.perf_counter() - start) * 1000)
        return (
            f"  {query!r:24} {total:6} hits  median {statistics.median(timings):7.1f} ms"
            f"  slowest {max(timings):7.1f} ms"
        )

    def index_used(self):
        from django.contrib.postgres.search import SearchQuery

        query = SearchQuery("topic42", search_type="websearch", config=search_document.CONFIG)
        stories = Article.objects.published().alias(document=search_document.story_document())
        sql, params = stories.filter(document=query).values("pk").query.sql_with_params()
        with connection.cursor() as cursor:
            cursor.execute(f"EXPLAIN {sql}", params)
            plan = "\n".join(row[0] for row in cursor.fetchall())
        return search_document.INDEX_NAME in plan
