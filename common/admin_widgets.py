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
