"""Is today a day for an easy run, and when will recovery be done?

Ready for an easy run when every check passes:

- soreness is low: the current check-in (``checkins.current_checkin``) has no area above
  ``LOW_SORENESS``;
- the trend is easing: that check-in is no sorer than the one before it;
- enough days have passed since the run (``required_days``);
- the single-leg stand kept the pelvis level on each side recorded;
- there is no red flag.

The estimated recovery date starts at the end of the run's window and moves with the
soreness: forward when it is still high and not easing, to today when it is all but gone.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from recovery_tui.domain.checkins import CURRENT_DAYS, current_checkin, previous_checkin
from recovery_tui.domain.formats import days_text
from recovery_tui.domain.models import CheckIn, Run, Side, StandResult
from recovery_tui.domain.plan import active_run, run_label, run_window
from recovery_tui.domain.soreness import LOW_SORENESS

RECOVERED_SORENESS = 1
EASY_RUN_MIN_DAYS = 3
EASY_RUN_WINDOW_SHARE = 0.6
# When soreness is stuck, allow about one more day per this many points still felt.
SORENESS_POINTS_PER_EXTRA_DAY = 2


@dataclass(frozen=True, slots=True)
class Readiness:
    ready: bool
    headline: str
    reasons: tuple[str, ...]
    recovery_date: date | None
    recovery_reasons: tuple[str, ...]


def required_days(window: int) -> int:
    """Days after the run before an easy run: 60% of the window, at least 3, at most all of it."""
    return min(window, max(EASY_RUN_MIN_DAYS, math.ceil(EASY_RUN_WINDOW_SHARE * window)))


def _sorest(checkin: CheckIn) -> str:
    top = checkin.max_soreness
    areas = [a.label for a, n in checkin.soreness.items() if n == top]
    return f"{top}/10 ({', '.join(areas)})"


def _stand_reason(checkin: CheckIn) -> tuple[bool, str] | None:
    if not checkin.stand:
        return None
    dropped = [s for s in (Side.LEFT, Side.RIGHT) if checkin.stand.get(s) is StandResult.DROPPED]
    if not dropped:
        return True, "pelvis stayed level in the single-leg stand"
    where = "on both sides" if len(dropped) == 2 else f"on the {dropped[0].value}"
    return False, f"pelvis dropped {where} in the single-leg stand: glutes still tired"


def assess_readiness(
    day: date, runs: Sequence[Run], checkins: Sequence[CheckIn], flags: Sequence[str]
) -> Readiness:
    """Readiness for ``day``; ``flags`` are the day's red-flag messages (``red_flags``),
    computed once by the caller and shown beside this."""
    recent = current_checkin(day, checkins)
    before = previous_checkin(recent, checkins) if recent is not None else None
    run = active_run(day, runs)

    if run is None and recent is None and not flags:
        return Readiness(True, "Nothing to recover from: run as you like", (), None, ())

    blockers: list[str] = list(flags)
    good: list[str] = []

    if recent is None:
        blockers.append(
            f"no check-in in the last {CURRENT_DAYS} days: check in to see how sore you are"
        )
    else:
        if recent.max_soreness <= LOW_SORENESS:
            good.append(
                f"soreness is down to {_sorest(recent)}"
                if recent.max_soreness
                else "no soreness left"
            )
        else:
            blockers.append(f"soreness is still {_sorest(recent)}")
        if before is not None:
            now, then = recent.max_soreness, before.max_soreness
            if now > then:
                blockers.append(f"soreness went up from {then}/10 to {now}/10")
            elif now < then:
                good.append(f"soreness is easing ({then}/10 → {now}/10)")
        stand = _stand_reason(recent)
        if stand is not None:
            (good if stand[0] else blockers).append(stand[1])

    if run is not None:
        since = (day - run.day).days
        needed = required_days(run_window(run))
        if since == 0:
            blockers.append(f"you ran your {run_label(run)} today: give it {days_text(needed)}")
        elif since < needed:
            blockers.append(f"only {days_text(since)} since your {run_label(run)}")
        else:
            good.append(f"{days_text(since)} since your {run_label(run)}")

    recovery_date, recovery_reasons = _estimate_recovery(day, run, recent, before)
    if flags:
        headline = "Hold off running: see a health professional"
    elif blockers:
        headline = "Not ready for a run yet"
    else:
        headline = "Ready for an easy run"
    return Readiness(
        not blockers,
        headline,
        tuple(blockers or good),
        recovery_date,
        recovery_reasons,
    )


def _estimate_recovery(
    day: date, run: Run | None, latest: CheckIn | None, before: CheckIn | None
) -> tuple[date | None, tuple[str, ...]]:
    if run is None:
        return None, ()
    window = run_window(run)
    estimate = run.day + timedelta(days=window)
    reasons = [f"{days_text(window)} is the usual recovery after a {run_label(run)}"]
    if latest is None or latest.day < run.day:
        return estimate, tuple(reasons)
    top = latest.max_soreness
    # Soreness peaks a day or two after the run, so a calm run day proves nothing yet.
    if top <= RECOVERED_SORENESS and latest.day > run.day:
        reasons.append(f"soreness is at most {top}/10 everywhere: you look recovered")
        return min(estimate, day), tuple(reasons)
    stuck = top > LOW_SORENESS and (
        (before is not None and top >= before.max_soreness) or day >= estimate
    )
    if stuck:
        later = day + timedelta(days=math.ceil(top / SORENESS_POINTS_PER_EXTRA_DAY))
        if later > estimate:
            reasons.append(f"soreness is still {top}/10 and not easing: expect a few more days")
            return later, tuple(reasons)
    return estimate, tuple(reasons)
