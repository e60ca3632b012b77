"""The quick commands load only what they use: ``today``, ``checkin`` and ``status`` answer
from a prompt or a status bar, and must not pay for Textual, Rich or pendulum."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from cli_support import run_cli
from fresh_python import MARK, marked_line

HEAVY = ("textual", "rich", "pendulum")


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A half marathon two days ago (so Today's headline says how long ago) and a
    check-in, dated by the real clock the commands below read."""
    data = tmp_path_factory.mktemp("hygiene") / "data"
    ran = (date.today() - timedelta(days=2)).isoformat()
    logged = run_cli(
        "log-run", "--distance-km", "21.1", "--kind", "race", "--date", ran, data_dir=data
    )
    assert logged.returncode == 0, logged.stderr
    checked = run_cli("checkin", "--sore", "ankles=6", "--energy", "5", data_dir=data)
    assert checked.returncode == 0, checked.stderr
    return data


@pytest.mark.parametrize(
    "args",
    [
        ["today"],
        ["today", "--json"],
        ["status"],
        ["status", "--format", "json"],
        ["checkin", "--sore", "knees=3"],
        ["checkin", "--energy", "6", "--note", "easy day"],
    ],
    ids=" ".join,
)
def test_a_quick_command_loads_no_ui_and_no_pendulum(data_dir: Path, args: list[str]) -> None:
    # A fresh interpreter: this test process has loaded them all long ago.
    code = (
        "import sys\n"
        "from recovery_tui.cli import main\n"
        f"code = main({args!r})\n"
        f"loaded = [m for m in {HEAVY!r} if m in sys.modules]\n"
        f"print({MARK!r} + ','.join(loaded) + ' exit ' + str(code))\n"
    )
    env = {
        "RECOVERY_TUI_DATA_DIR": str(data_dir),
        "RECOVERY_TUI_CONFIG_DIR": str(data_dir.parent / "config"),
    }
    loaded, _, code_text = marked_line(code, env=env).partition(" exit ")
    assert code_text == "0", f"exit {code_text}"
    assert loaded == "", f"recovery-tui {' '.join(args)} loads {loaded}"


def test_the_headline_of_today_says_how_long_ago_without_pendulum(data_dir: Path) -> None:
    """The case above really shows the phrase that used to need pendulum."""
    result = run_cli("today", data_dir=data_dir)
    assert result.returncode == 0, result.stderr
    assert "(2 days ago)" in result.stdout
