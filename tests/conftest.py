"""Fixtures shared by the browser tests (see tests/browser.py)."""

import os

import pytest

from .browser import CHROMIUM_ARGS, chromium_path


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for the whole run."""
    path = chromium_path()
    # Playwright's sync API runs an event loop in this thread; the ORM calls the
    # tests make between page visits are still plain synchronous calls.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    playwright = sync_playwright().start()
    chromium = playwright.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
    yield chromium
    chromium.close()
    playwright.stop()
