"""Owner-only folders and files: health notes belong to their owner, whatever the umask.

Folders the program creates are 0700 and files it writes 0600 (see docs/storage.md). Only the
standard library is used, so every layer may call it.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

PRIVATE_DIR = 0o700
PRIVATE_FILE = 0o600


def make_private_dir(path: Path) -> None:
    """Create ``path`` and its missing parents, each 0700. A folder that already exists keeps
    its mode: it may be one the user chose (and shares) on purpose."""
    missing: list[Path] = []
    folder = path
    while not os.path.lexists(folder):
        missing.append(folder)
        folder = folder.parent
    for folder in reversed(missing):
        try:
            folder.mkdir(mode=PRIVATE_DIR)
        except FileExistsError:
            if not folder.is_dir():
                raise
            continue  # made meanwhile by another program; its mode is its own
        # mkdir's mode passes through the umask; set it exactly.
        os.chmod(folder, PRIVATE_DIR)
    if not path.is_dir():
        raise NotADirectoryError(errno.ENOTDIR, os.strerror(errno.ENOTDIR), str(path))


def tighten(path: Path, mode: int) -> None:
    """Take away from ``path`` any permission beyond ``mode`` (for our own files and folders
    made by an older version, before modes were set). A symlink is left alone: what it
    points to is not ours to change."""
    try:
        st = os.lstat(path)
    except FileNotFoundError:
        return
    current = stat.S_IMODE(st.st_mode)
    if not stat.S_ISLNK(st.st_mode) and current & ~mode:
        os.chmod(path, current & mode)


def open_private_append(path: Path) -> int:
    """A descriptor appending to ``path``, created 0600 (tightened if it was looser); never
    through a symlink, since the file may sit in a shared temporary folder."""
    fd = os.open(
        path, os.O_WRONLY | os.O_APPEND | os.O_CREAT | os.O_CLOEXEC | os.O_NOFOLLOW, PRIVATE_FILE
    )
    try:
        if stat.S_IMODE(os.fstat(fd).st_mode) & ~PRIVATE_FILE:
            os.fchmod(fd, PRIVATE_FILE)
    except OSError:
        os.close(fd)
        raise
    return fd
