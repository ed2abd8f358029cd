"""The read beacon in Chromium: one POST to our own host per story and reader visit,
nothing elsewhere; the "Most read" box checked by axe and the Nu checker at both widths."""

import json
import subprocess
from urllib.parse import urlsplit

import pytest

from reading import reads
from reading.models import StoryReads

from .browser import ARTIFACTS, java_and_vnu
from .factories import make_article, make_person

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WIDTHS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 900}}
# What an ordinary desktop Chromium says of itself; headless Chromium names itself a robot.
READER = (
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko)"
    " Chrome/131.0 Safari/537.36"
)


@pytest.fixture
def story():
    kim = make_person("Kim Kardashian", slug="kim-kardashian")
    story = make_article(
        "Kim opens a shop in Paris",
        people=[kim],
        main=kim,
        standfirst="A new shop on the Left Bank.",
        body="<p>The doors open on Friday.</p>",
    )
    make_article("Kim at the fashion week", people=[kim])
    for n, headline in enumerate(
        ["A royal wedding date is set", "The band is back on tour", "A quiz show host retires"]
    ):
        popular = make_article(headline)
        for _ in range(5 - n):
            reads.count(popular.pk)
    # Newer stories fill the front page, so its box has stories of its own to show.
    for n in range(14):
        make_article(f"Newer story {n}")
    return story


def reads_of(story):
    return sum(StoryReads.objects.filter(story=story).values_list("reads", flat=True))


def watch(page):
    """Every request the page makes, as (method, URL)."""
    seen = []
    page.on("request", lambda request: seen.append((request.method, request.url)))
    return seen


def test_one_post_to_our_own_host_per_visit_and_none_elsewhere(browser, live_server, story):
    host = urlsplit(live_server.url).netloc
    context = browser.new_context(user_agent=READER)
    page = context.new_page()
    seen = watch(page)
    with page.expect_response(lambda answer: "/hit/" in answer.url) as beacon:
        page.goto(live_server.url + story.get_absolute_url(), wait_until="load")
    assert beacon.value.status == 204
    assert [url for method, url in seen if method == "POST"] == [
        f"{live_server.url}/hit/{story.pk}/"
    ]
    assert all(urlsplit(url).netloc == host for _, url in seen), seen
    assert reads_of(story) == 1
    assert not [cookie for cookie in context.cookies() if cookie["name"] != "sessionid"]

    # The same visit reads the story again: not counted again.
    page.reload(wait_until="load")
    page.goto(live_server.url + "/", wait_until="load")
    page.go_back(wait_until="load")
    page.wait_for_timeout(300)
    assert [method for method, _ in seen].count("POST") == 1
    assert reads_of(story) == 1
    context.close()

    # Another reader visit (a new tab session) counts once more.
    other = browser.new_context(user_agent=READER)
    page = other.new_page()
    with page.expect_response(lambda answer: "/hit/" in answer.url):
        page.goto(live_server.url + story.get_absolute_url(), wait_until="load")
    assert reads_of(story) == 2
    other.close()


def test_a_headless_browser_is_answered_but_not_counted(browser, live_server, story):
    context = browser.new_context()  # headless Chromium's own User-Agent
    page = context.new_page()
    with page.expect_response(lambda answer: "/hit/" in answer.url) as beacon:
        page.goto(live_server.url + story.get_absolute_url(), wait_until="load")
    assert beacon.value.status == 204
    assert reads_of(story) == 0
    context.close()


def test_without_scripts_nothing_is_counted(browser, live_server, story):
    context = browser.new_context(user_agent=READER, java_script_enabled=False)
    page = context.new_page()
    seen = watch(page)
    page.goto(live_server.url + story.get_absolute_url(), wait_until="load")
    assert "POST" not in [method for method, _ in seen]
    assert reads_of(story) == 0
    context.close()


def test_the_box_passes_axe_at_both_widths_and_is_saved(browser, live_server, story):
    from axe_playwright_python.sync_playwright import Axe

    ARTIFACTS.mkdir(exist_ok=True)
    axe = Axe()
    reports = {}
    for name, viewport in WIDTHS.items():
        context = browser.new_context(viewport=viewport, user_agent=READER)
        page = context.new_page()
        for page_name, url in (
            ("most-read-story", story.get_absolute_url()),
            ("most-read-home", "/"),
        ):
            page.goto(live_server.url + url, wait_until="load")
            box = page.locator("section.most-read")
            assert box.locator("li").count() >= 3
            assert box.locator("li").first.inner_text() == "A royal wedding date is set"
            page.screenshot(path=str(ARTIFACTS / f"{page_name}-{name}.png"), full_page=True)
            result = axe.run(page, options={"resultTypes": ["violations"]})
            if result.violations_count:
                reports[f"{page_name} ({name})"] = result.generate_report()
        context.close()
    assert not reports, "\n".join(f"{page}:\n{report}" for page, report in reports.items())


def test_the_box_is_valid_html(client, story, tmp_path):
    java, vnu = java_and_vnu()
    path = tmp_path / "story.html"
    response = client.get(story.get_absolute_url())
    assert '<section class="most-read"' in response.content.decode()
    path.write_bytes(response.content)
    run = subprocess.run(  # noqa: S603 - fixed arguments, our own file
        [java, "-jar", str(vnu), "--errors-only", "--format", "json", str(path)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    messages = json.loads(run.stderr or '{"messages": []}')["messages"]
    assert not [m["message"] for m in messages if m["type"] == "error"], messages
