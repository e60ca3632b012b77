"""Random use of the installed app in a real terminal: keys, the palette, help, resizes
and quits, from a fixed seed.

The wheel is installed in a fresh venv (tests/e2e/e2e_install.py) and driven in tmux
(tests/e2e/e2e_tmux.py) on 60 days of demo data plus a custom routine whose name, steps and
how-to hold markup and escape codes. Random keys go in one at a time (letters, digits,
arrows, enter, escape, tab, page keys, space, backspace, ctrl+s, F1 and ?), now and then
ctrl+p with the start of a palette command and enter, and the window is resized at random
from below the minimum (down to 20x8) up to 200x60. An occasional ctrl+q must end the app
(confirmed with y when a half-typed dialog asks first) with status 0 and no traceback; it
is then started again, as Today, straight into the custom routine or a walk. Afterwards
nothing is in errors.log and the data still reads: ``history --days 30 --format json``
and ``today --json`` parse.

The normal run is a few hundred keys (about a minute). The long run and other seeds:

    RECOVERY_STRESS_KEYS=5000 .venv/bin/pytest tests/e2e/test_stress.py -s
    RECOVERY_STRESS_SEED=7 .venv/bin/pytest tests/e2e/test_stress.py -s

The seed, the keys, resizes and restarts are printed (``-s`` shows them).
"""

from __future__ import annotations

import json
import os
import random
import re
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from e2e_install import clean_env
from e2e_tmux import KEY_GAP, Terminal, tmux_path

from recovery_tui.app_limits import MIN_HEIGHT, MIN_WIDTH

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(tmux_path() is None, reason="tmux is not installed"),
]

SEED = int(os.environ.get("RECOVERY_STRESS_SEED", "20261126"))
KEYS = int(os.environ.get("RECOVERY_STRESS_KEYS", "300"))

# Keys by tmux name; single characters are sent literally.
KEYS_NAMED = [
    "Up", "Down", "Left", "Right", "Enter", "Escape", "Tab", "BTab", "PPage", "NPage",
    "Home", "End", "Space", "BSpace", "F1", "C-s",
]  # fmt: skip
KEYS_TYPED = list("abcdefghijklmnopqrstuvwxyz0123456789?+-[].")
APP_KEYS = list("twshcrnpqbfdvgm")  # the app's and its screens' own keys, more often
PALETTE_STARTS = [
    "log", "check", "walk", "stretch", "undo", "hist", "tod", "help", "theme", "keys",
    "screen", "quit", "max", "min", "",
]  # fmt: skip
QUIT_EVERY = 120  # keys, on average, between two ctrl+q
ASK_SECONDS = 2.0  # how long a ctrl+q may take to end the app or ask first
RESIZE_EVERY = 25
PALETTE_EVERY = 40
LOOK_EVERY = 10  # how often to check the app is still running (a palette "Quit" ends it)
STARTS = ([], ["stretch", "--routine", "odd"], ["walk", "--minutes", "10"], ["stretch"])

ODD_ROUTINE = """\
name = "Calf [b]x10[/b] [/]\\u001b[31m\\u0007 [@click=app.quit]"
[[steps]]
name = "[red]Foam [/red] rolls [/b]\\u001b]0;pwned\\u0007"
seconds = 20
sides = true
areas = ["calves"]
how = "Roll [link=x]slowly\\u001b[2J, \\u202eevil"
[[steps]]
name = "Breathe [slowly]"
seconds = 15
"""
# The title, or the footer's palette key: mat mode (z, remembered) has no title bar, and a
# restart straight into a session then opens in it.
FIRST_SCREEN = re.compile(r"recovery-tui|\^p palette")
CRASH_SIGNS = ("Traceback", "unexpected error", "Error in", "MarkupError")


@dataclass
class Tally:
    seed: int
    keys: int = 0
    resizes: int = 0
    small: int = 0  # resizes below the minimum size
    palette: int = 0
    restarts: int = 0
    starts: list[str] = field(default_factory=list)
    recent: list[str] = field(default_factory=list)  # the last keys sent, for a failure
    seconds: float = 0.0

    def line(self) -> str:
        return (
            f"stress seed {self.seed}: {self.keys} keys, {self.resizes} resizes "
            f"({self.small} below {MIN_WIDTH}x{MIN_HEIGHT}), {self.palette} palette commands, "
            f"{self.restarts} restarts, {self.seconds:.0f} s"
        )


@dataclass(frozen=True)
class App:
    exe: Path
    data: Path
    config: Path
    home: Path

    @property
    def env(self) -> dict[str, str]:
        return {
            "RECOVERY_TUI_DATA_DIR": str(self.data),
            "RECOVERY_TUI_CONFIG_DIR": str(self.config),
            "HOME": str(self.home),  # screenshots from the palette land in HOME/Downloads
        }

    def cli(self, *args: str) -> str:
        result = subprocess.run(
            [str(self.exe), *args],
            capture_output=True, text=True, env=clean_env() | self.env, cwd=self.home,
            timeout=60,
        )  # fmt: skip
        assert result.returncode == 0, result.stderr
        return result.stdout


@pytest.fixture
def app(wheel_venv: Path, tmp_path: Path) -> App:
    routines = tmp_path / "config" / "routines"
    routines.mkdir(parents=True)
    (routines / "odd.toml").write_text(ODD_ROUTINE, encoding="utf-8")
    (tmp_path / "home").mkdir()
    installed = App(wheel_venv / "bin" / "recovery-tui", tmp_path / "data", tmp_path / "config",
                    tmp_path / "home")  # fmt: skip
    installed.cli("demo", "--days", "60")
    return installed


