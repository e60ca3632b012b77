"""Where the time and memory go, for the rows of ``run.py`` whose target is still missed.

    .venv/bin/python bench/where_time_goes.py

Five profiles, each on the same ``demo`` data as ``run.py`` and each a median of several
fresh processes (about a minute in all):

- Today in a terminal: the moments a fresh ``recovery-tui`` (and the bare Textual app)
  reaches on its way to the complete Today, stamped inside the process by an audit hook
  (Python's ``sys.addaudithook``: the first import of a module, the first opening of a
  file), and the complete screen as the pseudo-terminal's reader sees it;
- the floor under Today: the first headless frame of Today's shape built from plain Textual
  widgets with no records (``today_shape_app.py``), beside recovery-tui's and the bare app's;
- the command line: ``recovery-tui today`` taken apart in one process, stage by stage:
  the standard library it needs, our modules, the parser, opening the store, the day and
  its words; against ``python -c pass`` and the whole command as a process;
- the two-week write: time spent in ``fsync`` and elsewhere, ours against stock TinyDB;
- the walk's memory: peak resident size of the bare app, a walk with an empty data folder
  and a walk with five years of records (the app's share and the records' share).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from support import (
    BENCH,
    child_env,
    compile_package,
    entry_point,
    machine,
    make_demo,
    median,
    vm_kib,
)

RUNS = 7

# -- Today in a terminal ------------------------------------------------------------------

# The program's own lines run after an audit hook (``sys.addaudithook``) that stamps the
# first import of each watched module and the first opening of each watched file. Once
# Textual is loaded (``PATCH_ON``), the app's ``_display`` is wrapped to stamp the first
# frame of ``SCREEN`` handed to the terminal. Stamps are written as they happen: a program
# ended by SIGTERM runs no exit handlers.
STAMPED_CHILD = """
import os, sys, time
OUT = os.open({out!r}, os.O_WRONLY | os.O_APPEND)
seen = set()
def stamp(name):
    os.write(OUT, f"{{time.time():.6f}} {{name}}\\n".encode())
stamp("python ready")
WATCH = {watch!r}
def frames():
    app_class = sys.modules["textual.app"].App
    original = app_class._display
    def display(self, screen, renderable):
        original(self, screen, renderable)
        if renderable is not None and type(screen).__name__ == {screen!r} and "frame" not in seen:
            seen.add("frame")
            stamp("first frame of " + {screen!r} + " handed to the terminal")
    app_class._display = display
def hook(event, args):
    if event == "import":
        key = "import " + args[0]
    elif event == "open" and isinstance(args[0], str):
        name = args[0].rsplit("/", 1)[-1]
        key = "open " + ("tcss" if name.endswith(".tcss") else name)
    else:
        return
    if key in seen:
        return
    if key in WATCH:
        seen.add(key)
        stamp(WATCH[key])
    if key == {patch_on!r}:
        seen.add(key)
        frames()
sys.addaudithook(hook)
{body}
"""

OURS = {
    "watch": {
        "import textual": "Textual starts importing (the command line is parsed)",
        "open tcss": "the app runs: its styles are read",
        "open recovery.json": "the journal opens the data",
        "import recovery_tui.screens.today": "journal open: Today's screen is built",
    },
    "patch_on": "import recovery_tui.screens.today",
    "screen": "TodayScreen",
    "body": """import re
from recovery_tui.cli import main
stamp("entry point imported (before Textual)")
sys.exit(main())""",
}
BARE = {
    "watch": {"import textual": "Textual starts importing"},
    "patch_on": None,
    "screen": "Screen",
    "body": """import textual.app
