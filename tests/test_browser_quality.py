"""Quality gates in a real browser: accessibility (axe-core), valid HTML (Nu checker), screenshots.

Home, story, person and tag pages and the admin story form are opened in
Chromium at phone and desktop widths; screenshots go to test-artifacts/ for a
person to look at.
"""

import datetime
import json
import subprocess

import pytest
import reversion
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import timezone
from reversion.models import Version

from articles.models import Article, FrontSlot, Section
from articles.signals import stories_written

from .browser import ARTIFACTS, java_and_vnu, sign_in_cookie
from .factories import make_article, make_person, make_photo, make_relationship, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WIDTHS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 900}}
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


@pytest.fixture
def pages():
    kim = make_person(
        "Kim Kardashian", slug="kim-kardashian", birth_date="1980-10-21",
        known_for="entrepreneur", aliases="Kim K", instagram="kimkardashian",
        bio="Businesswoman and television personality.\n\nFounder of a shapewear label.",
    )  # fmt: skip
    kanye = make_person("Kanye West", slug="kanye-west", birth_date="1977-06-08", aliases="Ye")
    north = make_person("North West", slug="north-west", birth_date="2013-06-15")
    make_relationship(kim, kanye, "spouse", started="2014-05-24", ended="2022-11-29",
                      end_reason="divorce")  # fmt: skip
    make_relationship(kim, north, "parent")
    make_relationship(kanye, north, "parent")
    photo = make_photo(
        [("collage",), ("agency", "IMAGO"), ("screenshot", "", "Instagram", "kimkardashian")],
        caption="Kim Kardashian and Kanye West", alt_text="Kim Kardashian and Kanye West",
    )  # fmt: skip
    author = make_user("reporter", first_name="Jo", last_name="Writer")
    older = [
        make_article(f"Earlier story {n}", people=[kim], tags=["divorce"], standfirst="Before.")
        for n in range(3)
    ]
    story = make_article(
        "Kanye West is very sad about the divorce", people=[kim, kanye], main=kim,
        tags=["divorce", "Kardashians"], photo=photo, authors=[author],
        dateline="Calabasas, California", standfirst="A long estrangement is about to end.",
        body="<p>The couple have lived apart.</p><h2>The children</h2><p>Four of them.</p>",
        related=older[:1],
    )  # fmt: skip
    soon = timezone.now() + datetime.timedelta(hours=2)
    make_article("Kim's next launch", people=[kim], published_at=soon)  # scheduled
    # Sections in the header, the story and its elders in one, the story on the desk's lead.
    stars = Section.objects.create(name="Stars", slug="stars", order=10)
    Section.objects.create(name="Music", slug="music", order=20, description="Songs and tours.")
    Article.objects.filter(pk__in=[story.pk, *(each.pk for each in older)]).update(section=stars)
    stories_written([story.pk, *(each.pk for each in older)])
    FrontSlot.objects.create(place=FrontSlot.LEAD, article=story, headline="Kanye is very sad")
    # Two revisions of the story, for its history and the compare page. Earlier
    # tests flushed the tables: content types are read afresh, not from the cache.
    ContentType.objects.clear_cache()
    for standfirst in (
        "A long estrangement nears its end.",
        "A long estrangement is about to end.",
    ):
        with reversion.create_revision():
            story.standfirst = standfirst
            story.save()
    newer, older = Version.objects.get_for_object(story)[:2]
    return {
        "home": "/",
        "story": story.get_absolute_url(),
        "person": kim.get_absolute_url(),
        "tag": reverse("tag", args=["divorce"]),
        "section": reverse("section", args=["stars"]),
        "empty-section": reverse("section", args=["music"]),
        "search": reverse("search") + "?q=Kanye",
        "people": reverse("people"),
        "author": author.contributor.get_absolute_url(),
        "admin-story": reverse("admin:articles_article_change", args=[story.pk]),
        "admin-home": reverse("admin:index"),
        "admin-author": reverse("admin:articles_contributor_change", args=[author.contributor.pk]),
        "admin-photo-add": reverse("admin:photos_photo_add"),
        "admin-front-page": reverse("admin:articles_frontslot_changelist"),
        "admin-front-slot-add": reverse("admin:articles_frontslot_add"),
        "admin-section-add": reverse("admin:articles_section_add"),
        "admin-history": reverse("admin:articles_article_history", args=[story.pk]),
        "admin-compare": reverse("admin:articles_article_compare", args=[story.pk])
        + f"?old={older.pk}&new={newer.pk}",
        "admin-calendar": reverse("admin:articles_article_calendar")
        + f"?week={timezone.localdate(soon).isoformat()}",
    }


def serve_media(route):
    path = settings.MEDIA_ROOT / route.request.url.split("/media/", 1)[1]
    if path.is_file():
        route.fulfill(path=str(path))
    else:
        route.fulfill(status=404)


def test_axe_finds_nothing_and_screenshots_are_saved(browser, live_server, pages):
    from axe_playwright_python.sync_playwright import Axe

    ARTIFACTS.mkdir(exist_ok=True)
    editor = make_user("desk", is_staff=True, is_superuser=True)
    axe = Axe()
    reports = {}
    for name, viewport in WIDTHS.items():
        context = browser.new_context(viewport=viewport)
        context.add_cookies([sign_in_cookie(live_server.url, editor)])
        context.route("**/media/**", serve_media)
        page = context.new_page()
        for page_name, url in pages.items():
            response = page.goto(live_server.url + url, wait_until="load")
            assert response.status == 200, url
            page.screenshot(path=str(ARTIFACTS / f"{page_name}-{name}.png"), full_page=True)
            # The stock admin misses best-practice rules (one h1 per page): WCAG rules only there.
            options = {"resultTypes": ["violations"]}
            context_ = None
            if page_name.startswith("admin"):
                options["runOnly"] = {"type": "tag", "values": WCAG}
                # The search-as-you-type pickers are the admin's bundled select2, whose
                # markup (an unlabelled search box, spans in a list) we do not own.
                context_ = {"exclude": [[".select2-container"]]}
            result = axe.run(page, context=context_, options=options)
            if result.violations_count:
                reports[f"{page_name} ({name})"] = result.generate_report()
        context.close()
    assert not reports, "\n".join(f"{page}:\n{report}" for page, report in reports.items())
    for page_name in pages:
        for name in WIDTHS:
            assert (ARTIFACTS / f"{page_name}-{name}.png").stat().st_size > 1000


def test_public_pages_are_valid_html(client, pages, tmp_path):
    java, vnu = java_and_vnu()
    files = []
    for page_name, url in pages.items():
        if page_name.startswith("admin"):
            continue
        response = client.get(url)
        assert response.status_code == 200
        path = tmp_path / f"{page_name}.html"
        path.write_bytes(response.content)
        files.append(str(path))
    # One JVM for all pages: starting Java is most of the cost.
    run = subprocess.run(  # noqa: S603 - fixed arguments, our own files
        [java, "-jar", str(vnu), "--errors-only", "--format", "json", *files],
        capture_output=True,
        text=True,
        timeout=120,
    )
    messages = json.loads(run.stderr or '{"messages": []}')["messages"]
    errors = [
        f"{m['url'].rsplit('/', 1)[-1]}:{m.get('lastLine')}: {m['message']}"
        for m in messages
        if m["type"] == "error" or m.get("subType") == "fatal"
    ]
    assert not errors, "\n".join(errors)
    assert run.returncode == 0
