"""The header line of a full screen, safe when the screen closes as it opens.

Textual's ``Header`` fills in its title after it is mounted, looking up its own title
widget. When the screen holding it is closed just as it opens (a key read together with
the one that opened it), that widget is already removed, the lookup raises NoMatches and
the app stops (found by the random-use stress test; the reproduction in a bare Textual
app is in tests/reliability/test_rel_textual_header.py).
"""

from __future__ import annotations

from textual.dom import NoScreen
from textual.events import Mount
from textual.widgets import Header, Static


class TitleBar(Header):
    """Textual's ``Header``, whose title is filled in only while its parts are there."""

    def _on_mount(self, event: Mount) -> None:
        # This replaces Header's own handler (next in line), which sets up the same
        # watches with an unguarded lookup; Widget's handler after it only sets up scroll
        # bars, which a header has none of.
        event.prevent_default()

        async def set_title() -> None:
            try:
                for title in self.query("HeaderTitle").results(Static):
                    title.update(self.format_title())
            except NoScreen:
                pass  # no longer on a screen: nothing to title

        self.watch(self.app, "title", set_title)
        self.watch(self.app, "sub_title", set_title)
        self.watch(self.screen, "title", set_title)
        self.watch(self.screen, "sub_title", set_title)
