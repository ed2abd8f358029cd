"""Coverage over time: stories per month about a person, as a small SVG bar chart.

The geometry is worked out here, the template only draws it. Months without a
story are bars of height zero, so the gaps in coverage show.
"""

import datetime
from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.html import format_html_join

from common.month_names import month_names
from common.months import next_month

WIDTH = 640
HEIGHT = 120
PAD = 16
AXIS = 20
MIN_MONTHS = 12


@dataclass
class MonthBar:
    month: datetime.date
    label: str  # "F Y", as the date filter would give it
    stories: int
    x: float
    y: float
    width: float
    height: float


@dataclass
class CoverageChart:
    bars: list = field(default_factory=list)
    years: list = field(default_factory=list)
    total: int = 0
    busiest: MonthBar = None
    width: int = WIDTH
    height: int = HEIGHT

    @property
    def baseline(self):
        return HEIGHT - AXIS

    @property
    def first(self):
        return self.bars[0] if self.bars else None

    @property
    def last(self):
        return self.bars[-1] if self.bars else None

    @property
    def months_with_stories(self):
        return [bar for bar in self.bars if bar.stories]

    # A person in the news for years has a hundred bars and more: drawn here
    # in one pass rather than a template loop of a dozen lookups per bar.
    def bars_svg(self):
        return format_html_join(
            "",
            '<rect x="{}" y="{}" width="{}" height="{}"><title>{}: {}</title></rect>',
            (
                (bar.x, bar.y, bar.width, bar.height, bar.label, bar.stories)
                for bar in self.months_with_stories
            ),
        )

    def months_text(self):
        return format_html_join(
            "", "<li>{}: {}</li>", ((bar.label, bar.stories) for bar in self.months_with_stories)
        )


def chart(months, today=None):
    """The chart for ``months``, as given by ``reading.listings.PEOPLE.months``."""
    counts = dict(months)
    if not counts:
        return CoverageChart()
    today = (today or timezone.localdate()).replace(day=1)
    first = min(min(counts), today)
    # At least a year of months, ending with this one.
    earliest_shown = today
    for _ in range(MIN_MONTHS - 1):
        earliest_shown = (earliest_shown - datetime.timedelta(days=1)).replace(day=1)
    month = min(first, earliest_shown)
    all_months = []
    while month <= today:
        all_months.append(month)
        month = next_month(month)
    peak = max(counts.values())
    names = month_names()
    slot = (WIDTH - 2 * PAD) / len(all_months)
    plot_height = HEIGHT - AXIS - PAD
    result = CoverageChart(total=sum(counts.values()))
    for index, month in enumerate(all_months):
        n = counts.get(month, 0)
        height = round(n / peak * plot_height, 1)
        bar = MonthBar(
            month=month,
            label=f"{names[month.month]} {month.year}",
            stories=n,
            x=round(PAD + index * slot, 2),
            y=round(HEIGHT - AXIS - height, 1),
            width=round(max(slot * 0.8, 0.5), 2),
            height=height,
        )
        result.bars.append(bar)
        if month.month == 1 or index == 0:
            result.years.append((bar.x, month.year))
        if result.busiest is None or n > result.busiest.stories:
            result.busiest = bar
    # Year labels closer than 32 units would overlap: keep every n-th.
    step = 1
    while len(result.years) > 1 and slot * 12 * step < 32:
        step += 1
    result.years = result.years[::step]
    return result
