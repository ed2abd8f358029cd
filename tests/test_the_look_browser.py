"""The site's look in Chromium, at phone and desktop widths: every rule of our stylesheet
applies (computed styles of key elements on each reader page), our own fonts load, no page
asks for anything that is not there (the favicon included), and the 404 page passes axe
and the Nu checker. Screenshots go to test-artifacts/ (look-<page>-<width>.png).

A rule block left open in site.css nests every rule after it, and Chromium, which reads
CSS nesting, then applies none of them: the checks below fail on exactly that.
"""

import json
import subprocess
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from taggit.models import Tag

from articles.models import Correction, TagDescription

from .browser import ARTIFACTS, java_and_vnu
from .factories import make_article, make_person, make_photo, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WIDTHS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 900}}
ACCENT = "rgb(179, 0, 45)"  # --accent
ACCENT_DARK = "rgb(125, 0, 32)"  # --accent-dark
MARK = "rgb(255, 217, 226)"  # --mark


@pytest.fixture
def pages():
    kim = make_person("Kim Kardashian", slug="kim-kardashian", known_for="entrepreneur")
    kanye = make_person("Kanye West", slug="kanye-west", aliases="Ye", known_for="rapper")
    for name in ("North West", "Saint West"):
        make_person(name)
    make_photo(people=[kim], is_portrait=True, alt_text="Kim Kardashian at a premiere")
    author = make_user("writer", first_name="Jo", last_name="Writer")
    stories = []
    for n in range(5):
        photo = make_photo(people=[kim, kanye], alt_text=f"Kim Kardashian and Kanye West {n}")
        stories.append(
            make_article(
                f"Kanye West and Kim Kardashian story {n}", people=[kim, kanye], main=kim,
                tags=["met gala"], photo=photo, authors=[author],
                standfirst="What happened on the steps.",
                published_at=timezone.now() - timezone.timedelta(days=n + 1),
            )
        )  # fmt: skip
    story = stories[0]
    Correction.objects.create(
        article=story, kind=Correction.Kind.UPDATE, text="A spokesperson has since replied.",
        created_at=timezone.now() - timezone.timedelta(hours=2),
    )  # fmt: skip
    tag = Tag.objects.get(name="met gala")
    TagDescription.objects.create(tag=tag, text="Fashion's biggest night, every May.")
    return {
        "home": ("/", 200),
        "story": (story.get_absolute_url(), 200),
        "person": (kim.get_absolute_url(), 200),
        "tag": (reverse("tag", args=[tag.slug]), 200),
        "search": (reverse("search") + "?q=Kanye", 200),
        "people": (reverse("people"), 200),
        "author": (author.contributor.get_absolute_url(), 200),
        "not-found": ("/no-such-page/", 404),
    }


def serve_media(route):
    """Renditions from the test's media folder: the live server does not serve media."""
    path = Path(settings.MEDIA_ROOT) / route.request.url.split("/media/", 1)[1]
    if path.is_file():
        route.fulfill(path=str(path))
    else:
        route.fulfill(status=404)


STYLE = """([selector, property]) => {
  const element = document.querySelector(selector);
  return element ? getComputedStyle(element).getPropertyValue(property) : null;
}"""

# On every page: (selector, property, what the stylesheet sets).
EVERY_PAGE = [
    (".search-box button", "background-color", ACCENT),
    (".search-box", "display", "flex"),
    (".site-header nav ul", "display", "flex"),
    # inline-flex, computed as flex: the name is an item of the header's flex row.
    (".site-name", "display", "flex"),
    (".site-name__logo", "width", "40px"),
    ("body", "margin-top", "0px"),
    (".site-footer", "border-top-style", "solid"),
]
ON_PAGE = {
    "home": [(".story-list", "display", "grid"), (".card", "display", "grid")],
    "story": [
        (".story-layout", "display", "grid"),
        (".story__times", "display", "flex"),
        (".story__updated", "color", ACCENT_DARK),
        (".tags", "display", "flex"),
        (".corrections", "border-left-style", "solid"),
    ],
    "person": [
        (".person-photos__grid", "display", "grid"),
        (".person-photos__grid", "list-style-type", "none"),
        (".person-photos__grid img", "object-fit", "cover"),
        (".person-layout", "display", "grid"),
    ],
    "tag": [
        (".tag-layout", "display", "grid"),
        (".lead-card__image", "object-fit", "cover"),
        (".story-list--grid", "display", "grid"),
    ],
    "search": [
        ("mark", "background-color", MARK),
        (".search-hit", "display", "grid"),
        (".search-results", "list-style-type", "none"),
        (".search-person__portrait, .search-person__initial", "border-radius", "50%"),
    ],
    "people": [
        (".people-cards", "display", "grid"),
        (".person-card__portrait", "border-radius", "50%"),
        (".person-card__initial", "display", "flex"),
        (".a-to-z ul", "display", "flex"),
        (".a-to-z__empty", "color", "rgb(118, 118, 118)"),
    ],
    "author": [(".story-list", "display", "grid")],
    "not-found": [(".not-found__search", "display", "flex")],
}
# Where the layout changes with the width: (selector, property, phone, desktop).
BY_WIDTH = {
    "tag": [(".tag-layout", "grid-template-columns", 1, 2)],
    "home": [(".story-list--grid", "grid-template-columns", 1, 2)],
}


