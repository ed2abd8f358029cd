"""Inline formsets that check their rows together, shared by the apps' admins."""

from django.core.exceptions import ValidationError
from django.forms.formsets import DELETION_FIELD_NAME
from django.forms.models import BaseInlineFormSet


def constraint_message(model, name):
    """What ``model`` says when its constraint ``name`` is broken, so the admin says the same."""
    for constraint in model._meta.constraints:
        if constraint.name == name:
            return constraint.get_violation_error_message()
    raise LookupError(f"{model.__name__} has no constraint {name!r}.")


class RowsFormSet(BaseInlineFormSet):
    """An inline formset that checks its rows together, as they will be saved.

    Inline forms skip every constraint that involves the parent (on an add page
    it does not exist yet), and each form sees only its own row. Rows that clash
    with the parent or with each other would reach the database and fail there,
    as a server error. Subclasses find them in ``clean()`` and say what is wrong.
    """

    def kept_forms(self):
        """The forms whose rows exist after saving: valid, filled in, not deleted."""
        return [
            form
            for form in self.forms
            if form.is_valid()
            and not (self.can_delete and form.cleaned_data.get(DELETION_FIELD_NAME))
            and (form.instance.pk is not None or form.has_changed())
        ]

    def pks_on_page(self):
        return {form.instance.pk for form in self.forms if form.instance.pk is not None}

    def saved_elsewhere(self):
        """The parent's saved rows this page does not show (an editor may see only some)."""
        if self.instance.pk is None:
            return self.model._default_manager.none()
        return self.model._default_manager.filter(**{self.fk.name: self.instance}).exclude(
            pk__in=self.pks_on_page()
        )

    def refuse(self, form, constraint):
        form.add_error(
            None, ValidationError(constraint_message(self.model, constraint), code=constraint)
        )
