"""Unexpected errors go to a log file in the data dir; the user sees one short line."""

from __future__ import annotations

import datetime as _dt
import io
import os
import sys
import tempfile
import traceback
from collections.abc import Callable
from pathlib import Path

from rich.console import Console

from recovery_tui.private import make_private_dir, open_private_append

STOPPED_LINE = (
    "recovery-tui stopped after an unexpected error; details in {where}. Your records are saved."
)


def _append(log_path: Path, entry: str) -> Path:
    """Append ``entry`` to the log (or, if it cannot be written, one in the temp dir)."""
    for candidate in (log_path, Path(tempfile.gettempdir()) / "recovery-tui-errors.log"):
        try:
            make_private_dir(candidate.parent)
            # Tracebacks quote health notes: the log is the owner's only.
            with os.fdopen(open_private_append(candidate), "a", encoding="utf-8") as handle:
                handle.write(entry)
            return candidate
        except OSError:
            continue
    return log_path


def _stamp() -> str:
    return f"--- {_dt.datetime.now(_dt.UTC).isoformat(timespec='seconds')}\n"


def log_unexpected(log_path: Path, error: BaseException) -> Path:
    text = "".join(traceback.format_exception(error))
    return _append(log_path, f"{_stamp()}{text}\n")


class _LogWriter(io.StringIO):
    """A file for Rich: what Textual would print on the terminal after a crash goes to the
    log, and the terminal gets one line saying where."""

    def __init__(self, log_path: Path, shown: Callable[[str], str]) -> None:
        super().__init__()
        self._log_path = log_path
        self._shown = shown

    def flush(self) -> None:
        text = self.getvalue()
        if not text:
            return
        self.seek(0)
        self.truncate()
        where = _append(self._log_path, f"{_stamp()}{text}\n")
        print(STOPPED_LINE.format(where=self._shown(str(where))), file=sys.stderr)


class ErrorLogConsole(Console):
    """The app's error console: Textual prints an unhandled exception's traceback on it
    as the app exits.

    ``shown`` cleans the log's path for the terminal (a data dir may be named anything);
    the cleaning lives in ``domain.text``, a layer above this module, so it is passed in."""

    def __init__(self, log_path: Path, shown: Callable[[str], str]) -> None:
        super().__init__(
            file=_LogWriter(log_path, shown),
            markup=False,
            highlight=False,
            width=100,
            color_system=None,
        )
