"""The desk's main path in a real browser (Playwright driving Debian's chromium).

A reporter writes a draft with a teaser and a person and submits it; an
editor previews it, fixes the age the check flags, schedules it, and a reader
sees it once its time has come. The clock is moved forward in the test
process, which the live server shares, rather than waited for.

Screenshots of the editor and of the story page go to test-artifacts/.
"""

import datetime
import re

import pytest
from django.conf import settings
from django.test import Client
from django.utils import timezone

from articles.models import Article
from articles.roles import EDITOR, PHOTO_DESK, REPORTER

from .browser import ARTIFACTS
from .desk import admin_url, role_user, story_form
from .factories import make_article, make_person, make_photo

# Chromium comes from the suite's shared ``browser`` fixture (tests/conftest.py).
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def log_in(browser, live_server, user):
    """A browser page with ``user`` logged in (the session is made here, not typed in)."""
    client = Client()
    client.force_login(user)
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.set_default_timeout(10_000)
    context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )
    return context.new_page()


def pick_person(page, row, name):
    """Choose ``name`` in the people inline's search picker (select2) of ``row``."""
    page.click(f"#person_links-{row} .select2-selection")
    page.keyboard.type(name.split()[0])
    page.wait_for_selector(f".select2-results__option:has-text('{name}')")
    page.keyboard.press("Enter")


def type_body(page, paragraphs):
    editor = page.locator(".ProseMirror[contenteditable=true]")
    editor.click()
    page.keyboard.press("Control+A")
    page.keyboard.press("Delete")
    for index, paragraph in enumerate(paragraphs):
        if index:
            page.keyboard.press("Enter")
        page.keyboard.insert_text(paragraph)


@pytest.fixture
def psalm():
    return make_person("Psalm West", slug="psalm-west", birth_date="2019-05-09")


@pytest.fixture
def target():
    return make_article("Kanye West and Chicago", photo=make_photo())


def test_a_reporter_writes_a_draft_with_a_teaser_and_a_person_and_submits_it(
    browser, live_server, psalm, target
):
    reporter = role_user(REPORTER)
    page = log_in(browser, live_server, reporter)
    page.goto(f"{live_server.url}/admin/articles/article/add/")

    page.fill("#id_headline", "The youngest West turns a page")
    assert "of about 60 characters" in page.inner_text("#id_headline_helptext")
    # One help line for the headline, counting as it is typed.
    assert page.locator(".field-headline .help").count() == 1
    assert "search results show" in page.inner_text(".field-headline")
    type_body(
        page,
        [
            "Their son Psalm West (2) starts school.",
            f"[teaser: {target.slug}]",
            "The family lives in Calabasas.",
        ],
    )
    page.wait_for_function(
        "document.getElementById('desk-text-stats').textContent.startsWith('12 words')"
    )
    pick_person(page, 0, "Psalm West")
    # A reporter's buttons: no way to publish, no status menu.
    steps = page.locator(".submit-row button[name=_step]")
    assert steps.all_inner_texts() == ["Save draft", "Submit for review"]
    assert page.locator("select#id_status").count() == 0
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "editor.png"), full_page=True)
    page.click(".submit-row button[name=_step][value=submit]")
    page.wait_for_selector(".messagelist .success")
    assert "submitted for review" in page.inner_text(".messagelist .success")
    assert page.inner_text(".submit-row .story-stage") == "In review"

    story = Article.objects.get(slug="the-youngest-west-turns-a-page")
    assert story.status == "review"
    assert list(story.authors.all()) == [reporter]
    assert f"[teaser: {target.slug}]" in story.body
    assert "<p>Their son Psalm West (2) starts school.</p>" in story.body
    assert list(story.people.all()) == [psalm]
    page.context.close()


def submitted_story(psalm, target):
    """The reporter's story as it reaches the editor."""
    return make_article(
        "The youngest West turns a page",
        status="review",
        people=[psalm],
        body=f"<p>Their son Psalm West (2) starts school.</p><p>[teaser: {target.slug}]</p>"
        "<p>The family lives in Calabasas.</p>",
    )


