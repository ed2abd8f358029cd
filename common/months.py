"""Calendar months as the listings, the coverage chart and the desk's drill-downs
step through them."""

import datetime


def next_month(day):
    """The first day of the month after ``day``'s."""
    return (day.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)
