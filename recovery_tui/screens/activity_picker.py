"""Pick the file of a run (GPX, TCX or FIT) to log it: a folder tree that starts where
browsers and phones put downloads. Files are recognised by their content when read, so
the tree shows every file; the usual ones come first in the hint."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import DirectoryTree, Static

from recovery_tui.domain.text import one_line
from recovery_tui.paths import style
from recovery_tui.screens.chrome import quitting
from recovery_tui.widgets.file_tree import FileTree


def downloads_folder() -> Path:
    """The user's Downloads folder, else the home folder."""
    import platformdirs

    for candidate in (Path(platformdirs.user_downloads_dir()), Path.home() / "Downloads"):
        if candidate.is_dir():
            return candidate
    return Path.home()


class ActivityFilePicker(ModalScreen[Path | None]):
    """Dismissed with the file chosen, or None."""

    CSS_PATH: ClassVar = [style("modals.tcss")]
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel"),
        Binding("backspace", "up", "Up a folder"),
    ]

    def __init__(self, start: Path | None = None) -> None:
        super().__init__()
        self.start = start or downloads_folder()

    def compose(self) -> ComposeResult:
        with Vertical(id="picker-dialog", classes="dialog"):
            yield Static("Log a run from its file", classes="dialog-title")
            yield Static(
                Content("A GPX, TCX or FIT file from your watch or phone (gzipped is fine)."),
                classes="hint",
            )
            yield Static(Content(one_line(str(self.start))), id="picker-folder", classes="hint")
            yield FileTree(self.start, id="picker-tree")
            yield Static(
                Content("enter opens a folder or reads a file · backspace up · esc cancel"),
                classes="hint",
            )

    def on_mount(self) -> None:
        if not quitting(self):
            self.query_one(DirectoryTree).focus()

    @on(DirectoryTree.FileSelected)
    def _chosen(self, event: DirectoryTree.FileSelected) -> None:
        event.stop()
        self.dismiss(Path(event.path))

    def action_up(self) -> None:
        tree = self.query_one(DirectoryTree)
        parent = Path(tree.path).parent
        tree.path = parent
        self.query_one("#picker-folder", Static).update(Content(one_line(str(parent))))

    def action_cancel(self) -> None:
        self.dismiss(None)
