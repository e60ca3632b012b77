"""Signs that soreness is more than ordinary recovery, each with a clear pointer to help.

Three kinds, each documented with its sources in docs/guidance.md:

- red flags ticked on the current check-in (``checkins.current_checkin``): always first,
  the urgent ones (dark urine, dizziness, a leg you cannot stand on) before the others;
- severe soreness: an area at 9 or 10 out of 10, at any time;
- soreness not easing: an area still at ``NOT_EASING_LEVEL`` or more after day
  ``not_easing_day(window)`` of the recovery, or going up after day ``RISING_AFTER_DAY``
  within the recovery window (after it, a rise follows the runs of the return plan, whose
  own rule answers it: the plan pauses; see ``domain.day``).
  Ordinary soreness peaks 24–72 hours after a hard run and then falls: that curve never
  raises an alarm, however high its peak (short of severe).

An area not entered is unknown: it can raise nothing, and it is never read as 0.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from recovery_tui.domain.checkins import current_checkin, latest_recorded, previous_checkin
from recovery_tui.domain.models import AREAS, Area, CheckIn, RedFlag, Run
from recovery_tui.domain.soreness import LOW_SORENESS, Band, band
from recovery_tui.domain.units import DistanceUnit
from recovery_tui.domain.window import run_label, run_window

HELP = "see a health professional"
NOT_EASING_LEVEL = 5
NOT_EASING_FROM_DAY = 5  # "still high after day 5", later for longer windows
RISING_AFTER_DAY = 3

RED_FLAG_MESSAGES: dict[RedFlag, str] = {
    RedFlag.SHARP_PAIN: "Sharp or stabbing pain: stop running, rest and ice it, and see a "
    "health professional.",
    RedFlag.SWELLING: "Swelling: rest, ice it and raise it; no heat, massage or running on it; "
    "see a health professional if it does not go down.",
    RedFlag.PAIN_AT_REST: "Pain at rest: stop running and see a health professional.",
    RedFlag.WORSE_WHEN_WALKING: "Pain that gets worse as you walk: no walks that hurt; rest, "
    "and see a health professional.",
    RedFlag.DARK_URINE: "Dark, tea- or cola-coloured urine after a hard run can mean serious "
    "muscle breakdown: get medical help today.",
    RedFlag.CANNOT_BEAR_WEIGHT: "Unable to put weight on the leg: have it checked today "
    "(an X-ray may be needed).",
    RedFlag.BONE_POINT_PAIN: "Pain at one point on a bone can be a stress fracture: stop "
    "running and see a health professional.",
    RedFlag.DIZZINESS: "Dizziness or confusion after a long race needs medical help now (call "
    "emergency services if it is severe); do not drink large amounts of water to fix it.",
}


class AlarmKind(StrEnum):
    RED_FLAG = "red_flag"
    SEVERE = "severe"
    NOT_EASING = "not_easing"


@dataclass(frozen=True, slots=True)
class Alarm:
    kind: AlarmKind
    guide: str  # its entry in docs/guidance.md
    message: str
    flag: RedFlag | None = None
    areas: tuple[Area, ...] = ()


def not_easing_day(window: int) -> int:
    """From the day after this one, soreness still high is not the ordinary curve: day 5,
    or half the window for long recoveries (a marathon's or an ultra's)."""
    return max(NOT_EASING_FROM_DAY, window // 2)


def _areas_text(checkin: CheckIn, areas: Sequence[Area]) -> str:
    return ", ".join(f"{area.label} {checkin.soreness[area]}/10" for area in areas)


def red_flag_alarms(checkin: CheckIn | None, today: date) -> list[Alarm]:
    if checkin is None or not checkin.red_flags:
        return []
    when = "today" if checkin.day == today else "yesterday"
    flags = sorted(checkin.red_flags, key=lambda f: (not f.urgent, list(RedFlag).index(f)))
    return [
        Alarm(
            AlarmKind.RED_FLAG,
            f"msg.red_flag.{flag.value}",
            f"You reported {flag.label} {when}. {RED_FLAG_MESSAGES[flag]}",
            flag=flag,
        )
        for flag in flags
    ]


def severe_alarm(checkin: CheckIn | None) -> Alarm | None:
    if checkin is None:
        return None
    severe = [
        a for a in AREAS if a in checkin.soreness and band(checkin.soreness[a]) is Band.SEVERE
    ]
    if not severe:
        return None
    return Alarm(
        AlarmKind.SEVERE,
        "msg.severe_soreness",
        f"Severe soreness ({_areas_text(checkin, severe)}): rest today, only gentle movement "
        "that does not hurt; if it does not ease over the next days, see a health "
        "professional. Check your urine: dark urine needs medical help today.",
        areas=tuple(severe),
    )


def not_easing_alarm(
    checkin: CheckIn | None,
    run: Run | None,
    checkins: Sequence[CheckIn],
    unit: DistanceUnit = DistanceUnit.KM,
) -> Alarm | None:
    if checkin is None or run is None:
        return None
    days = (checkin.day - run.day).days
    window = run_window(run)
    still_high = [
        a
        for a in AREAS
        if days > not_easing_day(window) and checkin.soreness.get(a, 0) >= NOT_EASING_LEVEL
    ]
    before = previous_checkin(checkin, checkins) if RISING_AFTER_DAY < days <= window else None
    rising = [
        a
        for a in AREAS
        if before is not None
        and (before.day - run.day).days >= RISING_AFTER_DAY
        and a in checkin.soreness
        and a in before.soreness
        and checkin.soreness[a] > before.soreness[a]
        and checkin.soreness[a] > LOW_SORENESS
        and a not in still_high
    ]
    if not still_high and not rising:
        return None
    parts = []
    if still_high:
        parts.append(f"still {_areas_text(checkin, still_high)} on day {days}")
    if rising:
        parts.append(f"going up ({_areas_text(checkin, rising)})")
    return Alarm(
        AlarmKind.NOT_EASING,
        "msg.not_easing",
        f"Soreness not easing after your {run_label(run, unit)}: {'; '.join(parts)}. That is "
        "longer than usual: see a health professional.",
        areas=tuple(still_high + rising),
    )


def day_alarms(
    day: date,
    run: Run | None,
    checkins: Sequence[CheckIn],
    unit: DistanceUnit = DistanceUnit.KM,
) -> tuple[Alarm, ...]:
    """The day's alarms, most pressing first: red flags, severe soreness, not easing.
    ``run`` is the recovery the day belongs to (its window, or the last one ended)."""
    checkin = current_checkin(day, checkins)
    found: list[Alarm] = red_flag_alarms(latest_recorded(day, checkins), day)
    for alarm in (severe_alarm(checkin), not_easing_alarm(checkin, run, checkins, unit)):
        if alarm is not None:
            found.append(alarm)
    return tuple(found)
