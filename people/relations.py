"""How a relationship reads from each side of it.

A relationship is stored once; each person's page shows it from their side:
"Spouse: Kanye West (m. 2014, div. 2022)" on one, the same words about Kim
Kardashian on the other, "Parent of" on one and "Child of" on the other.
"""

from dataclasses import dataclass

from . import dates
from .choices import COUPLE_KINDS, EndReason, Gender, Kind, Kinship, Status

# How a tie reads on the page of its ``person``, and on the page of its ``other``.
LABELS = {
    Kind.SPOUSE: ("Spouse", "Spouse"),
    Kind.PARTNER: ("Partner", "Partner"),
    Kind.ENGAGED: ("Engaged to", "Engaged to"),
    Kind.PARENT: ("Parent of", "Child of"),
    Kind.SIBLING: ("Sibling", "Sibling"),
}

# The order of groups on a person's page.
GROUPS = ["Spouse", "Partner", "Engaged to", "Parent of", "Child of", "Sibling"]

# The family box on a person's page: its headings, in order, and the labels under each.
FAMILY_GROUPS = [
    ("Spouses and partners", ("Spouse", "Partner", "Engaged to")),
    ("Parents", ("Child of",)),
    ("Children", ("Parent of",)),
    ("Siblings", ("Sibling",)),
]

# How a tie ended, read later: "(since divorced, 2022)".
SINCE_WORDS = {
    EndReason.DIVORCE: "divorced",
    EndReason.SEPARATION: "separated",
    EndReason.BREAKUP: "split",
    EndReason.DEATH: "widowed",
}

