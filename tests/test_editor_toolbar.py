"""The body editor's toolbar offers only what the server keeps.

The toolbar and the cleaner's allow-list come from one definition
(articles.sanitize.EDITOR_EXTENSIONS): headings 2 to 4, links without a
"new window" option. Everything the toolbar makes survives the save; a heading
of another level, from a paste or an import, becomes the nearest allowed one.
"""

import html
import json
import re
from collections import Counter
from html.parser import HTMLParser

import pytest

from articles.models import Article
from articles.roles import EDITOR
from articles.sanitize import clean_body

from .desk import admin_url, new_story_form, role_user
from .factories import make_article

pytestmark = pytest.mark.django_db

# What each toolbar extension puts in the body, as the editor writes it.
EDITOR_OUTPUT = {
    "Paragraph": "<p>Words [teaser: another-story]</p>",
    "Bold": "<p><strong>bold</strong></p>",
    "Italic": "<p><em>italic</em></p>",
    "Underline": "<p><u>underlined</u></p>",
    "Strike": "<p><s>struck</s></p>",
    "Subscript": "<p>CO<sub>2</sub></p>",
    "Superscript": "<p>1<sup>st</sup></p>",
    "Link": '<p><a href="https://example.com/a" title="A title">link</a></p>',
    "Heading": "<h2>Two</h2><h3>Three</h3><h4>Four</h4>",
    "BulletList": "<ul><li><p>bullet</p></li></ul>",
    "OrderedList": '<ol data-type="lower-alpha" start="3" type="a"><li><p>third</p></li></ol>',
    "ListItem": "<ul><li><p>item</p></li></ul>",
    "Blockquote": "<blockquote><p>quoted</p></blockquote>",
    "HardBreak": "<p>line one<br>line two</p>",
    "HorizontalRule": "<hr>",
}
# Extensions that put no markup of their own in the body.
NO_MARKUP = {"Document", "Text", "Dropcursor", "Gapcursor", "Menu", "NoSpellCheck", "History"}


def editor_config(page):
    """The configuration the story form hands the body's editor."""
    match = re.search(r'data-django-prose-editor-([a-z]+)="([^"]*)"', page)
    assert match, "the body has no prose editor"
    return match[1], json.loads(html.unescape(match[2]))


@pytest.fixture
def desk_page(client):
    client.force_login(role_user(EDITOR))
    return client.get(admin_url("articles_article_add")).content.decode()


def test_the_toolbar_offers_headings_2_to_4_and_links_without_a_new_window(desk_page):
    preset, config = editor_config(desk_page)

    # The default preset ignores the extensions and offers h1 to h5 and link targets.
    assert preset == "configurable"
    extensions = config["extensions"]
    assert extensions["Heading"] == {"levels": [2, 3, 4]}
    assert extensions["Link"]["enableTarget"] is False
    assert "HTML" not in extensions  # no raw-HTML box to type what the cleaner drops


def test_everything_the_toolbar_makes_survives_the_clean(desk_page):
    _, config = editor_config(desk_page)
    offered = set(config["extensions"]) - NO_MARKUP

    assert offered == set(EDITOR_OUTPUT), "each toolbar extension needs its sample here"
    for extension, made in EDITOR_OUTPUT.items():
        kept = clean_body(made).replace(' rel="noopener noreferrer"', "")
        assert kept == made, extension


def test_saved_headings_of_other_levels_become_the_nearest_allowed_one(client):
    client.force_login(role_user(EDITOR))
    pasted = (
        "<h1>Top</h1><p>Text.</p><h5>Five</h5><H6 class='x'>Six</H6>"
        '<p><a href="https://example.com/" target="_blank">out</a></p>'
    )

    response = client.post(admin_url("articles_article_add"), new_story_form(body=pasted))

    assert response.status_code == 302
    body = Article.objects.get().body
    assert body == (
        "<h2>Top</h2><p>Text.</p><h4>Five</h4><h4>Six</h4>"
        '<p><a href="https://example.com/" rel="noopener noreferrer">out</a></p>'
    )


