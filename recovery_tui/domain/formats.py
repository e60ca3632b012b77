"""Every duration and date as words or digits: the one place the program formats them.

The command line, the screens and the exports all call these, so a length or a date reads
the same wherever it is shown.
"""

from __future__ import annotations

from datetime import date

MONTHS: tuple[str, ...] = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
WEEKDAYS: tuple[str, ...] = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


# -- durations --------------------------------------------------------------------------
def clock_text(seconds: float) -> str:
    """A countdown as MM:SS (H:MM:SS from an hour), rounded up so 00:00 means over."""
    whole = max(0, int(seconds + 0.999))
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours}:{minutes:02d}:{secs:02d}"
    return f"{minutes:02d}:{secs:02d}"


def length_text(seconds: float) -> str:
    """A step's length as M:SS ("2:30", "0:45"), for lists of steps."""
    minutes, secs = divmod(max(0, round(seconds)), 60)
    return f"{minutes}:{secs:02d}"


def minutes_text(minutes: float) -> str:
    """Minutes to one decimal without a trailing '.0' ("12", "12.5")."""
    return f"{round(minutes, 1):g}"


def days_text(n: int) -> str:
    """'1 day', '3 days'."""
    return f"{n} day" if n == 1 else f"{n} days"


# -- dates ------------------------------------------------------------------------------
def long_date(day: date, today: date | None = None) -> str:
    """'Thursday 26 November'; given ``today``, 'Thursday 26 November 2025' when the year
    is not today's (a date typed with the wrong year then shows)."""
    text = f"{day.strftime('%A')} {day.day} {MONTHS[day.month - 1]}"
    return text if today is None or day.year == today.year else f"{text} {day.year}"


def short_date(day: date) -> str:
    """'Thu 26 Nov'."""
    return f"{day:%a} {day.day:02d} {MONTHS[day.month - 1][:3]}"


def day_label(day: date) -> str:
    """'Thu 26 Nov', with the day of the month padded so a column of them lines up."""
    return f"{WEEKDAYS[day.weekday()]} {day.day:2d} {MONTHS[day.month - 1][:3]}"


def period_label(start: date, end: date) -> str:
    """'20–26 November 2026', '28 October – 3 November 2026' or
    '29 December 2025 – 4 January 2026': the shared parts said once."""
    last = f"{end.day} {MONTHS[end.month - 1]} {end.year}"
    if start == end:
        return last
    if start.year != end.year:
        return f"{start.day} {MONTHS[start.month - 1]} {start.year} – {last}"
    if start.month != end.month:
        return f"{start.day} {MONTHS[start.month - 1]} – {last}"
    return f"{start.day}–{last}"


def days_ago(day: date, today: date) -> str:
    """'today', 'yesterday', '3 days ago', 'in 2 weeks'."""
    delta = (today - day).days
    if delta == 0:
        return "today"
    if delta == 1:
        return "yesterday"
    if delta == -1:
        return "tomorrow"
    if abs(delta) < 7:
        # The days of a recovery window, worded as pendulum words them, without loading it
        # (the command line's today and status never need more).
        return f"{delta} days ago" if delta > 0 else f"in {-delta} days"
    import pendulum  # its phrases for weeks and more; loaded when a date needs one

    then = pendulum.date(day.year, day.month, day.day)
    now = pendulum.date(today.year, today.month, today.day)
    span = then.diff_for_humans(now, absolute=True)
    return f"{span} ago" if delta > 0 else f"in {span}"
