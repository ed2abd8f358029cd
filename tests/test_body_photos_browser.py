"""Photos in the story body, in Chromium: picked from a library search, uploaded by dropping a
file on the text, each placed as ``[photo: id]``; axe finds nothing with the picker and the
upload dialog open, under the story form's strict Content Security Policy."""

import base64
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import Group

from articles.models import Article
from articles.roles import EDITOR, PHOTO_DESK
from photos.models import CreditSource, Photo

from .desk import admin_url, role_user
from .factories import make_article, make_image_file, make_photo
from .test_browser import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

REFERENCE = Path(__file__).parent / "fixtures" / "IPTC-PhotometadataRef-Std2017.1.jpg"
AXE_OPTIONS = {
    "resultTypes": ["violations"],
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa"]},
}

DROP = """(editor, data) => {
  const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
  const file = new File([bytes], "reference.jpg", { type: "image/jpeg" });
  const transfer = new DataTransfer();
  transfer.items.add(file);
  const box = editor.getBoundingClientRect();
  const drop = new DragEvent("drop", {
    dataTransfer: transfer, bubbles: true, cancelable: true,
    clientX: box.left + 10, clientY: box.bottom - 10,
  });
  editor.dispatchEvent(drop);
  return drop.defaultPrevented;
}"""


def serve_media(route):
    """Media from the test's MEDIA_ROOT: Django does not serve it in the tests."""
    path = Path(settings.MEDIA_ROOT) / route.request.url.split("/media/", 1)[1]
    if path.is_file():
        route.fulfill(path=str(path))
    else:
        route.fulfill(status=404)


def open_story(browser, live_server, user, story):
    page = log_in(browser, live_server, user)
    page.context.route("**/media/**", serve_media)
    page.goto(f"{live_server.url}{admin_url('articles_article_change', story.pk)}")
    page.wait_for_selector(".ProseMirror[contenteditable=true]")
    return page


def no_axe_violations(page):
    from axe_playwright_python.sync_playwright import Axe

    result = Axe().run(page, context={"exclude": [[".select2-container"]]}, options=AXE_OPTIONS)
    assert not result.violations_count, result.generate_report()


def editor_text(page):
    return page.inner_text(".ProseMirror[contenteditable=true]")


def body_value(page):
    return page.locator("#id_body").evaluate("body => body.value")


@pytest.fixture
def picture_editor(db):
    """An editor on the photo desk too: may write stories and upload photos."""
    user = role_user(EDITOR, "picture-editor")
    user.groups.add(Group.objects.get(name=PHOTO_DESK))
    return user


def test_a_photo_is_found_picked_and_placed_and_shown_in_the_live_preview(browser, live_server):
    photo = make_photo(
        [("agency", "IMAGO"), ("photographer", "Jane Doe")],
        caption="Kim on the Met steps",
        alt_text="Kim in a white gown on the steps",
        restrictions="Editorial use only",
        image=make_image_file(size=(800, 600)),
    )
    story = make_article("Kim at the Met", status="draft", body="<p>First day.</p>")
    page = open_story(browser, live_server, role_user(EDITOR), story)
    page.click(".ProseMirror[contenteditable=true]")
    page.keyboard.press("End")

    page.fill("#photo-search", "Met steps")
    choice = page.wait_for_selector(f".photo-picker__choice[data-photo-id='{photo.pk}']")
    result = page.locator(".photo-picker__result").first
    assert "Kim on the Met steps" in result.inner_text()
    assert "© IMAGO / Jane Doe" in result.inner_text()
    assert "Rights: usage restrictions: Editorial use only." in result.inner_text()
    # The thumbnail, a rendition at the site's own address, loads under the policy.
    thumbnail = result.locator("img.photo-picker__thumbnail")
    assert thumbnail.evaluate("image => image.decode().then(() => image.naturalWidth)") > 0
    assert thumbnail.get_attribute("alt") == "Kim in a white gown on the steps"
    no_axe_violations(page)

    choice.click()
    assert f"[photo: {photo.pk}]" in editor_text(page)
    assert page.inner_text(".photo-picker__status") == f"Placed [photo: {photo.pk}] in the text."
    preview = page.frame_locator("iframe[name=live-preview]")
    preview.locator(".story__body figure.photo:has-text('Kim on the Met steps')").wait_for()
    page.click(".submit-row button[name=_step][value=save]")
    page.wait_for_selector(".messagelist .success")
    story.refresh_from_db()
    assert f"<p>[photo: {photo.pk}]</p>" in story.body and "<p>First day.</p>" in story.body
    page.context.close()


