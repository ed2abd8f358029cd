"""How a relationship reads from each side of it.

A relationship is stored once; each person's page shows it from their side:
"Spouse: Kanye West (m. 2014, div. 2022)" on one, the same words about Kim
Kardashian on the other, "Parent of" on one and "Child of" on the other.
"""

from dataclasses import dataclass

from .models import Person, Relationship

Kind = Relationship.Kind
EndReason = Relationship.EndReason

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

END_WORDS = {
    EndReason.DIVORCE: "div.",
    EndReason.SEPARATION: "sep.",
    EndReason.BREAKUP: "split",
    EndReason.DEATH: "died",
}


@dataclass(frozen=True)
class Tie:
    label: str
    counterpart: Person
    relationship: Relationship

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
