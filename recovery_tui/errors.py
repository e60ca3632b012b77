"""Unexpected errors go to a log file in the data dir; the user sees one short line."""

from __future__ import annotations

import datetime as _dt
import os
import tempfile
import traceback
from pathlib import Path

from recovery_tui.private import make_private_dir, open_private_append


def log_unexpected(log_path: Path, error: BaseException) -> Path:
    text = "".join(traceback.format_exception(error))
    stamp = _dt.datetime.now(_dt.UTC).isoformat(timespec="seconds")
    entry = f"--- {stamp}\n{text}\n"
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
