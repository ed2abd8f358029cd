"""Security headers on reader pages and the admin, and the production settings behind them."""

import re

import pytest
from django.urls import reverse

from .factories import make_article, make_person, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def story():
    kim = make_person("Kim Kardashian", slug="kim-kardashian")
    return make_article("A story", slug="a-story", people=[kim], main=kim, tags=["divorce"])


def csp_of(response):
    policy = response.headers["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in policy.split(";") if part.strip()}


def reader_urls(story):
    return ["/", story.get_absolute_url(), "/people/kim-kardashian/", "/tags/divorce/"]


def assert_security_headers(response, editor=False):
    """Strict headers. The story editor's page (``editor``) may run one inline script, by
    this request's nonce, and set inline styles; no other page may do either."""
    policy = csp_of(response)
    scripts = policy["script-src"]
    assert scripts[0] == "'self'"
    assert [item.startswith("'nonce-") for item in scripts[1:]] == ([True] if editor else [])
    assert policy["style-src"] == (["'self'", "'unsafe-inline'"] if editor else ["'self'"])
    assert "'unsafe-inline'" not in scripts
    assert "'unsafe-eval'" not in response.headers["Content-Security-Policy"]
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["base-uri"] == ["'none'"]
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert "camera=()" in response.headers["Permissions-Policy"]
    assert "geolocation=()" in response.headers["Permissions-Policy"]
    assert response.headers["Cross-Origin-Opener-Policy"] == "same-origin"


def test_reader_pages_send_strict_headers(client, story):
    for url in reader_urls(story):
        response = client.get(url)
        assert response.status_code == 200, url
        assert_security_headers(response)


def test_reader_pages_have_no_inline_script_or_style(client, story):
    for url in reader_urls(story):
        html = client.get(url).content.decode()
        # Structured data for search engines is data, not a script that runs.
        html = html.replace('<script type="application/ld+json">', "")
        # Scripts are our own files (the story page's read beacon), never inline.
        html = re.sub(r'<script src="/static/[^"]+\.js"[^>]*></script>', "", html)
        assert "<script" not in html, url
        assert "<style" not in html and " style=" not in html, url
        assert " onload=" not in html and " onclick=" not in html, url


def test_error_pages_send_the_headers_too(client):
    response = client.get("/stories/no-such-story/")
    assert response.status_code == 404
    assert_security_headers(response)


def test_admin_sends_the_same_strict_policy(client):
    response = client.get(reverse("admin:login"))
    assert response.status_code == 200
    assert_security_headers(response)
    client.force_login(make_user("desk", is_staff=True, is_superuser=True))
    response = client.get(reverse("admin:index"))
    assert response.status_code == 200
    assert_security_headers(response)
    # The story editor's import map is the one inline script, allowed by nonce.
    response = client.get(reverse("admin:articles_article_add"))
    assert response.status_code == 200
    assert_security_headers(response, editor=True)
    nonce = csp_of(response)["script-src"][1][len("'nonce-") : -1]
    assert f'<script type="importmap" nonce="{nonce}">' in response.content.decode()


def test_session_and_csrf_cookies_are_https_only_in_production(settings):
    # tests.settings turns HTTPS off; production (newsroom.settings) is checked here.
    import importlib
    import os
    from unittest import mock

    env = {"SECRET_KEY": "x" * 50, "DEBUG": "0", "HTTPS": ""}
    with mock.patch.dict(os.environ, env):
        import newsroom.settings as production

        production = importlib.reload(production)
    try:
        assert production.SESSION_COOKIE_SECURE is True
        assert production.CSRF_COOKIE_SECURE is True
        assert production.SECURE_SSL_REDIRECT is True
        assert production.SECURE_HSTS_SECONDS >= 31536000
        assert production.SESSION_COOKIE_HTTPONLY is True
        assert production.REQUIRE_2FA is True
        assert 0 < production.SESSION_COOKIE_AGE <= 60 * 60 * 12
    finally:
        importlib.reload(production)


def test_laptop_settings_leave_two_factor_optional():
    import importlib
    import os
    from unittest import mock

    with mock.patch.dict(os.environ, {"DEBUG": "1", "HTTPS": "", "REQUIRE_2FA": ""}):
        import newsroom.settings as laptop

        laptop = importlib.reload(laptop)
    try:
        assert laptop.REQUIRE_2FA is False
    finally:
        importlib.reload(laptop)
