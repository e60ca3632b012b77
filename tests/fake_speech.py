"""A stand-in for a text-to-speech command: it logs what it was asked to say and when
(wall time), sleeps to play a slow synthesiser, then logs its end."""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

WAIT_LIMIT = 10.0  # the longest a test waits for the fake's process to write its log


def write_fake_speaker(folder: Path, *, sleep: float = 0.0) -> tuple[Path, Path]:
    """(the command, its log)."""
    log = folder / "said.jsonl"
    script = folder / "fake-speak"
    script.write_text(
        f"#!{sys.executable}\n"
        "import json, sys, time\n"
        f"log = open({str(log)!r}, 'a')\n"
        "log.write(json.dumps({'said': ' '.join(sys.argv[1:]), 'at': time.time()}) + '\\n')\n"
        "log.flush()\n"
        f"time.sleep({sleep})\n",
        encoding="utf-8",
    )
    script.chmod(0o755)
    return script, log


def said(log: Path) -> list[str]:
    """Every phrase the fake was started with, in order."""
    if not log.exists():
        return []
    lines = log.read_text(encoding="utf-8").splitlines()
    return [json.loads(line)["said"] for line in lines]


def said_at(log: Path) -> list[float]:
    lines = log.read_text(encoding="utf-8").splitlines() if log.exists() else []
    return [json.loads(line)["at"] for line in lines]


def wait_for(condition: Callable[[], bool]) -> None:
    # The fake runs in its own process: poll its log, bounded, rather than sleep a guess.
    deadline = time.monotonic() + WAIT_LIMIT
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("the fake speech command never got there")
        time.sleep(0.02)
