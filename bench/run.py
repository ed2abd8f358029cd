#!/usr/bin/env python
"""Benchmark the reading site: gunicorn on 127.0.0.1, driven by wrk for a bounded time.

For each page kind (home, story, person page 1, person page 500, tag, search) it
prints requests per second, p50 and p99 latency and SQL queries per request, and
does the same for a static HTML file of the story page's size served by the same
server: the ceiling our pages are measured against. See bench/README.md.
"""

import argparse
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
UNITS = {"us": 1e-3, "ms": 1.0, "s": 1e3}


def parse_wrk(output):
    """Requests per second, p50 and p99 in ms, and failed responses from wrk --latency."""
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))

    def percentile(p):
        value, unit = re.search(rf"\s{p}%\s+([\d.]+)(us|ms|s)\b", output).groups()
        return float(value) * UNITS[unit]

    failed = sum(
        int(n)
        for n in re.findall(r"(?:Non-2xx or 3xx responses|Socket errors:.*?):\s*(\d+)", output)
    )
    return {"rps": rps, "p50": percentile(50), "p99": percentile(99), "failed": failed}


def wrk(url, paths, duration, connections, workdir):
    """Run wrk over ``paths`` in turn; returns parse_wrk's figures."""
    script = Path(workdir) / "paths.lua"
    quoted = ", ".join('"' + p.replace('"', "") + '"' for p in paths)
    script.write_text(
        f"local paths = {{{quoted}}}\nlocal i = 0\n"
        "request = function()\n  i = i % #paths + 1\n"
        "  return wrk.format('GET', paths[i])\nend\n"
    )
    result = subprocess.run(  # noqa: S603 - fixed arguments
        [
            shutil.which("wrk"), f"-c{connections}", f"-t{min(connections, 2)}", f"-d{duration}s",
            "--latency", "-s", str(script), url,
        ],
        capture_output=True, text=True, check=True, timeout=duration + 30,
    )  # fmt: skip
    return parse_wrk(result.stdout)


def wait_for(port, timeout=30):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.2)
    raise SystemExit(f"The server did not start on port {port}.")


def rss_mb(master_pid):
    """Resident memory of each gunicorn worker, in MB."""
    children = Path(f"/proc/{master_pid}/task/{master_pid}/children").read_text().split()
    sizes = []
    for pid in children:
        status = Path(f"/proc/{pid}/status").read_text()
        sizes.append(int(re.search(r"VmRSS:\s+(\d+)", status).group(1)) / 1024)
    return sizes


def pick_pages(search_term):
    """The URLs of each page kind, and SQL queries per request for each, in-process."""
    import django

    django.setup()
    from django.db import connection
    from django.db.models import Count
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from taggit.models import Tag

    from articles.models import Article
    from people.models import Person

    published = Article.objects.published()
    stories = list(published.order_by("-published_at").values_list("slug", flat=True)[:200])
    if not stories:
        raise SystemExit("No published stories: run `manage.py seedbench` first.")
    star = Person.objects.annotate(n=Count("article_links")).order_by("-n").first()
    tag = Tag.objects.annotate(n=Count("articles_taggedarticle_items")).order_by("-n").first()
    story_pages = [f"/stories/{slug}/" for slug in stories]
    person_pages = star.n // 20 if star else 0
    pages = {
        "home": ["/"],
        "story": story_pages,
        "person p1": [f"/people/{star.slug}/"],
        "person p500": [f"/people/{star.slug}/?page={min(500, max(person_pages, 1))}"],
        "tag": [f"/tags/{tag.slug}/"],
        "search": [f"/search/?q={search_term}"],
    }
    client = Client(HTTP_HOST="127.0.0.1")
    queries = {}
    for kind, paths in list(pages.items()):
        with CaptureQueriesContext(connection) as captured:
            response = client.get(paths[0])
        if response.status_code != 200:
            print(f"skipping {kind}: {paths[0]} answered {response.status_code}")
            del pages[kind]
            continue
        queries[kind] = len(captured)
    size = len(client.get(story_pages[0]).content)
    return pages, queries, size


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=int, default=10, help="seconds per wrk run")
    parser.add_argument("--connections", type=int, default=4)
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers")
    parser.add_argument("--port", type=int, default=8200)
    parser.add_argument("--search-term", default="wedding")
    parser.add_argument(
        "--only",
        metavar="KIND,…",
        help="measure only these page kinds (e.g. story,home); the static file always runs",
    )
    parser.add_argument(
        "--cache-url",
        default="dummy://",
        help="the server's CACHE_URL: dummy:// measures uncached pages, redis://… the page cache",
    )
    args = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk is needed: apt-get install wrk")

    workdir = tempfile.mkdtemp(prefix="newsroom-bench-")
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "newsroom.settings",
        "DEBUG": "0",
        "HTTPS": "0",
        "SECRET_KEY": secrets.token_urlsafe(40),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "STATIC_ROOT": str(Path(workdir) / "static"),
        "CACHE_URL": args.cache_url,
    }
    os.environ.update(env)
    sys.path.insert(0, str(ROOT))
    python = sys.executable
    subprocess.run(  # noqa: S603
        [python, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=ROOT, env=env, check=True
    )
    pages, queries, story_size = pick_pages(args.search_term)
    if args.only:
        wanted = {kind.strip() for kind in args.only.split(",")}
        unknown = wanted - set(pages)
        if unknown:
            raise SystemExit(f"No such page kind: {', '.join(sorted(unknown))}")
        pages = {kind: paths for kind, paths in pages.items() if kind in wanted}
    static_page = Path(workdir) / "static" / "bench-static.html"
    static_page.write_text("<!doctype html><title>static</title>" + "x" * story_size)
    pages["static file"] = ["/static/bench-static.html"]

    server = subprocess.Popen(  # noqa: S603
        [
            python, "-m", "gunicorn", "newsroom.wsgi", "--bind", f"127.0.0.1:{args.port}",
            "--workers", str(args.workers), "--access-logfile", "/dev/null",
        ],
        cwd=ROOT, env=env,
    )  # fmt: skip
    try:
        wait_for(args.port)
        base = f"http://127.0.0.1:{args.port}"
        for paths in pages.values():  # warm up every worker and cache
            for path in paths[:20]:
                urllib.request.urlopen(base + path).read()  # noqa: S310 - our own server
        print(
            f"\n{args.workers} gunicorn workers, CACHE_URL={args.cache_url}, "
            f"{args.duration}s per run; latency at 1 connection, throughput at "
            f"{args.connections}\n"
        )
        header = (
            f"{'page':<12} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'queries':>8} {'failed':>7}"
        )
        print(header + f" {'of static':>10}")
        results = {}
        for kind, paths in pages.items():
            latency = wrk(base, paths, args.duration, 1, workdir)
            throughput = wrk(base, paths, args.duration, args.connections, workdir)
            results[kind] = (latency, throughput)
        ceiling = results["static file"][1]["rps"]
        for kind, (latency, throughput) in results.items():
            print(
                f"{kind:<12} {throughput['rps']:>8.0f} {latency['p50']:>8.2f} "
                f"{latency['p99']:>8.2f} {queries.get(kind, 0):>8} "
                f"{latency['failed'] + throughput['failed']:>7} "
                f"{throughput['rps'] / ceiling:>9.0%}"
            )
        print(f"\nworker memory (MB): {', '.join(f'{m:.0f}' for m in rss_mb(server.pid))}")
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
