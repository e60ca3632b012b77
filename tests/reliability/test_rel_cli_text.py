"""Text is data on the command line: any text in a note, a routine's name, a session's
routine name or a file's name (markup, escape sequences, lone surrogates, right-to-left
marks) goes through every output of ``routines``, ``history`` (table, JSON, CSV),
``today``, ``status``, ``report`` (Markdown and HTML) and ``import``'s error lines without
a control character reaching stdout or stderr and without a crash; JSON gives the note
back exactly."""

from __future__ import annotations

import contextlib
import io
import json
import os
import tempfile
from datetime import timedelta
from pathlib import Path
from unittest import mock

import pendulum
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from shown_text import unsafe

from recovery_tui.cli import main
from recovery_tui.commands import common
from recovery_tui.domain.clock import FakeClock, today
from recovery_tui.domain.models import (
    Area,
    CheckIn,
    RunKind,
    SessionRecord,
    SessionStatus,
    utc_iso,
)
from recovery_tui.services.journal import open_journal

NOW = pendulum.datetime(2026, 11, 26, 19, 30, tz="Europe/Paris")
SPECIALS = [
    "[b]bold[/b]",
    "[/]",
    "[link=http://x]x[/link]",
    "\x1b[2J\x1b[H",  # clear the screen
    "\x1b]0;pwned\x07",  # set the terminal's title
    "\x1b]52;c;ZWNobyBoaQ==\x07",  # write the clipboard
    "\x9b31m",  # 8-bit CSI
    "\x07",
    "\x00",
    "\x7f",
    "\r",
    "\ud800",
    "\udcff",
    "\u202eevil",
    "مرحبا",
    "שלום",
    "=cmd|' /C calc'!A0",
    "-1",
    "</script><svg onload=alert(1)>",
    "`$(reboot)`",
]
hostile = st.lists(
    st.one_of(st.text(max_size=12), st.sampled_from(SPECIALS)), min_size=1, max_size=6
).map("".join)


def run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(args))
    return code, out.getvalue(), err.getvalue()


def fill(data: Path, text: str, clock: FakeClock) -> None:
    journal = open_journal(data, clock)
    day = today(clock)
    stamp = utc_iso(clock.now())
    journal.log_run(21.1, day - timedelta(days=2), effort=8, kind=RunKind.RACE)
    journal.save_checkin(CheckIn(day, {Area.CALVES: 4}, stamp, clock.tz_name, note=text))
    journal.save_session(
        SessionRecord(
            id="s1",
            day=day,
            routine_id=text,
            routine_name=text,
            kind="routine",
            status=SessionStatus.COMPLETED,
            planned_seconds=600,
            actual_seconds=600,
            started_at=stamp,
            ended_at=stamp,
            tz=clock.tz_name,
        )
    )
    journal.close()


def routine_file(config: Path, text: str) -> None:
    folder = config / "routines"
    folder.mkdir(parents=True, exist_ok=True)
    # TOML escapes cannot hold a surrogate: such a file is refused, and its error printed.
    name = json.dumps(text)
    (folder / "hostile.toml").write_text(
        f'name = {name}\n[[steps]]\nname = {name}\nseconds = 30\nareas = ["calves"]\n'
        f"how = {name}\n",
        encoding="utf-8",
        errors="surrogateescape",
    )


def file_named(folder: Path, text: str) -> Path:
    name = text.replace("/", "_").replace("\x00", "_").strip() or "x"
    try:
        raw = os.fsencode(name)
    except UnicodeEncodeError:  # a surrogate a file name cannot hold
        raw = name.encode("utf-8", "replace")
    raw = raw[:200] or b"x"
    if raw in (b".", b".."):
        raw = b"dots"
    path = folder / os.fsdecode(raw)
    path.write_bytes(b"this is no activity\n")
    return path


@settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(text=hostile)
def test_any_text_reaches_every_cli_output_as_plain_text(text: str) -> None:
    clock = FakeClock(NOW)
    with (
        tempfile.TemporaryDirectory() as tmp,
        mock.patch.object(common, "system_clock", lambda: clock),
    ):
        data, config = Path(tmp) / "data", Path(tmp) / "config"
        fill(data, text, clock)
        routine_file(config, text)
        dirs = ("--data-dir", str(data), "--config-dir", str(config))
        outputs: dict[str, tuple[int, str, str]] = {}
        for args in (
            ("routines",),
            ("history",),
            ("history", "--format", "json"),
            ("history", "--format", "csv"),
            ("today",),
            ("today", "--json"),
            ("status",),
            ("status", "--format", "json"),
            ("report",),
            ("report", "--format", "html"),
            ("import", str(file_named(Path(tmp), text))),
        ):
            outputs[" ".join(args)] = run(*args, *dirs)
        for name, (code, out, err) in outputs.items():
            assert code == (1 if name.startswith("import") else 0), (name, err)
            assert not unsafe(out), (name, unsafe(out))
            assert not unsafe(err), (name, unsafe(err))
            assert "something went wrong" not in err, (name, err)
        history = json.loads(outputs["history --format json"][1])
        assert history[-1]["note"] == text  # JSON keeps the note exactly
        assert json.loads(outputs["today --json"][1])["checkin"]["note"] == text
        assert (
            "is not a GPX, TCX or FIT activity file"
            in outputs[next(name for name in outputs if name.startswith("import"))][2]
        )
