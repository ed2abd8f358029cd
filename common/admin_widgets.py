"""Admin widgets that screen readers can name."""

from django.contrib.admin import widgets
from django.db import models
from django.forms.formsets import DELETION_FIELD_NAME
from django.utils.text import capfirst


class LabelledSplitDateTime(widgets.AdminSplitDateTime):
    """The admin's date and time boxes, each named ("published at: date").

    The stock widget prints "Date:" and "Time:" as bare text, which assistive
    technology does not tie to the boxes.
    """

    def __init__(self, attrs=None, label="", **kwargs):
        super().__init__(attrs, **kwargs)
        prefix = f"{label}: " if label else ""
        self.widgets[0].attrs["aria-label"] = f"{prefix}date"
        self.widgets[1].attrs["aria-label"] = f"{prefix}time"


class LabelledDateTimeMixin:
    """For ModelAdmins: every date-and-time field gets ``LabelledSplitDateTime``."""

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if isinstance(db_field, models.DateTimeField) and db_field.editable:
            kwargs["widget"] = LabelledSplitDateTime(label=str(db_field.verbose_name))
        return super().formfield_for_dbfield(db_field, request, **kwargs)


class LabelledCellsMixin:
    """For tabular inlines: each box is named after its column, plus the row's number.

    A table cell's box has no <label> of its own: the column heading names it
    for sighted users only.
    """

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        if formfield is not None:
            widget = getattr(formfield.widget, "widget", formfield.widget)
            widget.attrs.setdefault("aria-label", capfirst(str(db_field.verbose_name)))
        return formfield

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)

        class Labelled(formset):
            def add_fields(self, form, index):
                super().add_fields(form, index)
                if DELETION_FIELD_NAME in form.fields:
                    form.fields[DELETION_FIELD_NAME].widget.attrs["aria-label"] = "Delete"

        Labelled.__name__ = formset.__name__
        return Labelled


class ChosenRowAutocomplete(widgets.AutocompleteSelect):
    """An autocomplete that names its choice from the row it edits, when the row holds it.

    Django's asks the database for the chosen object once per widget: a story
    with twenty people and tags paid twenty queries to show twenty names that
    its rows had already read. ``chosen`` is set by ``ChosenRowsForm``.
    """

    chosen = None

    def optgroups(self, name, value, attr=None):
        chosen = self.chosen
        picked = {str(v) for v in value if str(v) not in self.choices.field.empty_values}
        if chosen is None or picked != {str(chosen.pk)}:
            return super().optgroups(name, value, attr)
        options = []
        if not self.is_required:
            options.append(self.create_option(name, "", "", False, 0))
        label = self.choices.field.label_from_instance(chosen)
        options.append(self.create_option(name, chosen.pk, label, True, len(options)))
        return [(None, options, 0)]


class ChosenRowsMixin:
    """For inlines of rows that pick one object each (a story's people, its tags).

    Their pickers name the chosen object from the row, read with the rows
    (``select_related``), so the form's queries do not grow with its rows.
    """

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if "widget" not in kwargs and db_field.name in self.get_autocomplete_fields(request):
            kwargs["widget"] = ChosenRowAutocomplete(
                db_field, self.admin_site, using=kwargs.get("using")
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        form = formset.form

        class ChosenRowsForm(form):
            def __init__(self, *args, **kwargs):
                super().__init__(*args, **kwargs)
                if self.instance.pk is None:
                    return
                for name, field in self.fields.items():
                    picker = getattr(field.widget, "widget", field.widget)
                    if isinstance(picker, ChosenRowAutocomplete):
                        picker.chosen = getattr(self.instance, name, None)

        ChosenRowsForm.__name__ = form.__name__
        formset.form = ChosenRowsForm
        return formset
