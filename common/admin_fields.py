"""Admin fieldsets that take a model's new fields without being edited.

A model admin declares only the groups whose fields need a place of their
own; every other field a form could edit lands in a last group, so a field
added to the model shows on the desk (and follows the role rules that read
the fieldsets) without a list to keep in step.
"""

from django.contrib.admin.utils import flatten_fieldsets

REST_TITLE = "More"


def form_field_names(model, exclude=()):
    """The fields of ``model`` a model form would edit, in model order, less ``exclude``."""
    opts = model._meta
    names = [
        field.name
        for field in [*opts.concrete_fields, *opts.many_to_many]
        if field.editable and not field.auto_created and field.name not in exclude
    ]
    return sorted(names, key=lambda name: opts.get_field(name).creation_counter)


def with_the_rest(model, declared, exclude=(), title=REST_TITLE):
    """``declared`` fieldsets, then one titled ``title`` with the editable fields they leave out.

    ``exclude`` names the fields edited elsewhere (an inline) or never by hand.
    With nothing left over there is no extra group.
    """
    placed = set(flatten_fieldsets(declared))
    rest = [name for name in form_field_names(model, exclude) if name not in placed]
    return [*declared, (title, {"fields": rest})] if rest else list(declared)
