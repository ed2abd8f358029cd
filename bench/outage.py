"""PostgreSQL stopped and started again under load: what readers get, and when it is over.

    python bench/outage.py              # a private PostgreSQL on port 5433 in /tmp

Starts a PostgreSQL cluster of its own (initdb in /tmp, port 5433, so no other
database on the machine is touched), serves the demo from it with gunicorn on
127.0.0.1, puts wrk load on the reader pages, and probes one story page every
50 ms. The database is stopped 10 s in and started again 10 s later; the
gunicorn workers are never restarted. Prints, per phase, the status codes seen,
whether every 503 carried Retry-After, and how long after the database came back
the first page was served again. Exits non-zero on any 500 or a site that did
not recover. Run as root (the cluster runs as the postgres user).
"""

import argparse
import collections
import contextlib
import os
import shutil
import subprocess
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

from server import prepare, reader_paths, site_env, start_gunicorn, wrk_script

PG_BIN = Path(os.environ.get("PG_BIN", "/usr/lib/postgresql/15/bin"))


def as_postgres(*command):
    return subprocess.run(
        ["runuser", "-u", "postgres", "--", *command], check=True, capture_output=True, text=True
    )


def pg(data, action, port):
    options = f"-p {port} -k /tmp -c listen_addresses=127.0.0.1"
    as_postgres(
        str(PG_BIN / "pg_ctl"),
        "-D",
        data,
        "-o",
        options,
        "-l",
        f"{data}/log",
        "-w",
        "-m",
        "fast",
        action,
    )


def probe(url, stop, seen, start):
    while not stop.is_set():
        t = time.monotonic() - start
        try:
            with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310
                seen.append((t, response.status, None))
        except urllib.error.HTTPError as error:
            seen.append((t, error.code, error.headers.get("Retry-After")))
        except OSError as error:
            seen.append((t, f"socket:{type(error).__name__}", None))
        time.sleep(0.05)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--port", type=int, default=8118, help="gunicorn's port")
    parser.add_argument("--pg-port", type=int, default=5433)
    parser.add_argument("--down-at", type=float, default=10)
    parser.add_argument("--down-for", type=float, default=10)
    parser.add_argument("--after", type=float, default=15, help="seconds watched after restart")
    parser.add_argument("--connections", type=int, default=16)
    args = parser.parse_args()

    data = tempfile.mkdtemp(prefix="newsroom-pg-")
    shutil.chown(data, "postgres")
    as_postgres(str(PG_BIN / "initdb"), "-D", data, "-A", "trust", "-U", "postgres")
    pg(data, "start", args.pg_port)
    server = None
    try:
        as_postgres(
            str(PG_BIN / "createdb"),
            "-h",
            "127.0.0.1",
            "-p",
            str(args.pg_port),
            "-U",
            "postgres",
            "newsroom_outage",
        )
        env = site_env(f"postgres://postgres@127.0.0.1:{args.pg_port}/newsroom_outage")
        prepare(env)
        paths = reader_paths(env)
        server = start_gunicorn(env, args.port, 3)
        total = args.down_at + args.down_for + args.after
        stop = threading.Event()
        seen = []
        start = time.monotonic()
        story = next(p for p in paths if p.startswith("/stories/"))
        prober = threading.Thread(
            target=probe, args=(f"http://127.0.0.1:{args.port}{story}", stop, seen, start)
        )
        prober.start()
        with tempfile.NamedTemporaryFile("w", suffix=".lua") as lua:
            wrk_script(paths, lua.name)
            load = subprocess.Popen(
                [
                    "wrk",
                    "-t2",
                    f"-c{args.connections}",
                    f"-d{int(total)}s",
                    "-s",
                    lua.name,
                    f"http://127.0.0.1:{args.port}",
                ],
                stdout=subprocess.PIPE,
                text=True,
            )
            time.sleep(args.down_at)
            pg(data, "stop", args.pg_port)
            stopped = time.monotonic() - start
            time.sleep(args.down_for)
            pg(data, "start", args.pg_port)
            started = time.monotonic() - start
            wrk_out, _ = load.communicate(timeout=total + 30)
        stop.set()
        prober.join()
    finally:
        if server:
            server.terminate()
            server.wait(timeout=30)
        with contextlib.suppress(subprocess.CalledProcessError):
            pg(data, "stop", args.pg_port)
        shutil.rmtree(data, ignore_errors=True)

    phases = {"before": [], "down": [], "after": []}
    for t, status, retry in seen:
        phase = "before" if t < stopped else "down" if t < started else "after"
        phases[phase].append((t, status, retry))
    print(wrk_out)
    print(f"database stopped at {stopped:.1f} s, started at {started:.1f} s")
    for phase, rows in phases.items():
        counts = collections.Counter(status for _, status, _ in rows)
        print(f"{phase:>6}: {dict(counts)}")
    unavailable = [r for r in seen if r[1] == 503]
    without_retry = [r for r in unavailable if not r[2]]
    print(f"503 responses: {len(unavailable)}, without Retry-After: {len(without_retry)}")
    recovered = next((t for t, status, _ in phases["after"] if status == 200), None)
    last_bad = max((t for t, status, _ in phases["after"] if status != 200), default=None)
    if recovered is not None:
        print(f"first 200 after restart: {recovered - started:.2f} s after the database was up")
    if last_bad is not None:
        print(f"last non-200 after restart: {last_bad - started:.2f} s after the database was up")
    errors = [r for r in seen if r[1] == 500]
    print(f"500 responses: {len(errors)}")
    ok = (
        recovered is not None and not errors and not without_retry and phases["after"][-1][1] == 200
    )
    raise SystemExit(0 if ok else 1)


if __name__ == "__main__":
    main()
