"""What a session says out loud at each of its moments, as plain sentences.

A speech command reads these to someone on the floor two metres away: the step and its
side first (what to do), then its length in words ("Two minutes thirty seconds", never
"2:30", which synthesisers read as a time of day). Routine names come from user files, so
every phrase is cleaned to one line, and never starts with a dash that a speech command
would take for an option.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from recovery_tui.domain.models import Side
from recovery_tui.domain.segments import Event, Finished, Segment, SegmentChanged, SegmentKind
from recovery_tui.domain.text import one_line

SWITCH_SIDES = "Switch sides."
COUNTDOWN = "Three, two, one."
SESSION_DONE = "Session done."
PAUSED = "Paused."
RESUMED = "Resumed."
GET_READY = "Get ready."

COUNTDOWN_LEAD = 3.0
"""Seconds before a change at which "Three, two, one" starts."""
COUNTDOWN_MIN_SEGMENT = 10.0
"""A shorter segment (the 5 s switch) is still being announced when its end comes near;
a countdown would cut its own announcement off."""

_LEADING_DASHES = re.compile(r"^[\s\-\u2010\u2011\u2212]+")

_ONES = (
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
    "eighteen", "nineteen",
)  # fmt: skip
_TENS = ("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")


def number_words(n: int) -> str:
    """n ≥ 0 in English words: 'thirty', 'forty-five', 'one hundred and five'."""
    if n < 0:
        raise ValueError(f"{n} is negative")
    if n >= 1000:
        thousands, rest = divmod(n, 1000)
        head = f"{number_words(thousands)} thousand"
        return f"{head} {number_words(rest)}" if rest else head
    if n < 20:
        return _ONES[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        return _TENS[tens] + (f"-{_ONES[ones]}" if ones else "")
    hundreds, rest = divmod(n, 100)
    head = f"{_ONES[hundreds]} hundred"
    return f"{head} and {number_words(rest)}" if rest else head


def _unit(n: int, name: str) -> str:
    return f"{number_words(n)} {name}" + ("" if n == 1 else "s")


def length_words(seconds: float) -> str:
    """A length as it is said: 'Thirty seconds', 'Two minutes thirty seconds', 'One hour'."""
    whole = max(0, round(seconds))
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    parts = [
        _unit(value, name)
        for value, name in ((hours, "hour"), (minutes, "minute"), (secs, "second"))
        if value
    ]
    text = " ".join(parts) or "zero seconds"
    return text[0].upper() + text[1:]


def speakable(text: str) -> str:
    """One clean line that no speech command can read as one of its options."""
    return _LEADING_DASHES.sub("", one_line(text)).strip()


def _sentence(text: str) -> str:
    text = speakable(text).rstrip(".")
    return f"{text}." if text else ""


def step_start(name: str, side: Side | None, seconds: float) -> str:
    """'Left side. Wall calf stretch. Thirty seconds.'"""
    parts = [f"{side.value.capitalize()} side." if side else "", _sentence(name)]
    parts.append(f"{length_words(seconds)}.")
    return " ".join(part for part in parts if part)


def segment_phrase(segment: Segment) -> str:
    """What to say as ``segment`` begins."""
    if segment.kind is SegmentKind.GET_READY:
        return GET_READY
    if segment.kind is SegmentKind.SWITCH:
        return SWITCH_SIDES
    return step_start(segment.name, segment.side, segment.seconds)


def countdown_due(before: float, after: float, segment_seconds: float) -> bool:
    """Whether "Three, two, one" is due: the time left in a long enough segment went from
    ``before`` to ``after`` across the lead (once per segment, however often it repaints)."""
    if segment_seconds < COUNTDOWN_MIN_SEGMENT:
        return False
    return before > COUNTDOWN_LEAD >= after > 0


def cue_phrase(
    events: Sequence[Event], current: Segment | None, before: float, after: float
) -> str | None:
    """What to say after one update of the session: ``events`` from ``engine.update()``,
    ``current`` the segment now running, ``before``/``after`` its time left at the last
    update and now. A change says where it landed (after a skip over several segments, the
    last one), the end says so, and near the end of a long segment comes the countdown."""
    for event in reversed(events):
        if isinstance(event, Finished):
            return SESSION_DONE
        if isinstance(event, SegmentChanged):
            return segment_phrase(event.new)
    if current is not None and countdown_due(before, after, current.seconds):
        return COUNTDOWN
    return None
