"""The escape sequence that asks the terminal for a desktop notification, where one works.

Terminals disagree on which sequence they understand and print garbage for the others, so a
sequence is only sent where the environment names a terminal known to take it; elsewhere
(including inside tmux, which drops them unless passthrough is configured) nothing is sent.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

_UNSAFE = re.compile(r"[\x00-\x1f\x7f-\x9f]")

# OSC 9 (iTerm2's) takes one text; OSC 777 (urxvt's, adopted by VTE, foot, Ghostty,
# WezTerm) takes a title and a body; OSC 99 is kitty's own.
_OSC9_PROGRAMS = frozenset({"iTerm.app"})
_OSC777_PROGRAMS = frozenset({"ghostty", "WezTerm"})
_VTE_WITH_NOTIFY = 4600  # older VTE printed OSC 777 as text


def _clean(text: str, separator: str = "") -> str:
    text = _UNSAFE.sub(" ", text)
    return text.replace(separator, ",") if separator else text


def notification_sequence(title: str, body: str, env: Mapping[str, str]) -> str | None:
    """The escape sequence that shows a desktop notification in this terminal, or None."""
    if env.get("TMUX"):
        return None
    program = env.get("TERM_PROGRAM", "")
    term = env.get("TERM", "")
    if program in _OSC9_PROGRAMS:
        return f"\x1b]9;{_clean(title)}: {_clean(body)}\x07"
    if env.get("KITTY_WINDOW_ID") or term == "xterm-kitty":
        return f"\x1b]99;;{_clean(title)}: {_clean(body)}\x1b\\"
    vte = env.get("VTE_VERSION", "")
    if (
        program in _OSC777_PROGRAMS
        or term.startswith(("rxvt", "foot"))
        or (vte.isdigit() and int(vte) >= _VTE_WITH_NOTIFY)
    ):
        return f"\x1b]777;notify;{_clean(title, ';')};{_clean(body, ';')}\x07"
    return None
