"""People the newsroom writes about, and the ties between them.

This app knows nothing of stories: articles build on people, never the
other way round.
"""

import datetime

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models, transaction
from django.db.models import F, Q
from django.db.models.functions import Greatest, Least
from django.utils import timezone

from common.reversing import reverse_slug

from . import choices, dates
from .dates import Precision, age_between
from .folding import FoldedTextField, name_key
from .managers import PersonQuerySet, RelationshipQuerySet
from .relations import Tie
from .sorting import SortKeyField

__all__ = [
    "Person",
    "PersonAlias",
    "PersonRedirect",
    "Relationship",
    "age_between",
    "name_key",
]

instagram_handle_validator = RegexValidator(
    r"^[A-Za-z0-9._]{1,30}$",
    "An Instagram handle has up to 30 letters, digits, dots or underscores, without the @.",
)
wikidata_id_validator = RegexValidator(
    r"^Q[1-9][0-9]{0,11}$",
    "A Wikidata ID is a capital Q followed by digits, e.g. Q186304.",
)

pronouns_validator = RegexValidator(
    r"^[a-z]+(/[a-z]+)+$",
    "Write the pronouns as lower-case words between slashes, e.g. “she/her” or “they/them”.",
)

# The youngest a parent or a spouse can plausibly be; below, the admin refuses the tie.
MIN_PARENT_AGE = 12
MIN_MARRIAGE_AGE = 16


def precision_field(verbose_name):
    return models.CharField(
        verbose_name,
        max_length=5,
        choices=Precision.choices,
        default=Precision.DAY,
        help_text="How much of the date is known. For a month or a year only, enter its first "
        "day (1 May 2014, 1 January 1980).",
    )


