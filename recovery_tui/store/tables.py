"""TinyDB tables keyed by the record's own identity (a run id, a day, a day + task id).

Stock TinyDB numbers documents and remembers the next number in memory, which a second
running copy would not know about. Natural string keys make every write an idempotent
"put this record under its key", safe to re-apply on top of whatever is on disk.
Each operation is a single read-modify-write of the file.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from tinydb import TinyDB
from tinydb.table import Table

from recovery_tui.store.atomic import AtomicJSONStorage, Tables, Validator

Doc = dict[str, Any]


class KeyedTable(Table):
    document_id_class = str  # type: ignore[assignment]

    def doc(self, key: str) -> Doc | None:
        found = self._read_table().get(key)
        return dict(found) if found is not None else None

    def docs(self) -> dict[str, Mapping[str, Any]]:
        """All documents by key, as stored (read-only: do not change them)."""
        return self._read_table()  # type: ignore[return-value]

    def put(self, key: str, doc: Mapping[str, Any]) -> None:
        def updater(table: dict) -> None:
            table[key] = dict(doc)

        self._update_table(updater)

    def delete(self, key: str) -> bool:
        found: list[bool] = []

        def updater(table: dict) -> None:
            found.append(table.pop(key, None) is not None)

        self._update_table(updater)
        return found[0]

    def change(self, key: str, compute: Callable[[Doc | None], Doc]) -> Doc:
        """Replace the document under ``key`` by ``compute(current)`` in one write."""
        result: list[Doc] = []

        def updater(table: dict) -> None:
            current = table.get(key)
            new = compute(dict(current) if current is not None else None)
            table[key] = new
            result.append(new)

        self._update_table(updater)
        return result[0]


class KeyedDB(TinyDB):
    table_class = KeyedTable  # type: ignore[assignment]

    def table(self, name: str, **kwargs: Any) -> KeyedTable:  # type: ignore[override]
        return super().table(name, **kwargs)  # type: ignore[return-value]

    @property
    def atomic(self) -> AtomicJSONStorage:
        return self.storage  # type: ignore[return-value]

    def read_all(self) -> Tables:
        return self.atomic.read() or {}

    def write_all(self, tables: Tables) -> None:
        self.atomic.write(tables)


def open_db(
    path: Path,
    validate: Validator | None = None,
    before_write: Callable[[Path], None] | None = None,
) -> KeyedDB:
    return KeyedDB(path, storage=AtomicJSONStorage, validate=validate, before_write=before_write)
