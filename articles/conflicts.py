"""Two people saving one story: what each changed, field by field, and which to keep.

A save over a version its author never saw is refused (``StoryForm``). The
refusal then lays out, for each field the other person changed, their text
beside the typed one; the author takes either and saves again. Fields only
one of them changed need no choice: the other's change is kept with the typed
text, so a second save never undoes work silently.
"""

from dataclasses import dataclass

from reversion.models import Version

from .models import Article
from .revisions import paragraphs, told, word_changes

#: What the author posts for each field: their own text, or the saved one.
MINE, THEIRS = "mine", "theirs"


@dataclass
class Conflict:
    """One field the other person changed, as they saved it and as it was typed."""

    name: str
    label: str
    theirs: str
    mine: str
    # Both changed it: the author must choose. Otherwise theirs is taken.
    needs_choice: bool
    # For text: the words that differ from theirs to mine.
    words: list


def stored(story, name):
    """A field's value on a saved story, as the form cleans it (ids for links)."""
    field = Article._meta.get_field(name)
    if field.many_to_many:
        return sorted(obj.pk for obj in getattr(story, name).all())
    if field.is_relation:
        return getattr(story, field.attname)
    return getattr(story, name)


def as_cleaned(story, name):
    """A saved field's value as the form's cleaned data carries it (objects for links)."""
    field = Article._meta.get_field(name)
    if field.many_to_many:
        return list(getattr(story, name).all())
    return getattr(story, name)


def typed(cleaned, name):
    value = cleaned.get(name)
    field = Article._meta.get_field(name)
    if field.many_to_many:
        return sorted(obj.pk for obj in value or [])
    if field.is_relation:
        return value.pk if value is not None else None
    return value


def opened_version(story_pk, version):
    """The revision data of the version the author opened, if one was kept."""
    for kept in Version.objects.get_for_object_reference(Article, story_pk).iterator():
        if kept.field_dict.get("version") == version:
            return kept.field_dict
    return None


def find(form, saved, seen_version):
    """The conflicts between the typed form and the story as ``saved`` since ``seen_version``."""
    base = opened_version(saved.pk, seen_version) if seen_version else None
    model_fields = {field.name: field for field in Article._meta.get_fields()}
    found = []
    for name, form_field in form.fields.items():
        model_field = model_fields.get(name)
        if model_field is None or name == "status" or name not in form.cleaned_data:
            continue
        theirs, mine = stored(saved, name), typed(form.cleaned_data, name)
        if theirs == mine:
            continue
        if base is None:
            needs_choice = True  # no revision of what was opened: both may have changed it
        else:
            was = base.get(name)
            if model_field.many_to_many:
                was = sorted(was or [])
            if theirs == was:
                continue  # only the author changed it: the typed value stands
            needs_choice = mine != was
        found.append(conflict(name, form_field, model_field, theirs, mine, needs_choice))
    return found


def conflict(name, form_field, model_field, theirs, mine, needs_choice):
    label = str(form_field.label or name).capitalize()
    if isinstance(theirs, str) and isinstance(mine, str):
        if name == "body":
            theirs, mine = "\n".join(paragraphs(theirs)), "\n".join(paragraphs(mine))
        words = word_changes(theirs, mine)
        return Conflict(name, label, theirs, mine, needs_choice, words)
    return Conflict(
        name, label, told(model_field, theirs), told(model_field, mine), needs_choice, []
    )
