"""Where a person is filed in the people index: by family name, as a reader looks them up.

"Kanye West" is filed under W as "West, Kanye": the last word of the name
comes first, unless the desk gives a sort name of its own ("Madonna",
"Lopez, Jennifer", "King, Martin Luther, Jr."). A ``SortKeyField`` keeps the
folded result on the row (no case, no accents: "Öz" files with "Oz"), written
on every save, so the index sorts, groups and pages by one indexed column.
"""

from django.db import models

from .folding import name_key

# Words after a family name that do not file a person: "Jr." files under the name before it.
SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"})


def family_name_first(name):
    """``name`` as the index files it: "West, Kanye"; a single word stays as it is."""
    words = name.split()
    suffix = []
    while len(words) > 2 and words[-1].lower().rstrip(",") in SUFFIXES:
        suffix.insert(0, words.pop())
    if len(words) < 2:
        return " ".join(words + suffix)
    filed = f"{words[-1]}, {' '.join(words[:-1])}"
    return f"{filed}, {' '.join(suffix)}" if suffix else filed


def sort_key(name, sort_name=""):
    """The folded key the index sorts by: the desk's sort name, else family name first."""
    return name_key(sort_name.strip() or family_name_first(name))


def initial(key):
    """The A–Z letter a key is filed under, or "#" for anything but a letter A to Z."""
    first = key[:1].upper()
    return first if "A" <= first <= "Z" else "#"


class SortKeyField(models.CharField):
    """``sort_key`` of the row's ``name`` and ``sort_name``, kept on every save."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 200)
        kwargs.setdefault("editable", False)
        kwargs.setdefault("default", "")
        # Rows inserted by code that predates the column get "" (filed under "#" until saved).
        kwargs.setdefault("db_default", "")
        super().__init__(*args, **kwargs)

    def pre_save(self, model_instance, add):
        value = sort_key(model_instance.name or "", model_instance.sort_name or "")[
            : self.max_length
        ]
        setattr(model_instance, self.attname, value)
        return value