def test_every_rule_applies_and_nothing_is_missing(browser, live_server, pages):
    ARTIFACTS.mkdir(exist_ok=True)
    wrong, missing = [], []
    not_found = live_server.url + pages["not-found"][0]
    for width_name, viewport in WIDTHS.items():
        context = browser.new_context(viewport=viewport)
        context.route("**/media/**", serve_media)
        page = context.new_page()

        def console(message):
            # The 404 page's own status is reported too: it is meant.
            if message.type == "error" and message.location.get("url") != not_found:
                missing.append(f"console: {message.text} ({message.location.get('url')})")

        page.on("console", console)
        page.on("requestfailed", lambda request: missing.append(f"failed: {request.url}"))
        for page_name, (url, status) in pages.items():
            expected_document = live_server.url + url

            def answered(response, expected_document=expected_document):
                if response.status >= 400 and response.url != expected_document:
                    missing.append(f"{response.status}: {response.url}")

            page.on("response", answered)
            response = page.goto(expected_document, wait_until="load")
            assert response.status == status, url
            page.evaluate("document.fonts.ready")
            where = f"{page_name} ({width_name})"
            for selector, prop, value in EVERY_PAGE + ON_PAGE.get(page_name, []):
                got = page.evaluate(STYLE, [selector, prop])
                if got != value:
                    wrong.append(f"{where}: {selector} {prop} is {got!r}, not {value!r}")
            for selector, prop, phone, desktop in BY_WIDTH.get(page_name, []):
                columns = len((page.evaluate(STYLE, [selector, prop]) or "").split())
                expected = phone if width_name == "phone" else desktop
                if columns != expected:
                    wrong.append(f"{where}: {selector} has {columns} columns, not {expected}")
            # Our fonts, from our own static files, in use.
            fonts = page.evaluate(
                "() => [document.fonts.check('16px Inter'),"
                " document.fonts.check('700 32px \"Playfair Display\"'),"
                " getComputedStyle(document.querySelector('h1')).fontFamily,"
                " getComputedStyle(document.body).fontFamily]"
            )
            if not (fonts[0] and fonts[1]):
                wrong.append(f"{where}: fonts not loaded: {fonts}")
            if not fonts[2].startswith('"Playfair Display"') or not fonts[3].startswith("Inter"):
                wrong.append(f"{where}: headline and text faces are {fonts[2:]}")
            # The favicon is ours, an SVG that loads.
            icon = page.evaluate(
                "() => document.querySelector('link[rel=icon]')?.getAttribute('type')"
            )
            if icon != "image/svg+xml":
                wrong.append(f"{where}: no SVG favicon")
            page.screenshot(
                path=str(ARTIFACTS / f"look-{page_name}-{width_name}.png"), full_page=True
            )
            page.remove_listener("response", answered)
        favicon = page.request.get(
            live_server.url
            + page.evaluate("document.querySelector('link[rel=icon]').href").removeprefix(
                live_server.url
            )
        )
        assert favicon.status == 200 and b"<svg" in favicon.body()
        context.close()
    assert not wrong, "\n".join(wrong)
    assert not missing, "\n".join(sorted(set(missing)))
    for page_name in pages:
        for width_name in WIDTHS:
            assert (ARTIFACTS / f"look-{page_name}-{width_name}.png").stat().st_size > 1000


def test_a_to_z_letters_jump_to_their_group(browser, live_server, pages):
    context = browser.new_context(viewport=WIDTHS["phone"])
    page = context.new_page()
    page.goto(live_server.url + reverse("people"))
    page.click(".a-to-z a:text-is('W')")
    page.wait_for_function("location.hash === '#letter-w'")
    heading = page.locator("#letter-w")
    assert heading.is_visible()
    # Scrolled down to the group: its heading is in view (as near the top as the page allows).
    top, scrolled, height = page.evaluate(
        "[document.querySelector('#letter-w').getBoundingClientRect().top,"
        " window.scrollY, window.innerHeight]"
    )
    assert scrolled > 0 and 0 <= top < height
    names = page.locator("section[aria-labelledby=letter-w] .person-card__name").all_inner_texts()
    assert names == ["Kanye West", "North West", "Saint West"]
    assert page.locator(".a-to-z__empty:text-is('B')").count() == 1
    assert page.locator(".a-to-z a:text-is('B')").count() == 0
    context.close()


def test_the_404_page_passes_axe_and_the_nu_checker(browser, live_server, client, tmp_path):
    from axe_playwright_python.sync_playwright import Axe

    for viewport in WIDTHS.values():
        context = browser.new_context(viewport=viewport)
        page = context.new_page()
        assert page.goto(live_server.url + "/no-such-page/").status == 404
        result = Axe().run(page, options={"resultTypes": ["violations"]})
        assert not result.violations_count, result.generate_report()
        context.close()
    java, vnu = java_and_vnu()
    path = tmp_path / "not-found.html"
    path.write_bytes(client.get("/no-such-page/").content)
    run = subprocess.run(  # noqa: S603 - fixed arguments, our own file
        [java, "-jar", str(vnu), "--errors-only", "--format", "json", str(path)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    messages = json.loads(run.stderr or '{"messages": []}')["messages"]
    assert not [m["message"] for m in messages if m["type"] == "error"], messages


def test_an_unclosed_rule_block_is_caught(browser, live_server, pages):
    """The check above fails on the bug it is for: site.css with one '}' missing."""
    css = (Path(settings.BASE_DIR) / "static" / "css" / "site.css").read_text()
    broken = css.replace("color: #3d2f00;\n}", "color: #3d2f00;\n", 1)  # the preview banner
    assert broken != css
    context = browser.new_context(viewport=WIDTHS["desktop"])
    context.route(
        "**/static/css/site.css",
        lambda route: route.fulfill(body=broken, content_type="text/css"),
    )
    page = context.new_page()
    page.goto(live_server.url + pages["person"][0])
    # Every rule after the open block is nested inside it and applies nowhere.
    assert page.evaluate(STYLE, [".person-photos__grid", "display"]) != "grid"
    assert page.evaluate(STYLE, [".search-box button", "background-color"]) != ACCENT
    context.close()
