"""Driving Debian's Chromium from tests (Playwright), and the tools that look at pages.

Browser tests run in the normal suite. Where a tool is missing they fail in CI
(``CI=true``), so a gate is never silently skipped there, and skip on a laptop
with the reason.
"""

import os
import shutil
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"
TOOLS = Path(os.environ.get("NEWSROOM_TOOLS", Path.home() / ".cache" / "newsroom-tools"))
VNU_JAR = Path(
    os.environ.get("VNU_JAR", TOOLS / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar")
)

# A 1x1 PNG served for every media URL: uploaded photos are not served by Django in tests.
PIXEL = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
)


def require(ok, reason):
    """Fail in CI, skip elsewhere, when a tool a browser test needs is missing."""
    if ok:
        return
    if os.environ.get("CI", "").lower() in {"1", "true", "yes"}:
        pytest.fail(f"{reason} (CI must install it: see .ci/run)", pytrace=False)
    pytest.skip(reason)


def chromium_path():
    path = CHROMIUM if os.path.exists(CHROMIUM) else shutil.which("chromium")
    require(path, f"Chromium is not installed at {CHROMIUM} (apt-get install chromium)")
    return path


def java_and_vnu():
    java = shutil.which("java")
    require(java, "Java is needed for the Nu HTML Checker")
    require(VNU_JAR.exists(), f"vnu.jar not found at {VNU_JAR} (npm install vnu-jar)")
    return java, VNU_JAR


def sign_in_cookie(live_server_url, user):
    """A session cookie for ``user``, ready for a browser context."""
    from django.test import Client

    client = Client()
    client.force_login(user)
    return {
        "name": "sessionid",
        "value": client.cookies["sessionid"].value,
        "url": live_server_url,
    }
