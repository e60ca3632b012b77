"""End to end in a real terminal: the built wheel, installed in a fresh venv, driven in tmux.

The wheel is built from the checkout (``python -m build --wheel --no-isolation``, as in
tests/packaging) and installed with plain ``pip install <wheel>`` into a new virtual
environment, so pip resolves textual, tinydb, pendulum and platformdirs from the wheel's own
metadata: a missing or wrong dependency fails here, as it would for a user following the
README. That needs the package index CI already uses for ``pip install -e .[test]``; with
pip's cache it takes a few seconds. (Borrowing the dev venv's site-packages through a
``.pth`` would work offline but would hide a broken dependency list, which is the point.)

Then, in a 100x32 tmux pane with its own data and config dirs: open Today, log a race,
tick a task, check in, quit; start ``recovery-tui stretch --routine quick`` (a custom
two-step routine of 2-second steps), let it run to the end, go back to Today, open History,
quit; and read the records back with ``recovery-tui history --format json``.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from e2e_tmux import Terminal, tmux_path

from recovery_tui.domain.clock import SystemClock, today
from recovery_tui.domain.formats import day_label
from recovery_tui.domain.models import SessionStatus
from recovery_tui.store import Repository

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(tmux_path() is None, reason="tmux is not installed"),
]

QUICK_ROUTINE = """\
name = "Quick e2e routine"
kind = "stretch"
[[steps]]
name = "Calf lean"
seconds = 2
areas = ["calves"]
how = "Hands on the wall, lean in."
[[steps]]
name = "Hamstring reach"
seconds = 2
areas = ["hamstrings"]
how = "One heel forward, hinge at the hips."
"""


@dataclass(frozen=True)
class Installed:
    venv: Path
    data: Path
    config: Path
    home: Path

    @property
    def exe(self) -> Path:
        return self.venv / "bin" / "recovery-tui"

    @property
    def env(self) -> dict[str, str]:
        # HOME too: nothing from the real user's folders may be read or written.
        return {
            "RECOVERY_TUI_DATA_DIR": str(self.data),
            "RECOVERY_TUI_CONFIG_DIR": str(self.config),
            "HOME": str(self.home),
        }

    def cli(self, *args: str) -> str:
        env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"} | self.env
        result = subprocess.run(
            [str(self.exe), *args],
            capture_output=True, text=True, env=env, cwd=self.home, timeout=60,
        )  # fmt: skip
        assert result.returncode == 0, result.stderr
        return result.stdout


@pytest.fixture(scope="module")
def installed(wheel_venv: Path, tmp_path_factory: pytest.TempPathFactory) -> Installed:
    base = tmp_path_factory.mktemp("e2e")
    routines = base / "config" / "routines"
    routines.mkdir(parents=True)
    (routines / "quick.toml").write_text(QUICK_ROUTINE, encoding="utf-8")
    (base / "home").mkdir()
    return Installed(
        venv=wheel_venv, data=base / "data", config=base / "config", home=base / "home"
    )


@pytest.fixture
def terminal() -> Iterator[Terminal]:
    term = Terminal(width=100, height=32)
    try:
        yield term
    finally:
        term.close()


def test_the_venv_runs_the_wheel_not_the_checkout(installed: Installed) -> None:
    probe = "import recovery_tui as r, recovery_tui.paths as p; print(r.__file__, p.styles_dir())"
    out = subprocess.run(
        [str(installed.venv / "bin" / "python"), "-c", probe],
        capture_output=True, text=True, cwd=installed.home, timeout=60,
        env={k: v for k, v in os.environ.items() if k != "PYTHONPATH"},
    )  # fmt: skip
    assert out.returncode == 0, out.stderr
    module, styles = out.stdout.split()
    assert Path(module).is_relative_to(installed.venv)
    assert Path(styles).is_relative_to(installed.venv)
    assert installed.cli("--version").startswith("recovery-tui ")


def test_a_first_day_in_a_real_terminal(installed: Installed, terminal: Terminal) -> None:
    day = today(SystemClock())

    # -- Today, a race, a ticked task and a check-in ------------------------------------------
    terminal.start([str(installed.exe)], installed.env, cwd=installed.home)
    terminal.wait_for("Welcome to recovery-tui", "press  r")
    terminal.send("r")
    terminal.wait_for("Log a run", "Distance (km)")
    terminal.type("21.1")
    terminal.send("C-s")
    # "space Tick" in the footer: the first task (water, counted) has the focus.
    terminal.wait_for("Day 0 of 7", "0/5 tasks", "space Tick")
    # One cup, then down to refuel and tick it.
    terminal.send("Space")
    terminal.wait_for("1/8")
    terminal.send("Down", "Space")
    screen = terminal.wait_for("1/5 tasks")
    assert "[x]" in screen

    terminal.send("c")
    terminal.wait_for("Check-in for", "Soreness 0-10")
    terminal.type("7")  # ankles has the focus
    terminal.send("Down")
    terminal.type("4")  # knees
    terminal.send("C-s")
    # The body map on Today shows each number and its bar.
    terminal.wait_for(
        "Check-in saved.", re.compile(r"ankles +7 █{7}·{3}"), re.compile(r"knees +4 █{4}·{6}")
    )

    terminal.send("C-q")
    assert terminal.wait_exit() == 0, terminal.screen()

    # -- the custom routine to the end, Today, History ----------------------------------------
    terminal.start([str(installed.exe), "stretch", "--routine", "quick"], installed.env,
                   cwd=installed.home)  # fmt: skip
    terminal.wait_for("Quick e2e routine", "Calf lean", "Hamstring reach")
    # Get-ready (5 s at most) and two 2-second steps, nothing skipped.
    terminal.wait_for("Session complete", "✓ 2 done", timeout=30)
    terminal.send("Escape")
    terminal.wait_for("Day 0 of 7", "1/5 tasks")
    terminal.send("h")
    # Today's row at 100 columns (the areas folded into Worst): day 0 of 7, worst 7 in the
    # ankles, one task of five, no walk, 0.1 minutes of stretch (4 s), one cup.
    row = rf"^ *{re.escape(day_label(day))} +0/7 +7 ankles +1/5 +0 +0\.1 +1 *$"
    terminal.wait_for("(ending today)", re.compile(row, re.MULTILINE))
    terminal.send("C-q")
    assert terminal.wait_exit() == 0, terminal.screen()

    # -- the records, through the installed CLI -----------------------------------------------
    (summary,) = json.loads(installed.cli("history", "--days", "1", "--format", "json"))
    assert summary["date"] == day.isoformat()
    assert summary["recovery_day"] == 0 and summary["window_days"] == 7
    # Only the areas entered are recorded: the ones left alone are unknown, not 0.
    assert summary["soreness"] == {"ankles": 7, "knees": 4}
    assert summary["tasks_done"] == 1 and summary["cups"] == 1
    assert summary["stretch_minutes"] == 0.1  # the routine's 4 s, rounded to one decimal

    plan = json.loads(installed.cli("today", "--json"))
    assert plan["run"]["distance_km"] == 21.1 and plan["run"]["kind"] == "race"
    done = {task["id"]: task["count"] for task in plan["tasks"]}
    assert done["water"] == 1 and done["refuel"] == 1

    repo = Repository.open(installed.data, SystemClock())
    try:
        (session,) = repo.sessions(day, day)
    finally:
        repo.close()
    assert session.routine_id == "quick"
    assert session.status is SessionStatus.COMPLETED
    assert [step.name for step in session.steps] == ["Calf lean", "Hamstring reach"]
    assert not any(step.skipped for step in session.steps)
