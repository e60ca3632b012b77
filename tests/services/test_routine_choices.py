"""The picker's list in words: its order, what each entry says, the search, and the
adapted stretch withheld under a red flag."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pendulum
import pytest
from routine_files import EVENING_CALVES, TYPO, write_routine

from recovery_tui.domain.adaptive import adaptive_stretch
from recovery_tui.domain.clock import FakeClock
from recovery_tui.domain.formats import clock_text
from recovery_tui.domain.models import Area, CheckIn, RedFlag
from recovery_tui.domain.routine_library import builtin_routines
from recovery_tui.services.journal import Journal
from recovery_tui.services.routine_catalog import ADAPTIVE, RoutineCatalog
from recovery_tui.services.routine_choices import (
    ADAPTIVE_TITLE,
    BUILT_IN,
    broken_matching,
    routine_menu,
    search,
)
from recovery_tui.store import Repository

DAY = date(2026, 11, 26)


@pytest.fixture
def journal(tmp_path: Path) -> Iterator[Journal]:
    clock = FakeClock(pendulum.datetime(2026, 11, 26, 9, tz="Europe/Paris"))
    with Repository.open(tmp_path / "data", clock) as repo:
        yield Journal(repo, clock)


@pytest.fixture
def catalog(journal: Journal, tmp_path: Path) -> RoutineCatalog:
    return RoutineCatalog(journal, tmp_path / "config")


def checkin(flags: frozenset[RedFlag] = frozenset()) -> CheckIn:
    return CheckIn(DAY, {Area.GLUTES: 7}, "2026-11-26T08:00:00Z", "Europe/Paris", red_flags=flags)


def test_adapted_first_then_built_ins_then_custom(
    catalog: RoutineCatalog, journal: Journal, tmp_path: Path
) -> None:
    path = write_routine(tmp_path / "config", "evening", EVENING_CALVES)
    write_routine(tmp_path / "config", "typo", TYPO)
    journal.save_checkin(checkin())
    menu = routine_menu(catalog, DAY, None)
    ids = [choice.routine_id for choice in menu.choices]
    assert ids == [ADAPTIVE, *(r.id for r in builtin_routines()), "evening"]
    adapted = menu.choices[0]
    assert adapted.title == ADAPTIVE_TITLE and adapted.offered
    assert adapted.routine == adaptive_stretch(checkin()) and adapted.routine.reasons
    evening = menu.choices[-1]
    assert evening.source == str(path) and evening.file_name == "evening.toml"
    assert evening.listed == f"{clock_text(125)} · calves, ankles · evening.toml"
    assert menu.choices[1].source == BUILT_IN
    assert menu.broken == ("typo.toml: step 1: unknown key 'secs'",)


def test_every_word_typed_must_match(catalog: RoutineCatalog, tmp_path: Path) -> None:
    write_routine(tmp_path / "config", "evening", EVENING_CALVES)
    choices = routine_menu(catalog, DAY, None).choices
    assert [c.routine_id for c in search(choices, "EVENING.toml")] == ["evening"]
    assert [c.routine_id for c in search(choices, "walk 12")] == ["walk-12"]
    assert {c.routine_id for c in search(choices, "  ")} == {c.routine_id for c in choices}
    assert search(choices, "walk evening") == []


def test_broken_files_are_searched_too() -> None:
    lines = ["typo.toml: step 1: unknown key 'secs'", "x.toml: is not UTF-8 text"]
    assert broken_matching(lines, "TYPO secs") == lines[:1]
    assert broken_matching(lines, "") == lines


def test_a_file_name_with_control_characters_is_one_plain_line(
    catalog: RoutineCatalog, tmp_path: Path
) -> None:
    write_routine(tmp_path / "config", "bad\x1b[31m", 'name = "x"\n')
    (line,) = routine_menu(catalog, DAY, None).broken
    assert "\x1b" not in line and "bad[31m.toml" in line
