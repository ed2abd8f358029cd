"""Worker memory under a long run: RSS of each gunicorn worker as requests pile up.

    DATABASE_URL=postgres://…/newsroom_bench python bench/memory.py --requests 100000

Serves the database as it is (seed it first, see docs/benchmarks.md) with
gunicorn on 127.0.0.1, and drives wrk over a rotation of many distinct reader
pages (the newest stories, people's pages at several depths, tags, searches)
until the requests reach ``--requests``. With the page cache on (the
default, Redis), each page is rendered on its first visit and served from the
cache after; ``--cache-url dummy://`` renders every request. After each
round it prints the requests so far and each worker's resident memory.
"""

import argparse
import os
import re
import subprocess
import sys
import tempfile

from server import (
    PYTHON,
    ROOT,
    printed_by,
    rss_kib,
    site_env,
    start_gunicorn,
    worker_pids,
    wrk_script,
)


def rotation(env, stories, people, tags):
    """Distinct reader paths: newest stories, people at pages 1–5, tags, searches."""
    return printed_by(
        env,
        f"""
from django.db.models import Count
from taggit.models import Tag
from articles.models import Article, PersonMonth
newest = Article.objects.published().order_by("-published_at")
for slug in newest.values_list("slug", flat=True)[:{stories}]:
    print(f"/stories/{{slug}}/")
busy = PersonMonth.objects.values("person__slug").annotate(n=Count("pk")).order_by("-n")
for row in busy[:{people}]:
    for page in range(1, 6):
        print(f"/people/{{row['person__slug']}}/?page={{page}}")
for slug in Tag.objects.values_list("slug", flat=True)[:{tags}]:
    print(f"/tags/{{slug}}/")
for word in ("wedding", "divorce", "album", "tour", "premiere", "baby"):
    print(f"/search/?q={{word}}")
print("/")
""",
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--requests", type=int, default=100_000)
    parser.add_argument("--round", type=int, default=30, help="seconds per wrk round")
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--port", type=int, default=8109)
    parser.add_argument("--stories", type=int, default=20_000, help="stories in the rotation")
    parser.add_argument("--people", type=int, default=2_000, help="people (5 pages each)")
    parser.add_argument("--tags", type=int, default=2_000)
    parser.add_argument("--cache-url", default="redis://127.0.0.1:6379/3")
    args = parser.parse_args()
    if not os.environ.get("DATABASE_URL"):
        raise SystemExit("Set DATABASE_URL to a seeded database.")

    env = site_env(os.environ["DATABASE_URL"], CACHE_URL=args.cache_url)
    subprocess.run(
        [PYTHON, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=ROOT, env=env, check=True
    )
    paths = rotation(env, args.stories, args.people, args.tags)
    print(f"{len(paths)} distinct pages in rotation, {args.workers} workers, {args.cache_url}")
    server = start_gunicorn(env, args.port, args.workers)
    total = failed = 0
    try:
        pids = worker_pids(server.pid)
        print("requests  " + "  ".join(f"worker {n + 1} MB" for n in range(len(pids))))
        print(f"{total:>8}  " + "  ".join(f"{rss_kib(pid) / 1024:>11.0f}" for pid in pids))
        with tempfile.NamedTemporaryFile("w", suffix=".lua") as lua:
            while total < args.requests:
                # Each round starts where the last left off, so pages keep coming fresh.
                start = total % len(paths)
                wrk_script(paths[start:] + paths[:start], lua.name)
                run = subprocess.run(
                    ["wrk", "-t2", f"-c{args.connections}", f"-d{args.round}s", "--timeout",
                     "10s", "-s", lua.name, f"http://127.0.0.1:{args.port}"],
                    capture_output=True, text=True, check=True, timeout=args.round + 60,
                )  # fmt: skip
                total += int(re.search(r"(\d+) requests in", run.stdout).group(1))
                failed += int(re.search(r"NON200 (\d+)", run.stdout).group(1))
                now = worker_pids(server.pid)
                print(f"{total:>8}  " + "  ".join(f"{rss_kib(pid) / 1024:>11.0f}" for pid in now))
                sys.stdout.flush()
                if now != pids:
                    print("a worker was replaced during the run")
                    pids = now
    finally:
        server.terminate()
        server.wait(timeout=30)
    print(f"non-200 responses: {failed}")


if __name__ == "__main__":
    main()
