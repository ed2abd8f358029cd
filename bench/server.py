"""Shared by the bench scripts: run Newsroom under gunicorn on 127.0.0.1 with demo content."""

import os
import secrets
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = os.environ.get("PYTHON", sys.executable)


def site_env(database_url, **extra):
    """Production settings, on plain HTTP."""
    env = dict(os.environ)
    env.update(
        DEBUG="0",
        SECRET_KEY=secrets.token_urlsafe(40),
        HTTPS="0",
        ALLOWED_HOSTS="127.0.0.1,localhost",
        DATABASE_URL=database_url,
        LOG_LEVEL="ERROR",
        **extra,
    )
    return env


def prepare(env):
    """Migrate, collect static files and load the demo (loaddemo wants DEBUG on)."""
    subprocess.run(
        [PYTHON, "manage.py", "migrate", "--noinput", "-v0"], cwd=ROOT, env=env, check=True
    )
    subprocess.run(
        [PYTHON, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=ROOT, env=env, check=True
    )
    subprocess.run(
        [PYTHON, "manage.py", "loaddemo"],
        cwd=ROOT,
        env={**env, "DEBUG": "1"},
        check=True,
        stdout=subprocess.DEVNULL,
    )


def start_gunicorn(env, port, workers):
    gunicorn = Path(PYTHON).with_name("gunicorn")
    process = subprocess.Popen(  # noqa: S603 - fixed arguments
        [
            str(gunicorn),
            "newsroom.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(workers),
            "--access-logfile",
            "/dev/null",
            "--error-logfile",
            "-",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
    )
    for _ in range(100):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2)  # noqa: S310
            return process
        except OSError:
            time.sleep(0.2)
    process.terminate()
    raise SystemExit("gunicorn did not come up")


def worker_pids(master_pid):
    children = Path(f"/proc/{master_pid}/task/{master_pid}/children")
    return [int(pid) for pid in children.read_text().split()]


def rss_kib(pid):
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def printed_by(env, script):
    """What ``script`` prints, run with the site's settings against its database."""
    out = subprocess.run(
        [PYTHON, "-c", "import django; django.setup()\n" + script],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        env={**env, "DJANGO_SETTINGS_MODULE": "newsroom.settings"},
    )
    return out.stdout.split()


def reader_paths(env):
    """Every reader page of the demo: home, stories, people, tags."""
    return printed_by(
        env,
        "from articles.models import Article; from people.models import Person;"
        "from taggit.models import Tag;"
        "print('/');"
        "[print(a.get_absolute_url()) for a in Article.objects.published()];"
        "[print(p.get_absolute_url()) for p in Person.objects.all()];"
        "[print(f'/tags/{t.slug}/') for t in Tag.objects.all()]",
    )


def wrk_script(paths, path):
    quoted = ", ".join(f'"{p}"' for p in paths)
    Path(path).write_text(
        f"""
local paths = {{{quoted}}}
local threads = {{}}
function setup(thread) table.insert(threads, thread) end
function init(args) counter = 0; bad = 0 end
function request()
  counter = counter + 1
  return wrk.format("GET", paths[(counter % #paths) + 1])
end
function response(status, headers, body)
  if status ~= 200 then bad = bad + 1 end
end
function done(summary, latency, requests)
  local total = 0
  for _, t in ipairs(threads) do total = total + t:get("bad") end
  io.write(string.format("NON200 %d\\n", total))
end
"""
    )
