"""A folder tree whose file names are shown as text.

Textual's ``DirectoryTree`` reads each name as markup (``Tree.process_label``): a file
named ``[red]run.gpx`` would lose its brackets and turn red, one named
``[@click=app.quit]run.gpx`` would become a link to an action, and escape codes or a
right-to-left override in a name would reach the terminal.
"""

from __future__ import annotations

from rich.text import Text, TextType
from textual.widgets import DirectoryTree

from recovery_tui.domain.text import one_line


class FileTree(DirectoryTree):
    """``DirectoryTree`` with names cleaned onto one plain line (``domain.text.one_line``)."""

    def process_label(self, label: TextType) -> Text:
        if isinstance(label, str):
            return Text(one_line(label))
        return super().process_label(label)
