"""The complete Today in a real terminal, against a bare Textual app measured the same way.

Each program runs in a fresh process on a 100x32 pseudo-terminal whose output a terminal
emulator (pyte) reads as it arrives. The time is from spawning the process to the output
after which the screen shows:

- recovery-tui (``recovery-tui`` with no command, five years of ``demo`` data): the
  headline (the date and the first words after it), every task of the day, the readiness
  question and its answer, and the day's progress count, all at once (when the footer's
  keys follow is reported beside it);
- the bare app (``bare_app.py``): its label.

Several interleaved runs of each; the medians and their ratio are reported (target: 1.25x
or less), with each process's peak resident size (``VmHWM``) at that moment.

    .venv/bin/python bench/bench_terminal.py
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path
from typing import Any

from support import BENCH, child_env, entry_point, interleaved, make_demo, median, vm_kib
from terminal import ScreenTest, TerminalProcess, shows_all

TARGET_RATIO = 1.25
RUNS = 7
TIMEOUT = 20.0
BARE_LABEL = "Hello from a bare Textual app"


def today_parts(data_dir: Path) -> list[str]:
    """What the complete Today holds for the records in ``data_dir``, worked out the way the
    screen does (services.day_presenter); each part short enough to sit on one line."""
    from recovery_tui.domain.clock import SystemClock
    from recovery_tui.services.day_presenter import READY_QUESTION, present_day
    from recovery_tui.services.journal import open_journal

    journal = open_journal(data_dir, SystemClock())
    try:
        text = present_day(journal.day_view())
    finally:
        journal.close()
    parts = [text.date, READY_QUESTION, text.readiness.answer, f"{text.done}/{text.total} tasks"]
    if text.headline:
        parts.append(text.headline[0][0][:24])
    parts += [task.title[:24] for task in text.tasks]
    return parts


def _time(command: list[str], env: dict[str, str], test: ScreenTest) -> tuple[float, int]:
    """(ms from spawn to the screen passing ``test``, peak RSS in KiB then)."""
    with TerminalProcess(command, env) as program:
        seconds = program.wait_for(test, TIMEOUT)
        return seconds * 1000, vm_kib(program.pid, "VmHWM")


def _time_today(command: list[str], env: dict[str, str], test: ScreenTest) -> tuple[float, ...]:
    """Like ``_time``, and when the footer's keys are drawn too (Textual's footer fills
    itself one refresh after the screen's first frame)."""
    with TerminalProcess(command, env) as program:
        seconds = program.wait_for(test, TIMEOUT)
        rss = vm_kib(program.pid, "VmHWM")
        footer = program.wait_for(shows_all("Quit"), TIMEOUT)
        return seconds * 1000, rss, footer * 1000


def run(data_dir: Path | None = None, runs: int = RUNS) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="bench-terminal-") as tmp:
        if data_dir is None:
            data_dir = make_demo(Path(tmp) / "data", 1826)
        env = child_env(data_dir)
        complete_today = shows_all(*today_parts(data_dir))
        ours_cmd = entry_point()
        bare_cmd = [sys.executable, str(BENCH / "bare_app.py")]
        _time(ours_cmd, env, complete_today)  # warm the file cache for both, untimed
        _time(bare_cmd, env, shows_all(BARE_LABEL))
        ours, bare = interleaved(
            runs,
            lambda: _time_today(ours_cmd, env, complete_today),
            lambda: _time(bare_cmd, env, shows_all(BARE_LABEL)),
        )
    ours_ms, bare_ms = median([o[0] for o in ours]), median([t for t, _ in bare])
    ours_kib, bare_kib = median([o[1] for o in ours]), median([m for _, m in bare])
    return {
        "ours_ms": ours_ms,
        "bare_ms": bare_ms,
        "ratio": ours_ms / bare_ms,
        "footer_ms": median([o[2] for o in ours]),
        "ours_rss_kib": ours_kib,
        "bare_rss_kib": bare_kib,
        "rss_ratio": ours_kib / bare_kib,
        "runs": runs,
    }


def main() -> int:
    result = run()
    print(
        f"complete Today in a terminal: {result['ours_ms']:.0f} ms median of {result['runs']}\n"
        f"  and its footer's keys:      {result['footer_ms']:.0f} ms median\n"
        f"bare Textual app (label):     {result['bare_ms']:.0f} ms median\n"
        f"ratio: {result['ratio']:.2f}x (target <= {TARGET_RATIO}x)\n"
        f"peak memory then: {result['ours_rss_kib'] / 1024:.1f} MiB vs "
        f"{result['bare_rss_kib'] / 1024:.1f} MiB ({result['rss_ratio']:.2f}x)"
    )
    return 0 if result["ratio"] <= TARGET_RATIO else 1


if __name__ == "__main__":
    sys.exit(main())
