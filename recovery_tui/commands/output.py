"""How every command prints: text from users and files reaches the terminal as plain text.

``say`` and ``warn`` clean whatever they are given with ``domain.text.plain``, so a note or
a file name holding an escape sequence cannot act on the terminal whichever command shows
it. JSON keeps its values exact: the characters a terminal would act on are written as
``\\uXXXX`` escapes, which any JSON reader turns back into the same text.
"""

from __future__ import annotations

import re
import sys

from recovery_tui.domain.text import BIDI_CONTROLS, one_line, plain

PROG = "recovery-tui"

# json.dumps(ensure_ascii=False) escapes the C0 controls but leaves DEL, the C1 controls
# (ESC's 8-bit cousins), lone surrogates (which cannot be encoded at all), the
# bidirectional controls (they reorder the line on screen; see domain/text.py) and the
# line and paragraph separators as they are. They can only stand inside a JSON string,
# where an escape means the same character.
_RAW_IN_JSON = re.compile(f"[\x7f-\x9f\ud800-\udfff{BIDI_CONTROLS}\u2028\u2029]")


def say(text: str = "") -> None:
    """A line (or lines) of output on stdout."""
    print(plain(text))


def warn(text: str) -> None:
    """One line on stderr, named as this program's: a problem or a notice."""
    print(f"{PROG}: {one_line(text)}", file=sys.stderr)


def terminal_safe_json(text: str) -> str:
    """JSON text (from ``json.dumps(..., ensure_ascii=False)``) with every character a
    terminal would act on written as an escape; it decodes to the same values."""
    return _RAW_IN_JSON.sub(lambda found: f"\\u{ord(found.group()):04x}", text)


def say_json(text: str) -> None:
    print(terminal_safe_json(text))
