"""The choices of a person (``Gender``) and of a tie (``Kind``, ``Status`` and the rest).

Apart from the models, which name them as ``Person.Gender``,
``Relationship.Kind`` and so on, so that what reads a tie (``relations``)
needs no model and the models may build on it.
"""

from django.db import models


class Gender(models.TextChoices):
    FEMALE = "female", "female"
    MALE = "male", "male"
    NONBINARY = "nonbinary", "non-binary"


class Kind(models.TextChoices):
    SPOUSE = "spouse", "spouse"
    PARTNER = "partner", "partner"
    ENGAGED = "engaged", "engaged"
    PARENT = "parent", "parent (person is the parent of other)"
    SIBLING = "sibling", "sibling"


class EndReason(models.TextChoices):
    DIVORCE = "divorce", "divorce"
    SEPARATION = "separation", "separation"
    BREAKUP = "breakup", "breakup"
    DEATH = "death", "death"


class Kinship(models.TextChoices):
    BIOLOGICAL = "biological", "biological"
    STEP = "step", "step"
    ADOPTIVE = "adoptive", "adoptive"


class Status(models.TextChoices):
    RUMOURED = "rumoured", "rumoured"
    REPORTED = "reported", "reported"
    CONFIRMED = "confirmed", "confirmed"


FAMILY_KINDS = (Kind.PARENT, Kind.SIBLING)
COUPLE_KINDS = (Kind.SPOUSE, Kind.PARTNER, Kind.ENGAGED)
