"""Is today a day for an easy run, and when will recovery be done? One sentence, one number.

Ready for an easy run when every check passes:

- soreness is known: the current check-in (``checkins.current_checkin``) has areas entered
  (an area not entered is unknown, never 0, and gives no verdict), among them every area
  that was sore at a check-in since the run (a sore area not entered again is unknown now:
  no yes, no dates, "check in every area that was sore");
- soreness is low: no entered area above ``LOW_SORENESS``, and not going up;
- soreness is complete: every area entered in the current check-in (one left out may still
  be sore: "enter every area to know");
- enough days have passed since the run (``required_days``);
- the single-leg stand kept the pelvis level on each leg recorded;
- there is no alarm (red flag, severe soreness, soreness not easing).

The estimated recovery date starts at the end of the run's window and moves with the
soreness entered: later when it is still high and not easing, to today when it is all but
gone. With no soreness entered since the run there is no date: "check in your soreness to
see when you'll be ready".
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from recovery_tui.domain.alarms import Alarm, AlarmKind
from recovery_tui.domain.checkins import current_checkin, previous_checkin
from recovery_tui.domain.formats import days_text, long_date
from recovery_tui.domain.models import AREAS, Area, CheckIn, Run, Side, StandResult
from recovery_tui.domain.soreness import LOW_SORENESS
from recovery_tui.domain.units import DistanceUnit
from recovery_tui.domain.window import run_label, run_window

RECOVERED_SORENESS = 1
EASY_RUN_MIN_DAYS = 3
EASY_RUN_WINDOW_SHARE = 0.6
# When soreness is stuck, allow about one more day per this many points still felt.
SORENESS_POINTS_PER_EXTRA_DAY = 2
CHECK_IN_FIRST = "check in your soreness to see when you'll be ready"
CHECK_IN_SORE = "check in every area that was sore to see when you'll be ready"
CHECK_IN_EVERY = "enter every area to know, as one left out may still be sore"
# Under an alarm: what has to come before running, as the alarm itself says it.
NOT_YET_BECAUSE = {
    AlarmKind.RED_FLAG: "Not yet: no running until a health professional has seen this.",
    AlarmKind.SEVERE: "Not yet: no running while the soreness is severe; rest first.",
    AlarmKind.NOT_EASING: "Not yet: no running until a health professional has seen why "
    "it is not easing.",
}


@dataclass(frozen=True, slots=True)
class Readiness:
    ready: bool
    sentence: str  # one sentence with at most one number of days
    reasons: tuple[str, ...]  # why, without numbers of days of their own
    ready_date: date | None  # when an easy run looks likely (None: no verdict)
    recovery_date: date | None  # the usual full recovery, moved by the soreness entered

    @property
    def answer(self) -> str:
        return "Yes" if self.ready else "Not yet"


def required_days(window: int) -> int:
    """Days after the run before an easy run: 60% of the window, at least 3, at most all of it."""
    return min(window, max(EASY_RUN_MIN_DAYS, math.ceil(EASY_RUN_WINDOW_SHARE * window)))


def entered(checkin: CheckIn | None) -> dict[Area, int]:
    return dict(checkin.soreness) if checkin is not None else {}


def _sorest(soreness: dict[Area, int]) -> str:
    top = max(soreness.values())
    areas = [a.label for a, n in soreness.items() if n == top]
    return f"{top}/10 in the {', '.join(areas)}"


def _stand(checkin: CheckIn) -> tuple[bool, str] | None:
    """The single-leg stand: the side named is the leg stood on, whose glutes hold the
    pelvis level (docs/guidance.md, msg.single_leg_stand)."""
    if not checkin.stand:
        return None
    dropped = [s for s in (Side.LEFT, Side.RIGHT) if checkin.stand.get(s) is StandResult.DROPPED]
    if not dropped:
        return True, "the pelvis stayed level in the single-leg stand"
    legs = "either leg" if len(dropped) == 2 else f"your {dropped[0].value} leg"
    glutes = "glutes" if len(dropped) == 2 else f"{dropped[0].value} glutes"
    return False, f"standing on {legs} the pelvis dropped: {glutes} still tired"


def _sore_then_unknown(
    day: date, run: Run | None, checkins: Sequence[CheckIn], now: CheckIn | None
) -> dict[Area, tuple[int, date]]:
    """Areas sore (above the ready line) at a check-in since the run but not entered in
    the current one: their last level and its day."""
    if run is None or now is None:
        return {}
    last: dict[Area, tuple[int, date]] = {}
    for checkin in sorted(checkins, key=lambda c: c.day):
        if run.day < checkin.day <= day:
            last |= {area: (level, checkin.day) for area, level in checkin.soreness.items()}
    return {
        area: seen
        for area, seen in last.items()
        if area not in now.soreness and seen[0] > LOW_SORENESS
    }


def _trend(now: dict[Area, int], before: dict[Area, int]) -> int:
    """+1 when an area entered both times went up, -1 when the worst went down, else 0."""
    shared = [a for a in now if a in before]
    if any(now[a] > before[a] for a in shared):
        return 1
    if shared and max(now[a] for a in shared) < max(before[a] for a in shared):
        return -1
    return 0


def assess_readiness(
    day: date,
    run: Run | None,
    checkins: Sequence[CheckIn],
    alarms: Sequence[Alarm],
    unit: DistanceUnit = DistanceUnit.KM,
) -> Readiness:
    """Readiness for ``day`` within the recovery of ``run`` (None: no window open), given
    the day's ``alarms`` (computed once by the caller and shown beside this)."""
    now = current_checkin(day, checkins)
    soreness = entered(now)
    if run is None and not soreness and not alarms:
        return Readiness(True, "Yes: nothing to recover from.", (), None, None)

    if alarms:
        # The alarms themselves say why, above everything else; this says what must come
        # first, in the words of the most pressing one.
        return Readiness(False, NOT_YET_BECAUSE[alarms[0].kind], (), None, None)
    unknown = _sore_then_unknown(day, run, checkins, now)
    if unknown:
        # No verdict from missing data: an area last seen sore may be sore still.
        reasons = tuple(
            f"{area.label} {level}/10 on {long_date(seen)}, not entered since"
            for area, (level, seen) in unknown.items()
        )
        return Readiness(False, f"Not yet: {CHECK_IN_SORE}.", reasons, None, None)
    blockers: list[str] = []
    good: list[str] = []
    trend, compared = 0, False
    if soreness:
        if max(soreness.values()) <= LOW_SORENESS:
            good.append(f"soreness is down to {_sorest(soreness)}")
        else:
            blockers.append(f"soreness is still {_sorest(soreness)}")
        before = previous_checkin(now, checkins) if now is not None else None
        trend, compared = _trend(soreness, entered(before)), before is not None
        if trend > 0:
            blockers.append("soreness went up since the last check-in")
        elif trend < 0:
            good.append("soreness is easing")
        stand = _stand(now) if now is not None else None
        if stand is not None:
            (good if stand[0] else blockers).append(stand[1])
    if run is not None:
        if (day - run.day).days < required_days(run_window(run)):
            blockers.append(f"it is still early after your {run_label(run, unit)}")
        else:
            good.append(f"long enough since your {run_label(run, unit)}")

    ready = not blockers and bool(soreness)
    ready_date = _ready_date(day, run, soreness, trend) if soreness else None
    missing = [area for area in AREAS if area not in soreness]
    if ready and missing:
        # A yes needs every area known: no verdict from the areas left out. The easy run it
        # waits for is today at the earliest, and full recovery is never dated before it.
        recovery = _recovery_date(day, run, now, easing=trend < 0 or not compared)
        return Readiness(
            False,
            f"Not yet: {CHECK_IN_EVERY}.",
            (f"not entered: {', '.join(a.label for a in missing)}",),
            None,
            max(recovery, day) if recovery is not None else None,
        )
    if ready:
        ready_date = day
    recovery_date = _recovery_date(day, run, now, easing=trend < 0 or not compared)
    if recovery_date is not None and ready_date is not None:
        # Full recovery never comes before the first easy run it allows: two dates on one
        # panel must not contradict each other.
        recovery_date = max(recovery_date, ready_date)
    return Readiness(
        ready,
        _sentence(day, ready, soreness, ready_date),
        tuple(blockers or good),
        ready_date,
        recovery_date,
    )


