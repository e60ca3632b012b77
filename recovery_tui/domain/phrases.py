"""Human phrases for dates, shared by Today and the command line."""

from __future__ import annotations

from datetime import date


def days_ago(day: date, today: date) -> str:
    delta = (today - day).days
    if delta == 0:
        return "today"
    if delta == 1:
        return "yesterday"
    if delta == -1:
        return "tomorrow"
    import pendulum  # its phrases; loaded when a date needs one, not at start-up

    then = pendulum.date(day.year, day.month, day.day)
    now = pendulum.date(today.year, today.month, today.day)
    span = then.diff_for_humans(now, absolute=True)
    return f"{span} ago" if delta > 0 else f"in {span}"


def long_date(day: date) -> str:
    """'Thursday 26 November'."""
    return f"{day.strftime('%A')} {day.day} {day.strftime('%B')}"
