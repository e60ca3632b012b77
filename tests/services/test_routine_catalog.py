"""Custom routines from TOML: good files load, each bad one is reported by name."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from recovery_tui.domain.models import Area
from recovery_tui.domain.routines import Routine
from recovery_tui.services.routine_catalog import all_routines, load_custom_routines

GOOD = """
name = "Evening calves"
[[steps]]
name = "Wall calf stretch"
seconds = 45
sides = true
areas = ["calves", "ankles"]
how = "Hands on the wall, back heel down, lean in."
[[steps]]
name = "Rest"
seconds = 20
"""


def write(config: Path, stem: str, text: str | bytes) -> Path:
    folder = config / "routines"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{stem}.toml"
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def test_a_good_file_loads_with_its_stem_as_id(tmp_path: Path) -> None:
    path = write(tmp_path, "evening-calves", GOOD)
    routines, errors = load_custom_routines(tmp_path)
    assert errors == []
    [routine] = routines
    assert routine.id == "evening-calves"
    assert routine.name == "Evening calves"
    assert routine.kind == "routine"
    assert routine.source == str(path)
    assert routine.steps[0].sides is True
    assert routine.steps[0].areas == (Area.CALVES, Area.ANKLES)
    assert routine.steps[1].how == ""
    assert routine.total_seconds == 45 * 2 + 5 + 20


def test_repeated_holds_with_a_release(tmp_path: Path) -> None:
    write(
        tmp_path,
        "holds",
        'name = "Holds"\n[[steps]]\nname = "Calf"\nseconds = 30\nreps = 3\nrelease = 10\n'
        'sides = true\n[[steps]]\nname = "Quad"\nseconds = 30\nreps = 2\n',
    )
    routines, errors = load_custom_routines(tmp_path)
    assert errors == []
    calf, quad = routines[0].steps
    assert (calf.reps, calf.release, quad.reps, quad.release) == (3, 10, 2, 5)
    assert routines[0].total_seconds == 2 * (3 * 30 + 2 * 10) + 5 + (2 * 30 + 5)


def test_no_routines_folder_is_not_an_error(tmp_path: Path) -> None:
    assert load_custom_routines(tmp_path) == ([], [])


BAD = {
    "bad-toml": ('name = "x"\n[[steps]\n', "not valid TOML"),
    "no-name": ('[[steps]]\nname = "a"\nseconds = 5\n', "missing 'name'"),
    "no-steps": ('name = "x"\n', "no steps"),
    "zero-seconds": ('name = "x"\n[[steps]]\nname = "a"\nseconds = 0\n', "from 1 to 3600"),
    "too-long": ('name = "x"\n[[steps]]\nname = "a"\nseconds = 3601\n', "from 1 to 3600"),
    "float-seconds": ('name = "x"\n[[steps]]\nname = "a"\nseconds = 1.5\n', "whole number"),
    "bool-seconds": ('name = "x"\n[[steps]]\nname = "a"\nseconds = true\n', "whole number"),
    "text-seconds": ('name = "x"\n[[steps]]\nname = "a"\nseconds = "30"\n', "whole number"),
    "unknown-area": (
        'name = "x"\n[[steps]]\nname = "a"\nseconds = 5\nareas = ["elbows"]\n',
        "unknown area 'elbows'",
    ),
    "bad-sides": ('name = "x"\n[[steps]]\nname = "a"\nseconds = 5\nsides = "yes"\n', "sides"),
    "bad-kind": ('name = "x"\nkind = "dance"\n[[steps]]\nname = "a"\nseconds = 5\n', "kind"),
    "typo-key": ('name = "x"\n[[steps]]\nname = "a"\nsecs = 5\nseconds = 5\n', "'secs'"),
    "zero-reps": ('name = "x"\n[[steps]]\nname = "a"\nseconds = 5\nreps = 0\n', "reps"),
    "many-reps": ('name = "x"\n[[steps]]\nname = "a"\nseconds = 5\nreps = 11\n', "1 to 10"),
    "bool-reps": ('name = "x"\n[[steps]]\nname = "a"\nseconds = 5\nreps = true\n', "reps"),
    "float-reps": ('name = "x"\n[[steps]]\nname = "a"\nseconds = 5\nreps = 2.5\n', "reps"),
    "long-release": (
        'name = "x"\n[[steps]]\nname = "a"\nseconds = 5\nreps = 2\nrelease = 61\n',
        "release must be from 0 to 60",
    ),
    "negative-release": (
        'name = "x"\n[[steps]]\nname = "a"\nseconds = 5\nrelease = -1\n',
        "release",
    ),
}


@pytest.mark.parametrize("stem", sorted(BAD))
def test_each_bad_file_is_named_with_its_reason(tmp_path: Path, stem: str) -> None:
    text, reason = BAD[stem]
    write(tmp_path, stem, text)
    routines, errors = load_custom_routines(tmp_path)
    assert routines == []
    [error] = errors
    assert error.startswith(f"{stem}.toml: ")
    assert reason in error


def test_non_utf8_file_is_reported(tmp_path: Path) -> None:
    write(tmp_path, "latin", 'name = "caf\xe9"\n'.encode("latin-1"))
    _, errors = load_custom_routines(tmp_path)
    assert errors == ["latin.toml: is not UTF-8 text"]


def test_good_files_still_load_beside_bad_ones(tmp_path: Path) -> None:
    write(tmp_path, "a-good", GOOD)
    write(tmp_path, "b-bad", "name = ")
    write(tmp_path, "c-good", GOOD.replace("Evening calves", "Morning calves"))
    routines, errors = load_custom_routines(tmp_path)
    assert [r.id for r in routines] == ["a-good", "c-good"]
    assert len(errors) == 1 and errors[0].startswith("b-bad.toml: ")


def test_areas_accept_spaces_and_capitals(tmp_path: Path) -> None:
    write(
        tmp_path, "back", 'name = "x"\n[[steps]]\nname = "a"\nseconds = 5\nareas = ["Lower back"]\n'
    )
    routines, errors = load_custom_routines(tmp_path)
    assert errors == []
    assert routines[0].steps[0].areas == (Area.LOWER_BACK,)


def test_all_routines_lists_builtins_then_custom(tmp_path: Path) -> None:
    write(tmp_path, "evening-calves", GOOD)
    catalog = all_routines(tmp_path)
    ids = [r.id for r in catalog.routines]
    assert catalog.errors == ()
    assert ids[0] == "walk-10" and "stretch-30" in ids
    assert ids[-1] == "evening-calves"


def test_custom_id_clashing_with_a_builtin_is_reported_not_loaded(tmp_path: Path) -> None:
    write(tmp_path, "stretch-30", GOOD)
    catalog = all_routines(tmp_path)
    [stretch] = [r for r in catalog.routines if r.id == "stretch-30"]
    assert stretch.source == "built-in"
    assert len(catalog.errors) == 1
    assert catalog.errors[0].startswith("stretch-30.toml: ") and "built-in" in catalog.errors[0]


def test_a_file_nested_thousands_deep_is_reported_not_a_crash(tmp_path: Path) -> None:
    """tomllib recurses per nested array: such a file once raised RecursionError out of
    every session start (each reads the custom files) and out of the resume offer."""
    write(tmp_path, "deep", "a = " + "[" * 5000 + "]" * 5000 + "\n")
    write(tmp_path, "good", GOOD)
    catalog = all_routines(tmp_path)
    assert catalog.errors == ("deep.toml: is nested too deeply to be a routine",)
    assert catalog.routines[-1].id == "good"


def test_a_fifo_named_like_a_routine_is_reported_without_blocking(tmp_path: Path) -> None:
    folder = tmp_path / "routines"
    folder.mkdir()
    os.mkfifo(folder / "pipe.toml")  # reading it would wait for a writer forever
    found: list[tuple[list[Routine], list[str]]] = []
    reader = threading.Thread(target=lambda: found.append(load_custom_routines(tmp_path)))
    reader.daemon = True  # left behind if it blocks: the assertion below says so
    reader.start()
    reader.join(timeout=10)
    assert found == [([], ["pipe.toml: is not a regular file"])]


def test_names_and_how_to_from_a_file_are_cleaned_as_they_load(tmp_path: Path) -> None:
    """Every screen, record and line of output then gets clean text; markup stays as
    typed (it is text)."""
    write(
        tmp_path,
        "odd",
        'name = "Calf [b]x10[/b]\\u001b[31m\\nand more"\n'
        "[[steps]]\n"
        'name = "[/] Foam\\u202erolls\\u0007"\n'
        "seconds = 30\n"
        'how = "Line one\\u0000\\nline two\\u009b"\n',
    )
    [routine], errors = load_custom_routines(tmp_path)
    assert errors == []
    assert routine.name == "Calf [b]x10[/b][31m and more"
    assert routine.steps[0].name == "[/] Foamrolls"
    assert routine.steps[0].how == "Line one\nline two"
