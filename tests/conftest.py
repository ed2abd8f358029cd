"""Fixtures shared by the suite: an empty cache and private originals storage per
test, and the browser tests' Chromium (see tests/browser.py)."""

import os

import pytest
from django.core.cache import cache

from articles.roles import EDITOR, REPORTER
from articles.section_list import NAVIGATION_KEY

from .browser import CHROMIUM_ARGS, chromium_path
from .desk import role_user


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache: no page kept from another test's data.

    As on a fresh site, the cache knows there are no sections (no query for the
    header's navigation until a test makes one).
    """
    cache.clear()
    cache.set(NAVIGATION_KEY, [], None)
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def originals_root(settings, tmp_path_factory):
    """Each test keeps photo originals (and held uploads) in a directory of its own."""
    root = tmp_path_factory.mktemp("originals")
    settings.ORIGINALS_ROOT = root
    settings.STORAGES = {
        **settings.STORAGES,
        "originals": {**settings.STORAGES["originals"], "OPTIONS": {"location": root}},
    }
    return root


@pytest.fixture
def uncached_pages(settings):
    """Pages rendered every time: for counting what rendering a page costs."""
    settings.PAGE_CACHE_SECONDS = 0


@pytest.fixture
def reporter(db):
    """A staff account in the Reporter role."""
    return role_user(REPORTER)


@pytest.fixture
def editor(db):
    """A staff account in the Editor role."""
    return role_user(EDITOR)


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