class Elements(HTMLParser):
    """Each element in some markup, with the names of its attributes."""

    def __init__(self, markup):
        super().__init__()
        self.found = Counter()
        self.feed(markup)

    def handle_starttag(self, tag, attrs):
        # The server sets every link's rel itself.
        self.found[tag, tuple(sorted(name for name, _ in attrs if name != "rel"))] += 1


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_each_toolbar_item_typed_in_the_browser_survives_the_save(browser, live_server):
    from .test_browser import log_in

    story = make_article("Toolbar check", status="draft", body="<p></p>")
    page = log_in(browser, live_server, role_user(EDITOR))
    page.goto(f"{live_server.url}/admin/articles/article/{story.pk}/change/")
    editor = page.locator(".ProseMirror[contenteditable=true]")
    editor.click()
    focused = page.locator(".ProseMirror:focus")

    def button(name):
        return page.locator(f".prose-menubar [data-name='{name}']")

    def use(name):
        button(name).click()
        # Keys reach the text only once the editor has the focus back.
        focused.wait_for()

    def block(name, text):
        page.keyboard.insert_text(text)
        page.click(".prose-menubar__selected")  # opens the block-type menu
        use(name)
        page.keyboard.press("End")
        page.keyboard.press("Enter")

    def mark(name, text):
        use(name)  # on, for what is typed next
        page.keyboard.insert_text(text)
        use(name)  # and off again
        page.keyboard.press("Enter")

    assert button("heading1").count() == 0 and button("heading5").count() == 0
    for name, text in [("heading2", "Two"), ("heading3", "Three"), ("heading4", "Four")]:
        block(name, text)
    for name in ["bold", "italic", "underline", "strike", "subscript", "superscript"]:
        mark(name, f"{name} words")

    for name in ["bulletList", "orderedList", "blockquote"]:
        use(name)
        page.keyboard.insert_text(f"{name} words")
        if name == "orderedList":
            button("orderedListProperties").click()  # a dialog
            page.fill("dialog[open] input[name=start]", "3")
            page.select_option("dialog[open] select[name=listType]", "a, b, c, ...")
            page.click("dialog[open] button[type=submit]")
            focused.wait_for()
        page.keyboard.press("Enter")
        page.keyboard.press("Enter")  # an empty line leaves the list or quote
    page.keyboard.insert_text("line one")
    page.keyboard.press("Shift+Enter")
    page.keyboard.insert_text("line two")
    use("horizontalRule")
    page.keyboard.insert_text("The end.")

    # The link comes last: after Update the editor gives itself the focus
    # back on the next animation frame and selects the link's text again, so
    # a key typed after it could replace the link. Nothing is typed after it.
    page.keyboard.press("Enter")
    page.keyboard.insert_text("a link")
    page.keyboard.press("Shift+Home")
    # The editor takes up a selection made by keys a moment later (on the
    # browser's selectionchange); the link button is enabled once it has.
    page.wait_for_function("window.getSelection().toString() === 'a link'")
    page.locator(".prose-menubar [data-name='link']:not(.disabled)").wait_for()
    button("link").click()
    dialog = page.locator("dialog[open]")
    assert "new window" not in dialog.inner_text().lower()
    assert dialog.locator("input[type=checkbox]").count() == 0
    dialog.locator("input[name=href]").fill("https://example.com/story")
    dialog.locator("input[name=title]").fill("The story")
    dialog.locator("button[type=submit]").click()
    editor.locator("a[href='https://example.com/story']").wait_for()
    # The form's hidden field follows the editor on its next update.
    page.wait_for_function(
        "document.querySelector('#id_body').value.includes('https://example.com/story')"
    )

    sent = page.input_value("#id_body")
    page.click(".submit-row button[name=_step][value=save]")
    page.wait_for_selector(".messagelist .success")

    body = Article.objects.get(pk=story.pk).body
    assert Elements(body).found == Elements(sent).found  # nothing the editor made was lost
    for kept in [
        "<h2>Two</h2>",
        "<h3>Three</h3>",
        "<h4>Four</h4>",
        "<strong>bold words</strong>",
        "<em>italic words</em>",
        "<u>underline words</u>",
        "<s>strike words</s>",
        "<sub>subscript words</sub>",
        "<sup>superscript words</sup>",
        '<a href="https://example.com/story" title="The story" rel="noopener noreferrer">'
        "a link</a>",
        "<ul><li><p>bulletList words</p></li></ul>",
        '<ol data-type="lower-alpha" start="3" type="a"><li><p>orderedList words</p></li></ol>',
        "<blockquote><p>blockquote words</p></blockquote>",
        "line one<br>line two",
        "<hr>",
        "The end.",
    ]:
        assert kept in body, (kept, body[:3000])
    assert "target" not in body and "<h1" not in body and "<h5" not in body
    page.context.close()
