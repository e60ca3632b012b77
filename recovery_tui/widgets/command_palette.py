"""The command palette, with page keys that wait until there is a page.

Textual's palette hands page up and page down to its list of commands, which looks up the
line of the highlighted command. While the list is not laid out yet it has no lines, and
the lookup raises KeyError, stopping the app: ctrl+p, ``h``, enter and page down typed
together did (enter picked "Theme", and the theme picker, a palette too, got the page key
as it opened). Found by the random-use stress test; the reproduction in a bare Textual app
is in tests/reliability/test_rel_textual_palette.py. The app opens this palette wherever
Textual would open its own (``app/palettes.py``).
"""

from __future__ import annotations

from textual.command import CommandList, CommandPalette

PAGE_ACTIONS = frozenset({"page_up", "page_down"})


class SteadyPalette(CommandPalette):
    """Textual's palette; a page key while the list has no room yet does nothing."""

    def _action_command_list(self, action: str) -> None:
        if action in PAGE_ACTIONS and not self.query_one(CommandList).scrollable_content_region:
            return
        super()._action_command_list(action)
