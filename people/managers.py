from django.db import models
from django.db.models import Q


class PersonQuerySet(models.QuerySet):
    def matching(self, text):
        """People whose name or one of whose aliases contains ``text``.

        Aliases are compared without case or accents ("beyonce" finds
        "Beyoncé"), through the alias table; one query, no duplicates.
        """
        from .models import PersonAlias, name_key

        text = " ".join(text.split())
        if not text:
            return self.none()
        by_name = self.model.objects.filter(name__icontains=text).order_by().values("pk")
        by_alias = (
            PersonAlias.objects.filter(key__contains=name_key(text)).order_by().values("person")
        )
        # One UNION rather than an OR, so that each side can use its own
        # (trigram) index on PostgreSQL instead of reading every person.
        return self.filter(pk__in=by_name.union(by_alias))


class RelationshipQuerySet(models.QuerySet):
    def involving(self, person):
        """Every tie of ``person``, whichever side it was entered from."""
        return self.filter(Q(person=person) | Q(other=person)).select_related("person", "other")

    def confirmed(self):
        return self.filter(status="confirmed")

    def ties_of(self, person):
        """``person``'s ties as they read on their page, grouped and dated."""
        from .relations import ties_from

        return ties_from(self.involving(person), person)

    def touching(self, people):
        """Every tie with one of ``people`` at either end (their ties among themselves too)."""
        ids = [getattr(person, "pk", person) for person in people]
        return self.filter(Q(person__in=ids) | Q(other__in=ids))

    def among(self, people):
        """The ties between any two of ``people`` (e.g. the people in one story)."""
        ids = [getattr(person, "pk", person) for person in people]
        return self.filter(person__in=ids, other__in=ids)
