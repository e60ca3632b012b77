"""Which side of an import keeps a record both sides hold, and what an import says it did.

The newer one wins, by the stamp each kind of record carries: a run and a check-in by
``recorded_at`` (set each time it is saved), a task state by ``updated_at``, a session by
``ended_at`` (one that has ended is newer than the same session still running). When the
stamps cannot tell (equal stamps with different contents, two sessions both still running,
a setting, which carries no stamp) the record here is kept: an import never overwrites
something it cannot show to be older.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import Enum
from pathlib import Path
from typing import Any

from recovery_tui.domain.formats import period_label
from recovery_tui.domain.text import one_line
from recovery_tui.store.partitions import CHECKINS, RUNS, SESSIONS, SETTINGS, TASKS

# The stamp that says when each kind of record was last saved.
STAMPS = {RUNS: "recorded_at", CHECKINS: "recorded_at", TASKS: "updated_at", SESSIONS: "ended_at"}
_KINDS = (RUNS, CHECKINS, TASKS, SESSIONS, SETTINGS)
_NAMED = 3  # kept records are named when there are this many or fewer


class Verdict(Enum):
    ADD = "add"  # not here yet
    SAME = "same"  # here already, as imported
    UPDATE = "update"  # the imported one is newer
    KEEP_NEWER = "keep newer"  # the one here is newer
    KEEP_UNDATED = "keep undated"  # the stamps cannot tell which is newer


def _stamp(doc: Any, name: str) -> datetime | None:
    try:
        return datetime.fromisoformat(doc[name])
    except (KeyError, TypeError, ValueError):
        return None


def verdict(kind: str, old: Any, new: Any) -> Verdict:
    """What becomes of an imported document ``new`` (a setting's value for SETTINGS) where
    ``old`` is the one stored under its key (None if there is none)."""
    if old is None:
        return Verdict.ADD
    if old == new:
        return Verdict.SAME
    name = STAMPS.get(kind)
    if name is None:
        return Verdict.KEEP_UNDATED
    here, there = _stamp(old, name), _stamp(new, name)
    if kind == SESSIONS and (here is None) != (there is None):
        return Verdict.UPDATE if here is None else Verdict.KEEP_NEWER  # ended beats running
    if here is None or there is None or here == there:
        return Verdict.KEEP_UNDATED
    return Verdict.UPDATE if there > here else Verdict.KEEP_NEWER


def label(kind: str, key: str, doc: Any) -> str:
    """'check-in of 26 November 2026', 'setting theme': a kept record, briefly."""
    if kind == SETTINGS:
        return f"setting {one_line(key)}"
    day = date.fromisoformat(doc["day"])
    when = period_label(day, day)
    if kind == RUNS:
        return f"run of {when}"
    if kind == CHECKINS:
        return f"check-in of {when}"
    if kind == TASKS:
        return f"{one_line(doc['task_id'])} task of {when}"
    return f"{one_line(doc['routine_name'])} session of {when}"


@dataclass(slots=True)
class ImportCounts:
    """Per kind: records added, updated, unchanged (kept ones count here too: nothing about
    them changed) and, of the unchanged, those kept because the one here is newer or the
    stamps cannot tell."""

    added: int = 0
    updated: int = 0
    unchanged: int = 0
    kept_newer: int = 0
    kept_undated: int = 0

    def count(self, said: Verdict) -> None:
        if said is Verdict.ADD:
            self.added += 1
        elif said is Verdict.UPDATE:
            self.updated += 1
        else:
            self.unchanged += 1
            self.kept_newer += said is Verdict.KEEP_NEWER
            self.kept_undated += said is Verdict.KEEP_UNDATED


@dataclass(slots=True)
class ImportResult:
    """What an import did (or, with ``dry_run``, would do), per kind of record (runs,
    checkins, tasks, sessions, settings)."""

    kinds: dict[str, ImportCounts] = field(
        default_factory=lambda: {k: ImportCounts() for k in _KINDS}
    )
    saved_to: Path | None = None  # the files as they were before the import, if any changed
    dry_run: bool = False
    kept_newer: list[str] = field(default_factory=list)  # labels of the records kept
    kept_undated: list[str] = field(default_factory=list)

    def count(self, kind: str, key: str, doc: Any, said: Verdict) -> None:
        self.kinds[kind].count(said)
        if said is Verdict.KEEP_NEWER:
            self.kept_newer.append(label(kind, key, doc))
        elif said is Verdict.KEEP_UNDATED:
            self.kept_undated.append(label(kind, key, doc))

    @property
    def added(self) -> int:
        return sum(c.added for c in self.kinds.values())

    @property
    def updated(self) -> int:
        return sum(c.updated for c in self.kinds.values())

    @property
    def unchanged(self) -> int:
        return sum(c.unchanged for c in self.kinds.values())

    @property
    def message(self) -> str:
        """'Imported 0 new, 0 updated, 1 unchanged; kept 1 newer here (check-in of 26
        November 2026).', or as a dry run 'Would import ...; would keep ...'."""
        verb, keep = ("Would import", "would keep") if self.dry_run else ("Imported", "kept")
        text = f"{verb} {self.added} new, {self.updated} updated, {self.unchanged} unchanged"
        if self.kept_newer:
            text += f"; {keep} {len(self.kept_newer)} newer here{_named(self.kept_newer)}"
        if self.kept_undated:
            text += (
                f"; {keep} {len(self.kept_undated)} here with no date to tell which is newer"
                f"{_named(self.kept_undated)}"
            )
        text += "."
        if self.saved_to is not None:
            text += f" The data from before the import is kept in {self.saved_to}."
        return text


def _named(labels: list[str]) -> str:
    return f" ({', '.join(labels)})" if len(labels) <= _NAMED else ""
