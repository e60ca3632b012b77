"""The effort (1–10) of a run: from its average heart rate when the user has set a maximum
heart rate, else the usual effort of its kind. Always an estimate the user can change.

Sources:

- Intensity classes by share of maximum heart rate: American College of Sports Medicine,
  Garber C.E. et al., "Quantity and quality of exercise for developing and maintaining
  cardiorespiratory, musculoskeletal, and neuromotor fitness in apparently healthy adults",
  Medicine & Science in Sports & Exercise 43(7):1334–1359, 2011, Table 4 (the same bands
  are in ACSM's Guidelines for Exercise Testing and Prescription, 10th edition, 2018):
  very light below 57 %, light 57–63 %, moderate 64–76 %, vigorous 77–95 %, near-maximal to
  maximal 96 % and above.
- The 0–10 effort scale: U.S. Department of Health and Human Services, Physical Activity
  Guidelines for Americans, 2nd edition, 2018: on a scale where 0 is sitting and 10 maximal
  effort, moderate intensity is a 5 or 6 and vigorous intensity begins at a 7 or 8.

Each class takes two steps of the scale, moderate 5–6 and vigorous 7–8 as the guidelines
say, the classes below and above the steps next to them; the lower part of a class's range
gives its lower step (``EFFORT_BANDS``). A half marathon raced at 88 % of maximum gives 8,
a marathon at 82 % gives 7, an easy run at 68 % gives 5.

An average heart rate understates a long run's toll (hours at a moderate rate still empty
the legs), which is why the estimate is shown for the user to confirm before it is saved.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from recovery_tui.domain import validation as v
from recovery_tui.domain.models import RunKind
from recovery_tui.domain.run_defaults import default_effort

# (lowest % of maximum heart rate, effort, ACSM class), highest first.
EFFORT_BANDS: tuple[tuple[int, int, str], ...] = (
    (98, 10, "maximal"),
    (96, 9, "near-maximal"),
    (86, 8, "vigorous"),
    (77, 7, "vigorous"),
    (70, 6, "moderate"),
    (64, 5, "moderate"),
    (60, 4, "light"),
    (57, 3, "light"),
    (50, 2, "very light"),
    (0, 1, "very light"),
)

MIN_MAX_HR, MAX_MAX_HR = 100, 240


@dataclass(frozen=True, slots=True)
class EffortEstimate:
    effort: int
    basis: str  # one sentence saying where the number comes from


def parse_max_heart_rate(text: str) -> int:
    """The maximum heart rate a user sets, in beats per minute."""
    return v.parse_int(text, "maximum heart rate", MIN_MAX_HR, MAX_MAX_HR)


def heart_rate_percent(avg_hr: float, max_hr_setting: int) -> int:
    """Average heart rate as a whole percent of the maximum, rounded half up."""
    if not avg_hr > 0 or not max_hr_setting > 0:
        raise ValueError(f"no share of {max_hr_setting} for an average of {avg_hr}")
    return math.floor(avg_hr / max_hr_setting * 100 + 0.5)


def _band(percent: int) -> tuple[int, str]:
    return next((effort, name) for low, effort, name in EFFORT_BANDS if percent >= low)


def effort_from_heart_rate(avg_hr: float, max_hr_setting: int) -> int:
    """Effort 1–10 from the run's average heart rate and the user's maximum."""
    return _band(heart_rate_percent(avg_hr, max_hr_setting))[0]


def estimate_effort(
    kind: RunKind, avg_hr: int | None, max_hr_setting: int | None
) -> EffortEstimate:
    """The effort to offer for a run, and the sentence that says why."""
    what = {RunKind.RACE: "a race", RunKind.LONG: "a long run", RunKind.EASY: "an easy run"}
    usual = f"the usual effort for {what[kind]}"
    if avg_hr is None:
        return EffortEstimate(default_effort(kind), f"No heart rate in the file: {usual}.")
    if max_hr_setting is None:
        return EffortEstimate(
            default_effort(kind),
            f"{usual.capitalize()}; set your maximum heart rate to estimate it from heart rate.",
        )
    percent = heart_rate_percent(avg_hr, max_hr_setting)
    effort, name = _band(percent)
    basis = (
        f"Average heart rate {avg_hr} is {percent}% of your maximum {max_hr_setting}: "
        f"{name} (ACSM intensity classes)."
    )
    if percent > 100:
        basis += " That is above your maximum: is the setting right?"
    return EffortEstimate(effort, basis)