@pytest.fixture
def terminal() -> Iterator[Terminal]:
    term = Terminal(width=100, height=32)
    try:
        yield term
    finally:
        term.close()


class Stress:
    def __init__(self, app: App, terminal: Terminal, seed: int) -> None:
        self.app = app
        self.term = terminal
        self.rng = random.Random(seed)
        self.tally = Tally(seed)

    def start(self) -> None:
        """A new copy of the app, at a usable size, once it has drawn its first screen."""
        command = self.rng.choice(STARTS)
        self.tally.starts.append(" ".join(command) or "(Today)")
        self.term.width, self.term.height = self.rng.randint(80, 160), self.rng.randint(24, 50)
        self.term.start([str(self.app.exe), *command], self.app.env, cwd=self.app.home)
        self.term.wait_for(FIRST_SCREEN, timeout=30)

    def ended_cleanly(self, how: str) -> None:
        status = self.term.wait_exit(timeout=30)
        screen = self.term.screen()
        log = self.app.data / "errors.log"
        logged = log.read_text(encoding="utf-8") if log.exists() else ""
        context = (
            f"{self.tally.line()}; after {how}; starts {self.tally.starts}; last keys "
            f"{self.tally.recent}:\n{screen}\nerrors.log:\n{logged}"
        )
        assert status == 0, context
        assert not any(sign in screen for sign in CRASH_SIGNS), context

    def resize(self) -> None:
        rng = self.rng
        if rng.random() < 0.35:
            self.resize_below_minimum()
        else:
            self._resize(rng.randint(MIN_WIDTH, 200), rng.randint(MIN_HEIGHT, 60))

    def resize_below_minimum(self) -> None:
        """Too narrow, too low, or both: down to 20x8."""
        rng = self.rng
        if rng.random() < 0.5:
            self._resize(rng.randint(20, MIN_WIDTH - 1), rng.randint(8, 60))
        else:
            self._resize(rng.randint(20, 200), rng.randint(8, MIN_HEIGHT - 1))

    def _resize(self, width: int, height: int) -> None:
        self.term.resize(width, height)
        self.tally.recent = [*self.tally.recent[-39:], f"resize {width}x{height}"]
        self.tally.resizes += 1
        self.tally.small += width < MIN_WIDTH or height < MIN_HEIGHT

    def key(self) -> None:
        rng = self.rng
        roll = rng.random()
        if roll < 0.6:
            key = rng.choice(APP_KEYS if roll < 0.3 else KEYS_TYPED)
            self.term.type(key)
        else:
            key = rng.choice(KEYS_NAMED)
            self.term.send(key)
            if key == "Escape":
                time.sleep(KEY_GAP)  # a key right after a lone escape would read as alt+key
        self.note(key)

    def note(self, key: str, counted: int = 1) -> None:
        self.tally.keys += counted
        self.tally.recent = [*self.tally.recent[-39:], key]

    def palette(self) -> None:
        command = self.rng.choice(PALETTE_STARTS)
        self.term.send("C-p")
        self.term.type(command)
        self.term.send("Enter")
        self.tally.palette += 1
        self.note(f"C-p {command!r} Enter", counted=2)

    def quit(self) -> None:
        """ctrl+q; over a dialog half typed the app asks first, and y confirms."""
        self.term.send("C-q")
        self.tally.recent.append("C-q")
        deadline = time.monotonic() + ASK_SECONDS
        while self.term.exit_status() is None and time.monotonic() < deadline:
            if "Quit without saving?" in self.term.screen():
                self.term.send("y")
                self.tally.recent.append("y")
                return
            time.sleep(KEY_GAP)

    def quit_and_restart(self) -> None:
        self.quit()
        self.ended_cleanly("ctrl+q")
        self.tally.restarts += 1
        self.start()

    def run(self, keys: int) -> Tally:
        began = time.monotonic()
        self.start()
        rng = self.rng
        while self.tally.keys < keys:
            if self.tally.keys >= keys // 2 and not self.tally.restarts:
                self.quit_and_restart()  # a short run restarts at least once
            elif self.tally.keys >= keys // 3 and not self.tally.small:
                self.resize_below_minimum()
            elif rng.randrange(QUIT_EVERY) == 0:
                self.quit_and_restart()
            elif rng.randrange(RESIZE_EVERY) == 0:
                self.resize()
            elif rng.randrange(PALETTE_EVERY) == 0:
                self.palette()
            else:
                self.key()
            if self.tally.keys % LOOK_EVERY == 0 and self.term.exit_status() is not None:
                self.ended_cleanly("the palette's Quit")  # the only other way out
                self.tally.restarts += 1
                self.start()
        if self.term.exit_status() is None:
            self.term.send("Escape")
            time.sleep(KEY_GAP)
            self.quit()
        self.ended_cleanly("the last ctrl+q")
        self.tally.seconds = time.monotonic() - began
        return self.tally


def test_random_use_never_crashes_and_the_data_still_reads(app: App, terminal: Terminal) -> None:
    print(f"stress seed {SEED}, {KEYS} keys")
    tally = Stress(app, terminal, SEED).run(KEYS)
    print(tally.line())
    print("starts:", ", ".join(tally.starts))

    log = app.data / "errors.log"
    assert not log.exists() or not log.read_text(encoding="utf-8"), (tally.line(), log.read_text())
    history = json.loads(app.cli("history", "--days", "30", "--format", "json"))
    assert len(history) == 30
    today = json.loads(app.cli("today", "--json"))
    assert today["date"] == history[-1]["date"]
    assert tally.restarts >= 1 and tally.small >= 1, tally.line()
