"""Moving a damaged or foreign file aside, never deleting or overwriting it."""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

from recovery_tui.private import PRIVATE_FILE, tighten
from recovery_tui.store.atomic import fsync_dir, write_target


def stamp(moment: datetime) -> str:
    return moment.strftime("%Y%m%dT%H%M%S")


def move_aside(path: Path, moment: datetime) -> Path:
    """Rename ``path`` to ``<name>.corrupt-<stamp>`` (``-2``, ``-3``... if taken). For a
    symlink the file it points to is moved, beside itself: the link stays for the next write."""
    path = write_target(path)
    base = path.with_name(f"{path.name}.corrupt-{stamp(moment)}")
    target = base
    n = 1
    while target.exists():
        n += 1
        target = base.with_name(f"{base.name}-{n}")
    os.rename(path, target)
    tighten(target, PRIVATE_FILE)
    fsync_dir(path.parent)
    return target