stamp("Textual imported")
frames()
sys.argv = [{script!r}]
import runpy
runpy.run_path({script!r}, run_name="__main__")""",
}


def _stamped(child: dict[str, Any], env: dict[str, str], test: Any) -> list[tuple[str, float]]:
    from terminal import TerminalProcess

    with tempfile.NamedTemporaryFile(suffix=".stamps", delete=False) as out:
        path = out.name
    code = STAMPED_CHILD.format(out=path, **child)
    try:
        with TerminalProcess([sys.executable, "-c", code], env) as program:
            spawned = time.time() - (time.perf_counter() - program.started)
            done = program.wait_for(test, 20.0)
            time.sleep(0.05)  # the last stamps are written just after the frame
        text = Path(path).read_text()
    finally:
        os.unlink(path)
    moments = [
        (name, (float(when) - spawned) * 1000)
        for when, name in (line.split(" ", 1) for line in text.splitlines())
    ]
    return sorted([*moments, ("complete on the screen", done * 1000)], key=lambda m: m[1])


def today_in_a_terminal(data_dir: Path, runs: int = RUNS) -> dict[str, Any]:
    from bench_terminal import BARE_LABEL, today_parts
    from terminal import shows_all

    env = child_env(data_dir)
    complete = shows_all(*today_parts(data_dir))
    bare = {**BARE, "body": BARE["body"].format(script=str(BENCH / "bare_app.py"))}
    times: tuple[dict[str, list[float]], dict[str, list[float]]] = ({}, {})
    for attempt in range(runs + 1):  # the first round fills the file cache, untimed
        for child, test, into in (
            (OURS, complete, times[0]),
            (bare, shows_all(BARE_LABEL), times[1]),
        ):
            moments = _stamped(child, env, test)
            if attempt:
                for name, ms in moments:
                    into.setdefault(name, []).append(ms)
    ours, bare_times = times
    return {
        "ours": [(name, median(values)) for name, values in ours.items()],
        "bare": [(name, median(values)) for name, values in bare_times.items()],
    }


def headless_floor(data_dir: Path, runs: int = RUNS) -> dict[str, float]:
    """First painted frame, headless: recovery-tui's Today, Today's shape in plain Textual
    with no records (``today_shape_app.py``) and the bare app, interleaved."""
    import bench_startup

    env = child_env(data_dir)
    commands = {
        "ours": [sys.executable, str(BENCH / "bench_startup.py"), "--child", str(data_dir)],
        "shape": [sys.executable, str(BENCH / "today_shape_app.py"), "--bench"],
        "bare": [sys.executable, str(BENCH / "bare_app.py"), "--bench"],
    }
    times: dict[str, list[float]] = {name: [] for name in commands}
    for attempt in range(runs + 1):
        for name, command in commands.items():
            ms, _ = bench_startup._time_child(command, env)
            if attempt:
                times[name].append(ms)
    return {name: median(values) for name, values in times.items()}


# -- the command line -----------------------------------------------------------------------

CLI_STAGES = """
import time
t = [time.perf_counter()]
import re
t.append(time.perf_counter())
import argparse, json, pathlib, dataclasses, typing, datetime, tempfile, enum
t.append(time.perf_counter())
from recovery_tui import cli
from recovery_tui.commands import views
from recovery_tui.services import day_presenter, journal, user_settings
from recovery_tui.domain.clock import SystemClock
t.append(time.perf_counter())
args = cli.build_parser().parse_args(["today"])
t.append(time.perf_counter())
from recovery_tui.paths import resolve_dirs
opened = journal.open_journal(resolve_dirs(None, None).data, SystemClock())
t.append(time.perf_counter())
view = opened.day_view()
t.append(time.perf_counter())
words = day_presenter.day_as_text(view)
t.append(time.perf_counter())
print(" ".join(f"{(b - a) * 1000:.3f}" for a, b in zip(t, t[1:])))
"""
CLI_NAMES = [
    "import re (the console script's first line)",
    "the standard library it uses (argparse, json, pathlib, dataclasses, typing, ...)",
    "our modules (command line, journal, store, domain)",
    "build the parser and parse",
    "open the store (main file and two months, checked)",
    "the day model",
    "its words",
]


def _process_ms(command: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, env=env, check=True, stdout=subprocess.DEVNULL)
    return (time.perf_counter() - started) * 1000


def command_line(data_dir: Path, runs: int = 15) -> dict[str, Any]:
    env = child_env(data_dir)
    stages: list[list[float]] = [[] for _ in CLI_NAMES]
    floor, whole, staged = [], [], []
    for attempt in range(runs + 1):
        started = time.perf_counter()
        done = subprocess.run(
            [sys.executable, "-c", CLI_STAGES], env=env, check=True, capture_output=True, text=True
        )
        staged_ms = (time.perf_counter() - started) * 1000
        python_ms = _process_ms([sys.executable, "-c", "pass"], env)
        today_ms = _process_ms([*entry_point(), "today"], env)
        if attempt:
            for into, value in zip(stages, done.stdout.split(), strict=True):
                into.append(float(value))
            floor.append(python_ms)
            whole.append(today_ms)
            staged.append(staged_ms)
    return {
        "python_ms": median(floor),
        "today_ms": median(whole),
        "staged_ms": median(staged),
        "stages": [(name, median(values)) for name, values in zip(CLI_NAMES, stages, strict=True)],
    }


# -- the two-week write -------------------------------------------------------------------------


def write_fsyncs(repeats: int = 31) -> dict[str, Any]:
    import bench_write

    real = os.fsync
    spent = {"calls": 0, "ms": 0.0}

    def timed_fsync(fd: int) -> None:
        started = time.perf_counter()
        real(fd)
        spent["calls"] += 1
        spent["ms"] += (time.perf_counter() - started) * 1000

    os.fsync = timed_fsync  # type: ignore[assignment]
    try:
        result = bench_write.run(bench_write.TWO_WEEKS, repeats)
    finally:
        os.fsync = real  # type: ignore[assignment]
    # Both sides wrote ``repeats`` times (after one untimed write of ours): the fsyncs per
    # write and their time are shared out by counting each side's calls again.
    counts = _fsync_counts()
    per_call = spent["ms"] / spent["calls"] if spent["calls"] else 0.0
    return {**result, **counts, "fsync_ms": per_call}


def _fsync_counts() -> dict[str, int]:
    """How many fsyncs one write makes: ours (``set_task_count``) and stock (``insert``)."""
    from tinydb import TinyDB

    from recovery_tui.domain.clock import SystemClock, today
    from recovery_tui.store import Repository

    real = os.fsync
    calls = {"n": 0}

    def counting(fd: int) -> None:
        calls["n"] += 1
        real(fd)

    with tempfile.TemporaryDirectory(prefix="profile-write-") as tmp:
        clock = SystemClock()
        repo = Repository.open(Path(tmp) / "data", clock)
        repo.set_task_count(today(clock), "walk", 0)
        stock = TinyDB(Path(tmp) / "stock.json")
        os.fsync = counting  # type: ignore[assignment]
        try:
            repo.set_task_count(today(clock), "walk", 1)
            ours = calls["n"]
            stock.table("tasks").insert({"n": 1})
            theirs = calls["n"] - ours
        finally:
            os.fsync = real  # type: ignore[assignment]
        repo.close()
        stock.close()
    return {"ours_fsyncs": ours, "stock_fsyncs": theirs}


# -- the walk's memory --------------------------------------------------------------------------


def walk_memory(data_dir: Path, settle: float = 8.0) -> dict[str, float]:
    from terminal import TerminalProcess

    def peak(command: list[str], data: Path) -> float:
        with TerminalProcess(command, child_env(data)) as program:
            time.sleep(settle)
            return vm_kib(program.pid, "VmHWM") / 1024

    walk = [*entry_point(), "walk", "--minutes", "5"]
    with tempfile.TemporaryDirectory(prefix="profile-memory-") as tmp:
        empty = Path(tmp) / "data"
        return {
            "bare": peak([sys.executable, str(Path(__file__).parent / "bare_app.py")], empty),
            "empty": peak(walk, empty),
            "five_years": peak(walk, data_dir),
        }


# -- printing -------------------------------------------------------------------------------------


def _timeline(moments: list[tuple[str, float]]) -> list[str]:
    lines, before = [], 0.0
    for name, ms in moments:
        lines.append(f"  {ms:6.0f} ms  (+{ms - before:4.0f})  {name}")
        before = ms
    return lines


def main() -> int:
    compile_package()
    where = machine()
    print(
        f"recovery-tui profile, {where['date']}: {where['cpu']}, {where['cores']} cores, "
        f"Python {where['python']}, Textual {where['textual']}\n"
    )
    with tempfile.TemporaryDirectory(prefix="profile-") as tmp:
        data = make_demo(Path(tmp) / "data", 1826)

        today = today_in_a_terminal(data)
        print(f"Today in a terminal, 100x32, five years of records (medians of {RUNS}):")
        print(" recovery-tui")
        print("\n".join(_timeline(today["ours"])))
        print(" bare Textual app")
        print("\n".join(_timeline(today["bare"])))

        floor = headless_floor(data)
        print(
            f"\nFirst painted frame, headless (medians of {RUNS}): "
            f"bare app {floor['bare']:.0f} ms; "
            f"Today's shape in plain Textual, no records {floor['shape']:.0f} ms "
            f"({floor['shape'] / floor['bare']:.2f}x); recovery-tui's Today {floor['ours']:.0f} ms "
            f"({floor['ours'] / floor['bare']:.2f}x)"
        )

        cli = command_line(data)
        print(
            f"\nrecovery-tui today, stage by stage in one process (ms, medians of 15); "
            f"python -c pass {cli['python_ms']:.1f} ms, the command {cli['today_ms']:.1f} ms, "
            f"the staged process {cli['staged_ms']:.1f} ms:"
        )
        for name, ms in cli["stages"]:
            print(f"  {ms:6.1f} ms  {name}")
        print(f"  4x python -c pass leaves {4 * cli['python_ms']:.1f} ms for the whole command")

        memory = walk_memory(data)

    write = write_fsyncs()
    print(
        f"\nOne durable write, two weeks of records (medians of 31): "
        f"ours {write['ours_ms']:.2f} ms "
        f"with {write['ours_fsyncs']} fsyncs, stock TinyDB {write['stock_ms']:.2f} ms with "
        f"{write['stock_fsyncs']}; one fsync here takes {write['fsync_ms']:.2f} ms on average"
    )
    print(
        f"\nPeak memory of a walk after 8 s (VmHWM): bare app {memory['bare']:.1f} MiB, "
        f"walk with no records {memory['empty']:.1f} MiB "
        f"({memory['empty'] / memory['bare']:.2f}x), "
        f"walk with five years {memory['five_years']:.1f} MiB "
        f"({memory['five_years'] / memory['bare']:.2f}x; the records "
        f"{memory['five_years'] - memory['empty']:.1f} MiB)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
