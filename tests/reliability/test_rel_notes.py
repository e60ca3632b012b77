"""Notes with any text a user (or a broken terminal) can produce are kept as cleaned and
never break the file they are stored in."""

from __future__ import annotations

import json
import tempfile
from datetime import date
from pathlib import Path

import pytest
from app_factory import fixed_clock
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rel_support import assert_one_clear_line, cli

from recovery_tui.domain.clock import SystemClock, today
from recovery_tui.domain.models import Area, CheckIn
from recovery_tui.domain.validation import MAX_NOTE_CHARS, InvalidValue, clean_note
from recovery_tui.services.journal import Journal
from recovery_tui.store import Repository

SPECIALS = [
    "🏃‍♀️",  # emoji joined by a zero-width joiner
    "👍🏽",
    "שלום",  # right-to-left
    "مرحبا",
    "\u202e",  # right-to-left override
    "\u200f",
    "\x00",
    "\ud800",  # lone surrogates: what a broken paste can leave in a str
    "\udfff",
    "e\u0301",
    "\u2028",
    "\r\n",
    '"}]',
    "\\",
]
notes = st.lists(
    st.one_of(
        st.text(st.characters(exclude_categories=()), max_size=20), st.sampled_from(SPECIALS)
    ),
    max_size=15,
).map("".join)


def month_files(data: Path) -> list[Path]:
    return [data / "recovery.json", *sorted((data / "months").glob("*.json"))]


def assert_files_parse(data: Path) -> None:
    for path in month_files(data):
        json.loads(path.read_bytes().decode("utf-8"))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=notes)
def test_a_note_saved_through_the_journal_reads_back_cleaned(text: str) -> None:
    clock = fixed_clock()
    day = today(clock)
    cleaned = clean_note(text)
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        with Repository.open(data, clock) as repo:
            Journal(repo, clock).save_checkin(
                CheckIn(day, {Area.ANKLES: 2}, "2026-11-26T08:30:00Z", "Europe/Paris", note=cleaned)
            )
        with Repository.open(data, clock) as repo:
            stored = repo.checkin(day)
            assert repo.notices == []
        assert stored is not None and stored.note == cleaned
        assert_files_parse(data)
    assert "\x00" not in cleaned
    cleaned.encode("utf-8")  # no lone surrogate survives


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=notes)
def test_a_note_given_to_checkin_on_the_command_line_reads_back_cleaned(text: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        with pytest.MonkeyPatch.context() as mp:
            capture = _Capture()
            mp.setattr("sys.stdout", capture)
            mp.setattr("sys.stderr", capture)
            from recovery_tui.cli import main

            # "--note=TEXT": a note starting with "-" would otherwise read as an option.
            code = main(["checkin", f"--note={text}", "--data-dir", str(data)])
        assert code == 0, capture.text
        clock = SystemClock()
        with Repository.open(data, clock) as repo:
            stored = repo.checkin(today(clock))
        assert stored is not None and stored.note == clean_note(text)
        assert_files_parse(data)


class _Capture:
    """A stand-in for stdout/stderr (hypothesis cannot share pytest's capsys)."""

    def __init__(self) -> None:
        self.text = ""

    def write(self, text: str) -> int:
        self.text += text
        return len(text)

    def flush(self) -> None:
        pass


def test_a_very_long_note_is_refused_with_one_line_and_nothing_saved(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    with pytest.raises(InvalidValue, match="too long"):
        clean_note("🏃" * (MAX_NOTE_CHARS + 1))
    code, _out, err = cli(capsys, data, "checkin", "--note", "x" * 100_000)
    assert code == 2
    assert "too long" in assert_one_clear_line(err)
    assert not (data / "months").exists() or not any((data / "months").glob("*.json"))


def test_a_note_of_exactly_the_limit_is_kept_whole(tmp_path: Path) -> None:
    clock = fixed_clock()
    note = clean_note("ש" * MAX_NOTE_CHARS)
    with Repository.open(tmp_path / "data", clock) as repo:
        repo.save_checkin(CheckIn(date(2026, 11, 26), {}, "2026-11-26T08:30:00Z", "UTC", note=note))
        assert repo.checkin(date(2026, 11, 26)).note == note  # type: ignore[union-attr]