ORDINALS = ["", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth"]

# Words for one side of a tie, by gender: (female, male, anyone).
WORDS = {
    "spouse": ("wife", "husband", "spouse"),
    "partner": ("partner", "partner", "partner"),
    "engaged": ("fiancée", "fiancé", "fiancé(e)"),
    "parent": ("mother", "father", "parent"),
    "child": ("daughter", "son", "child"),
    "sibling": ("sister", "brother", "sibling"),
}


def word_for(person, role, kinship=""):
    """What ``person`` is in a tie where they play ``role``: "daughter", "stepfather"."""
    female, male, anyone = WORDS[role]
    gender = person.gender
    word = female if gender == Gender.FEMALE else male if gender == "male" else anyone
    if kinship == Kinship.STEP:
        return f"step{word}" if role != "sibling" or word != "sibling" else "step-sibling"
    if kinship == Kinship.ADOPTIVE:
        return f"adopted {word}" if role == "child" else f"adoptive {word}"
    return word


def role_of(relationship, person):
    """The part ``person`` plays in ``relationship``: "parent", "child", "spouse"..."""
    if relationship.kind == Kind.PARENT:
        return "parent" if relationship.person_id == person.pk else "child"
    return relationship.kind


def ordinal_word(number):
    if number is None:
        return ""
    return ORDINALS[number] if number < len(ORDINALS) else f"{number}th"


END_WORDS = {
    EndReason.DIVORCE: "div.",
    EndReason.SEPARATION: "sep.",
    EndReason.BREAKUP: "split",
    EndReason.DEATH: "died",
}


@dataclass(frozen=True)
class Tie:
    label: str
    # Typed loosely: the models build on this module, not it on them.
    counterpart: object  # the Person at the other end
    relationship: object  # the Relationship

    @classmethod
    def of(cls, relationship, person):
        as_person, as_other = LABELS[relationship.kind]
        if relationship.person_id == person.pk:
            return cls(as_person, relationship.other, relationship)
        if relationship.other_id == person.pk:
            return cls(as_other, relationship.person, relationship)
        raise ValueError(f"{person} is not part of {relationship}.")

    def sort_key(self):
        # Within a group, oldest tie first; children and siblings by birth.
        when = self.relationship.started or self.counterpart.birth_date
        return (GROUPS.index(self.label), when is None, when, self.counterpart.name)

    @property
    def ongoing(self):
        return self.relationship.ended is None

    @property
    def group(self):
        """The heading this tie sits under in the family box."""
        return next(heading for heading, labels in FAMILY_GROUPS if self.label in labels)

    @property
    def is_confirmed(self):
        return self.relationship.status == Status.CONFIRMED

    @property
    def status_note(self):
        """ "rumoured" or "reported" for ties the desk has not confirmed, else ""."""
        return "" if self.is_confirmed else self.relationship.get_status_display()

    @property
    def counterpart_word(self):
        """What the counterpart is to the page's person: "daughter", "husband"."""
        r = self.relationship
        return word_for(self.counterpart, role_of(r, self.counterpart), r.kinship)

    @property
    def ordinal(self):
        """ "second marriage", counted for the page's person, or ""."""
        r = self.relationship
        number = r.ordinal if r.person_id != self.counterpart.pk else r.other_ordinal
        if not number or r.kind not in COUPLE_KINDS:
            return ""
        noun = {Kind.SPOUSE: "marriage", Kind.ENGAGED: "engagement"}.get(r.kind, "partnership")
        return f"{ordinal_word(number)} {noun}"

    @property
    def how_it_ended(self):
        """How a partnership or engagement ended: "split", "died" (a marriage's dates say it)."""
        r = self.relationship
        if r.kind in (Kind.PARTNER, Kind.ENGAGED) and r.ended and r.end_reason:
            return END_WORDS[r.end_reason]
        return ""

    @property
    def ended_how(self):
        """ "divorced 2022", "split 2012", or "" for an ongoing or open-ended tie."""
        r = self.relationship
        if not r.ended:
            return ""
        return f"{SINCE_WORDS.get(r.end_reason, 'ended')} {r.ended.year}"

    @property
    def dates(self):
        """The short dating after a name: "m. 2014, div. 2022", "2010–2012"."""
        r = self.relationship
        start = r.started.year if r.started else None
        end = r.ended.year if r.ended else None
        if r.kind == Kind.SPOUSE:
            parts = [f"m. {start}"] if start else []
            if end:
                parts.append(f"{END_WORDS.get(r.end_reason, 'ended')} {end}")
            return ", ".join(parts)
        if r.kind in (Kind.PARTNER, Kind.ENGAGED):
            if start and end:
                return f"{start}–{end}"
            if start:
                return f"since {start}"
            if end:
                return f"until {end}"
        return ""


def ties_from(relationships, person):
    """``person``'s ties among ``relationships`` (both people of each at hand), in page order."""
    ties = (Tie.of(relationship, person) for relationship in relationships)
    return sorted(ties, key=Tie.sort_key)


@dataclass(frozen=True)
class FamilyGroup:
    heading: str
    ties: list


def family_box(ties):
    """Confirmed ties under their headings (spouses and partners, parents, children,
    siblings), and the unconfirmed ones apart, which readers see marked as such."""
    groups = [
        FamilyGroup(heading, [tie for tie in ties if tie.label in labels and tie.is_confirmed])
        for heading, labels in FAMILY_GROUPS
    ]
    return [group for group in groups if group.ties], [t for t in ties if not t.is_confirmed]


@dataclass(frozen=True)
class Relation:
    """How one person in a story stands to another as of the story's date.

    ``word`` is what ``person`` was to ``to``, e.g. "daughter", "wife" or
    "ex-wife"; ``since`` says what changed after the story, e.g. "since
    divorced, 2022".
    """

    person: object  # a Person
    to: object  # a Person
    word: str
    since: str = ""
    status_note: str = ""


def relation_on(relationship, person, date):
    """``person``'s relation to the other side of ``relationship`` on ``date``.

    None when the tie began after ``date`` (the story could not know of it).
    """
    r = relationship
    counterpart = r.other if r.person_id == person.pk else r.person
    if r.started and dates.earliest(r.started, r.started_precision) > date:
        return None
    word = word_for(person, role_of(r, person), r.kinship)
    since = ""
    if r.ended and r.kind in COUPLE_KINDS:
        if dates.latest(r.ended, r.ended_precision) <= date:
            word = f"ex-{word}" if r.kind != Kind.PARTNER else f"former {word}"
        elif dates.earliest(r.ended, r.ended_precision) > date:
            since = f"since {SINCE_WORDS.get(r.end_reason, 'ended')}, {r.ended.year}"
    note = "" if r.status == Status.CONFIRMED else r.get_status_display()
    return Relation(person, counterpart, word, since, note)
