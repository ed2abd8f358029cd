"""The story form keeps unsaved typing in the browser and asks before leaving it (Chromium).

The copy lives in the browser only: typing makes no request. It is offered
back on the next visit, and a copy typed on an older version cannot overwrite
a newer save: the server lays out both instead.
"""

import pytest
from django.test import Client

from articles.models import Article
from articles.roles import EDITOR, REPORTER

from .desk import admin_url, role_user, story_form
from .factories import make_article
from .test_browser import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

KEPT = "#story-draft-status:has-text('kept in this browser')"


def open_story(page, live_server, story):
    page.goto(f"{live_server.url}{admin_url('articles_article_change', story.pk)}")
    page.wait_for_selector(".ProseMirror[contenteditable=true]")


def type_into_body(page, text):
    page.click(".ProseMirror[contenteditable=true]")
    page.keyboard.press("End")
    page.keyboard.insert_text(text)


def test_unsaved_typing_is_kept_without_a_request_and_offered_back(browser, live_server):
    reporter = role_user(REPORTER)
    story = make_article("Kim opens a shop", status="draft", authors=[reporter],
                         body="<p>In May.</p>")  # fmt: skip
    page = log_in(browser, live_server, reporter)
    open_story(page, live_server, story)
    sent = []
    page.on("request", lambda request: sent.append((request.method, request.url)))

    page.fill("#id_headline", "Kim opens her first shop")
    type_into_body(page, " Then a second.")
    page.wait_for_selector(KEPT, timeout=10_000)
    # Nothing is sent to be saved: only the live preview is drawn, which saves nothing.
    assert not [url for method, url in sent if method != "GET" and "/preview/live/" not in url]
    page.close()  # the tab is closed, nothing saved

    again = page.context.new_page()
    open_story(again, live_server, story)
    offer = again.locator(".story-draft-offer")
    assert "never saved" in offer.inner_text()
    assert again.input_value("#id_headline") == "Kim opens a shop"
    offer.locator("button[data-draft=restore]").click()
    assert again.input_value("#id_headline") == "Kim opens her first shop"
    assert "Then a second." in again.inner_text(".ProseMirror[contenteditable=true]")

    again.click(".submit-row button[name=_step][value=save]")
    again.wait_for_selector(".messagelist .success")
    story.refresh_from_db()
    assert story.headline == "Kim opens her first shop"
    assert "Then a second." in story.body
    # Saved: the copy is gone, nothing is offered any more.
    assert (
        again.evaluate("Object.keys(localStorage).filter(k => k.startsWith('newsroom-draft'))")
        == []
    )
    again.reload()
    assert again.locator(".story-draft-offer").count() == 0
    again.context.close()


def test_a_copy_typed_on_an_older_version_never_overwrites_a_newer_save(browser, live_server):
    reporter = role_user(REPORTER)
    story = make_article("Kim opens a shop", status="draft", authors=[reporter])
    page = log_in(browser, live_server, reporter)
    open_story(page, live_server, story)
    page.fill("#id_headline", "The reporter's headline")
    page.wait_for_selector(KEPT, timeout=10_000)
    page.close()
    # Meanwhile an editor saves the story.
    desk = Client()
    desk.force_login(role_user(EDITOR))
    fresh = Article.objects.get(pk=story.pk)
    changed = story_form(fresh, _step="save", headline="The editor's headline")
    assert desk.post(admin_url("articles_article_change", story.pk), changed).status_code == 302

    again = page.context.new_page()
    open_story(again, live_server, story)
    again.click(".story-draft-offer button[data-draft=restore]")
    again.click(".submit-row button[name=_step][value=save]")

    again.wait_for_selector(".story-conflicts")
    assert "The editor's headline" in again.inner_text("#conflict-headline")
    assert Article.objects.get(pk=story.pk).headline == "The editor's headline"
    again.context.close()


def test_leaving_with_unsaved_changes_asks_first(browser, live_server):
    editor = role_user(EDITOR)
    story = make_article("Kim opens a shop", status="draft")
    page = log_in(browser, live_server, editor)
    open_story(page, live_server, story)
    asked = []

    def answer(dialog):
        asked.append(dialog.type)
        dialog.dismiss()

    page.on("dialog", answer)
    # Untouched, the page is left without a question.
    page.click(".breadcrumbs a >> nth=0")
    page.wait_for_url("**/admin/")
    assert asked == []

    open_story(page, live_server, story)
    page.fill("#id_standfirst", "Typed and not saved.")
    page.click(".breadcrumbs a >> nth=0")
    page.wait_for_timeout(500)
    assert asked == ["beforeunload"]
    assert page.input_value("#id_standfirst") == "Typed and not saved."
    page.context.close()


def test_keys_save_and_go_back_to_the_list(browser, live_server):
    editor = role_user(EDITOR)
    story = make_article("Kim opens a shop", status="draft")
    page = log_in(browser, live_server, editor)
    open_story(page, live_server, story)

    page.fill("#id_headline", "Saved with a key")
    page.keyboard.press("Control+s")
    page.wait_for_selector(".messagelist .success")
    assert page.url.endswith(admin_url("articles_article_change", story.pk))
    assert Article.objects.get(pk=story.pk).headline == "Saved with a key"

    page.fill("#id_headline", "Saved, then the list")
    page.keyboard.press("Control+Shift+S")
    page.wait_for_url("**/admin/articles/article/")
    assert Article.objects.get(pk=story.pk).headline == "Saved, then the list"
    page.context.close()