def test_an_editor_previews_fixes_the_age_and_schedules(browser, live_server, psalm, target):
    story = submitted_story(psalm, target)
    page = log_in(browser, live_server, role_user(EDITOR))
    page.goto(f"{live_server.url}/admin/articles/article/{story.pk}/change/")

    preview_href = page.get_attribute("text=Preview as readers will see it", "href")
    preview = page.context.new_page()
    preview.goto(live_server.url + preview_href)
    assert "Preview for the desk" in preview.inner_text(".preview-banner")
    assert "Kanye West and Chicago" in preview.inner_text(".inline-teaser")
    preview.close()

    moment = timezone.localtime(timezone.now() + datetime.timedelta(hours=1))
    right_age = psalm.age_on(moment)
    page.fill("#id_published_at_0", moment.strftime("%Y-%m-%d"))
    page.fill("#id_published_at_1", moment.strftime("%H:%M:%S"))
    page.click(".submit-row button[name=_step][value=schedule]")
    warning = page.inner_text("ul.errorlist.nonfield")
    assert "Psalm West" in warning and "Psalm West (2)" in warning
    assert f"they are {right_age}" in warning
    story.refresh_from_db()
    assert story.status == "review"

    type_body(
        page,
        [
            f"Their son Psalm West ({right_age}) starts school.",
            f"[teaser: {target.slug}]",
            "The family lives in Calabasas.",
        ],
    )
    page.click(".submit-row button[name=_step][value=schedule]")
    page.wait_for_selector(".messagelist .success")
    assert page.inner_text(".submit-row .story-stage").startswith("Scheduled for ")
    story.refresh_from_db()
    assert story.is_scheduled
    assert story.published_at == moment.replace(microsecond=0)
    page.goto(f"{live_server.url}/admin/articles/article/")
    row = page.inner_text(f"#result_list tr:has-text('{story.headline}')")
    assert f"scheduled for {moment.day} {moment:%B %Y, %H:%M}" in row
    page.context.close()


def test_a_reader_sees_the_scheduled_story_once_its_time_has_passed(
    browser, live_server, psalm, target, monkeypatch
):
    moment = timezone.now() + datetime.timedelta(hours=1)
    story = submitted_story(psalm, target)
    story.body = story.body.replace("(2)", f"({psalm.age_on(moment)})")
    story.status = "published"
    story.published_at = moment
    story.save()
    reader = browser.new_page()

    assert reader.goto(live_server.url + story.get_absolute_url()).status == 404
    later = moment + datetime.timedelta(minutes=1)
    monkeypatch.setattr(timezone, "now", lambda: later)  # the live server shares this clock
    assert reader.goto(live_server.url + story.get_absolute_url()).status == 200

    body = reader.inner_text(".story__body")
    assert f"Psalm West ({psalm.age_on(moment)}) starts school" in body
    assert reader.get_attribute(".person-mention", "href") == "/people/psalm-west/"
    assert "Kanye West and Chicago" in reader.inner_text(".inline-teaser")
    assert not re.search(r"\[teaser", body)
    ARTIFACTS.mkdir(exist_ok=True)
    reader.screenshot(path=str(ARTIFACTS / "story.png"), full_page=True)
    reader.close()


def test_enter_in_the_headline_saves_the_draft_and_tags_no_one(browser, live_server, psalm):
    """The browser presses the form's first button on Enter: the plain save, not a desk check's."""
    story = make_article("Psalm West starts school", status="draft")
    page = log_in(browser, live_server, role_user(EDITOR))
    page.goto(f"{live_server.url}/admin/articles/article/{story.pk}/change/")
    assert "Save and tag Psalm West" in page.inner_text("#desk-checks")

    page.fill("#id_headline", "Psalm West starts school in Calabasas")
    page.press("#id_headline", "Enter")
    page.wait_for_selector(".messagelist .success")

    story.refresh_from_db()
    assert story.headline == "Psalm West starts school in Calabasas"
    assert story.status == "draft"
    assert not story.people.exists()
    assert "draft saved" in page.inner_text(".messagelist .success")
    page.context.close()


