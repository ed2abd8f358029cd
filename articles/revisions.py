"""What changed in a story, in words: the history's comments and the compare page.

A save's comment names what was changed and the step taken ("Headline and
body changed; published"); the compare page says, field by field, what an
older revision had and what the newer one has, every time on the desk's
clock.
"""

import difflib
import re
from dataclasses import dataclass, field
from datetime import datetime

from django.contrib.auth import get_user_model

from photos.models import Photo

from .body import plain_text
from .models import Article, byline_name, desk_time

# Form fields that are the desk's machinery, not the story.
UNTOLD = {"seen_version", "publish_despite_ages", "status"}

# The inlines of the story form, by formset prefix, as the history names them.
INLINE_NAMES = {
    "bylines": "byline",
    "person_links": "people",
    "tagged_items": "tags",
    "corrections": "corrections",
    "reported_relationships": "relationships",
}


def and_join(words):
    """ "a", "a and b", "a, b and c"."""
    words = list(words)
    if len(words) < 2:
        return "".join(words)
    return f"{', '.join(words[:-1])} and {words[-1]}"


def change_comment(form, formsets, status_change, adding):
    """The history's comment for one save: what changed, then the step, in desk words."""
    changed = [label_of(form, name) for name in form.changed_data if name not in UNTOLD]
    changed += [
        INLINE_NAMES.get(formset.prefix, formset.prefix.replace("_", " "))
        for formset in formsets
        if formset.has_changed()
    ]
    step = status_change.describe() if status_change is not None else ""
    if adding:
        return f"Created; {step}" if step and step != "created as a draft" else "Created as a draft"
    if not changed:
        return step.capitalize() if step else "Saved without changes"
    said = f"{and_join(changed)} changed".capitalize()
    return f"{said}; {step}" if step else said


def label_of(form, name):
    found = form.fields.get(name)
    if found is not None and found.label:
        return str(found.label).lower()
    return name.replace("_", " ")


# Comparing two revisions ------------------------------------------------------


@dataclass
class Change:
    """One field's change: what it was, what it is, and for text which words moved."""

    label: str
    before: str
    after: str
    # For text: (kind, words) runs, kind being "same", "removed" or "added".
    words: list = field(default_factory=list)
    # For the body: (what happened, runs) per paragraph that changed.
    paragraphs: list = field(default_factory=list)


def compare(old, new):
    """The changes from revision data ``old`` to ``new`` (``Version.field_dict``), in form order."""
    changes = []
    for model_field in Article._meta.get_fields():
        if not getattr(model_field, "editable", False) or model_field.auto_created:
            continue
        name = model_field.name
        before, after = old.get(name), new.get(name)
        if before == after:
            continue
        label = str(model_field.verbose_name).capitalize()
        if name == "body":
            changes.append(Change(label, "", "", paragraphs=paragraph_changes(before, after)))
        elif isinstance(before, str) and isinstance(after, str) and name != "status":
            changes.append(Change(label, before, after, words=word_changes(before, after)))
        else:
            changes.append(Change(label, told(model_field, before), told(model_field, after)))
    return changes


def told(model_field, value):
    """A stored value as the desk says it: a time on its clock, a photo by caption, names."""
    if value in (None, "", []):
        return "none"
    if model_field.name == "status":
        return Article.Status(value).label
    if isinstance(value, datetime):
        return desk_time(value)
    if model_field.name == "lead_photo":
        photo = Photo.objects.filter(pk=value).first()
        return f"photo {value}" + (f", “{photo.caption or photo.alt_text}”" if photo else "")
    if model_field.name == "authors":
        users = get_user_model().objects.filter(pk__in=value)
        return and_join(sorted(byline_name(user) for user in users))
    if model_field.name == "related":
        return and_join(
            f"“{headline}”"
            for headline in Article.objects.filter(pk__in=value).values_list("headline", flat=True)
        )
    return str(value)


def word_changes(before, after):
    """The runs of words kept, removed and added from ``before`` to ``after``."""
    old, new = before.split(), after.split()
    runs = []
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            runs.append(("same", " ".join(old[a1:a2])))
            continue
        if a2 > a1:
            runs.append(("removed", " ".join(old[a1:a2])))
        if b2 > b1:
            runs.append(("added", " ".join(new[b1:b2])))
    return runs


def paragraphs(html):
    """The body's paragraphs, headings and list items as plain text."""
    blocks = re.split(r"(?<=</p>)|(?<=</h2>)|(?<=</h3>)|(?<=</li>)|(?<=</blockquote>)", html or "")
    return [text for text in (plain_text(block).strip() for block in blocks) if text]


def paragraph_changes(before, after):
    """("Paragraph 2 changed" / "added" / "removed", word runs) for each changed paragraph."""
    old, new = paragraphs(before), paragraphs(after)
    found = []
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            continue
        pairs = min(a2 - a1, b2 - b1) if op == "replace" else 0
        for offset in range(pairs):
            found.append(
                (
                    f"Paragraph {b1 + offset + 1} changed",
                    word_changes(old[a1 + offset], new[b1 + offset]),
                )
            )
        for index in range(a1 + pairs, a2):
            found.append(
                (f"Paragraph {index + 1} of the older text removed", [("removed", old[index])])
            )
        for index in range(b1 + pairs, b2):
            found.append((f"Paragraph {index + 1} added", [("added", new[index])]))
    return found
