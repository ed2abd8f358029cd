"""The story body's editor and the allow-list the body is cleaned to before it is stored.

Both come from EDITOR_EXTENSIONS: the editor's toolbar offers those extensions
and the cleaner keeps the tags and attributes they produce (prose-editor's own
``allowlist_from_extensions``), so nothing typed with the toolbar is lost on
save. Whatever an editor pastes (from Word, a browser, another CMS), only these
tags and attributes survive; scripts, styles and event handlers never do.
"""

import functools
import re

import nh3
from django_prose_editor.config import allowlist_from_extensions

HEADING_LEVELS = [2, 3, 4]  # h1 is the headline; deeper levels are not the desk's style
URL_SCHEMES = {"http", "https", "mailto"}

EDITOR_EXTENSIONS = {
    "Bold": True,
    "Italic": True,
    "Underline": True,
    "Strike": True,
    "Subscript": True,
    "Superscript": True,
    "Link": {"enableTarget": False, "protocols": sorted(URL_SCHEMES)},
    "Heading": {"levels": HEADING_LEVELS},
    "BulletList": True,
    "OrderedList": True,
    "ListItem": True,
    "Blockquote": True,
    "HardBreak": True,
    "HorizontalRule": True,
}

# Not on the toolbar, kept when pasted or imported: Word's and browsers' bold and
# italics, quotations, abbreviations and figures with captions.
EXTRA_TAGS = {"b", "i", "q", "cite", "figure", "figcaption", "abbr"}
EXTRA_ATTRIBUTES = {"abbr": {"title"}, "q": {"cite"}, "blockquote": {"cite"}}


@functools.cache
def allow_list():
    """The tags and attributes the cleaner keeps: the editor's, and the extras."""
    editor = allowlist_from_extensions(EDITOR_EXTENSIONS)
    tags = frozenset(editor["tags"] | EXTRA_TAGS)
    attributes = {tag: set(names) for tag, names in editor["attributes"].items()}
    for tag, names in EXTRA_ATTRIBUTES.items():
        attributes.setdefault(tag, set()).update(names)
    # The server sets every link's rel itself (link_rel below); nh3 refuses both.
    attributes["a"].discard("rel")
    return tags, attributes


def _heading_level(level):
    """The allowed level nearest to ``level``: an h1 becomes an h2, an h6 an h4."""
    return min(HEADING_LEVELS, key=lambda allowed: (abs(allowed - level), allowed))


_HEADING_TAG = re.compile(r"<(/?)h([1-6])(?=[\s/>])", re.IGNORECASE)


def _allowed_headings(html):
    # A heading the desk does not use keeps its place as a heading, not as bare text.
    return _HEADING_TAG.sub(lambda m: f"<{m[1]}h{_heading_level(int(m[2]))}", html)


def clean_body(html):
    tags, attributes = allow_list()
    return nh3.clean(
        _allowed_headings(html or ""),
        tags=set(tags),
        attributes=attributes,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer",
        strip_comments=True,
    ).strip()
