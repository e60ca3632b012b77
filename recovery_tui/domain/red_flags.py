"""Signs that soreness is more than ordinary recovery, each with a clear pointer to get help.

Two sources: the red flags ticked on the current check-in (``checkins.current_checkin``), and
soreness that is not easing once 72 hours have passed since the run: an area that is still
at least as sore as on the day after the run (and not trivially so), or at
``NOT_EASING_HIGH`` or more.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from recovery_tui.domain.checkins import current_checkin
from recovery_tui.domain.models import AREAS, CheckIn, Run
from recovery_tui.domain.plan import active_run, run_label

HELP = "see a health professional"
NOT_EASING_AFTER_DAYS = 3
NOT_EASING_HIGH = 5
# Below this, "as sore as on day 1" is a niggle, not a warning.
NOT_EASING_MIN = 3


def _run_for(day: date, runs: Sequence[Run]) -> Run | None:
    run = active_run(day, runs)
    if run is not None:
        return run
    past = [r for r in runs if r.day <= day]
    return max(past, key=lambda r: (r.day, r.recorded_at), default=None)


def red_flag_messages(day: date, runs: Sequence[Run], checkins: Sequence[CheckIn]) -> list[str]:
    checkin = current_checkin(day, checkins)
    if checkin is None:
        return []
    when = "today" if checkin.day == day else "yesterday"
    messages = [
        f"You reported {flag.label} {when}: stop running and {HELP}."
        for flag in sorted(checkin.red_flags)
    ]
    not_easing = _not_easing(checkin, _run_for(day, runs), checkins)
    if not_easing:
        messages.append(not_easing)
    return messages


def _not_easing(checkin: CheckIn, run: Run | None, checkins: Sequence[CheckIn]) -> str | None:
    if run is None:
        return None
    days = (checkin.day - run.day).days
    if days < NOT_EASING_AFTER_DAYS:
        return None
    first = [c for c in checkins if c.day == run.day + timedelta(days=1)]
    day_one = max(first, key=lambda c: c.recorded_at).soreness if first else {}
    stuck = []
    for area in AREAS:
        level = checkin.soreness.get(area, 0)
        was = day_one.get(area)
        if level >= NOT_EASING_HIGH or (
            was is not None and level >= was and level >= NOT_EASING_MIN
        ):
            stuck.append(f"{area.label} {level}/10")
    if not stuck:
        return None
    return (
        f"Soreness not easing {days} days after your {run_label(run)} ({', '.join(stuck)}): {HELP}."
    )
