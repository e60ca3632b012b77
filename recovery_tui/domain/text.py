"""Text from users and files, made safe to show: the one cleaning every output path uses.

Notes, routine names and steps, ids, file paths and error messages quoting them may hold
control characters (an escape sequence would act on the terminal, a NUL cut a line short)
or lone surrogates (they cannot be encoded at all). ``plain`` keeps the words and drops
those; what it returns is still *text*, to be shown as text and never parsed as markup.
"""

from __future__ import annotations

import re

# C0 controls but tab and line feed, DEL, and the C1 controls (ESC's 8-bit cousins).
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_SURROGATES = re.compile("[\ud800-\udfff]")
_LINE_BREAKS = re.compile(r"\s*[\n\t]\s*")


def plain(text: str) -> str:
    """``text`` without control characters; a lone surrogate becomes U+FFFD."""
    cleaned = _CONTROLS.sub("", text)
    if not cleaned.isascii():
        cleaned = _SURROGATES.sub("\ufffd", cleaned)
    return cleaned


def one_line(text: str) -> str:
    """``plain`` on a single line: breaks and tabs become single spaces (names, ids)."""
    return _LINE_BREAKS.sub(" ", plain(text)).strip()