def test_a_stale_save_is_resolved_field_by_field_in_the_browser(browser, live_server):
    from axe_playwright_python.sync_playwright import Axe

    reporter = role_user(REPORTER)
    story = make_article("Kim opens a shop", status="draft", authors=[reporter],
                         standfirst="A first.")  # fmt: skip
    desk = Client()
    desk.force_login(reporter)
    desk.post(admin_url("articles_article_change", story.pk), story_form(story, _step="save"))
    page = log_in(browser, live_server, reporter)
    page.goto(f"{live_server.url}/admin/articles/article/{story.pk}/change/")
    # The form's live preview is drawn before the test writes: its read and a write
    # would meet in the in-memory test database it shares, which refuses one of them.
    preview = page.frame_locator("iframe[name=live-preview]")
    preview.locator(".story__headline:has-text('Kim opens a shop')").wait_for()
    # Meanwhile an editor changes the headline and the standfirst.
    desk.force_login(role_user(EDITOR))
    story = Article.objects.get(pk=story.pk)
    changed = story_form(
        story, _step="save", headline="Kim opens her first shop",
        standfirst="The editor's standfirst.",
    )  # fmt: skip
    assert desk.post(admin_url("articles_article_change", story.pk), changed).status_code == 302

    page.fill("#id_standfirst", "The reporter's standfirst.")
    # The live preview redraws from the typing first, for the same reason.
    preview.locator('.standfirst:has-text("The reporter\'s standfirst.")').wait_for()
    page.click(".submit-row button[name=_step][value=save]")
    page.wait_for_selector(".story-conflicts")
    assert "after you opened it" in page.inner_text("ul.errorlist.nonfield")
    assert page.locator("#conflict-headline input[value=theirs]").is_checked()
    result = Axe().run(
        page,
        context={"exclude": [[".select2-container"]]},
        options={
            "resultTypes": ["violations"],
            "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa"]},
        },
    )
    assert not result.violations_count, result.generate_report()

    assert "changed by you both" in page.inner_text("#conflict-standfirst")
    page.check("#conflict-standfirst input[value=mine]")
    page.click(".submit-row button[name=_step][value=save]")
    page.wait_for_selector(".messagelist .success")

    story.refresh_from_db()
    assert story.headline == "Kim opens her first shop"
    assert story.standfirst == "The reporter's standfirst."
    page.context.close()


def test_an_editor_moves_a_scheduled_story_on_the_calendar(browser, live_server):
    soon = timezone.now() + datetime.timedelta(hours=3)
    story = make_article("Kim's next launch", published_at=soon)
    page = log_in(browser, live_server, role_user(EDITOR))
    page.goto(f"{live_server.url}/admin/articles/article/")
    page.click("text=Calendar")
    page.goto(f"{live_server.url}/admin/articles/article/calendar/?week={timezone.localdate(soon)}")
    later = timezone.localtime(soon + datetime.timedelta(days=2)).replace(second=0, microsecond=0)

    page.fill(f"#move-{story.pk}", later.strftime("%Y-%m-%dT%H:%M"))
    page.click(f"#move-{story.pk} ~ button")
    page.wait_for_selector(".messagelist .success")

    assert "is now scheduled for" in page.inner_text(".messagelist .success")
    story.refresh_from_db()
    assert story.published_at == later
    day = page.locator(f"#day-{later.date().isoformat()}").locator("xpath=..")
    assert "Kim's next launch" in day.inner_text()
    page.context.close()


def test_the_search_and_card_preview_follow_the_typing(browser, live_server):
    story = make_article("Kim opens a shop", status="draft", standfirst="In May.")
    page = log_in(browser, live_server, role_user(EDITOR))
    page.goto(f"{live_server.url}/admin/articles/article/{story.pk}/change/")
    assert page.inner_text("[data-preview=search-title]") == "Kim opens a shop"

    page.fill("#id_seo_title", "Kim Kardashian opens her first shop in Calabasas, California, USA")
    page.fill("#id_social_headline", "Kim's new shop")
    page.fill("#id_standfirst", "The doors open on Saturday.")

    assert page.inner_text("[data-preview=search-title]") == (
        "Kim Kardashian opens her first shop in Calabasas, Californi…"
    )
    assert page.inner_text(".search-preview__card [data-preview=social-title]") == "Kim's new shop"
    assert page.inner_text(".search-preview__card [data-preview=description]") == (
        "The doors open on Saturday."
    )
    assert "65 characters: search results cut it after about 60" in page.inner_text(
        ".field-seo_title"
    )
    # The field's own help stays beside the count.
    assert "if not the headline" in page.inner_text(".field-seo_title")
    page.context.close()


