"""Querysets built and compiled once per process, then run with new values.

A reading page's queries have the same shape for every story or person; only
their values differ. Building such a queryset through the ORM and compiling it
to SQL costs more than the database takes to run it (a story's own row: about
2 ms to build and 3 ms to compile, against under 2 ms to run, on the bench
machine). So a query is built once per database and shape, with a ``Slot``
wherever a value goes, and compiled once; each run puts its values in the
slots' places and hands the SQL, unchanged, to the database, which on
PostgreSQL keeps its plan too (see ``prepared_statements`` in the settings).

What comes back is a queryset that runs as the ORM runs it (its iterable
class, ``select_related``, annotations, prefetches), but it cannot be changed
any further: filter, order and slice it inside the builder.
"""

import copy
import datetime
import threading

from django.apps import apps
from django.core.exceptions import EmptyResultSet, ImproperlyConfigured
from django.db import connections, router
from django.db.models.expressions import Expression
from django.db.models.query import QuerySet


class Slot(Expression):
    """Where the value called ``name`` goes when the query runs.

    ``field`` prepares the value for the database as the ORM would (a
    datetime, a date); without one the value is passed as it is (an id, a
    slug, a list of ids for a PostgreSQL array). ``index`` takes one item of
    a list value, where the SQL spells out one parameter per item; ``derive``
    turns the value into the one the SQL needs.
    """

    def __init__(self, name, field=None, index=None, derive=None):
        super().__init__(output_field=field)
        self.name, self.prepared_by, self.index, self.derive = name, field, index, derive

    def __repr__(self):
        return (
            f"Slot({self.name!r})" if self.index is None else f"Slot({self.name!r})[{self.index}]"
        )

    def derived(self, derive, field=None):
        """A slot for ``derive(value)``: the start of the month of a moment, say."""
        return Slot(self.name, field, self.index, derive)

    @classmethod
    def items(cls, name, count):
        """``count`` slots, one for each item of the list value ``name``."""
        return [cls(name, index=n) for n in range(count)]

    def as_sql(self, compiler, connection):
        # The slot itself stands among the parameters until a run fills it.
        return "%s", [self]

    def fill(self, values, connection):
        value = values[self.name]
        if self.index is not None:
            value = value[self.index]
        if self.derive is not None:
            value = self.derive(value)
        field = self.prepared_by
        return field.get_db_prep_value(value, connection) if field else value


def _filled(param, values, connection):
    if isinstance(param, Slot):
        return param.fill(values, connection)
    if isinstance(param, list | tuple) and any(isinstance(item, Slot) for item in param):
        return [_filled(item, values, connection) for item in param]
    return param


def _is_moment(param):
    """A date or datetime, or its text where the database keeps them as text (SQLite)."""
    if isinstance(param, datetime.date):
        return True
    if isinstance(param, str) and len(param) >= 10 and param[:4].isdigit() and param[4] == "-":
        try:
            datetime.datetime.fromisoformat(param)
        except ValueError:
            return False
        return True
    return False


def _flat(params):
    for param in params:
        if isinstance(param, list | tuple):
            yield from _flat(param)
        else:
            yield param


class _Compiled:
    """A query compiled once: the compiler that knows its columns, the SQL, its parameters."""

    def __init__(self, queryset, using):
        self.queryset = queryset
        self.compiler = queryset.query.get_compiler(using)
        try:
            self.sql, self.params = self.compiler.as_sql()
        except EmptyResultSet:
            # Nothing can match (``pk__in=[]``): each run answers empty, unasked.
            self.sql, self.params = None, ()
        baked = [p for p in _flat(self.params) if _is_moment(p)]
        if baked:
            # A moment fixed at compile time would serve that moment's stories forever.
            raise ImproperlyConfigured(
                f"A precompiled query of {queryset.model.__name__} holds the moment {baked[0]}:"
                " give it as a Slot."
            )

    def run(self, using, values):
        connection = connections[using]
        params = tuple(_filled(param, values, connection) for param in self.params)
        # The stored compiler knows the columns; a copy runs on this thread's
        # connection and answers with the stored SQL instead of compiling.
        compiler = copy.copy(self.compiler)
        compiler.connection = connection
        if self.sql is None:
            compiler.as_sql = _nothing
        else:
            compiler.as_sql = lambda *args, **kwargs: (self.sql, params)
        # A queryset like the one built, but whose query compiles to the
        # stored SQL: copied by hand, since copying a queryset evaluates it.
        queryset = QuerySet.__new__(type(self.queryset))
        queryset.__dict__.update(self.queryset.__dict__)
        queryset._query = _RunQuery(self.queryset.query, compiler)
        return queryset


