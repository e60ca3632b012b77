"""Escape sequences for the terminal itself (a desktop notification), written to the
controlling terminal rather than through the screen being drawn."""

from __future__ import annotations

import contextlib
import os


def write_to_tty(sequence: str) -> bool:
    """Write ``sequence`` to ``/dev/tty`` in one call; False when there is no terminal.

    One short write: the terminal takes it whole, between two of the app's own writes."""
    try:
        fd = os.open("/dev/tty", os.O_WRONLY | os.O_NOCTTY)
    except OSError:
        return False
    try:
        os.write(fd, sequence.encode("utf-8", "replace"))
        return True
    except OSError:
        return False
    finally:
        with contextlib.suppress(OSError):
            os.close(fd)