def _sentence(day: date, ready: bool, soreness: dict[Area, int], ready_date: date | None) -> str:
    if ready:
        return "Yes: an easy run today, gently."
    if not soreness:
        return f"Not yet: {CHECK_IN_FIRST}."
    if ready_date is None or ready_date <= day:
        return "Not yet: let the soreness ease first."
    return f"Not yet: about {days_text((ready_date - day).days)} more."


def _extra_days(top: int) -> int:
    """Days soreness of ``top``/10 still needs to come down to the ready line."""
    return math.ceil(max(0, top - LOW_SORENESS) / SORENESS_POINTS_PER_EXTRA_DAY)


def _ready_date(day: date, run: Run | None, soreness: dict[Area, int], trend: int) -> date:
    by_soreness = day + timedelta(days=_extra_days(max(soreness.values())) + max(trend, 0))
    if run is None:
        return by_soreness
    return max(by_soreness, run.day + timedelta(days=required_days(run_window(run))))


def _recovery_date(day: date, run: Run | None, now: CheckIn | None, easing: bool) -> date | None:
    """No date without soreness entered since the run; otherwise the end of the window,
    later when soreness is still high and not easing, today when it is all but gone."""
    if run is None or now is None or now.day <= run.day or not now.soreness:
        return None
    estimate = run.day + timedelta(days=run_window(run))
    top = max(now.soreness.values())
    if top <= RECOVERED_SORENESS:
        return min(estimate, day)
    if top > LOW_SORENESS and (not easing or day >= estimate):
        return max(estimate, day + timedelta(days=math.ceil(top / SORENESS_POINTS_PER_EXTRA_DAY)))
    return estimate
