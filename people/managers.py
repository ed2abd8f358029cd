from django.db import models
from django.db.models import Q


class PersonQuerySet(models.QuerySet):
    def matching(self, text):
        """People whose name or one of whose aliases contains ``text``."""
        return self.filter(Q(name__icontains=text) | Q(aliases__icontains=text))


class RelationshipQuerySet(models.QuerySet):
    def involving(self, person):
        """Every tie of ``person``, whichever side it was entered from."""
        return self.filter(Q(person=person) | Q(other=person)).select_related("person", "other")

    def ties_of(self, person):
        """``person``'s ties as they read on their page, grouped and dated."""
        from .relations import Tie

        ties = [Tie.of(relationship, person) for relationship in self.involving(person)]
        return sorted(ties, key=Tie.sort_key)
