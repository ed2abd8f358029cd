import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache: no page kept from another test's data."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def uncached_pages(settings):
    """Pages rendered every time: for counting what rendering a page costs."""
    settings.PAGE_CACHE_SECONDS = 0
