"""Whatever is typed into an address, the answer is a page: 400 or 404, never a 500.

The property-based test walks the URL resolver, so a public page added later is
fuzzed without touching this file.
"""

import re
from urllib.parse import quote, urlencode

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from .factories import make_article, make_person, make_user

pytestmark = pytest.mark.django_db

NASTY = [
    "' OR '1'='1",
    "1; DROP TABLE articles_article; --",
    '" OR ""="',
    "1' UNION SELECT username, password FROM auth_user --",
    "%27%20OR%201%3D1--",
    "\\x00",
    "%00",
    "../../../../etc/passwd",
    "..%2f..%2fetc%2fpasswd",
    "<script>alert(1)</script>",
    "{{7*7}}",
    "{% debug %}",
    "${7*7}",
    "9" * 400,
    "-1",
    "0",
    "1e9",
    "1.5",
    "NaN",
    "last",
    "ﬁ",
    "Ǆ",
    "😀" * 50,
    "a" * 5000,
    "%E0%A4%A",
    "%",
    "%%",
    "\u202e",
    "\r\nSet-Cookie: x=1",
]


def public_patterns(resolver=None, prefix=""):
    """(route, converters) of every URL a reader can open; the admin is left out."""
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            if entry.namespace == "admin" or route.startswith("admin/"):
                continue
            yield from public_patterns(entry, route)
        elif isinstance(entry, URLPattern) and not route.startswith(("admin/", "^")):
            yield route


def fill(route, values):
    """``route`` with each ``<converter:name>`` replaced by the next of ``values``."""
    values = iter(values)
    return "/" + re.sub(r"<[^>]+>", lambda _: next(values), route)


ROUTES = sorted(public_patterns())

segment = st.one_of(
    st.sampled_from(NASTY),
    st.text(max_size=80),
    st.from_regex(r"[a-z0-9-]{1,60}", fullmatch=True),
).map(lambda text: quote(text, safe=""))
raw_segment = st.text(alphabet=st.characters(codec="ascii", exclude_characters="/?#"), max_size=40)
query_value = st.one_of(st.sampled_from(NASTY), st.text(max_size=200), st.integers().map(str))
query = st.one_of(
    st.dictionaries(
        st.one_of(st.sampled_from(["page", "q", "slug", "id", "o"]), st.text(max_size=20)),
        query_value,
        max_size=6,
    ).map(urlencode),
    st.text(alphabet=st.characters(codec="ascii"), max_size=300).map(
        lambda text: text.replace("#", "")
    ),
)


@pytest.fixture
def content():
    kim = make_person("Kim Kardashian", slug="kim-kardashian")
    make_article("A story", slug="a-story", people=[kim], main=kim, tags=["divorce"])


def test_the_resolver_walk_finds_the_reader_pages():
    assert {"", "stories/<slug:slug>/", "people/<slug:slug>/", "tags/<tag:slug>/"} <= set(ROUTES)
    assert not any(route.startswith("admin") for route in ROUTES)


@pytest.mark.parametrize("route", ROUTES)
@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_no_generated_address_gets_a_server_error(route, content, data):
    converters = route.count("<")
    values = data.draw(
        st.lists(st.one_of(segment, raw_segment), min_size=converters, max_size=converters)
    )
    path = fill(route, values)
    qs = data.draw(query)
    response = Client(raise_request_exception=False).get(f"{path}?{qs}")
    assert response.status_code < 500, (path, qs, response.status_code)


@pytest.mark.parametrize(
    ("url", "status"),
    [
        ("/?page=' OR 1=1--", 200),
        ("/people/kim-kardashian/?page=1%27%20OR%201%3D1--", 404),
        ("/people/kim-kardashian/?page=99999", 404),
        ("/people/kim-kardashian/?page=0", 404),
        ("/people/kim-kardashian/?page=-1", 404),
        ("/people/kim-kardashian/?page=" + "9" * 5000, 404),
        ("/tags/divorce/?page=%00", 404),
        ("/tags/divorce/?page=2", 404),
        ("/tags/divorce/?page=1", 200),
        ("/stories/a-story%27%20OR%201=1--/", 404),
        ("/stories/a story/", 404),
        ("/stories/../../etc/passwd/", 404),
        ("/people/%00/", 404),
        ("/tags/" + "a" * 3000 + "/", 404),
    ],
)
def test_bad_addresses_get_the_right_page(content, url, status):
    response = Client(raise_request_exception=False).get(url)
    assert response.status_code == status, url
    if status == 404:
        assert "We couldn’t find that page" in response.content.decode()


def test_too_many_query_fields_is_a_400_page(content):
    qs = "&".join(f"f{n}=x" for n in range(1500))
    response = Client(raise_request_exception=False).get(f"/?{qs}")
    # Django refuses more than DATA_UPLOAD_MAX_NUMBER_FIELDS fields when the view reads them.
    assert response.status_code in (200, 400)
    response = Client(raise_request_exception=False).get(f"/people/kim-kardashian/?{qs}")
    assert response.status_code == 400
    assert "didn’t make sense to us" in response.content.decode()


def test_unknown_hosts_get_a_400_page(content):
    response = Client(raise_request_exception=False, HTTP_HOST="evil.example").get("/")
    assert response.status_code == 400
    assert "didn’t make sense to us" in response.content.decode()


def test_404_page_for_unknown_addresses(content):
    response = Client().get("/no/such/page/")
    assert response.status_code == 404
    assert "We couldn’t find that page" in response.content.decode()


@pytest.mark.parametrize(
    "qs",
    [
        "q=' OR 1=1--",
        "q=%00",
        "q=" + "x" * 5000,
        "o=99",
        "o=abc",
        "p=abc",
        "p=99999",
        "status__exact='; DROP TABLE x",
        "published_at__gte=not-a-date",
        "no_such_field=1",
        "tags__id__exact=abc",
    ],
)
def test_admin_lists_survive_bad_queries(client, content, qs):
    client.force_login(make_user("desk", is_staff=True, is_superuser=True))
    for name in ("articles_article", "people_person", "photos_photo"):
        response = client.get(reverse(f"admin:{name}_changelist") + "?" + qs)
        assert response.status_code in (200, 302), (name, qs)


def test_403_page_for_staff_without_permission(content):
    client = Client()
    client.force_login(make_user("intern", is_staff=True))
    response = client.get(reverse("admin:articles_article_add"))
    assert response.status_code == 403
    assert "You can’t open this page" in response.content.decode()


def test_expired_form_gets_a_clear_403_page(content):
    client = Client(enforce_csrf_checks=True)
    response = client.post(reverse("admin:login"), {"username": "x", "password": "y"})
    assert response.status_code == 403
    html = response.content.decode()
    assert "This form has expired" in html
    assert "nothing was saved" in html
