"""A person's relationships as bars along the years, for a server-drawn SVG.

Each marriage, partnership and engagement with a known start is one row: a bar
from its start to its end, or open at the right while it lasts. Children appear
as dots on the axis, at the year of their birth when it may be published. The
same facts are given as text, for readers who cannot see the picture.
"""

import datetime
from dataclasses import dataclass, field

from django.utils import timezone

from . import dates
from .models import Relationship

WIDTH = 360
PAD = 16
AXIS_HEIGHT = 28
ROW_HEIGHT = 36
BAR_HEIGHT = 12
TICK_STEPS = [1, 2, 5, 10, 20, 25, 50]
MAX_TICKS = 6


def year_fraction(date):
    """``date`` as a year with a fraction: 1 July 2014 is about 2014.5."""
    start = datetime.date(date.year, 1, 1)
    length = (datetime.date(date.year + 1, 1, 1) - start).days
    return date.year + (date - start).days / length


@dataclass
class Bar:
    name: str
    url: str
    kind: str
    description: str
    status_note: str
    years: str
    x: float
    width: float
    y: float
    ongoing: bool

    @property
    def end_x(self):
        return self.x + self.width

    @property
    def label_y(self):
        return self.y - 4

    @property
    def label_anchor_end(self):
        """Labels of bars that start far right are set right-aligned, inside the picture."""
        return self.x > PAD + (WIDTH - 2 * PAD) * 0.6

    @property
    def label_x(self):
        return self.end_x if self.label_anchor_end else self.x


@dataclass
class Marker:
    name: str
    x: float
    year: int


@dataclass
class Timeline:
    bars: list = field(default_factory=list)
    births: list = field(default_factory=list)
    ticks: list = field(default_factory=list)
    undated: list = field(default_factory=list)
    first_year: int = 0
    last_year: int = 0
    width: int = WIDTH
    height: int = 0

    @property
    def axis_y(self):
        return self.height - AXIS_HEIGHT

    @property
    def is_empty(self):
        return not self.bars and not self.births


def describe(tie):
    """One line of the text alternative: "Kanye West, spouse: married 2014, divorced 2022"."""
    r = tie.relationship
    word = tie.counterpart_word
    if r.started is None:
        span = "dates unknown"
    else:
        began = {Relationship.Kind.SPOUSE: "married", Relationship.Kind.ENGAGED: "engaged"}.get(
            r.kind, "together from"
        )
        span = f"{began} {r.started_shown}"
        if r.place:
            span += f" in {r.place}"
        span += f", {tie.ended_how}" if r.ended else ", ongoing"
    note = f" ({tie.status_note})" if tie.status_note else ""
    return f"{tie.counterpart.name}, {word}{note}: {span}"


def build(person, ties, today=None):
    """The timeline of ``person`` from their ``ties`` (see ``RelationshipQuerySet.ties_of``)."""
    today = today or timezone.localdate()
    end_of_life = person.death_date if person.death_date and person.death_date < today else today
    couples = [t for t in ties if t.relationship.kind in Relationship.COUPLE_KINDS]
    dated = sorted(
        (t for t in couples if t.relationship.started),
        key=lambda t: (t.relationship.started, t.relationship.pk),
    )
    children = [
        t for t in ties if t.label == "Parent of" and t.counterpart.public_birth_date is not None
    ]
    timeline = Timeline(undated=[describe(t) for t in couples if not t.relationship.started])
    if not dated and not children:
        return timeline
    starts = [t.relationship.started for t in dated] + [
        t.counterpart.public_birth_date for t in children
    ]
    first = min(starts).year
    ends = [t.relationship.ended.year for t in dated if t.relationship.ended]
    last = max([end_of_life.year, *ends]) + 1
    timeline.first_year, timeline.last_year = first, last
    span = last - first
    plot = WIDTH - 2 * PAD

    def x(date):
        return PAD + (year_fraction(date) - first) / span * plot

    for row, tie in enumerate(dated):
        r = tie.relationship
        start = dates.earliest(r.started, r.started_precision)
        ongoing = r.ended is None
        end_x = WIDTH - PAD if ongoing else x(dates.latest(r.ended, r.ended_precision))
        left = x(start)
        timeline.bars.append(
            Bar(
                name=tie.counterpart.name,
                url=tie.counterpart.get_absolute_url(),
                kind=r.kind,
                description=describe(tie),
                status_note=tie.status_note,
                years=f"{r.started.year}–{r.ended.year}" if r.ended else f"since {r.started.year}",
                x=round(left, 1),
                width=round(max(end_x - left, 3), 1),
                y=PAD + row * ROW_HEIGHT + 16,
                ongoing=ongoing,
            )
        )
    for tie in children:
        born = tie.counterpart.public_birth_date
        timeline.births.append(Marker(tie.counterpart.name, round(x(born), 1), born.year))
    step = next((s for s in TICK_STEPS if span / s <= MAX_TICKS), TICK_STEPS[-1])
    year = first + (-first % step)
    while year <= last:
        timeline.ticks.append((round(x(datetime.date(year, 1, 1)), 1), year))
        year += step
    timeline.height = PAD + len(dated) * ROW_HEIGHT + AXIS_HEIGHT + 12
    return timeline
