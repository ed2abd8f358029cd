"""Names compared without regard to case or accents, on every database.

``name_key`` folds text ("Khloé  Kardashian" → "khloe kardashian"). A
``FoldedTextField`` stores the folded copy of other fields of its row, written
on every save (``bulk_create`` too, as for ``auto_now``), and its ``folded``
lookup folds the searched text the same way and looks for it anywhere in the
column: ``Person.objects.filter(search_key__folded="KHLOE")``. The admin takes
the lookup in ``search_fields`` ("search_key__folded"), so its search box and
its autocomplete pickers match as the site does.
"""

import unicodedata

from django.db import models
from django.db.models import Lookup

# Between the folded fields: folded text never holds one, so no match spans two.
SEPARATOR = "\n"


def name_key(text):
    """``text`` folded for comparing names: no case, no accents, single spaces.

    Control characters are dropped: no name holds one, and PostgreSQL refuses
    a NUL in any text it is sent (a search for "%00" must find nothing, not fail).
    """
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(
        char
        for char in decomposed
        if not unicodedata.combining(char)
        and (char.isspace() or unicodedata.category(char) != "Cc")
    )
    return " ".join(bare.casefold().split())


class FoldedTextField(models.TextField):
    """The fields ``sources`` of the same row, each folded by ``name_key``; kept on save."""

    def __init__(self, *args, sources=(), **kwargs):
        self.sources = tuple(sources)
        kwargs.setdefault("editable", False)
        kwargs.setdefault("default", "")
        # Rows inserted by code that predates the column (old migrations' models) get "".
        kwargs.setdefault("db_default", "")
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs["sources"] = self.sources
        return name, path, args, kwargs

    def fold(self, instance):
        return SEPARATOR.join(name_key(getattr(instance, source) or "") for source in self.sources)

    def pre_save(self, model_instance, add):
        value = self.fold(model_instance)
        setattr(model_instance, self.attname, value)
        return value


@FoldedTextField.register_lookup
class Folded(Lookup):
    """The column contains the searched text, both folded: LIKE '%…%' on any database."""

    lookup_name = "folded"

    def get_prep_lookup(self):
        return name_key(str(self.rhs))

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        rhs, rhs_params = self.process_rhs(compiler, connection)
        pattern = [f"%{connection.ops.prep_for_like_query(param)}%" for param in rhs_params]
        # The escape character prep_for_like_query uses, spelled the same on both databases.
        return f"{lhs} LIKE {rhs} ESCAPE '\\'", [*lhs_params, *pattern]
