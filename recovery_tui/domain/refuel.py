"""The 30-minute refuel window after the finish of a hard run."""

from __future__ import annotations

from datetime import UTC, datetime, timezone

from recovery_tui.domain.models import Run

REFUEL_MINUTES = 30


def refuel_seconds_left(run: Run, now: datetime) -> float | None:
    """Seconds left to eat carbohydrate and protein after the finish; ``None`` when the run
    has no finish time or was not on ``now``'s day, 0 once the window has closed."""
    if run.finish is None or now.date() != run.day:
        return None
    local = datetime.combine(run.day, run.finish)
    if now.tzinfo is None or isinstance(now.tzinfo, timezone):
        # A fixed offset (the system clock's local time): let the system's timezone rules
        # place the finish, so a clock change between finish and now is accounted for.
        finish = local.astimezone()
    else:
        finish = local.replace(tzinfo=now.tzinfo)
    # Instants, not wall times: Python subtracts two times of one zone on the wall clock.
    elapsed = (now.astimezone(UTC) - finish.astimezone(UTC)).total_seconds()
    if elapsed < 0:
        return float(REFUEL_MINUTES * 60)
    left = REFUEL_MINUTES * 60 - elapsed
    return max(0.0, left)
