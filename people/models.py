"""People the newsroom writes about, and the ties between them.

This app knows nothing of stories: articles build on people, never the
other way round.
"""

import datetime

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Greatest, Least
from django.urls import reverse
from django.utils import timezone

from .managers import PersonQuerySet, RelationshipQuerySet

instagram_handle_validator = RegexValidator(
    r"^[A-Za-z0-9._]{1,30}$",
    "An Instagram handle has up to 30 letters, digits, dots or underscores, without the @.",
)


def age_between(born, on):
    """Whole years from ``born`` to ``on``.

    Someone born on 29 February has their birthday on 1 March in common years:
    until then (28 February included) they are a year younger.
    """
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


class Person(models.Model):
    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200, unique=True)
    aliases = models.CharField(
        max_length=500,
        blank=True,
        help_text="Other names the person goes by, separated by commas (e.g. “Ye”).",
    )
    birth_date = models.DateField(null=True, blank=True)
    death_date = models.DateField(null=True, blank=True)
    known_for = models.CharField(
        max_length=120, blank=True, help_text="A short role: “rapper”, “entrepreneur”."
    )
    bio = models.TextField(blank=True)
    instagram = models.CharField(
        "Instagram handle",
        max_length=30,
        blank=True,
        validators=[instagram_handle_validator],
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = PersonQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "people"
        constraints = [
            models.CheckConstraint(
                condition=Q(death_date__isnull=True)
                | Q(birth_date__isnull=True)
                | Q(death_date__gte=F("birth_date")),
                name="person_death_not_before_birth",
                violation_error_message="The date of death cannot be before the date of birth.",
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("person", args=[self.slug])

    def clean(self):
        if self.instagram.startswith("@"):
            self.instagram = self.instagram[1:]
        self.aliases = ", ".join(self.alias_list)

    @property
    def alias_list(self):
        return [alias.strip() for alias in self.aliases.split(",") if alias.strip()]

    @property
    def public_birth_date(self):
        """The birth date as pages, feeds and the API may show it."""
        return self.birth_date

    @property
    def instagram_url(self):
        return f"https://www.instagram.com/{self.instagram}/" if self.instagram else ""

    def age_on(self, date):
        """Age in whole years on ``date``, or None where there is none to give.

        None when the birth date is unknown, the date is before the birth, or
        the date is after the person's death (the dead do not grow older; see
        ``age_at_death``).
        """
        if self.birth_date is None:
            return None
        if isinstance(date, datetime.datetime):
            date = timezone.localdate(date) if timezone.is_aware(date) else date.date()
        if date < self.birth_date:
            return None
        if self.death_date and date > self.death_date:
            return None
        return age_between(self.birth_date, date)

    @property
    def age_today(self):
        return self.age_on(timezone.localdate())

    @property
    def age_at_death(self):
        if self.birth_date and self.death_date:
            return age_between(self.birth_date, self.death_date)
        return None


class Relationship(models.Model):
    """A tie between two people, stored once and shown from both sides.

    For ``parent``, ``person`` is the parent of ``other``. The other kinds read
    the same both ways.
    """

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

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="relationships")
    other = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="reverse_relationships"
    )
    kind = models.CharField(max_length=20, choices=Kind.choices)
    started = models.DateField(null=True, blank=True)
    ended = models.DateField(null=True, blank=True)
    end_reason = models.CharField(max_length=20, choices=EndReason.choices, blank=True)

    objects = RelationshipQuerySet.as_manager()

    class Meta:
        ordering = ["started", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(person=F("other")),
                name="relationship_not_with_self",
                violation_error_message="A person cannot be in a relationship with themself.",
            ),
            models.CheckConstraint(
                condition=Q(ended__isnull=True)
                | Q(started__isnull=True)
                | Q(ended__gte=F("started")),
                name="relationship_ends_after_start",
                violation_error_message="A relationship cannot end before it started.",
            ),
            # One row per tie: the same tie entered again, or from the other
            # side, is a duplicate (for parents, a contradiction).
            models.UniqueConstraint(
                Least("person", "other"),
                Greatest("person", "other"),
                "kind",
                "started",
                name="relationship_unique",
                violation_error_message="This relationship is already recorded.",
            ),
            # NULLs are distinct in a unique index, so undated ties need their own.
            models.UniqueConstraint(
                Least("person", "other"),
                Greatest("person", "other"),
                "kind",
                condition=Q(started__isnull=True),
                name="relationship_unique_undated",
                violation_error_message="This relationship is already recorded.",
            ),
        ]

    def __str__(self):
        return f"{self.person} – {self.get_kind_display()} – {self.other}"

    def clean(self):
        if self.end_reason and not self.ended:
            raise ValidationError({"ended": "Give the date it ended, since it has an end reason."})
        if self.end_reason == self.EndReason.DIVORCE and self.kind != self.Kind.SPOUSE:
            raise ValidationError({"end_reason": "Only a marriage ends in divorce."})

    def seen_from(self, person):
        """This relationship as it reads on ``person``'s page."""
        from .relations import Tie

        return Tie.of(self, person)
