"""Unix manners of the installed command: a reader that goes away (``| head -1``), a closed
or redirected stdin, and a terminal whose encoding lacks characters. Each runs the real
entry point in a subprocess, through a shell where the case needs one."""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

from rel_support import assert_one_clear_line, run_cli

COMMAND = shlex.join([sys.executable, "-m", "recovery_tui"])
# bash reports a program that SIGPIPE ended, or that exits as if it had, as 128 + 13.
SIGPIPE_STATUS = 141


def shell(line: str, data_dir: Path, env: dict[str, str] | None = None) -> tuple[str, str]:
    """Run ``line`` in bash with ``$RT`` as the command; (stdout, stderr)."""
    full_env = {**os.environ, **(env or {}), "RT": COMMAND, "RECOVERY_TUI_DATA_DIR": str(data_dir)}
    done = subprocess.run(
        ["bash", "-c", line], capture_output=True, text=True, env=full_env, timeout=120
    )
    return done.stdout, done.stderr


def test_a_reader_that_goes_away_ends_it_quietly(data_dir: Path) -> None:
    # Three thousand full rows are far more than a pipe holds, so the command is still
    # writing when head has its line and leaves. (Days before the first record print short
    # rows, so the first record is older than the period.)
    first = (date.today() - timedelta(days=3100)).isoformat()
    out, err = shell(
        f"$RT log-run --distance-km 5 --date {first} >/dev/null; "
        "$RT history --days 3000 | head -1; echo status=${PIPESTATUS[0]}",
        data_dir,
    )
    lines = out.splitlines()
    assert lines[0].startswith("Date") and lines[-1] == f"status={SIGPIPE_STATUS}"
    assert err == ""
    assert not (data_dir / "errors.log").exists()


def test_a_reader_that_goes_away_from_csv_and_json_too(data_dir: Path) -> None:
    for fmt in ("csv", "json"):
        out, err = shell(
            f"$RT history --days 3000 --format {fmt} | head -c 10; s=${{PIPESTATUS[0]}}; "
            "echo; echo status=$s",
            data_dir,
        )
        assert out.splitlines()[-1] == f"status={SIGPIPE_STATUS}", (fmt, err)
        assert err == ""
    assert not (data_dir / "errors.log").exists()


def test_the_app_with_stdin_from_dev_null_needs_a_terminal(data_dir: Path) -> None:
    result = run_cli(data_dir=data_dir)  # stdin is /dev/null
    assert result.returncode == 2
    assert "needs a terminal" in assert_one_clear_line(result.stderr)


def test_an_unknown_routine_is_named_before_the_terminal_is_asked_for(data_dir: Path) -> None:
    result = run_cli("stretch", "--routine", "nope", data_dir=data_dir)  # stdin is /dev/null
    assert result.returncode == 2
    assert "no routine called 'nope'" in assert_one_clear_line(result.stderr)


def test_the_app_with_stdin_closed_needs_a_terminal(data_dir: Path) -> None:
    out, err = shell("$RT 0<&-; echo status=$?", data_dir)
    assert out.strip() == "status=2"
    assert "needs a terminal" in assert_one_clear_line(err)
    _, walk_err = shell("$RT walk 0<&- ; true", data_dir)
    assert "needs a terminal" in assert_one_clear_line(walk_err)
    assert not (data_dir / "errors.log").exists()


def test_a_command_with_stdin_closed_still_works(data_dir: Path) -> None:
    out, err = shell("$RT checkin --sore calves=3 0<&- && $RT today --json 0<&-", data_dir)
    assert err == "" and '"calves": 3' in out


LATIN_1 = {"PYTHONIOENCODING": "latin-1"}
NOTE = "Côte → 💪 日本"  # "ô" is in latin-1, the arrow, the emoji and the kanji are not


def test_a_narrow_encoding_gets_replacements_not_a_failure(data_dir: Path, tmp_path: Path) -> None:
    assert (
        run_cli("checkin", "--sore", "calves=3", "--note", NOTE, data_dir=data_dir).returncode == 0
    )
    for args in (
        ("history", "--days", "1", "--format", "csv"),
        ("history", "--days", "1", "--format", "json"),
        ("report",),
    ):
        result = subprocess.run(
            [sys.executable, "-m", "recovery_tui", *args],
            capture_output=True,
            env={**os.environ, **LATIN_1, "RECOVERY_TUI_DATA_DIR": str(data_dir)},
            timeout=60,
            stdin=subprocess.DEVNULL,
        )
        assert result.returncode == 0, (args, result.stderr)
        text = result.stdout.decode("latin-1")
        assert "Côte ? ? ??" in text or args[-1] == "json", (args, text)
        assert result.stderr == b""
    # Exports go to a file in UTF-8 whatever the terminal: the note comes back whole.
    exported = tmp_path / "all.json"
    result = run_cli("export", str(exported), data_dir=data_dir, env=LATIN_1)
    assert result.returncode == 0, result.stderr
    assert NOTE in exported.read_text(encoding="utf-8")
    assert not (data_dir / "errors.log").exists()


def test_an_error_quoting_input_in_a_narrow_encoding_is_one_line(data_dir: Path) -> None:
    result = run_cli("checkin", "--sore", "ankles=٥", data_dir=data_dir, env=LATIN_1)
    assert result.returncode == 2
    assert assert_one_clear_line(result.stderr).startswith("recovery-tui: error:")