def test_an_image_dropped_on_the_text_is_uploaded_through_the_photo_checks_and_placed(
    browser, live_server, picture_editor
):
    CreditSource.objects.create(kind="agency", name="Credit Line (ref2017.1)")
    CreditSource.objects.create(kind="agency", name="Getty Images")
    story = make_article("Kim at the Met", status="draft", body="<p>First day.</p>")
    page = open_story(browser, live_server, picture_editor, story)

    dropped = page.locator(".ProseMirror[contenteditable=true]").evaluate(
        DROP, base64.b64encode(REFERENCE.read_bytes()).decode()
    )

    assert dropped  # the editor never took the file itself
    page.wait_for_selector("dialog.photo-upload[open]")
    page.wait_for_selector(".photo-upload__read:has-text('Read from the file')")
    assert page.input_value("#id_photo-upload-caption") == (
        "The description aka caption (ref2017.1)"
    )
    assert "Credit Line (ref2017.1)" in page.inner_text(".photo-upload__chosen")
    # The chosen file is shown from the browser's copy (a blob: address the policy allows).
    preview = page.locator(".photo-upload__preview")
    assert preview.get_attribute("src").startswith("blob:")
    assert preview.evaluate("image => image.decode().then(() => image.naturalWidth)") > 0
    no_axe_violations(page)

    # Without alt text the server refuses it, says why by the field, and stores nothing.
    page.click("dialog.photo-upload button[type=submit]")
    page.wait_for_selector("[data-errors-for=alt_text]:not([hidden]) li")
    assert page.inner_text("[data-errors-for=alt_text]") == (
        "Describe the photo for readers who cannot see it."
    )
    assert page.get_attribute("#id_photo-upload-alt_text", "aria-invalid") == "true"
    assert not Photo.objects.exists()

    page.fill("#id_photo-upload-alt_text", "The IPTC reference picture")
    # A credit the file does not name, found among the desk's sources.
    page.fill("#photo-upload-source-search", "getty")
    page.click(".photo-upload__source:has-text('Getty Images (agency)')")
    assert "Getty Images (agency)" in page.inner_text(".photo-upload__chosen")
    page.click("dialog.photo-upload button[type=submit]")
    page.wait_for_selector("dialog.photo-upload", state="hidden")
    photo = Photo.objects.get()
    # The sources chosen, then the names from the file made sources, in its order.
    assert photo.credit_line == (
        "© Credit Line (ref2017.1), Getty Images / Source (ref2017.1) / Creator1 (ref2017.1) "
        "/ Creator2 (ref2017.1)"
    )
    assert f"[photo: {photo.pk}]" in editor_text(page)
    assert "data:" not in body_value(page)

    page.click(".submit-row button[name=_step][value=save]")
    page.wait_for_selector(".messagelist .success")
    story = Article.objects.get(pk=story.pk)
    assert f"<p>[photo: {photo.pk}]</p>" in story.body and "data:" not in story.body
    page.context.close()


def test_a_pasted_image_opens_the_upload_and_a_writer_without_photo_rights_is_told(
    browser, live_server, picture_editor
):
    story = make_article("Kim at the Met", status="draft", body="<p>First day.</p>")
    paste = DROP.replace(
        'new DragEvent("drop", {\n    dataTransfer',
        'new ClipboardEvent("paste", {\n    clipboardData',
    )
    page = open_story(browser, live_server, picture_editor, story)
    data = base64.b64encode(REFERENCE.read_bytes()).decode()
    assert page.locator(".ProseMirror[contenteditable=true]").evaluate(paste, data)
    page.wait_for_selector("dialog.photo-upload[open]")
    page.click(".photo-upload__cancel")
    page.wait_for_selector("dialog.photo-upload", state="hidden")
    page.context.close()

    page = open_story(browser, live_server, role_user(EDITOR), story)
    assert page.locator(".photo-picker__upload-button").count() == 0
    assert page.locator(".ProseMirror[contenteditable=true]").evaluate(DROP, data)
    assert "Only the photo desk may upload photos" in page.inner_text(".photo-picker__status")
    assert "[photo" not in editor_text(page) and "data:" not in body_value(page)
    assert page.locator("dialog.photo-upload").count() == 0
    page.context.close()


def test_the_lead_photo_is_chosen_from_the_same_thumbnails(browser, live_server):
    photo = make_photo(
        [("agency", "IMAGO")],
        caption="Kim at the gala",
        alt_text="Kim in red",
        image=make_image_file(size=(800, 600)),
    )
    story = make_article("Kim at the Met", status="draft", body="<p>First day.</p>")
    page = open_story(browser, live_server, role_user(EDITOR), story)
    page.fill("#photo-search", "gala")
    page.wait_for_selector(".photo-picker__lead")
    page.click(".photo-picker__lead")
    assert page.inner_text(".photo-picker__status") == f"Photo {photo.pk} is now the lead photo."
    assert "Kim at the gala" in page.inner_text(".field-lead_photo .select2-selection")
    page.click(".submit-row button[name=_step][value=save]")
    page.wait_for_selector(".messagelist .success")
    story.refresh_from_db()
    assert story.lead_photo_id == photo.pk
    assert "[photo:" not in story.body  # choosing a lead photo places nothing in the text
    page.context.close()