class Person(models.Model):
    Gender = choices.Gender

    name = models.CharField(max_length=200)
    sort_name = models.CharField(
        max_length=200,
        blank=True,
        # In the database too: rows written by code that predates the column.
        default="",
        db_default="",
        help_text="How the people index files the person, family name first (“Lopez, "
        "Jennifer”; “Madonna”). Left empty, the last word of the name comes first.",
    )
    slug = models.SlugField(max_length=200, unique=True)
    aliases = models.CharField(
        max_length=1000,
        blank=True,
        help_text="Other names the person goes by, separated by commas (e.g. “Ye”). An alias "
        "belongs to one person only.",
    )
    pronouns = models.CharField(
        max_length=30,
        blank=True,
        # A default in the database too: rows written around the ORM (bulk
        # loaders, older code during a deploy) need not name the column.
        default="",
        db_default="",
        validators=[pronouns_validator],
        help_text="As the person states them, e.g. “she/her”; shown after the name.",
    )
    gender = models.CharField(
        max_length=10,
        choices=Gender.choices,
        blank=True,
        help_text="Only used for words of kinship: “daughter of”, “his wife”.",
    )
    birth_date = models.DateField(null=True, blank=True)
    birth_date_precision = precision_field("birth date known to")
    birth_place = models.CharField(
        max_length=200, blank=True, help_text="Town and country, e.g. “Los Angeles, California”."
    )
    birth_details_private = models.BooleanField(
        "keep birth date and age private",
        default=False,
        help_text="For minors and others who ask: no public page, feed or structured data "
        "shows the birth date or the age.",
    )
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
    wikidata_id = models.CharField(
        "Wikidata ID",
        max_length=13,
        blank=True,
        validators=[wikidata_id_validator],
        help_text="The item's ID, e.g. Q186304.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # Name and aliases folded, for searching them without regard to case or accents.
    search_key = FoldedTextField(sources=("name", "aliases"))
    # Where the people index files the person (people.sorting), kept on save.
    sort_key = SortKeyField()

    objects = PersonQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "people"
        indexes = [
            # The person list's order (the admin adds "-id" to make it total),
            # and people looked up by their exact name in a story's text.
            models.Index(fields=["name", "-id"], name="person_by_name"),
            # The people index: A to Z by family name, a page at a time.
            models.Index(fields=["sort_key", "id"], name="person_by_family_name"),
        ]
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

    def save(self, *args, **kwargs):
        with transaction.atomic():
            old_slug = None
            if self.pk is not None and not self._state.adding:
                old_slug = Person.objects.filter(pk=self.pk).values_list("slug", flat=True).first()
            super().save(*args, **kwargs)
            self.sync_aliases()
            if old_slug and old_slug != self.slug:
                # The old address keeps working, and points here permanently.
                PersonRedirect.objects.update_or_create(
                    old_slug=old_slug, defaults={"person": self}
                )
            PersonRedirect.objects.filter(old_slug=self.slug).delete()

    def get_absolute_url(self):
        return reverse_slug("person", self.slug)

    def clean_fields(self, exclude=None):
        # "q186304 " is what a researcher pastes; it is the same ID.
        self.wikidata_id = self.wikidata_id.strip().upper()
        super().clean_fields(exclude)

    def clean(self):
        if self.instagram.startswith("@"):
            self.instagram = self.instagram[1:]
        self.birth_date = dates.truncated(self.birth_date, self.birth_date_precision)
        aliases = []
        keys = {name_key(self.name)}
        for alias in self.alias_list:
            if name_key(alias) not in keys:
                aliases.append(alias)
                keys.add(name_key(alias))
        self.aliases = ", ".join(aliases)
        taken = (
            PersonAlias.objects.filter(key__in=[name_key(alias) for alias in aliases])
            .exclude(person_id=self.pk)
            .select_related("person")
        )
        if taken:
            raise ValidationError(
                {
                    "aliases": [
                        f"“{entry.name}” is already an alias of {entry.person.name}: an alias "
                        "belongs to one person only."
                        for entry in taken
                    ]
                }
            )

    def sync_aliases(self):
        """Make the alias table hold exactly this person's aliases."""
        wanted = {}
        for alias in self.alias_list:
            wanted.setdefault(name_key(alias), alias)
        wanted.pop(name_key(self.name), None)
        current = {entry.key: entry for entry in self.alias_entries.all()}
        stale = [entry.pk for key, entry in current.items() if wanted.get(key) != entry.name]
        if stale:
            PersonAlias.objects.filter(pk__in=stale).delete()
        PersonAlias.objects.bulk_create(
            PersonAlias(person=self, name=name, key=key)
            for key, name in wanted.items()
            if key not in current or current[key].pk in stale
        )

    @property
    def alias_list(self):
        return [alias.strip() for alias in self.aliases.split(",") if alias.strip()]

    @property
    def instagram_url(self):
        return f"https://www.instagram.com/{self.instagram}/" if self.instagram else ""

    @property
    def wikidata_url(self):
        return f"https://www.wikidata.org/wiki/{self.wikidata_id}" if self.wikidata_id else ""

    def age_on(self, date):
        """Age in whole years on ``date``, or None where there is none to give.

        None when the birth date is unknown or too vague to settle the age
        (born "1980"), the date is before the birth, or the date is after the
        person's death (the dead do not grow older; see ``age_at_death``).
        This is the fact, for the desk; pages for readers use ``public_age_on``.
        """
        if self.birth_date is None:
            return None
        if isinstance(date, datetime.datetime):
            date = timezone.localdate(date) if timezone.is_aware(date) else date.date()
        if date < dates.latest(self.birth_date, self.birth_date_precision):
            return None
        if self.death_date and date > self.death_date:
            return None
        return dates.exact_age(self.birth_date, self.birth_date_precision, date)

    @property
    def age_today(self):
        return self.age_on(timezone.localdate())

    @property
    def age_at_death(self):
        if self.birth_date and self.death_date:
            return dates.exact_age(self.birth_date, self.birth_date_precision, self.death_date)
        return None

    # What readers may see. Every public page, feed and API reads these.

    @property
    def public_birth_date(self):
        """The birth date, or None when it is unknown or kept private."""
        return None if self.birth_details_private else self.birth_date

    def public_age_on(self, date):
        return None if self.birth_details_private else self.age_on(date)

    @property
    def public_age_today(self):
        return self.public_age_on(timezone.localdate())

    @property
    def public_age_at_death(self):
        return None if self.birth_details_private else self.age_at_death

    @property
    def public_birth_date_shown(self):
        """The public birth date as far as it is known: "21 October 1980", "1980"."""
        return dates.shown(self.public_birth_date, self.birth_date_precision)

    @property
    def public_birth_date_machine(self):
        return dates.machine(self.public_birth_date, self.birth_date_precision)

    def birth_bounds(self):
        """The earliest and latest possible birth day, or None when unknown."""
        if self.birth_date is None:
            return None
        return dates.bounds(self.birth_date, self.birth_date_precision)


class PersonAlias(models.Model):
    """One alias of one person, kept in step with ``Person.aliases`` on save.

    The table makes aliases unique across people (compared without case or
    accents) and lets ``Person.objects.matching`` search them.
    """

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="alias_entries")
    # As long as Person.aliases itself: one alias may fill it. The folded key
    # can be longer still (folding "ß" gives "ss"), so it has no set length.
    name = models.CharField(max_length=1000)
    key = models.TextField(
        unique=True,
        error_messages={"unique": "This alias already belongs to someone."},
    )

    class Meta:
        ordering = ["key"]
        verbose_name_plural = "aliases"

    def __str__(self):
        return self.name


class PersonRedirect(models.Model):
    """An address a person's page used to have: a merged duplicate, a changed slug."""

    old_slug = models.SlugField(max_length=200, unique=True)
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="redirects")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["old_slug"]

    def __str__(self):
        return f"/people/{self.old_slug}/ → {self.person}"


