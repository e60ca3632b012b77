"""Every command palette the app opens (the commands, Textual's theme picker and command
lists) is the steady one of ``widgets/command_palette.py``: Textual opens its own in
three places, each replaced here with the same arguments."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from textual.command import CommandListItem, CommandPalette, SimpleProvider
from textual.theme import ThemeProvider
from textual.widget import AwaitMount

from recovery_tui.widgets.command_palette import SteadyPalette

if TYPE_CHECKING:
    from recovery_tui.app.main import RecoveryApp


class SteadyPalettes:
    """Part of ``RecoveryApp`` (a mixin): the palettes it opens."""

    def action_command_palette(self: RecoveryApp) -> None:
        if self.use_command_palette and not CommandPalette.is_open(self):
            self.push_screen(SteadyPalette(id="--command-palette"))

    def search_themes(self: RecoveryApp) -> None:
        self.push_screen(SteadyPalette(providers=[ThemeProvider], placeholder="Search for themes…"))

    def search_commands(
        self: RecoveryApp,
        commands: Sequence[CommandListItem],
        placeholder: str = "Search for commands…",
    ) -> AwaitMount:
        return self.push_screen(
            SteadyPalette(
                providers=[SimpleProvider(self.screen, commands)], placeholder=placeholder
            )
        )