def test_a_chosen_photo_is_read_shown_and_kept_before_its_first_save(browser, live_server):
    from pathlib import Path

    from photos.models import CreditSource, Photo

    CreditSource.objects.create(kind="agency", name="Credit Line (ref2017.1)")
    reference = Path(__file__).parent / "fixtures" / "IPTC-PhotometadataRef-Std2017.1.jpg"
    page = log_in(browser, live_server, role_user(PHOTO_DESK))
    page.goto(f"{live_server.url}/admin/photos/photo/add/")

    page.set_input_files("#id_image", str(reference))
    # Shown at once, and read: the caption and the credits are in the form.
    page.wait_for_selector(".focal-point--active img")
    page.wait_for_selector("#photo-file-read:has-text('Read from the file')")
    assert page.input_value("#id_caption") == "The description aka caption (ref2017.1)"
    assert page.input_value("#id_credits-0-role") == "agency"
    assert "Credit Line (ref2017.1)" in page.inner_text("#credits-0")
    assert "Read from the file" in page.inner_text("#photo-file-read")
    page.locator(".focal-point img").evaluate("image => image.decode()")  # its size is known
    box = page.locator(".focal-point img").bounding_box()
    position = {"x": box["width"] * 0.25, "y": box["height"] * 0.75}
    page.locator(".focal-point img").click(position=position)
    focal = int(page.input_value("#id_focal_x")), int(page.input_value("#id_focal_y"))
    assert abs(focal[0] - 25) <= 1 and abs(focal[1] - 75) <= 1

    # Saved without alt text: refused, and the file is still there, shown from the held copy.
    page.click("input[name=_save]")
    page.wait_for_selector(".errornote")
    assert "Kept from your upload" in page.inner_text(".field-image")
    page.wait_for_selector(".focal-point--active img")
    assert page.locator(".focal-point img").evaluate("image => image.naturalWidth") > 0

    page.fill("#id_alt_text", "The IPTC reference picture")
    page.click("input[name=_save]")
    page.wait_for_selector(".messagelist .success")
    photo = Photo.objects.get()
    assert (photo.focal_x, photo.focal_y) == focal
    assert photo.credit_line.startswith("© Credit Line (ref2017.1)")
    page.context.close()


def test_the_live_preview_follows_the_typing_at_phone_and_desktop_widths(browser, live_server):
    story = make_article("Kim opens a shop", status="draft", body="<p>In May.</p>")
    page = log_in(browser, live_server, role_user(EDITOR))
    page.goto(f"{live_server.url}/admin/articles/article/{story.pk}/change/")
    preview = page.frame_locator("iframe[name=live-preview]")
    assert preview.locator("h1").inner_text() == "Kim opens a shop"

    page.fill("#id_headline", "Kim opens her first shop")
    page.click(".ProseMirror[contenteditable=true]")
    page.keyboard.press("End")
    page.keyboard.insert_text(" And a second in June.")
    preview.locator("h1:has-text('Kim opens her first shop')").wait_for()
    preview.locator(".story__body:has-text('And a second in June.')").wait_for()
    assert page.locator("iframe[name=live-preview]").evaluate("f => f.style.width") == "390px"

    page.click(".live-preview [data-width='1280']")
    assert page.locator("iframe[name=live-preview]").evaluate("f => f.style.width") == "1280px"
    # Nothing was saved by any of it.
    story.refresh_from_db()
    assert story.headline == "Kim opens a shop" and "June" not in story.body
    page.context.close()


def test_a_teaser_is_picked_from_a_story_search(browser, live_server, target):
    story = make_article("Psalm West starts school", status="draft", body="<p>First day.</p>")
    page = log_in(browser, live_server, role_user(EDITOR))
    page.goto(f"{live_server.url}/admin/articles/article/{story.pk}/change/")
    page.click(".ProseMirror[contenteditable=true]")
    page.keyboard.press("End")

    page.fill("#teaser-search", "Chicago")
    page.click(f".teaser-picker__choice[data-slug='{target.slug}']")
    page.click(".submit-row button[name=_step][value=save]")
    page.wait_for_selector(".messagelist .success")

    story.refresh_from_db()
    assert f"<p>[teaser: {target.slug}]</p>" in story.body
    assert "<p>First day.</p>" in story.body
    page.context.close()
