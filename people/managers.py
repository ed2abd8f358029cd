from django.db import models
from django.db.models import Case, Q, Value, When

from .folding import SEPARATOR, name_key
from .relations import ties_from


class PersonQuerySet(models.QuerySet):
    def matching(self, text):
        """People whose name or one of whose aliases contains ``text``.

        Compared without case or accents ("khloe" finds "Khloé", "beyonce"
        finds "Beyoncé") through the folded ``search_key``; one query.
        """
        text = " ".join(text.split())
        if not name_key(text):
            # Nothing to look for once folded (control characters alone, say).
            return self.none()
        return self.filter(search_key__folded=text)

    def exact_first(self, text, *then):
        """Ordered with those whose name or an alias is ``text`` first, then by ``then``.

        "kim" puts Kim, and whoever is known as Kim, above Kimberly and
        Kimora; the aliases are looked up by their unique folded key.
        """
        return self.order_by(*self.exact_first_ordering(text, *then))

    def exact_first_ordering(self, text, *then):
        """The ordering ``exact_first`` applies, for an admin's ``get_ordering``."""
        folded = name_key(text)
        if not folded:
            return list(then)
        # The folded name comes first in ``search_key``, the aliases after it.
        named = Q(search_key__startswith=folded + SEPARATOR)
        aliases = self.model._meta.get_field("alias_entries").related_model.objects
        aliased = Q(pk__in=aliases.filter(key=folded).values("person"))
        exact = Case(When(named | aliased, then=Value(0)), default=Value(1))
        return [exact.asc(), *then]


class RelationshipQuerySet(models.QuerySet):
    def involving(self, person):
        """Every tie of ``person``, whichever side it was entered from."""
        return self.filter(Q(person=person) | Q(other=person)).select_related("person", "other")

    def confirmed(self):
        return self.filter(status="confirmed")

    def ties_of(self, person):
        """``person``'s ties as they read on their page, grouped and dated."""
        return ties_from(self.involving(person), person)

    def touching(self, people):
        """Every tie with one of ``people`` at either end (their ties among themselves too)."""
        ids = [getattr(person, "pk", person) for person in people]
        return self.filter(Q(person__in=ids) | Q(other__in=ids))

    def among(self, people):
        """The ties between any two of ``people`` (e.g. the people in one story)."""
        ids = [getattr(person, "pk", person) for person in people]
        return self.filter(person__in=ids, other__in=ids)