class Relationship(models.Model):
    """A tie between two people, stored once and shown from both sides.

    For ``parent``, ``person`` is the parent of ``other``. The other kinds read
    the same both ways.
    """

    Kind = choices.Kind
    EndReason = choices.EndReason
    Kinship = choices.Kinship
    Status = choices.Status

    FAMILY_KINDS = choices.FAMILY_KINDS
    COUPLE_KINDS = choices.COUPLE_KINDS

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="relationships")
    other = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="reverse_relationships"
    )
    kind = models.CharField(max_length=20, choices=Kind.choices)
    kinship = models.CharField(
        max_length=12,
        choices=Kinship.choices,
        blank=True,
        help_text="For parents and siblings: biological, step or adoptive.",
    )
    status = models.CharField(
        max_length=10,
        choices=Status.choices,
        default=Status.CONFIRMED,
        help_text="Only confirmed ties appear in family boxes; rumoured ones are shown as such.",
    )
    started = models.DateField(null=True, blank=True)
    started_precision = precision_field("start known to")
    ended = models.DateField(null=True, blank=True)
    ended_precision = precision_field("end known to")
    end_reason = models.CharField(max_length=20, choices=EndReason.choices, blank=True)
    place = models.CharField(
        max_length=200, blank=True, help_text="Where it began, e.g. “Florence, Italy”."
    )
    ordinal = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        help_text="Which marriage or engagement this is for the first person (2 for a second "
        "marriage).",
    )
    other_ordinal = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="Which one it is for the other person."
    )
    note = models.TextField(blank=True, help_text="For the desk: sources, doubts, context.")

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
        if self.kinship and self.kind not in self.FAMILY_KINDS:
            raise ValidationError(
                {"kinship": "Kinship (biological, step, adoptive) is for parents and siblings."}
            )
        if (self.ordinal or self.other_ordinal) and self.kind not in self.COUPLE_KINDS:
            raise ValidationError(
                {"ordinal": "Only a marriage, partnership or engagement is counted."}
            )
        self.started = dates.truncated(self.started, self.started_precision)
        self.ended = dates.truncated(self.ended, self.ended_precision)
        problems = self.date_problems()
        if problems:
            raise ValidationError(problems)

    def _people(self):
        """Both people, when both are set (an inline form may not have them yet)."""
        person = self.person if self.person_id or "person" in self._state.fields_cache else None
        other = self.other if self.other_id or "other" in self._state.fields_cache else None
        return person, other

    def date_problems(self):
        """What the dates make impossible: each a sentence for the researcher."""
        person, other = self._people()
        if person is None or other is None:
            return []
        problems = []
        started = dates.bounds(self.started, self.started_precision) if self.started else None
        if self.kind == self.Kind.PARENT and self.kinship in ("", self.Kinship.BIOLOGICAL):
            parent_born, child_born = person.birth_bounds(), other.birth_bounds()
            if parent_born and child_born:
                oldest = age_between(parent_born[0], child_born[1])
                if oldest < MIN_PARENT_AGE:
                    problems.append(
                        f"{person.name} would have been younger than {MIN_PARENT_AGE} when "
                        f"{other.name} was born: check both birth dates, or mark the tie as "
                        "step or adoptive."
                    )
        if self.kind == self.Kind.SPOUSE and started:
            for spouse in (person, other):
                born = spouse.birth_bounds()
                if born and age_between(born[0], started[1]) < MIN_MARRIAGE_AGE:
                    problems.append(
                        f"{spouse.name} would have been younger than {MIN_MARRIAGE_AGE} at this "
                        "marriage: check the birth date and the wedding date."
                    )
        if started:
            for side in (person, other):
                # A child may be born after their father's death.
                posthumous_parent = (
                    self.kind == self.Kind.PARENT
                    and side is person
                    and self.kinship in ("", self.Kinship.BIOLOGICAL)
                )
                if side.death_date and started[0] > side.death_date and not posthumous_parent:
                    problems.append(
                        f"This relationship starts after {side.name}’s death "
                        f"({dates.shown(side.death_date, Precision.DAY)})."
                    )
        return problems

    def warnings(self):
        """What looks wrong but can be true: a spouse overlapping another marriage."""
        if self.kind != self.Kind.SPOUSE or self.started is None:
            return []
        person, other = self._people()
        if person is None or other is None:
            return []
        start = dates.earliest(self.started, self.started_precision)
        end = dates.latest(self.ended, self.ended_precision) if self.ended else None
        found = []
        for side in (person, other):
            if side.pk is None:
                continue
            marriages = (
                Relationship.objects.involving(side)
                .filter(kind=self.Kind.SPOUSE, started__isnull=False)
                .exclude(pk=self.pk)
            )
            for marriage in marriages:
                their_start = dates.earliest(marriage.started, marriage.started_precision)
                their_end = (
                    dates.latest(marriage.ended, marriage.ended_precision)
                    if marriage.ended
                    else None
                )
                overlaps = (end is None or their_start < end) and (
                    their_end is None or start < their_end
                )
                if overlaps:
                    spouse = marriage.other if marriage.person_id == side.pk else marriage.person
                    if spouse.pk in (person.pk, other.pk):
                        continue
                    found.append(
                        f"{side.name}’s marriage to {spouse.name} overlaps the marriage to "
                        f"{(other if side is person else person).name}: check the dates, or "
                        "record when the earlier one ended."
                    )
        return found

    @property
    def started_shown(self):
        return dates.shown(self.started, self.started_precision)

    @property
    def ended_shown(self):
        return dates.shown(self.ended, self.ended_precision)

    def seen_from(self, person):
        """This relationship as it reads on ``person``'s page."""
        return Tie.of(self, person)
