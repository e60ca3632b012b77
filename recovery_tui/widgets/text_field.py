"""A one-line text field that holds text only: what is pasted into it is cleaned first.

Textual's ``Input`` takes a paste as it comes, escape sequences included, and draws them
as they are, so a pasted ESC would act on the terminal from inside a dialog. Keys typed
one by one are printable already; a paste is the way control characters get in.
"""

from __future__ import annotations

from textual import events
from textual.widgets import Input

from recovery_tui.domain.text import one_line


class TextField(Input):
    """An ``Input`` whose pastes are cleaned (``domain.text.one_line``): the lines of a
    pasted note join with spaces instead of all but the first being dropped."""

    def _on_paste(self, event: events.Paste) -> None:
        # Input's own handler would insert the raw text: it must not run after this one.
        event.prevent_default()
        event.stop()
        text = one_line(event.text)
        if not text:
            return
        if self.selection.is_empty:
            self.insert_text_at_cursor(text)
        else:
            self.replace(text, *self.selection)
