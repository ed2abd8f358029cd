"""Bylines in Chromium: an editor puts a guest writer on the byline, a reader opens their page."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from articles.models import Contributor
from articles.roles import EDITOR

from .desk import role_user
from .factories import make_article
from .test_browser import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

AXE_OPTIONS = {
    "resultTypes": ["violations"],
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa"]},
}


def test_an_editor_puts_a_guest_on_the_byline_and_a_reader_opens_their_page(browser, live_server):
    editor = role_user(EDITOR)
    editor.first_name, editor.last_name = "Rosa", "Blum"
    editor.save()
    Contributor.objects.create(
        name="Mara Lind", slug="mara-lind", bio="Mara Lind covers fashion weeks for the desk."
    )
    story = make_article("Kim opens a shop", authors=[editor])
    page = log_in(browser, live_server, editor)
    page.goto(f"{live_server.url}/admin/articles/article/{story.pk}/change/")

    # The byline lists the editor; a second row takes the guest, put first.
    assert page.locator("#bylines-0 .select2-selection").inner_text().strip() == "Rosa Blum"
    page.click("#bylines-1 .select2-selection")
    page.keyboard.type("mara")
    page.wait_for_selector(".select2-results__option:has-text('Mara Lind')")
    page.keyboard.press("Enter")
    page.fill("#id_bylines-0-order", "1")
    page.fill("#id_bylines-1-order", "0")
    result = Axe().run(page, context={"exclude": [[".select2-container"]]}, options=AXE_OPTIONS)
    assert not result.violations_count, result.generate_report()
    page.click(".submit-row button[name=_step][value=save]")
    page.wait_for_selector(".messagelist .success")

    page.goto(f"{live_server.url}{story.get_absolute_url()}")
    assert page.inner_text(".byline") == "By Mara Lind and Rosa Blum"
    page.click(".byline a:has-text('Mara Lind')")
    page.wait_for_selector("h1:has-text('Mara Lind')")
    assert page.url == f"{live_server.url}/authors/mara-lind/"
    assert "Kim opens a shop" in page.inner_text(".person-stories")
    result = Axe().run(page, options=AXE_OPTIONS)
    assert not result.violations_count, result.generate_report()
