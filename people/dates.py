"""Dates known only in part: to the day, the month or the year.

A birth date or the start of a marriage is often reported as "1980" or
"May 2014". The date is stored as the first day of what is known (1 January
1980, 1 May 2014) beside its precision, and is shown no more exactly than it
is known. Ages and checks work with the earliest and latest day it could be.
"""

import calendar
import datetime

from django.db import models
from django.utils.dateformat import format as format_date


class Precision(models.TextChoices):
    DAY = "day", "exact day"
    MONTH = "month", "month only"
    YEAR = "year", "year only"


def truncated(date, precision):
    """``date`` reduced to what ``precision`` says is known (its first day)."""
    if date is None:
        return None
    if precision == Precision.YEAR:
        return date.replace(month=1, day=1)
    if precision == Precision.MONTH:
        return date.replace(day=1)
    return date


def bounds(date, precision):
    """The earliest and the latest day ``date`` could be, given its ``precision``."""
    if precision == Precision.YEAR:
        return datetime.date(date.year, 1, 1), datetime.date(date.year, 12, 31)
    if precision == Precision.MONTH:
        last = calendar.monthrange(date.year, date.month)[1]
        return date.replace(day=1), date.replace(day=last)
    return date, date


def earliest(date, precision):
    return bounds(date, precision)[0]


def latest(date, precision):
    return bounds(date, precision)[1]


def shown(date, precision):
    """``date`` as a reader should see it: "21 October 1980", "October 1980", "1980"."""
    if date is None:
        return ""
    if precision == Precision.YEAR:
        return str(date.year)
    if precision == Precision.MONTH:
        return format_date(date, "F Y")
    return format_date(date, "j F Y")


def machine(date, precision):
    """The ``datetime`` attribute of a <time> element: "1980-10-21", "1980-10", "1980"."""
    if date is None:
        return ""
    if precision == Precision.YEAR:
        return f"{date.year:04d}"
    if precision == Precision.MONTH:
        return f"{date.year:04d}-{date.month:02d}"
    return date.isoformat()


def age_between(born, on):
    """Whole years from ``born`` to ``on``.

    Someone born on 29 February has their birthday on 1 March in common years:
    until then (28 February included) they are a year younger.
    """
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


def age_range(born, precision, on):
    """The youngest and oldest someone born on ``born`` (to ``precision``) can be on ``on``."""
    first, last = bounds(born, precision)
    return age_between(last, on), age_between(first, on)


def exact_age(born, precision, on):
    """The age on ``on`` when the known part of ``born`` settles it, else None.

    Born "October 1980", someone is surely 45 on 5 November 2025 but 44 or 45
    on 15 October 2025; born "1980", their exact age is never known.
    """
    youngest, oldest = age_range(born, precision, on)
    return oldest if youngest == oldest else None