def _nothing(*args, **kwargs):
    raise EmptyResultSet


class _RunQuery:
    """The built query, as far as running it needs: it compiles to the stored SQL.

    Anything else (a count, a further filter) would compile the built query
    afresh, slots and all, so it is refused.
    """

    def __init__(self, query, compiler):
        self.model, self._compiler = query.model, compiler

    def get_compiler(self, using=None, connection=None, elide_empty=True):
        return self._compiler

    def __getattr__(self, name):
        raise TypeError(
            f"A precompiled query runs as it was built (no {name}): "
            "filter, order and slice it in its builder."
        )


class Precompiled:
    """A query of ``model`` (a class or "app.Model") built by ``build`` once per
    database and shape.

    ``build(stories, *shape, **lists)`` gets ``model``'s default queryset on
    the database in use, the ``shape`` the caller gave (whatever changes the
    SQL itself: a limit, say) and a slot or slots for each list value named
    in ``arrays`` and ``items``; it returns the queryset to run, with a
    ``Slot`` for each of its other values. Each shape is built and compiled
    once.

    ``items`` are lists whose SQL spells out one parameter per item: each
    gets a list of item slots, and its length is part of the shape.
    ``arrays`` are lists of ids that PostgreSQL takes as one array parameter
    (``= ANY(%s)``): there each gets one slot, and only whether it is empty
    is part of the shape; elsewhere they are items. At most ``most`` shapes
    are kept, the least recently used going first.
    """

    def __init__(self, model, build, arrays=(), items=(), most=200):
        self._model, self.build, self.most = model, build, most
        self.arrays, self.items = tuple(arrays), tuple(items)
        self._compiled = {}
        self._lock = threading.Lock()

    @property
    def model(self):
        if isinstance(self._model, str):
            self._model = apps.get_model(self._model)
        return self._model

    def __call__(self, *shape, using=None, **values):
        """The query, ready to run with ``values`` for its slots and lists."""
        using = using or router.db_for_read(self.model)
        as_arrays = self.arrays if connections[using].vendor == "postgresql" else ()
        sizes = tuple(
            min(len(values[name]), 1) if name in as_arrays else len(values[name])
            for name in self.arrays + self.items
        )
        key = (using, shape, sizes)
        # Threads of one worker share the shapes; a lock keeps the order whole.
        with self._lock:
            compiled = self._compiled.pop(key, None)
            if compiled is None:
                compiled = self._compile(using, shape, sizes, as_arrays)
                if len(self._compiled) >= self.most:
                    # The least recently used shape goes: a shape per page depth
                    # must not pile up (a compiled page query holds about 70 KB).
                    del self._compiled[next(iter(self._compiled))]
            self._compiled[key] = compiled  # the most recently used goes last
        return compiled.run(using, values)

    def _compile(self, using, shape, sizes, as_arrays):
        lists = {
            name: (Slot(name) if name in as_arrays else Slot.items(name, size)) if size else []
            for name, size in zip(self.arrays + self.items, sizes, strict=True)
        }
        queryset = self.build(self.model._default_manager.using(using), *shape, **lists)
        return _Compiled(queryset, using)

    def clear(self):
        """Forget every compiled shape (after a change to what the builder reads)."""
        with self._lock:
            self._compiled.clear()
