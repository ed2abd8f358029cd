"""A bounded soak: mixed reader pages under load while an editor saves every second.

    python bench/soak.py --duration 300 --connections 64 \
        --database-url postgres://postgres@127.0.0.1:5432/newsroom_soak

Serves the demo with gunicorn on 127.0.0.1, runs wrk against every reader page in
turn, saves one story through the ORM once a second (each save a new standfirst,
in a transaction), samples the workers' memory every 10 s, and at the end checks
that every save is in the database. Prints the figures; exits non-zero on any
error, lost save or failed request. Traffic goes to 127.0.0.1 only, and stops by itself.
"""

import argparse
import os
import re
import subprocess
import sys
import tempfile
import threading

from server import (
    ROOT,
    prepare,
    reader_paths,
    rss_kib,
    site_env,
    start_gunicorn,
    worker_pids,
    wrk_script,
)


def editor(env, stop, log):
    """Save the seed story once a second; record each save that returned."""
    os.environ.update(env)
    os.environ["DJANGO_SETTINGS_MODULE"] = "newsroom.settings"
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.db import transaction

    from articles.models import Article

    story = Article.objects.published().order_by("-published_at").first()
    n = 0
    while not stop.wait(1.0):
        n += 1
        try:
            with transaction.atomic():
                story.refresh_from_db()
                story.standfirst = f"Soak save {n}"
                story.save()
            log["saved"].append(n)
        except Exception as error:  # noqa: BLE001 - counted and reported
            log["errors"].append(f"save {n}: {error}")
    log["story"] = story.pk


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--duration", type=int, default=300, help="seconds (default 300)")
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--threads", type=int, default=2, help="wrk threads")
    parser.add_argument("--workers", type=int, default=3, help="gunicorn workers")
    parser.add_argument("--port", type=int, default=8108)
    parser.add_argument(
        "--timeout",
        default="10s",
        help="wrk's per-request timeout (its default, 2s, counts "
        "queueing behind busy workers as errors)",
    )
    parser.add_argument("--database-url", default=os.environ.get("DATABASE_URL", ""))
    args = parser.parse_args()
    if not args.database_url:
        raise SystemExit("Give --database-url (a PostgreSQL database the soak may fill).")

    env = site_env(args.database_url)
    prepare(env)
    paths = reader_paths(env)
    server = start_gunicorn(env, args.port, args.workers)
    stop = threading.Event()
    log = {"saved": [], "errors": []}
    samples = []

    def sample():
        while True:
            samples.append({pid: rss_kib(pid) for pid in worker_pids(server.pid)})
            if stop.wait(10):
                return

    threads = [
        threading.Thread(target=editor, args=(env, stop, log)),
        threading.Thread(target=sample),
    ]
    try:
        for thread in threads:
            thread.start()
        with tempfile.NamedTemporaryFile("w", suffix=".lua") as lua:
            wrk_script(paths, lua.name)
            run = subprocess.run(
                [
                    "wrk",
                    f"-t{args.threads}",
                    f"-c{args.connections}",
                    f"-d{args.duration}s",
                    "--timeout",
                    args.timeout,
                    "--latency",
                    "-s",
                    lua.name,
                    f"http://127.0.0.1:{args.port}",
                ],
                capture_output=True,
                text=True,
                timeout=args.duration + 60,
            )
        stop.set()
        for thread in threads:
            thread.join()
    finally:
        stop.set()
        server.terminate()
        server.wait(timeout=30)

    print(run.stdout)
    from django.db import connection  # set up by the editor thread

    from articles.models import Article

    stored = Article.objects.get(pk=log["story"]).standfirst
    connection.close()
    last = log["saved"][-1] if log["saved"] else 0
    lost = 0 if stored == f"Soak save {last}" else 1
    non200 = int(re.search(r"NON200 (\d+)", run.stdout).group(1))
    socket_errors = re.search(r"Socket errors: (.*)", run.stdout)
    first, final = samples[0], samples[-1]
    print(f"pages in rotation: {len(paths)}")
    print(f"non-200 responses: {non200}")
    print(f"socket errors: {socket_errors.group(1) if socket_errors else 'none'}")
    print(f"editor saves: {len(log['saved'])} committed, {len(log['errors'])} failed, lost {lost}")
    for pid in first:
        values = [s[pid] for s in samples if pid in s]
        print(
            f"worker {pid} RSS MiB: start {first[pid] / 1024:.1f}, "
            f"end {final.get(pid, 0) / 1024:.1f}, max {max(values) / 1024:.1f}"
        )
    for error in log["errors"][:5]:
        print("save error:", error)
    ok = non200 == 0 and not socket_errors and not log["errors"] and not lost and log["saved"]
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
