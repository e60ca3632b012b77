"""Why a file cannot become a run, as one sentence a user can act on.

Every reason lives here so the command line and the app say the same thing. A reason
starts with a verb ("is empty: ..."); the error puts the file's name in front of it.
"""

from __future__ import annotations

from pathlib import Path

from recovery_tui.domain.text import one_line

MAX_DETAIL_CHARS = 80


class ActivityFileError(Exception):
    """A file that does not give one run; ``str()`` is the sentence to show."""

    def __init__(self, reason: str, path: Path | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.path = path

    def for_path(self, path: Path) -> ActivityFileError:
        return ActivityFileError(self.reason, path)

    def __str__(self) -> str:
        name = one_line(self.path.name) if self.path is not None else ""
        return one_line(f"{name or 'the file'} {self.reason}")


def _detail(text: object) -> str:
    # Library messages may quote the file's bytes: one short line of plain text.
    shown = one_line(str(text))
    return shown if len(shown) <= MAX_DETAIL_CHARS else shown[: MAX_DETAIL_CHARS - 3] + "..."


def not_activity() -> ActivityFileError:
    return ActivityFileError(
        "is not a GPX, TCX or FIT activity file: export the run from your watch or app "
        "in one of those formats."
    )


def other_xml(root: str) -> ActivityFileError:
    return ActivityFileError(
        f"is an XML file but not GPX or TCX (its root is <{_detail(root)}>): "
        "export the run as GPX, TCX or FIT."
    )


def web_page() -> ActivityFileError:
    return ActivityFileError(
        "is a web page, not an activity file: use the app's export or download button "
        "to get the GPX, TCX or FIT file itself."
    )


def recovery_export() -> ActivityFileError:
    return ActivityFileError("is a recovery-tui export, not an activity file.")


def empty() -> ActivityFileError:
    return ActivityFileError("is empty: export the run again.")


def damaged(detail: object) -> ActivityFileError:
    return ActivityFileError(
        f"is truncated or damaged ({_detail(detail)}): copy or export it again."
    )


def several(count: int) -> ActivityFileError:
    return ActivityFileError(f"holds {count} activities: export each run as a file of its own.")


def too_large(limit_bytes: int) -> ActivityFileError:
    return ActivityFileError(
        f"is larger than {limit_bytes // (1024 * 1024)} MB, far more than one run records: "
        "check it is the right file."
    )


def too_many_points(limit: int) -> ActivityFileError:
    return ActivityFileError(
        f"holds more than {limit:,} track points (over a day recorded every second), "
        "more than one run needs: check it is the right file."
    )


def too_many_parts(limit: int, what: str) -> ActivityFileError:
    return ActivityFileError(
        f"holds more than {limit:,} {what}, far more than one run needs: "
        "check it is the right file."
    )


def too_deep(limit: int) -> ActivityFileError:
    return ActivityFileError(
        f"nests its elements more than {limit} deep, which no activity file does: "
        "export the run again."
    )


def unsafe_xml() -> ActivityFileError:
    return ActivityFileError(
        "declares a document type, which activity files never need, so it is refused for "
        "safety: export the run again."
    )


def route_only() -> ActivityFileError:
    return ActivityFileError(
        "holds a planned route, not a recorded run: export the activity rather than the route."
    )


def course_only() -> ActivityFileError:
    return ActivityFileError(
        "holds a course, not a recorded activity: export the activity rather than the course."
    )


def no_track() -> ActivityFileError:
    return ActivityFileError("holds no recorded track: export the activity again.")


def no_times() -> ActivityFileError:
    return ActivityFileError(
        "has a track without times, so it is not a recording of a run: export the activity "
        "from the app that recorded it."
    )


def one_moment() -> ActivityFileError:
    return ActivityFileError(
        "has a track of a single timed point, so it records no run: export the whole "
        "activity again."
    )


def no_distance() -> ActivityFileError:
    return ActivityFileError("records no distance: log this run by hand with its distance.")


def no_session() -> ActivityFileError:
    return ActivityFileError(
        "holds no summary of the activity, as when a recording is cut short: save the "
        "activity on the watch and export it again."
    )


def other_fit(kind: object) -> ActivityFileError:
    return ActivityFileError(
        f"is a FIT {_detail(kind)} file, not a recorded activity: export the activity itself."
    )


def impossible(detail: object) -> ActivityFileError:
    return ActivityFileError(
        f"holds values that cannot be right ({_detail(detail)}): export it again."
    )


def unreadable(error: OSError) -> ActivityFileError:
    why = error.strerror or type(error).__name__
    return ActivityFileError(
        f"cannot be read ({_detail(why)}): check the path and its permissions."
    )


def is_folder() -> ActivityFileError:
    return ActivityFileError("is a folder, not a file: import the folder to take its runs.")
